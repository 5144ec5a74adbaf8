// One run per output folder at a time: a lock file beside --out names the run that holds it. Two runs into one
// folder would each publish over the other and the first one's work would be lost without a word.
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './output-folder.js';

/** What a lock file holds: enough to tell whether its run is still alive, and to name it to the user. */
interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

/** Lock files of this process, removed by the interrupt handler as well as by `release()`. */
export const heldLocks = new Set<string>();

/** The lock file of an output folder: beside it, hidden, so that it lives outside the folder publishing replaces. */
export function lockFileOf(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.roundup-lock`);
}

export class OutputLock {
  private constructor(readonly file: string) {}

  /**
   * Takes the lock of `outDir`, or fails with a usage error (exit 2) naming the run that holds it. A lock whose
   * process is gone (a run killed with SIGKILL, a machine that restarted) is stale and taken over.
   */
  static async acquire(outDir: string): Promise<OutputLock> {
    const file = lockFileOf(outDir);
    await mkdir(dirname(file), { recursive: true }).catch(() => undefined);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await tryCreate(file)) {
        heldLocks.add(file);
        return new OutputLock(file);
      }
      // A lock just created holds nothing for a moment: read again before calling it stale.
      const holder = (await readHolder(file)) ?? (await setTimeout(100).then(() => readHolder(file)));
      if (holder && isAlive(holder)) {
        throw new UsageError(
          `--out ${outDir}: another roundup run (process ${holder.pid} on ${holder.host}, started ${holder.started}) is writing to it; wait for it to finish, or choose another --out (lock file: ${file})`,
        );
      }
      // Stale: moved aside under a name of its own first, so that two runs taking it over cannot remove each other's new lock.
      const aside = `${file}.stale-${process.pid}`;
      await rename(file, aside).then(
        () => rm(aside, { force: true }),
        () => undefined,
      );
    }
    throw new UsageError(`--out ${outDir}: could not take the lock file ${file}`);
  }

  async release(): Promise<void> {
    if (!heldLocks.delete(this.file)) return;
    await rm(this.file, { force: true });
  }
}

/** Creates the lock file if no other holds it: `wx` makes creation and the check one atomic step. */
async function tryCreate(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`--out: cannot create the lock file ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  await handle.writeFile(JSON.stringify(holder));
  await handle.close();
  return true;
}

/** The holder a lock file names; undefined when it is gone or unreadable (a run that died while writing it). */
async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host, started: String(holder.started) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder's process runs: signal 0 tests without sending. On another host nothing can be checked, so it counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes this process's lock files at once (an interrupt handler cannot wait for promises). */
export function releaseHeldLocksNow(): void {
  for (const file of heldLocks) {
    // Only a lock that is still this process's own is removed.
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as LockHolder).pid === process.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  }
  heldLocks.clear();
}
