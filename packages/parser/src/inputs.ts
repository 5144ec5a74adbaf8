// Reading inputs record by record: JSON files, JSON lines and crawler .txt folders, each record an article or a reject.
import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { access, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ArticleInput, type Article, type RejectRow } from '@roundup/model';
import type { ZodError } from 'zod';
import { decodeBytes, UndecodableTextError } from './decode.js';
import { excerptOf, splitParagraphs, trimLine } from './text.js';

export type InputRecord =
  | { kind: 'article'; article: Article }
  | { kind: 'reject'; reject: RejectRow };

/** A usage problem with the inputs themselves (missing path, unreadable file): the run cannot start. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const JSON_LINES = new Set(['.jsonl', '.ndjson']);
const ARTICLE_FILES = new Set(['.json', '.txt', ...JSON_LINES]);

/** People's Daily page URLs: `nw.D110000renmrb_20191218_2-06.htm` is article 2 on page 06 of 2019-12-18. */
const PAPER_URL = /_(\d{8})_(\d{1,3})-(\d{1,3})\.html?$/;
/** Crawler file names: `20200201-02-01.txt` is page 02, article 01 of 2020-02-01. */
const CRAWLER_FILE = /^(\d{8})-(\d{1,3})-(\d{1,3})$/;

/** The article id: `YYYYMMDD-PP-AA` (page, then article), from the URL where it has one. */
export function articleIdFromUrl(url: string): string | undefined {
  const match = PAPER_URL.exec(url.trim());
  if (!match) return undefined;
  const [, date, article, page] = match as unknown as [string, string, string, string];
  return `${date}-${page.padStart(2, '0')}-${article.padStart(2, '0')}`;
}

function describeZodError(error: ZodError, record: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.') || 'record';
      const value = issue.path.length > 0 && typeof record === 'object' && record !== null
        ? (record as Record<string, unknown>)[String(issue.path[0])]
        : record;
      const shown = value === undefined ? 'missing' : `got ${excerptOf(JSON.stringify(value) ?? String(value), 30)}`;
      const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
      return `field \`${field}\` ${message} (${shown})`;
    })
    .join('; ');
}

function rejectOf(source: string, line: number | null, reason: string, excerpt: string): InputRecord {
  return { kind: 'reject', reject: { source, line, reason, excerpt: excerptOf(excerpt.slice(0, 1000)) } };
}

/**
 * The most characters one article's text may have. The longest article of the shared corpus has 27,639;
 * a record past this limit is not a news article, and extracting it would take memory out of all proportion
 * (a 14 MB text took 850 MB), so it is rejected with its reason and memory stays bounded whatever the input.
 */
export const MAX_ARTICLE_CHARACTERS = 1_000_000;
/** The longest JSON line read: room for an article at the limit even with every character escaped (`\\uXXXX`). */
export const MAX_LINE_BYTES = 8 * MAX_ARTICLE_CHARACTERS;

function tooLong(source: string, line: number | null, text: string): InputRecord {
  return rejectOf(source, line, `article text is longer than the limit of ${MAX_ARTICLE_CHARACTERS.toLocaleString('en')} characters (${text.length.toLocaleString('en')})`, text);
}

/** A record that could not be read for a reason nobody foresaw (a JSON value nested too deep, say) is a reject, never the end of the run. */
function unreadable(source: string, line: number | null, error: unknown, excerpt = ''): InputRecord {
  const message = error instanceof RangeError && /call stack/i.test(error.message)
    ? 'nested too deeply to read (Maximum call stack size exceeded)'
    : error instanceof Error ? error.message : String(error);
  return rejectOf(source, line, `could not read this record: ${message}`, excerpt);
}

/** Validates one parsed JSON value as an article in the sample's schema. */
export function articleFromJson(record: unknown, source: string, line: number | null): InputRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    const kind = Array.isArray(record) ? 'an array' : record === null ? 'null' : `a ${typeof record}`;
    return rejectOf(source, line, `not an article object (found ${kind})`, JSON.stringify(record) ?? '');
  }
  const parsed = ArticleInput.safeParse(record);
  if (!parsed.success) {
    const text = (record as { text?: unknown }).text;
    return rejectOf(source, line, describeZodError(parsed.error, record), typeof text === 'string' ? text : JSON.stringify(record));
  }
  const input = parsed.data;
  if (input.text.length > MAX_ARTICLE_CHARACTERS) return tooLong(source, line, input.text);
  const paragraphs = splitParagraphs(input.text);
  if (paragraphs.length === 0) {
    return rejectOf(source, line, 'article has no paragraphs (text is only markup or spaces)', input.text);
  }
  const where = line === null ? source : `${source}:${line}`;
  return {
    kind: 'article',
    article: {
      articleId: articleIdFromUrl(input.url) ?? `${input.date.replaceAll('-', '')}-${basename(source).replace(/\.[^.]+$/, '')}${line === null ? '' : `-L${line}`}`,
      date: input.date,
      title: trimLine(splitParagraphs(input.title).join(' ')),
      url: input.url.trim(),
      source: where,
      paragraphs,
    },
  };
}

