// Reading inputs record by record: JSON files, JSON lines and crawler .txt folders, each record an article or a reject.
import { constants, createReadStream, readFileSync, statSync } from 'node:fs';
import { access, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
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
  return { kind: 'reject', reject: { source, line, reason, excerpt: excerptOf(excerpt) } };
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

/** Splits a byte stream into lines (LF, CRLF or a lone CR; JSON never holds a raw CR) and decodes each strictly as UTF-8. */
async function* byteLines(stream: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<{ line: number; text: string | Error }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending: Buffer[] = [];
  let lineNumber = 0;
  let previousWasCr = false;
  const emit = (bytes: Buffer) => {
    lineNumber += 1;
    const slice = lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      return { line: lineNumber, text: decoder.decode(slice) };
    } catch {
      return { line: lineNumber, text: new UndecodableTextError('line is not valid UTF-8', 0) };
    }
  };
  for await (const chunk of stream) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== 0x0a && byte !== 0x0d) {
        previousWasCr = false;
        continue;
      }
      // The LF of a CRLF that straddles two chunks ends nothing new.
      if (byte === 0x0a && previousWasCr && i === from) {
        from = i + 1;
        previousWasCr = false;
        continue;
      }
      pending.push(chunk.subarray(from, i));
      yield emit(Buffer.concat(pending));
      pending = [];
      if (byte === 0x0d && chunk[i + 1] === 0x0a) i += 1;
      previousWasCr = byte === 0x0d && i === chunk.length - 1;
      from = i + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0 && Buffer.concat(pending).length > 0) yield emit(Buffer.concat(pending));
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
  if (text instanceof Error) return rejectOf(source, line, 'line is not valid UTF-8 text', '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = isLast && !/[}\]]\s*$/.test(text)
      ? 'malformed JSON: the last line is truncated'
      : `malformed JSON: ${(error as Error).message}`;
    return rejectOf(source, line, reason, text);
  }
  return articleFromJson(parsed, source, line);
}

/** A .json file: one article object, or an array of them. */
export function readJsonDocument(text: string, source: string): InputRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [rejectOf(source, null, `malformed JSON: ${(error as Error).message}`, text)];
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return [rejectOf(source, null, 'JSON array holds no articles', text)];
    return parsed.map((item, index) => articleFromJson(item, `${source}[${index}]`, null));
  }
  return [articleFromJson(parsed, source, null)];
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

/** A crawler's plain-text article: title line(s), a blank line, then paragraphs. */
export function readCrawlerText(text: string, source: string): InputRecord {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blank = lines.findIndex((line) => trimLine(line) === '');
  const firstContent = lines.findIndex((line) => trimLine(line) !== '');
  if (firstContent === -1) return rejectOf(source, null, 'file holds no text', text);
  const titleEnd = blank > firstContent ? blank : firstContent + 1;
  const title = lines.slice(firstContent, titleEnd).map(trimLine).filter(Boolean).join(' ');
  const body = lines.slice(titleEnd).join('\n');
  const { date, id } = crawlerFileIdentity(source);
  if (!date) return rejectOf(source, null, 'no date: the file name is not YYYYMMDD-PP-AA.txt and no YYYYMMDD folder holds it', text);
  const paragraphs = splitParagraphs(body);
  if (paragraphs.length === 0) return rejectOf(source, null, 'article has a title but no paragraphs', text);
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
    return statSync(path).size <= SMALL_FILE_BYTES ? readFileSync(path) : await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
    yield* readJsonLines(createReadStream(path), path);
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

/** Reads standard input: a JSON document if it starts with `[` or is one object, JSON lines otherwise. */
async function* readStandardInput(stream: Readable): AsyncGenerator<InputRecord> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = decodeBytes(bytes).text;
  } catch (error) {
    yield rejectOf('-', null, `undecodable text: ${(error as Error).message}`, '');
    return;
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    yield* readJsonDocument(trimmed, '-');
    return;
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (trimmed.startsWith('{') && lines.length > 1 && !lines.every((line) => /^\s*\{.*\}\s*$/.test(line))) {
    yield* readJsonDocument(trimmed, '-');
    return;
  }
  yield* readJsonLines([Buffer.from(text)], '-');
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
      throw new InputError(code === 'ENOENT' ? `${input}: no such file or folder` : `${input}: cannot read (${code})`);
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
  return source.kind === 'stdin' ? readStandardInput(stdin) : readFileRecords(source.path, source.explicit);
}

/**
 * Every record of every input, in a deterministic order (folders walked in sorted order).
 * Blank JSON lines are not records; everything else is an article or a reject.
 */
export async function* readInputs(inputs: readonly string[], stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  for await (const source of inputSources(inputs)) yield* readSource(source, stdin);
}
