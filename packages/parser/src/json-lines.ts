// JSON lines: a byte stream split into lines, each decoded strictly and parsed as one article or a reject.
import { articleFromJson, MAX_LINE_BYTES, rejectOf, unreadable, type InputRecord } from './input-records.js';

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
    const reason = isLast && !/[}\]]\s*$/.test(text) ? 'malformed JSON: the last line is truncated' : `malformed JSON: ${(error as Error).message}`;
    return rejectOf(source, line, reason, text);
  }
  try {
    return articleFromJson(parsed, source, line);
  } catch (error) {
    return unreadable(source, line, error, text);
  }
}