/** A line that is not text roundup can read: not UTF-8, or longer than `MAX_LINE_BYTES` (its bytes were not kept). */
class UnreadableLine extends Error {}

/**
 * Splits a byte stream into lines (LF, CRLF or a lone CR; JSON never holds a raw CR) and decodes each strictly
 * as UTF-8. A line longer than `MAX_LINE_BYTES` is not held in memory: it comes out as an error.
 */
async function* byteLines(stream: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<{ line: number; text: string | Error }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  let lineNumber = 0;
  let previousWasCr = false;
  const keep = (bytes: Buffer) => {
    pendingBytes += bytes.length;
    if (pendingBytes > MAX_LINE_BYTES) {
      overlong = true;
      pending = [];
    } else if (!overlong && bytes.length > 0) pending.push(bytes);
  };
  const emit = () => {
    lineNumber += 1;
    // Most lines lie within one chunk: decoded where they are, not copied first.
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    const wasOverlong = overlong;
    pending = [];
    pendingBytes = 0;
    overlong = false;
    if (wasOverlong) return { line: lineNumber, text: new UnreadableLine(`line is longer than the limit of ${MAX_LINE_BYTES.toLocaleString('en')} bytes`) };
    const slice = lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      return { line: lineNumber, text: decoder.decode(slice) };
    } catch {
      return { line: lineNumber, text: new UnreadableLine('line is not valid UTF-8 text') };
    }
  };
  for await (const chunk of stream) {
    if (chunk.length === 0) continue;
    // The LF of a CRLF that straddles two chunks ends nothing new.
    let from = previousWasCr && chunk[0] === 0x0a ? 1 : 0;
    previousWasCr = false;
    // Line ends found with indexOf (native, a whole chunk at a time), not byte by byte.
    let nextLf = chunk.indexOf(0x0a, from);
    let nextCr = chunk.indexOf(0x0d, from);
    while (nextLf !== -1 || nextCr !== -1) {
      const end = nextCr === -1 || (nextLf !== -1 && nextLf < nextCr) ? nextLf : nextCr;
      keep(chunk.subarray(from, end));
      yield emit();
      from = end + 1;
      if (chunk[end] === 0x0d) {
        if (from === chunk.length) previousWasCr = true;
        else if (chunk[from] === 0x0a) from += 1;
      }
      if (nextLf !== -1 && nextLf < from) nextLf = chunk.indexOf(0x0a, from);
      if (nextCr !== -1 && nextCr < from) nextCr = chunk.indexOf(0x0d, from);
    }
    if (from < chunk.length) keep(chunk.subarray(from));
  }
  if (pendingBytes > 0) yield emit();
}

/** One article per line; blank lines are skipped, every other line is an article or a reject. */
export async function* readJsonLines(stream: AsyncIterable<Buffer> | Iterable<Buffer>, source: string): AsyncGenerator<InputRecord> {
  // One line is held back so the last line can be told apart: a cut-off last line is a truncated file.
  let last: { line: number; text: string | Error } | undefined;
  for await (const entry of byteLines(stream)) {
    if (typeof entry.text === 'string' && entry.text.trim() === '') continue;
    if (last) yield jsonLineRecord(last, source, false);
    last = entry;
  }
  if (last) yield jsonLineRecord(last, source, true);
}

function jsonLineRecord(entry: { line: number; text: string | Error }, source: string, isLast: boolean): InputRecord {
  const { line, text } = entry;
  if (text instanceof Error) return rejectOf(source, line, text.message, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = isLast && !/[}\]]\s*$/.test(text)
      ? 'malformed JSON: the last line is truncated'
      : `malformed JSON: ${(error as Error).message}`;
    return rejectOf(source, line, reason, text);
  }
  try {
    return articleFromJson(parsed, source, line);
  } catch (error) {
    return unreadable(source, line, error, text);
  }
}

function guardedArticle(record: unknown, source: string): InputRecord {
  try {
    return articleFromJson(record, source, null);
  } catch (error) {
    return unreadable(source, null, error);
  }
}

