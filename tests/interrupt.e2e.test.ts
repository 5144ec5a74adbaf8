// A run killed midway leaves the earlier output as it was and no temporary folder behind.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, watch, writeFileSync, mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stressParagraph, type StressPattern } from '@roundup/parser';
import { describe, expect, it } from 'vitest';
import { CLI, folderSnapshot, ROOT, runCli, stopCommand } from './helpers.js';

/** Resolves when a run's temporary folder appears in `base`: the run has started. */
function runStarted(base: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const watcher = watch(base, (_event, name) => {
      if (name?.startsWith('.roundup-tmp-')) {
        watcher.close();
        resolve();
      }
    });
  });
}

describe('an interrupted run', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'keeps the previous out/ intact and removes its temporary folder (%s)',
    async (signal) => {
      const base = mkdtempSync(join(tmpdir(), 'roundup-kill-'));
      const out = join(base, 'out');
      expect((await runCli(['--out', out])).code).toBe(0);
      const before = folderSnapshot(out);

      // A corpus large enough that the run is still going when the signal comes.
      const sample = JSON.parse(readFileSync(join(ROOT, 'data/sample/rmrb-20191218-2-06.json'), 'utf8'));
      const lines = Array.from({ length: 4000 }, (_, i) =>
        JSON.stringify({ ...sample, url: `${sample.url}?copy=${i}`, text: `${sample.text}\n第${i}份副本。` }),
      );
      writeFileSync(join(base, 'big.jsonl'), lines.join('\n'));

      const started = new Promise<void>((resolve) => {
        const watcher = watch(base, (_event, name) => {
          if (name?.startsWith('.roundup-tmp-')) {
            watcher.close();
            resolve();
          }
        });
      });
      const child = spawn('node', [CLI, join(base, 'big.jsonl'), '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'close');
      await started;
      child.kill(signal);
      const [code, killedBy] = await exited;
      expect(code === null ? killedBy : code).not.toBe(0);
      expect(folderSnapshot(out)).toEqual(before);
      expect(stderr).toContain(`roundup: interrupted; the run's files were removed and ${out} is as it was before the run`);
      expect(readdirSync(base).sort()).toEqual(['big.jsonl', 'out']);
    },
    120_000,
  );

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'ends at once in the middle of an article of a million characters, with --jobs 1 (%s)',
    async (signal) => {
      const base = mkdtempSync(join(tmpdir(), 'roundup-kill-long-'));
      const out = join(base, 'out');
      expect((await runCli(['--out', out])).code).toBe(0);
      const before = folderSnapshot(out);

      // Four one-paragraph articles near the size limit, a few seconds of extraction each: in the main thread, their batch
      // would keep the signal waiting until all four were done.
      const patterns: StressPattern[] = ['place-money', 'percent', 'mixed', 'places'];
      const lines = patterns.map((pattern) =>
        JSON.stringify({ url: `https://example.com/${pattern}`, title: pattern, text: stressParagraph(pattern, 990_000), date: '2020-01-01' }),
      );
      writeFileSync(join(base, 'long.jsonl'), lines.join('\n'));

      const started = runStarted(base);
      const child = spawn('node', [CLI, join(base, 'long.jsonl'), '--out', out, '--jobs', '1', '--quiet'], { stdio: 'ignore' });
      const exited = once(child, 'exit');
      await started;
      // Past reading: the first article is being extracted.
      await sleep(1500);
      const { status, seconds } = await stopCommand(child, exited, signal);
      expect(status).toBe(signal === 'SIGTERM' ? 143 : 130);
      // Within a second on a quiet machine; the bound leaves room for a busy one, far below the articles' extraction.
      expect(seconds).toBeLessThan(5);
      expect(folderSnapshot(out)).toEqual(before);
      expect(readdirSync(base).sort()).toEqual(['long.jsonl', 'out']);
    },
    120_000,
  );
});
