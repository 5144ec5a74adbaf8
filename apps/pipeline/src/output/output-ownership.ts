// What in an output folder roundup wrote. Publishing a run replaces the whole folder, so a folder holding anything
// else is refused before the run: roundup never removes or replaces a file it did not write. A run notes what it
// wrote in a manifest; a folder from a run before manifests is recognised by roundup's own names, and a database or
// workbook in it by content.
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ARTICLE_TABLES } from '@roundup/model';
import { isRoundupDatabase, isRoundupWorkbook } from '@roundup/reports';
import { VERSION } from '../version.js';

/** The list of what a run wrote into its output folder, written last into the folder itself. */
export const MANIFEST_FILE = '.roundup-manifest.json';

/** roundup's own names begin so (cache, manifest, lock): a folder or file by that name inside --out is roundup's. */
const ROUNDUP_PREFIX = '.roundup-';

const Manifest = z.object({
  roundup: z.string(),
  /** Paths relative to the folder, `/`-separated; a folder ends in `/`. */
  files: z.array(z.string()),
});

/** The names a run before manifests wrote at the top of its folder. */
const LEGACY_NAMES = new Set([
  ...[...ARTICLE_TABLES, 'comparison', 'rejects'].map((table) => `${table}.csv`),
  'datapackage.json',
  'briefing.pdf',
  'briefings/',
]);

/** Every file and folder below `folder`, relative and `/`-separated, folders with a trailing `/`; links are not followed. */
export async function entriesBelow(folder: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(folder, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) found.push(`${path}/`, ...(await entriesBelow(folder, `${path}/`)));
    else found.push(path);
  }
  return found.sort();
}

/** Writes the manifest of a finished run's folder: everything in it, so that the next run knows what it may replace. */
export async function writeManifest(folder: string): Promise<void> {
  const files = (await entriesBelow(folder)).filter((path) => !path.startsWith(ROUNDUP_PREFIX));
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify({ roundup: VERSION, files }, null, 2)}\n`);
}

async function readManifest(folder: string): Promise<Set<string> | undefined> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8')));
    return parsed.success ? new Set(parsed.data.files) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a path in a folder without a manifest is what a run before manifests wrote there. */
async function isLegacyOutput(folder: string, path: string): Promise<boolean> {
  if (LEGACY_NAMES.has(path)) return true;
  if (/^briefings\/[^/]+\.pdf$/.test(path)) return true;
  // A database or workbook asked for inside the folder: only one that is really roundup's.
  const file = join(folder, path);
  if (!(await lstat(file)).isFile()) return false;
  return (await isRoundupDatabase(file)) || (await isRoundupWorkbook(file));
}

/**
 * What in the folder roundup did not write (at most `limit` names, relative to it, folders ending in `/`): none when
 * the folder does not exist or holds only roundup's files. A folder of someone else's is named once, not walked.
 */
export async function foreignEntries(folder: string, limit = 5): Promise<string[]> {
  const existing = await lstat(folder).catch(() => undefined);
  if (!existing?.isDirectory()) return [];
  const manifest = await readManifest(folder);
  const isOurs = async (path: string) => (manifest ? manifest.has(path) : isLegacyOutput(folder, path));
  const foreign: string[] = [];
  const visit = async (prefix: string): Promise<void> => {
    const entries = (await readdir(join(folder, prefix), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (foreign.length >= limit) return;
      if (prefix === '' && entry.name.startsWith(ROUNDUP_PREFIX)) continue;
      const path = `${prefix}${entry.name}${entry.isDirectory() ? '/' : ''}`;
      if (!(await isOurs(path))) foreign.push(path);
      else if (entry.isDirectory()) await visit(path);
    }
  };
  await visit('');
  return foreign;
}
