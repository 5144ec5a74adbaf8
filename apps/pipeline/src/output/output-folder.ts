// Where a run writes: a temporary folder beside --out that becomes --out in two renames when the run succeeds, and
// is removed when it fails, so a reader never sees half an output. Side outputs (--sqlite, --xlsx) follow the folder.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TABLE_NAMES } from '@roundup/model';
import { CACHE_FOLDER } from '../cache/result-cache.js';
import { writeManifest } from './output-ownership.js';

/** A problem with how roundup was called (exit code 2), as opposed to a failure while running (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Temporary folders of runs in progress; an interrupt handler removes them. */
export const pendingTemporaryFolders = new Set<string>();

/** What a run writes in its output folder: a database or workbook asked for inside it must not take one of these names. */
export const OUTPUT_NAMES = new Set([...TABLE_NAMES.map((table) => `${table}.csv`), 'datapackage.json', 'briefing.pdf', 'briefings', CACHE_FOLDER]);

const SIDE_OPTIONS = ['--sqlite', '--xlsx'] as const;
export type SideOption = (typeof SIDE_OPTIONS)[number];

/** A file a run writes besides the output folder (--sqlite, --xlsx): where it goes, and where inside the folder if there. */
interface SideOutput {
  file: string;
  /** Its path inside the output folder, where it is written in place and published with the folder. */
  inOutput: string | undefined;
}

export class OutputFolder {
  private constructor(
    readonly outDir: string,
    /** The temporary folder every file of the run is written in. */
    readonly temporary: string,
    private readonly sides: Map<SideOption, SideOutput>,
  ) {}

  /**
   * Checks the paths (a usage error when --out is a file, or a side output takes a name the run writes) and creates
   * the temporary folder beside --out.
   */
  static async prepare(outDir: string, sideOutputs: Partial<Record<SideOption, string>> = {}): Promise<OutputFolder> {
    const sides = new Map<SideOption, SideOutput>();
    for (const option of SIDE_OPTIONS) {
      const path = sideOutputs[option];
      if (path) sides.set(option, sideOutput(option, path, outDir));
    }
    const target = resolve(outDir);
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${outDir}: exists and is not a folder`);
    const parent = dirname(target);
    try {
      await mkdir(parent, { recursive: true });
    } catch (error) {
      throw new UsageError(`--out ${outDir}: cannot create ${parent} (${(error as NodeJS.ErrnoException).code})`);
    }
    const temporary = join(parent, `.roundup-tmp-${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
    // Registered before it exists, so that an interrupt arriving just after its creation still removes it.
    pendingTemporaryFolders.add(temporary);
    try {
      await mkdir(temporary);
    } catch (error) {
      pendingTemporaryFolders.delete(temporary);
      throw new UsageError(`--out ${outDir}: cannot write in ${parent} (${(error as NodeJS.ErrnoException).code})`);
    }
    return new OutputFolder(outDir, temporary, sides);
  }

  /** A file of the run, in the temporary folder. */
  path(name: string): string {
    return join(this.temporary, name);
  }

  /** Where a side output (`--sqlite`, `--xlsx`) is written during the run, its parent folder created; undefined when not asked for. */
  async sidePath(option: SideOption): Promise<string | undefined> {
    const side = this.sides.get(option);
    if (!side) return undefined;
    const path = this.path(side.inOutput ?? defaultSideName(option));
    await mkdir(dirname(path), { recursive: true });
    return path;
  }

  /**
   * Side outputs outside the folder move to their places first; then the finished run takes the place of the previous
   * output in two renames.
   */
  async publish(): Promise<void> {
    for (const [option, side] of this.sides) {
      if (side.inOutput === undefined) {
        await mkdir(dirname(side.file), { recursive: true });
        await moveFile(this.path(defaultSideName(option)), side.file);
      }
    }
    await writeManifest(this.temporary);
    const target = resolve(this.outDir);
    const previous = `${this.temporary}-previous`;
    const hadPrevious = await stat(target).then(
      () => true,
      () => false,
    );
    if (hadPrevious) await rename(target, previous);
    await rename(this.temporary, target);
    pendingTemporaryFolders.delete(this.temporary);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  }

  /** Removes everything the failed run wrote; the previous output stays as it was. */
  async abandon(): Promise<void> {
    if (!pendingTemporaryFolders.has(this.temporary)) return;
    await rm(this.temporary, { recursive: true, force: true, maxRetries: 2 });
    pendingTemporaryFolders.delete(this.temporary);
  }
}

/** A rename, or a copy and a removal where the target is on another file system (EXDEV). */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from);
  }
}

/** Where a side output outside the folder waits in the temporary folder until it is published. */
export function defaultSideName(option: SideOption): string {
  return option === '--sqlite' ? 'roundup.sqlite' : 'roundup.xlsx';
}

/**
 * Where a side output goes. One inside the output folder is written in its place in the temporary folder and
 * published with it; one elsewhere is moved to its own place just before the folder is published. Either way a failed
 * run leaves none. A name the run writes in the folder itself is a usage error.
 */
function sideOutput(option: string, path: string, outDir: string): SideOutput {
  const file = resolve(path);
  const inOutput = pathInside(resolve(outDir), file);
  const ownName = inOutput?.split(/[\\/]/)[0];
  if (ownName !== undefined && OUTPUT_NAMES.has(ownName))
    throw new UsageError(`${option} ${path}: ${ownName} is a file roundup writes in --out; choose another name`);
  return { file, inOutput };
}

/** `file`'s path relative to `folder` when it lies inside it, else undefined. */
function pathInside(folder: string, file: string): string | undefined {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path) ? path : undefined;
}
