// What is checked before a run reads anything, so that a wrong path or data folder costs nothing and destroys nothing:
// empty paths, an --out that is or holds an input, targets roundup may not replace, and the --data folder.
import { checkNotEmpty, checkOutNotInput, checkTargetsReplaceable, type RunTargets } from '../output/path-checks.js';
import { checkDataFolder, dataFolderNote } from './data-folder.js';

export interface PreflightRequest extends RunTargets {
  /** The inputs the run will read (the bundled sample when none was named). */
  inputs: readonly string[];
  dataDir: string | undefined;
}

/** Throws a UsageError for the first problem found; returns lines for the summary (whose knowledge tables are used). */
export async function checkBeforeRun(request: PreflightRequest): Promise<string[]> {
  checkNotEmpty('--out', request.outDir);
  checkNotEmpty('--data', request.dataDir);
  for (const [option, path] of Object.entries(request.sides)) checkNotEmpty(option, path);
  await checkOutNotInput(request.outDir, request.inputs);
  await checkTargetsReplaceable(request);
  if (request.dataDir === undefined) return [];
  return [dataFolderNote(await checkDataFolder(request.dataDir))];
}
