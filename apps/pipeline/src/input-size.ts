// The total size of the inputs, for the progress line's ETA; unknown (0) for standard input.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SAMPLE_INPUT } from './pipeline.js';

export async function inputBytes(inputs: readonly string[]): Promise<number> {
  const walk = async (path: string, depth: number): Promise<number> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return 0;
    if (!info.isDirectory()) return info.size;
    if (depth > 32) return 0;
    let total = 0;
    for (const entry of await readdir(path)) total += await walk(join(path, entry), depth + 1);
    return total;
  };
  if (inputs.includes('-')) return 0;
  let total = 0;
  for (const input of inputs.length > 0 ? inputs : [SAMPLE_INPUT]) total += await walk(input, 0);
  return total;
}
