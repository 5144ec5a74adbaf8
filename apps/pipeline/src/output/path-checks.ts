// The paths a run will write checked before it reads anything: an --out that is or holds an input, or holds files
// roundup did not write, and a --sqlite/--xlsx naming a folder or someone else's file are refused (usage errors), so
// that a run never removes or replaces a file roundup did not write. Checked again just before publishing.
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isRoundupDatabase, isRoundupWorkbook } from '@roundup/reports';
import { foreignEntries } from './output-ownership.js';
import { UsageError, type SideOption } from './output-folder.js';

/** What a run will write: the output folder, and the database and workbook asked for. */
export interface RunTargets {
  outDir: string;
  sides: Partial<Record<SideOption, string | undefined>>;
}

/** A path with its links resolved, so that `a/../b`, `./b` and a link to b are the same; a missing tail is kept as typed. */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute));
  }
}

/** Whether `inner` is `outer` or lies inside it. */
function within(outer: string, inner: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** Refuses an --out that is an input, holds one, or lies inside an input folder: publishing would replace the inputs. */
export async function checkOutNotInput(outDir: string, inputs: readonly string[]): Promise<void> {
  const out = await realPathOf(outDir);
  for (const input of inputs) {
    if (input === '-') continue;
    const path = await realPathOf(input);
    const isFolder = (await lstat(path).catch(() => undefined))?.isDirectory() ?? false;
    if (within(path, out) && (isFolder || path === out)) {
      throw new UsageError(
        `--out ${out}: ${path === out ? 'is' : 'lies inside'} the input ${path}; roundup replaces the whole --out folder, so write it elsewhere`,
      );
    }
    if (within(out, path)) throw new UsageError(`--out ${out}: holds the input ${path}; roundup replaces the whole --out folder, so write it elsewhere`);
  }
}

/** Refuses an --out holding files roundup did not write, naming a few of them. */
async function checkOutIsOurs(outDir: string): Promise<void> {
  const out = resolve(outDir);
  // Publishing would put a folder in place of the link: the link is not roundup's to replace.
  if ((await lstat(out).catch(() => undefined))?.isSymbolicLink()) {
    throw new UsageError(`--out ${out}: is a symbolic link; name the folder it leads to (${await realPathOf(out)})`);
  }
  const foreign = await foreignEntries(out);
  if (foreign.length === 0) return;
  throw new UsageError(
    `--out ${out}: holds files roundup did not write (${foreign.join(', ')}${foreign.length >= 5 ? ', …' : ''}); ` +
      'a run replaces the whole folder, so roundup writes only into a new or empty folder or one it wrote before: choose another --out',
  );
}

/** Refuses a --sqlite/--xlsx naming a folder or an existing file that is not a database or workbook roundup wrote. */
async function checkSideOutput(option: SideOption, path: string): Promise<void> {
  const target = resolve(path);
  const existing = await lstat(target).catch(() => undefined);
  if (!existing) return;
  if (existing.isDirectory()) throw new UsageError(`${option} ${target}: is a folder; name a file`);
  const kind = option === '--sqlite' ? 'database' : 'workbook';
  const ours = existing.isFile() && (await (option === '--sqlite' ? isRoundupDatabase(target) : isRoundupWorkbook(target)));
  if (!ours) throw new UsageError(`${option} ${target}: exists and is not a ${kind} roundup wrote; roundup replaces only its own, so choose another name`);
}

/** Refuses an empty path: an unset variable in a script must not mean the current folder. */
export function checkNotEmpty(option: string, path: string | undefined): void {
  if (path !== undefined && path.trim() === '')
    throw new UsageError(`${option} is empty: give a ${option === '--out' || option === '--data' ? 'folder' : 'file'} name`);
}

/** Every target a run would replace is new or roundup's own. Run before the run starts and again before it publishes. */
export async function checkTargetsReplaceable(targets: RunTargets): Promise<void> {
  await checkOutIsOurs(targets.outDir);
  for (const [option, path] of Object.entries(targets.sides) as Array<[SideOption, string | undefined]>) {
    if (path !== undefined) await checkSideOutput(option, path);
  }
}
