// .json inputs: one article object, JSON lines under a .json name, or an array of articles of any size, read
// element by element with stream-json so that a crawler's export of a whole year never becomes one string.
import { createReadStream } from 'node:fs';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import { decodeBytes, UndecodableTextError } from './decode.js';
import { articleFromJson, MAX_LINE_BYTES, rejectOf, unreadable, type InputRecord } from './input-records.js';
import { readJsonLines } from './json-lines.js';

/**
 * The largest .json or .txt file read whole (8,000,000 bytes, as a JSON line): room for an article at the
 * 1,000,000-character limit however it is encoded. A larger .json file is read as a stream when it holds an array
 * or JSON lines; anything else that large is rejected from its size alone, without being read.
 */
export const MAX_WHOLE_FILE_BYTES = MAX_LINE_BYTES;

/** One piece read past the limit: elements are handed over a piece at a time, so that is how late a long one is seen. */
const PARSER_READ_AHEAD_BYTES = 1 << 16;

/** What a .json file's first significant bytes say it holds. */
export type JsonShape = 'array' | 'json-lines' | 'document';

/** Whether `text` (decoded, BOM removed) is an array, JSON lines (a whole JSON value on its first line, more after it) or one document. */
export function jsonShape(text: string): JsonShape {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return 'array';
  if (!trimmed.startsWith('{')) return 'document';
  const end = trimmed.search(/\r|\n/);
  if (end === -1 || trimmed.slice(end).trim() === '') return 'document';
  try {
    JSON.parse(trimmed.slice(0, end));
    return 'json-lines';
  } catch {
    return 'document';
  }
}

/** An element of the array came out of the parser after more bytes than any article may take. */
class ElementTooLongError extends Error {}

/** Bytes of a stream counted since the last element the parser handed over: the bound on one element's size. */
class ElementBudget {
  private pending = 0;
  /** Bytes read from the start. */
  bytesRead = 0;
  elementSeen(): void {
    this.pending = 0;
  }
  async *counted(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      this.pending += chunk.length;
      this.bytesRead += chunk.length;
      if (this.pending > MAX_LINE_BYTES + PARSER_READ_AHEAD_BYTES) throw new ElementTooLongError();
      yield chunk;
    }
  }
}

/**
 * A JSON array's elements as records, one at a time (`line` is the element's number, from 1): each element an
 * article or a reject of its own. The parser is fed a piece at a time and every element it completes is handed on
 * before the next piece, so a syntax error ends the array there with a reject and the elements before it stay.
 * UTF-8 (or UTF-16 with BOM) is decoded strictly on the way: bad bytes end the array with a reject too.
 */
export async function* readJsonArray(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, source: string): AsyncGenerator<InputRecord> {
  const budget = new ElementBudget();
  const parse = streamArray.withParser();
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let count = 0;
  try {
    for await (const chunk of budget.counted(chunks)) {
      decoder ??= new TextDecoder(byteOrderMarkOf(chunk) ?? 'utf-8', { fatal: true });
      for await (const { value } of elementsOf(parse(decodePiece(decoder, chunk, budget.bytesRead)))) {
        budget.elementSeen();
        count += 1;
        yield elementRecord(value, source, count);
      }
    }
    // The end of the input: an array left open is a syntax error, found only now.
    for await (const { value } of elementsOf((parse as unknown as (end: typeof none) => unknown)(none))) yield elementRecord(value, source, (count += 1));
  } catch (error) {
    yield arrayEnded(source, count, error);
    return;
  }
  if (count === 0) yield rejectOf(source, null, 'JSON array holds no articles', '');
}

/**
 * What one call of a stream-chain function gave: nothing, one item, several (`Many`) or, for a chain of functions
 * as `withParser` builds, an async generator of them. Its types leave out the generator, so all four are read here.
 */
async function* elementsOf(result: unknown): AsyncGenerator<{ value: unknown }> {
  if (result === none) return;
  if (isMany(result)) yield* getManyValues(result) as Array<{ value: unknown }>;
  else if (result && typeof result === 'object' && Symbol.asyncIterator in result) yield* result as AsyncIterable<{ value: unknown }>;
  else yield result as { value: unknown };
}

function elementRecord(value: unknown, source: string, element: number): InputRecord {
  try {
    return articleFromJson(ownStrings(value), source, element);
  } catch (error) {
    return unreadable(source, element, error);
  }
}

/**
 * The element again with strings of its own. stream-json cuts strings out of the text it was fed, and V8 keeps a cut
 * string's whole source alive: the title or URL a run keeps to its end would each hold a 64 KiB piece of the array
 * (measured: a 636 MB array peaked at 663 MB of memory against 424 MB for the same records as JSON lines). A JSON
 * round trip builds the strings afresh, as `JSON.parse` of a line does, for about the cost of parsing the element.
 */
function ownStrings(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value;
}

/** The UTF-16 encoding a byte-order mark at the start names; UTF-8's own BOM is dropped by the decoder. */
function byteOrderMarkOf(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
}

function decodePiece(decoder: InstanceType<typeof TextDecoder>, chunk: Buffer, offset: number): string {
  try {
    return decoder.decode(chunk, { stream: true });
  } catch {
    throw new UndecodableTextError(
      `bytes in the ${chunk.length.toLocaleString('en')} after offset ${(offset - chunk.length).toLocaleString('en')} are neither UTF-8 nor UTF-16 with BOM`,
      offset - chunk.length,
    );
  }
}