/** Whether a text that is not one JSON document is JSON lines: its first line is a JSON object of its own and more lines follow. */
function isJsonLines(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return lines.length >= 2 && lines[0]!.trim().startsWith('{') && firstLineIsJson(Buffer.from(lines[0]!));
}

/** The records of a whole text of JSON lines, numbered as the file's lines. */
function jsonLinesOfText(text: string, source: string): InputRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries = lines.map((line, index) => ({ line: index + 1, text: line })).filter((entry) => entry.text.trim() !== '');
  return entries.map((entry, index) => jsonLineRecord(entry, source, index === entries.length - 1));
}

/** A .json file: one article object, or an array of them (or, named .json by mistake, JSON lines). */
export function readJsonDocument(text: string, source: string): InputRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // A .json file holding one article per line is JSON lines, as standard input is told apart by its first line.
    if (isJsonLines(text)) return jsonLinesOfText(text, source);
    return [rejectOf(source, null, `malformed JSON: ${(error as Error).message}`, text)];
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return [rejectOf(source, null, 'JSON array holds no articles', text)];
    return parsed.map((item, index) => guardedArticle(item, `${source}[${index}]`));
  }
  return [guardedArticle(parsed, source)];
}

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

/**
 * Every file below a path (the path itself when it is a file), folders in sorted order, each real folder
 * visited once so that symbolic-link loops end.
 */
export async function* filesBelow(path: string, seen: Set<string> = new Set()): AsyncGenerator<string> {
  const real = await realpath(path);
  if (seen.has(real)) return;
  seen.add(real);
  const info = await stat(real);
  if (!info.isDirectory()) {
    yield path;
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isFile()) {
      // A plain file's real path is its folder's real path and its name: no system call per file of a large folder.
      const realFile = join(real, entry.name);
      if (seen.has(realFile)) continue;
      seen.add(realFile);
      yield join(path, entry.name);
    } else {
      yield* filesBelow(join(path, entry.name), seen);
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
    try {
      await access(path, constants.R_OK);
    } catch (error) {
      throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    // UTF-8 is streamed line by line; a UTF-16 file (it starts with its BOM) is decoded whole first.
    const head = await readHead(path, 2);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      yield* readJsonLines([Buffer.from(decodeBytes(await readWholeFile(path)).text)], path);
      return;
    }
    // Large chunks: each is a round trip to the thread pool, and the thread waits when one is not ready.
    yield* readJsonLines(createReadStream(path, { highWaterMark: 1 << 20 }), path);
    return;
  }
  const bytes = await readWholeFile(path);
  let text: string;
  try {
    text = decodeBytes(bytes).text;
  } catch (error) {
    if (error instanceof UndecodableTextError) {
      yield rejectOf(path, null, `undecodable text: ${error.message}`, '');
      return;
    }
    throw error;
  }
  if (extension === '.json') yield* readJsonDocument(text, path);
  else yield readCrawlerText(text, path);
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
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart();
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
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !firstLineIsJson(Buffer.from(trimmed)))) yield* readJsonDocument(trimmed, '-');
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
  const document = first === 0x5b /* [ */ || (first === 0x7b /* { */ && !firstLineIsJson(seen));
  if (utf16 || document) yield* readWholeStandardInput(head, rest);
  else yield* readJsonLines(prepended(head, rest), '-');
}

/** One input to read: a file (explicit when named on the command line, not found in a folder) or standard input. */
export type InputSource = { kind: 'file'; path: string; explicit: boolean } | { kind: 'stdin' };

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
      throw new InputError(code === 'ENOENT' ? `${input}: no such file or folder (looked for ${resolve(input)})` : `${input}: cannot read ${resolve(input)} (${code})`);
    }
    let files = 0;
    for await (const file of filesBelow(input)) {
      files += 1;
      yield { kind: 'file', path: file, explicit: !isFolder };
    }
    if (isFolder && files === 0) throw new InputError(`${input}: the folder holds no files`);
  }
}

/** The records of one input, in order. */
export function readSource(source: InputSource, stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  return source.kind === 'stdin' ? guarded(readStandardInput(stdin), '-', false) : guarded(readFileRecords(source.path, source.explicit), source.path, source.explicit);
}

/**
 * Every record of every input, in a deterministic order (folders walked in sorted order).
 * Blank JSON lines are not records; everything else is an article or a reject.
 */
export async function* readInputs(inputs: readonly string[], stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  for await (const source of inputSources(inputs)) yield* readSource(source, stdin);
}
