// Why earlier results were not reused, in one line for the summary: a rerun that extracts everything again should say so.
import { join, resolve } from 'node:path';
import { CACHE_FOLDER, type ResultCache } from './result-cache.js';

export interface CacheUse {
  cache: ResultCache | undefined;
  /** False when --sqlite asked for every record's rows, which only extraction gives. */
  reuse: boolean;
  outDir: string;
  inputs: readonly string[];
  inputFiles: number;
  reusedFiles: number;
}

/** One line when an earlier run's cache was there but not (or not wholly) used; undefined otherwise or with --no-cache. */
export function cacheNote(use: CacheUse): string | undefined {
  const { cache } = use;
  if (!cache) return undefined;
  const where = join(resolve(use.outDir), CACHE_FOLDER);
  if (cache.unusable) return `earlier results in ${where} not used: ${cache.unusable}`;
  if (!cache.hasPrevious) return undefined;
  if (!use.reuse) return `earlier results in ${where} not used: --sqlite needs every record extracted again`;
  const missed = use.inputFiles - use.reusedFiles;
  if (missed <= 0) return undefined;
  const stdin = use.inputs.includes('-') ? ' (standard input is always read)' : '';
  return `earlier results not used for ${missed} of ${use.inputFiles} input files: new or changed since the run that kept them${stdin}`;
}
