// The command's lines that are not the summary: a wrong option on one line, the stage the progress line names, and
// what an interrupt leaves behind.
import { resolve } from 'node:path';
import type { RunStage } from '../run/run-tally.js';

/** commander's error and its "Did you mean" on one line, and where to read every option. */
export function oneLineUsageError(text: string): string {
  const line = text.trim().replace(/\s*\n\s*/g, ' ');
  return `${line}; see roundup --help\n`;
}

const STAGE_TEXT: Record<RunStage, string> = {
  reading: '',
  database: 'completing the database',
  workbook: 'writing the workbook',
  briefing: 'laying out the briefing',
  publishing: 'publishing',
};

/** What the progress line adds while the run is past reading: the stage, and the per-article briefings written. */
export function stageText(stage: RunStage, briefings: number): string {
  const parts = [briefings > 0 ? `${briefings} briefing${briefings === 1 ? '' : 's'}` : '', STAGE_TEXT[stage]].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
}

/** After Ctrl-C: the progress line cleared, and what became of the output (`writing`: a run's files were being written). */
export function interruptedLine(terminal: boolean, outDir: string | undefined, writing: boolean): string {
  const out = resolve(outDir ?? 'out');
  const outcome = writing ? `; the run's files were removed and ${out} is as it was before the run` : '';
  return `${terminal ? '\r\u001b[2K' : ''}roundup: interrupted${outcome}\n`;
}