/** The reject that ends an array read part of the way: which element, and why in words. */
function arrayEnded(source: string, elementsRead: number, error: unknown): InputRecord {
  const at = elementsRead + 1;
  if (error instanceof ElementTooLongError)
    return rejectOf(
      source,
      at,
      `array element ${at} is longer than the limit of ${MAX_LINE_BYTES.toLocaleString('en')} bytes; the rest of the array was not read`,
      '',
    );
  if (error instanceof UndecodableTextError)
    return rejectOf(source, at, `undecodable text in array element ${at}: ${error.message}; the rest of the array was not read`, '');
  const message = error instanceof Error ? error.message : String(error);
  // stream-json stops at 1,024 levels of nesting, deeper than any article, where JSON.parse would overflow the stack.
  if (/nesting depth/i.test(message))
    return rejectOf(
      source,
      at,
      `could not read this record: nested too deeply to read (${message.replace(/^parser:\s*/i, '')}); the rest of the array was not read`,
      '',
    );
  return rejectOf(
    source,
    at,
    `malformed JSON: the array could not be read past element ${elementsRead.toLocaleString('en')} (${message}); elements from ${at.toLocaleString('en')} on are not in the output`,
    '',
  );
}

/**
 * A byte stream checked as UTF-8 as it goes (a BOM at the start removed), or UTF-16 with BOM transcoded to UTF-8:
 * stream-json would silently replace bad bytes, and roundup rejects them instead.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let offset = 0;
  for await (const chunk of chunks) {
    if (!decoder) {
      const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : undefined;
      decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: false });
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new UndecodableTextError(`bytes after offset ${offset} are neither UTF-8 nor UTF-16 with BOM`, offset);
    }
    offset += chunk.length;
    // UTF-8 goes on as the bytes it was (a character may straddle two chunks); only a leading BOM is dropped.
    if (decoder.encoding !== 'utf-8') yield Buffer.from(text);
    else yield offset === chunk.length && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
  }
}

/**
 * The size of the pieces stream-json parses. It hands over no element of a piece that holds a syntax error, so
 * smaller pieces keep more of the elements before one; 64 KiB costs no measurable time over 1 MiB.
 */
const ARRAY_CHUNK_BYTES = 1 << 16;

/** A buffer in pieces of `ARRAY_CHUNK_BYTES` (views, not copies). */
function* piecesOf(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += ARRAY_CHUNK_BYTES) yield bytes.subarray(at, at + ARRAY_CHUNK_BYTES);
}

/** A .json file's records, read whole when it is small, streamed when it is an array or JSON lines of any size. */
export async function* readJsonFile(path: string, size: number, readWhole: () => Promise<Buffer>, head: Buffer): AsyncGenerator<InputRecord> {
  if (size <= MAX_WHOLE_FILE_BYTES) {
    let text: string;
    try {
      text = decodeBytes(await readWhole()).text.replace(/^\uFEFF/, '');
    } catch (error) {
      if (!(error instanceof UndecodableTextError)) throw error;
      yield rejectOf(path, null, `undecodable text: ${error.message}`, '');
      return;
    }
    yield* readJsonText(text, path);
    return;
  }
  const shape = jsonShape(new TextDecoder(head[0] === 0xff ? 'utf-16le' : head[0] === 0xfe ? 'utf-16be' : 'utf-8').decode(head).replace(/^\uFEFF/, ''));
  const chunks = () => utf8Chunks(createReadStream(path, { highWaterMark: ARRAY_CHUNK_BYTES }) as AsyncIterable<Buffer>);
  if (shape === 'array') yield* readJsonArray(createReadStream(path, { highWaterMark: ARRAY_CHUNK_BYTES }) as AsyncIterable<Buffer>, path);
  else if (shape === 'json-lines') yield* guardedStream(readJsonLines(chunks(), path), path);
  else
    yield rejectOf(
      path,
      null,
      `a JSON file of ${size.toLocaleString('en')} bytes that is neither an array nor JSON lines: larger than the limit of ${MAX_WHOLE_FILE_BYTES.toLocaleString('en')} bytes for one article, so it was not read`,
      '',
    );
}

/** A stream's records until its bytes stop being text: then one reject says where, and the records before it stay. */
async function* guardedStream(records: AsyncGenerator<InputRecord>, path: string): AsyncGenerator<InputRecord> {
  try {
    yield* records;
  } catch (error) {
    if (!(error instanceof UndecodableTextError)) throw error;
    yield rejectOf(path, null, `undecodable text: ${error.message}`, '');
  }
}

/** The records of a .json file's decoded text (or of standard input read whole): array, JSON lines or one object. */
export async function* readJsonText(text: string, source: string): AsyncGenerator<InputRecord> {
  const shape = jsonShape(text);
  if (shape === 'array') yield* readJsonArray(piecesOf(Buffer.from(text)), source);
  else if (shape === 'json-lines') yield* readJsonLines([Buffer.from(text)], source);
  else yield readJsonObject(text, source);
}

/** A .json file of one article object. */
function readJsonObject(text: string, source: string): InputRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return rejectOf(source, null, `malformed JSON: ${(error as Error).message}`, text);
  }
  try {
    return articleFromJson(parsed, source, null);
  } catch (error) {
    return unreadable(source, null, error);
  }
}
