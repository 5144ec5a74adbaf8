import { describe, expect, it } from 'vitest';
import { StageTimer } from './stage-timer.js';

describe('StageTimer', () => {
  it('gives each stage its own time when one stage pulls from another', async () => {
    let clock = 0;
    const timer = new StageTimer(() => clock);
    async function* read() {
      for (let i = 0; i < 3; i++) {
        clock += 20;
        yield i;
      }
    }
    async function* extract(source: AsyncIterable<number>) {
      for await (const value of source) {
        clock += 5;
        yield value;
      }
    }
    const seen: number[] = [];
    for await (const value of timer.timed('extract', extract(timer.timed('read', read())))) {
      seen.push(value);
      await timer.time('write', async () => {
        clock += 1;
      });
    }
    expect(seen).toEqual([0, 1, 2]);
    // read: 3 × 20 ms; extract: 3 × 5 ms of its own, not the reading it waited for; write: 3 × 1 ms.
    expect(timer.seconds()).toEqual({ read: 0.06, extract: 0.015, write: 0.003, briefing: 0, workbook: 0 });
  });
});
