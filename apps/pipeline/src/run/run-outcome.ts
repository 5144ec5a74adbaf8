// How a finished run ends besides success: no article found at all (exit 1, the output still published so that
// rejects.csv says why), and the list of every file it wrote, for both summaries.
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { RunSummary } from '@roundup/model';
import { defaultSideName, type OutputFolder, type SideOption } from '../output/output-folder.js';
import { entriesBelow } from '../output/output-ownership.js';

/** The run read its inputs but found no article in them: every record read, if any, is a reject. */
export class NoArticlesError extends Error {
  constructor(readonly summary: RunSummary) {
    const rejects = join(summary.outDir, 'rejects.csv');
    super(
      summary.recordsRead === 0
        ? `no article found: the inputs held no records (an empty file or standard input?); see ${rejects}`
        : `no article found in the ${summary.recordsRead} record(s) read; each is in ${rejects} with the reason it was rejected`,
    );
    this.name = 'NoArticlesError';
  }
}

/** Whether `file` lies inside `folder`. */
function inside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

/**
 * Every file the run wrote, as it will be once published: the folder's files relative to it (roundup's own
 * `.roundup-` bookkeeping aside), then a database or workbook outside it by its absolute path.
 */
export async function filesWritten(folder: OutputFolder, sides: Partial<Record<SideOption, string | undefined>>): Promise<string[]> {
  const out = resolve(folder.outDir);
  const outside = (Object.entries(sides) as Array<[SideOption, string | undefined]>).filter(([, path]) => path !== undefined && !inside(out, resolve(path)));
  const waiting = new Set(outside.map(([option]) => defaultSideName(option)));
  const own = (await entriesBelow(folder.temporary)).filter((path) => !path.endsWith('/') && !path.startsWith('.roundup-') && !waiting.has(path));
  return [...own, ...outside.map(([, path]) => resolve(path!))];
}
