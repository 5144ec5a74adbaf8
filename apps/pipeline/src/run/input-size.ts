// The total size of the inputs, for the progress line's ETA; unknown (0) for standard input.
import { stat } from 'node:fs/promises';
import { filesBelow } from '@roundup/parser';
import { SAMPLE_INPUT } from './pipeline.js';

/** Bytes of every file the run will read, walked the way the run walks them; missing paths count 0. */
export async function inputBytes(inputs: readonly string[]): Promise<number> {
  if (inputs.includes('-')) return 0;
  let total = 0;
  for (const input of inputs.length > 0 ? inputs : [SAMPLE_INPUT]) {
    try {
      for await (const file of filesBelow(input)) if (!file.special) total += (await stat(file.path)).size;
    } catch {
      // The run itself reports the unreadable path; the ETA just goes without it.
    }
  }
  return total;
}
