// Telling a database or workbook roundup wrote from any other file, by content, so that --sqlite and --xlsx replace
// only their own earlier output and never a user's file that happens to sit at the path they name.
import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { TABLES } from '@roundup/model';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Whether `path` is a SQLite database roundup wrote: it holds the articles and rejects tables and nothing but
 * roundup's tables (a table or view a user added makes it theirs too, so it is not replaced).
 */
export async function isRoundupDatabase(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    if (!(await readAt(handle, 0, SQLITE_MAGIC.length)).equals(SQLITE_MAGIC)) return false;
  } finally {
    await handle.close();
  }
  let db: Database.Database | undefined;
  try {
    const openDatabase = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    db = new openDatabase(path, { readonly: true, fileMustExist: true });
    const objects = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
    const names = new Set(objects.map((object) => object.name));
    return names.has('articles') && names.has('rejects') && [...names].every((name) => name in TABLES);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** One member of a zip archive as its central directory lists it. */
interface ZipMember {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** The members of a zip archive (an .xlsx is one), read from its central directory; undefined when it is not one. */
async function zipMembers(handle: FileHandle, size: number): Promise<ZipMember[] | undefined> {
  // The end-of-central-directory record is the last 22 bytes, after a comment of up to 64 KiB.
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = await readAt(handle, tailStart, size - tailStart);
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1 || end + 22 > tail.length) return undefined;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryStart = tail.readUInt32LE(end + 16);
  if (directoryStart + directorySize > size) return undefined;
  const directory = await readAt(handle, directoryStart, directorySize);
  const members: ZipMember[] = [];
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = directory.readUInt16LE(at + 28);
    const skip = nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    members.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeader: directory.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return members;
}

/** A small member's text (docProps, workbook.xml), stored or deflated; undefined when it cannot be read. */
async function memberText(handle: FileHandle, member: ZipMember): Promise<string | undefined> {
  if (member.compressedSize > 1 << 20 || (member.method !== 0 && member.method !== 8)) return undefined;
  const header = await readAt(handle, member.localHeader, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return undefined;
  const data = await readAt(handle, member.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), member.compressedSize);
  try {
    return (member.method === 8 ? inflateRawSync(data) : data).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Whether `path` is a workbook roundup wrote: an .xlsx whose document properties name roundup as its creator and that has the README sheet. */
export async function isRoundupWorkbook(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const members = await zipMembers(handle, (await handle.stat()).size);
    const core = members?.find((member) => member.name === 'docProps/core.xml');
    const book = members?.find((member) => member.name === 'xl/workbook.xml');
    if (!core || !book) return false;
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec((await memberText(handle, core)) ?? '')?.[1];
    return creator === 'roundup' && /<sheet\b[^>]*\bname="README"/.test((await memberText(handle, book)) ?? '');
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}
