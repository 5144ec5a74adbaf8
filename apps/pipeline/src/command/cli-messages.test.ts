import { describe, expect, it } from 'vitest';
import { interruptedLine, oneLineUsageError, stageText } from './cli-messages.js';

describe('the command’s messages', () => {
  it('puts commander’s error and its suggestion on one line with a pointer to --help', () => {
    expect(oneLineUsageError("error: unknown option '--per-artcle'\n(Did you mean --per-article?)\n")).toBe(
      "error: unknown option '--per-artcle' (Did you mean --per-article?); see roundup --help\n",
    );
  });

  it.each([
    ['reading', 0, ''],
    ['reading', 1, ' · 1 briefing'],
    ['workbook', 12, ' · 12 briefings, writing the workbook'],
    ['database', 0, ' · completing the database'],
  ] as const)('names the stage %s with %i per-article briefings', (stage, briefings, text) => {
    expect(stageText(stage, briefings)).toBe(text);
  });

  it('says after an interrupt whether the run had files to remove, clearing the progress line on a terminal', () => {
    expect(interruptedLine(true, '/tmp/out', true)).toBe(
      "\r\u001b[2Kroundup: interrupted; the run's files were removed and /tmp/out is as it was before the run\n",
    );
    expect(interruptedLine(false, '/tmp/out', false)).toBe('roundup: interrupted\n');
  });
});
