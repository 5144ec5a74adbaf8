// A failure while writing the output, in words a person can act on: which path, what happened, and that the previous
// output is unchanged (publishing is the last step, so a run that fails before it has replaced nothing).
import { resolve } from 'node:path';

/** What a system error code means for someone writing files, in words. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder, not a file',
  EEXIST: 'the path already exists',
  ENOENT: 'a folder on the path no longer exists',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the path is too long',
};

/** A write that failed, said as the summary line of a failed run (exit code 1). */
export class WriteFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'WriteFailure';
  }
}

/** The error as a `WriteFailure` when it is a system error of writing; any other error unchanged. */
export function asWriteFailure(error: unknown, outDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(code in WRITE_PROBLEMS) || error instanceof WriteFailure) return error;
  const { path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const where = dest ?? path;
  const target = resolve(outDir);
  const what = where ? `could not write ${resolve(where)}` : `could not write the new output for ${target}`;
  return new WriteFailure(`${what}: ${WRITE_PROBLEMS[code]} [${code}]; the previous output in ${target} is unchanged`, code);
}
