// --data checked before the run: the folder must exist and its tables must load; a table it lacks is the bundled one.
// A problem here is a usage error (exit 2) found before any input is read, not a failure halfway through.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createExtractor, DEFAULT_DATA_DIR, EXTRACTOR_DATA_FILES } from '@roundup/parser';
import { UsageError } from '../output/output-folder.js';

/** Which knowledge tables a run takes from the user's --data folder and which from the bundled data/. */
export interface DataFolderUse {
  folder: string;
  own: string[];
  bundled: string[];
}

/** Checks a --data folder and loads its tables once (as extraction will), so that a bad table is reported before the run. */
export async function checkDataFolder(dataDir: string): Promise<DataFolderUse> {
  const folder = resolve(dataDir);
  const found = await stat(folder).catch(() => undefined);
  if (!found) throw new UsageError(`--data ${folder}: no such folder`);
  if (!found.isDirectory()) throw new UsageError(`--data ${folder}: is not a folder (copy data/ and edit it)`);
  const own = EXTRACTOR_DATA_FILES.filter((file) => existsSync(join(folder, file)));
  if (own.length === 0) throw new UsageError(`--data ${folder}: holds none of the knowledge tables (${EXTRACTOR_DATA_FILES.join(', ')})`);
  try {
    createExtractor(folder);
  } catch (error) {
    throw new UsageError(`--data ${folder}: ${(error as Error).message}`);
  }
  return { folder, own, bundled: EXTRACTOR_DATA_FILES.filter((file) => !own.includes(file)) };
}

/** One line for the summary: whose tables the run used. */
export function dataFolderNote(use: DataFolderUse): string {
  const bundled = use.bundled.length === 0 ? '' : `; the bundled ${DEFAULT_DATA_DIR.replace(/\/$/, '')} for ${use.bundled.join(', ')}`;
  return `knowledge tables: ${use.own.join(', ')} from ${use.folder}${bundled}`;
}
