// Reading inputs record by record: JSON files, JSON lines and crawler .txt folders, each record an article or a reject.
import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { access, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ArticleInput } from '@roundup/model';
import { decodeBytes, UndecodableTextError } from './decode.js';
import { describeZodError, InputError, MAX_ARTICLE_CHARACTERS, rejectOf, tooLong, unreadable, type InputRecord } from './input-records.js';
import { MAX_WHOLE_FILE_BYTES, readJsonArray, readJsonText, readJsonFile, utf8Chunks } from './json-files.js';
import { readJsonLines } from './json-lines.js';
import { splitParagraphs, trimLine } from './text.js';

const JSON_LINES = new Set(['.jsonl', '.ndjson']);
const ARTICLE_FILES = new Set(['.json', '.txt', ...JSON_LINES]);

/** Crawler file names: `20200201-02-01.txt` is page 02, article 01 of 2020-02-01. */
const CRAWLER_FILE = /^(\d{8})-(\d{1,3})-(\d{1,3})$/;

/** The date and id of a crawler file, from its name `YYYYMMDD-PP-AA.txt` or a `YYYYMMDD` folder above it. */
function crawlerFileIdentity(path: string): { date?: string; id: string } {
  const stem = basename(path).replace(/\.[^.]+$/, '');
  const named = CRAWLER_FILE.exec(stem);
  const digits = named?.[1] ?? /(?:^|\D)(\d{8})(?:\D|$)/.exec(stem)?.[1] ?? /^(\d{8})$/.exec(basename(dirname(path)))?.[1];
  const date = digits ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` : undefined;
  const id = named ? `${named[1]}-${named[2]!.padStart(2, '0')}-${named[3]!.padStart(2, '0')}` : digits && !stem.includes(digits) ? `${digits}-${stem}` : stem;
  return { ...(date ? { date } : {}), id };
}

/** A body line as crawlers write it: indented with full-width or ordinary spaces; title lines are not. */
const INDENTED = /^[\u3000\u00A0 \t]/;

/**
 * Where a crawler file's title lines end: at the first blank line or the first indented line after the first
 * line (some crawled months write the body straight after the title, without a blank line). A file of only
 * unindented lines with nothing after them keeps its first line as the title and the rest as the body when it
 * has three lines or more: two short lines are a title (肩题 and 主题) and nothing else.
 */
function crawlerTitleEnd(lines: readonly string[], firstContent: number): number {
  let end = firstContent + 1;
  while (end < lines.length && trimLine(lines[end]!) !== '' && !INDENTED.test(lines[end]!)) end += 1;
  const bodyFollows = lines.slice(end).some((line) => trimLine(line) !== '');
  return !bodyFollows && end - firstContent >= 3 ? firstContent + 1 : end;
}

/** A crawler's plain-text article: title line(s), then paragraphs (after a blank line, or indented). */
export function readCrawlerText(text: string, source: string): InputRecord {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const firstContent = lines.findIndex((line) => trimLine(line) !== '');
  if (firstContent === -1) return rejectOf(source, null, 'file holds no text', text);
  const titleEnd = crawlerTitleEnd(lines, firstContent);
  const title = lines.slice(firstContent, titleEnd).map(trimLine).filter(Boolean).join(' ');
  const body = lines.slice(titleEnd).join('\n');
  const { date, id } = crawlerFileIdentity(source);
  if (!date) return rejectOf(source, null, 'no date: the file name is not YYYYMMDD-PP-AA.txt and no YYYYMMDD folder holds it', text);
  if (body.length > MAX_ARTICLE_CHARACTERS) return tooLong(source, null, body);
  const paragraphs = splitParagraphs(body);
  if (paragraphs.length === 0) return rejectOf(source, null, 'article has a title but no paragraphs (one or two title lines and no body)', text);
  const checked = ArticleInput.safeParse({ url: '', title, text: body, date });
  if (!checked.success) return rejectOf(source, null, describeZodError(checked.error, { title, text: body, date }), body);
  return { kind: 'article', article: { articleId: id, date: checked.data.date, title, url: '', source, paragraphs } };
}

/** A file found among the inputs; `special` says what it is when it is not a regular file (a named pipe, a device). */
export interface FoundFile {
  path: string;
  special?: string;
}

/** What a path that is neither a regular file nor a folder is, in words. */
function specialKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/**
 * Every file below a path (the path itself when it is a file), folders in sorted order, each real folder
 * visited once so that symbolic-link loops end. Pipes, sockets and devices are found but marked `special`:
 * opening one could block or never end, so they are never opened.
 */
export async function* filesBelow(path: string, seen: Set<string> = new Set()): AsyncGenerator<FoundFile> {
  const real = await realpath(path);
  if (seen.has(real)) return;
  seen.add(real);
  const info = await stat(real);
  if (!info.isDirectory()) {
    yield info.isFile() ? { path } : { path, special: specialKind(info) };
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isFile()) {
      // A plain file's real path is its folder's real path and its name: no system call per file of a large folder.
      const realFile = join(real, entry.name);
      if (seen.has(realFile)) continue;
      seen.add(realFile);
      yield { path: join(path, entry.name) };
    } else if (entry.isDirectory() || entry.isSymbolicLink()) {
      yield* filesBelow(join(path, entry.name), seen);
    } else {
      yield { path: join(path, entry.name), special: specialKind(entry) };
    }
  }
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Files up to this size are read in one blocking call. */
export const SMALL_FILE_BYTES = 8 << 20;

/**
 * A whole file's bytes. A folder of crawled articles is thousands of small files, and one blocking read costs
 * a fifth of the four thread-pool round trips `readFile` makes for each (measured on the shared corpus's 2,257
 * files: 111 ms against 497 ms); larger files are read without blocking.
 */
export async function readWholeFile(path: string): Promise<Buffer> {
  try {
    // The size from the open file, not from the path first: one system call fewer per file.
    const small = readOpenFile(path, (handle) => (fstatSync(handle).size <= SMALL_FILE_BYTES ? readFileSync(handle) : undefined));
    return small ?? (await readFile(path));
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A file's bytes when it is within `limit`; otherwise its size and its first 64 KiB, to tell what it holds. */
type LimitedRead = { bytes: Buffer } | { size: number; head: Buffer };

/** Reads a file whole only when it is within `limit`: a file far larger than any article is judged by its size and head. */
export function readFileWithin(path: string, limit: number): LimitedRead {
  try {
    return readOpenFile(path, (handle) => {
      const size = fstatSync(handle).size;
      if (size <= limit) return { bytes: readFileSync(handle) };
      const head = Buffer.alloc(1 << 16);
      return { size, head: head.subarray(0, readSync(handle, head, 0, head.length, 0)) };
    });
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readOpenFile<T>(path: string, read: (handle: number) => T): T {
  const handle = openSync(path, 'r');
  try {
    return read(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * The records of one input. Whatever goes wrong inside it (a file that cannot be read, a failure nobody foresaw)
 * becomes a reject of that file after the records already read, and the run goes on; only a file named on the
 * command line that cannot be read at all is a usage error.
 */
async function* guarded(records: AsyncGenerator<InputRecord>, source: string, explicit: boolean): AsyncGenerator<InputRecord> {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof InputError && explicit) throw error;
    yield error instanceof InputError ? rejectOf(source, null, error.message, '') : unreadable(source, null, error);
  }
}

async function* readFileRecords(path: string, explicit: boolean): AsyncGenerator<InputRecord> {
  const extension = extname(path).toLowerCase();
  if (!ARTICLE_FILES.has(extension)) {
    if (explicit) throw new InputError(`${path}: unknown input type (expected .json, .jsonl, .ndjson or .txt)`);
    yield rejectOf(path, null, `not an article file: ${extension || 'no extension'} (expected .json, .jsonl, .ndjson or .txt)`, '');
    return;
  }
  if (JSON_LINES.has(extension)) {
    yield* readJsonLinesFile(path);
    return;
  }
  const read = readFileWithin(path, MAX_WHOLE_FILE_BYTES);
  if (extension === '.json') {
    yield* 'bytes' in read
      ? readJsonFile(path, read.bytes.length, async () => read.bytes, read.bytes)
      : readJsonFile(path, read.size, () => readWholeFile(path), read.head);
    return;
  }
  if (!('bytes' in read)) {
    yield rejectOf(
      path,
      null,
      `file of ${read.size.toLocaleString('en')} bytes is larger than the limit of ${MAX_WHOLE_FILE_BYTES.toLocaleString('en')} bytes for one article, so it was not read`,
      '',
    );
    return;
  }
  let text: string;
  try {
    text = decodeBytes(read.bytes).text;
  } catch (error) {
    if (!(error instanceof UndecodableTextError)) throw error;
    yield rejectOf(path, null, `undecodable text: ${error.message}`, '');
    return;
  }
  yield readCrawlerText(text, path);
}

/** A JSON-lines file streamed line by line, each line decoded on its own (a bad line costs only itself); UTF-16 transcoded as it streams. */
async function* readJsonLinesFile(path: string): AsyncGenerator<InputRecord> {
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // Large chunks: each is a round trip to the thread pool, and the thread waits when one is not ready.
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
  const head = await readHead(path, 2);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  yield* readJsonLines(utf16 ? utf8Chunks(stream) : stream, path);
}

/** Chunks already taken from a stream, then the rest of it. */
async function* prepended(head: readonly Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const WHITESPACE_BYTES = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Where the first byte of `bytes` that is neither whitespace nor part of a UTF-8 BOM stands, or -1. */
function firstSignificantIndex(bytes: Buffer): number {
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = from; i < bytes.length; i++) if (!WHITESPACE_BYTES.has(bytes[i]!)) return i;
  return -1;
}

/** Whether the first line of `bytes` (which holds a whole line) is a JSON value of its own: then the input is JSON lines. */
function firstLineIsJson(bytes: Buffer): boolean {
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const end = text.search(/\r|\n/);
  try {
    JSON.parse(end === -1 ? text : text.slice(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The records of a whole JSON document or UTF-16 text, read into memory as a file of that kind would be. */
async function* readWholeStandardInput(head: readonly Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<InputRecord> {
  const chunks = [...head];
  for await (const chunk of prepended([], rest)) chunks.push(chunk);
  let text: string;
  try {
    text = decodeBytes(Buffer.concat(chunks)).text;
  } catch (error) {
    yield rejectOf('-', null, `undecodable text: ${(error as Error).message}`, '');
    return;
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) yield* readJsonText(trimmed, '-');
  else yield* readJsonLines([Buffer.from(text)], '-');
}

/**
 * Reads standard input like a file of the same kind: JSON lines are streamed and decoded line by line (a bad
 * line costs only itself); a JSON document (`[`, or an object spread over lines) and UTF-16 text are read whole.
 * The kind is told from the first line.
 */
async function* readStandardInput(stream: Readable): AsyncGenerator<InputRecord> {
  const rest = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let seen: Buffer = Buffer.alloc(0);
  // Enough of the input to see its first significant byte and the whole line it starts.
  for (;;) {
    const start = firstSignificantIndex(seen);
    if (start !== -1 && seen.indexOf(0x0a, start) !== -1) break;
    const next = await rest.next();
    if (next.done) break;
    head.push(next.value);
    seen = head.length === 1 ? next.value : Buffer.concat([seen, next.value]);
  }
  const utf16 = (seen[0] === 0xff && seen[1] === 0xfe) || (seen[0] === 0xfe && seen[1] === 0xff);
  const first = seen[firstSignificantIndex(seen)];
  const document = first === 0x7b /* { */ && !firstLineIsJson(seen);
  if (!utf16 && first === 0x5b /* [ */) yield* readJsonArray(utf8Chunks(prepended(head, rest)), '-');
  else if (utf16 || document) yield* readWholeStandardInput(head, rest);
  else yield* readJsonLines(prepended(head, rest), '-');
}

/** One input to read: a file (explicit when named on the command line, not found in a folder) or standard input. */
export type InputSource =
  | { kind: 'file'; path: string; explicit: boolean }
  /** A named pipe, socket or device among the inputs: rejected without being opened. */
  | { kind: 'special'; path: string; what: string }
  | { kind: 'stdin' };

/**
 * Every file of the inputs, in a deterministic order (folders walked in sorted order); `-` is standard input.
 * A missing input or an empty folder is an `InputError`.
 */
export async function* inputSources(inputs: readonly string[]): AsyncGenerator<InputSource> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = (await stat(input)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The absolute path says where it was looked for: relative paths start from the folder the command ran in.
      throw new InputError(
        code === 'ENOENT' ? `${input}: no such file or folder (looked for ${resolve(input)})` : `${input}: cannot read ${resolve(input)} (${code})`,
      );
    }
    let files = 0;
    for await (const file of filesBelow(input)) {
      files += 1;
      yield file.special ? { kind: 'special', path: file.path, what: file.special } : { kind: 'file', path: file.path, explicit: !isFolder };
    }
    if (isFolder && files === 0) throw new InputError(`${input}: the folder holds no files`);
  }
}

/** A pipe, socket or device: one reject, at once (reading it could block for ever or never end). */
async function* notARegularFile(path: string, what: string): AsyncGenerator<InputRecord> {
  yield rejectOf(path, null, `not a regular file (${what}): roundup reads files and folders, and standard input as \`-\``, '');
}

/** The records of one input, in order. */
export function readSource(source: InputSource, stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  if (source.kind === 'special') return notARegularFile(source.path, source.what);
  return source.kind === 'stdin'
    ? guarded(readStandardInput(stdin), '-', false)
    : guarded(readFileRecords(source.path, source.explicit), source.path, source.explicit);
}

/**
 * Every record of every input, in a deterministic order (folders walked in sorted order).
 * Blank JSON lines are not records; everything else is an article or a reject.
 */
export async function* readInputs(inputs: readonly string[], stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  for await (const source of inputSources(inputs)) yield* readSource(source, stdin);
}
