// CSV records turned into SpreadsheetML rows byte for byte: the CSV is UTF-8 and every byte that CSV or XML gives a
// meaning to is ASCII, so text is copied from the file into the sheet without being decoded into strings and encoded
// again (that round trip, and the strings built per cell, were most of the workbook's time; see docs/performance.md).
import { excelDate, xmlText } from './spreadsheet-ml.js';

/** How a column's cells are written: the schema's type, with web addresses as links. */
export type CellKind = 'number' | 'date' | 'text' | 'link';

/** A column as rows are written: how its cells are typed, and the fixed parts of their XML around the row number. */
export interface ColumnWriter {
  letters: string;
  kind: CellKind;
  style: number;
  /** `<c r="A`: a cell's opening up to its row number. */
  opening: Uint8Array;
  /** What follows the row number in an empty styled cell, a value cell, a text cell, and one that keeps edge spaces. */
  empty: Uint8Array;
  value: Uint8Array;
  text: Uint8Array;
  spacedText: Uint8Array;
}

/** The column at `letters`, its cells typed by `kind` and drawn with style `style` (0: none). */
export function columnWriter(letters: string, kind: CellKind, style: number): ColumnWriter {
  // Encoded once per column: a cell's markup is then copied byte by byte, with no string built or encoded per cell.
  const styled = style ? `" s="${style}"` : '"';
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  return {
    letters,
    kind,
    style,
    opening: bytes(`<c r="${letters}`),
    empty: bytes(`${styled}/>`),
    value: bytes(`${styled}><v>`),
    text: bytes(`${styled} t="inlineStr"><is><t>`),
    spacedText: bytes(`${styled} t="inlineStr"><is><t xml:space="preserve">`),
  };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const APOSTROPHE = 0x27;
/** Bytes a text cell cannot copy as they are: XML markup, the quote of a quoted cell, controls XML cannot hold, and
 * 0xEF, which starts U+FFFE and U+FFFF (also not XML) besides many ordinary characters. */
const SPECIAL = new Uint8Array(256);
for (const byte of [0x26, 0x3c, 0x3e, QUOTE, 0xef]) SPECIAL[byte] = 1;
for (let byte = 0; byte < 0x20; byte++) if (byte !== 0x09 && byte !== LF && byte !== CR) SPECIAL[byte] = 1;
const ESCAPED: Record<number, Buffer> = { 0x26: Buffer.from('&amp;'), 0x3c: Buffer.from('&lt;'), 0x3e: Buffer.from('&gt;') };
/** What CSV writing puts after an apostrophe to neutralise a formula (`'=…`): a typed cell drops the apostrophe. */
const FORMULA_STARTS = new Set([0x3d, 0x2b, 0x2d, 0x40]);
const WHITESPACE = /\s/;
const WEB_ADDRESS = /^https?:\/\//;

/** Where one record's cells lie in the buffer it was read from. */
export class RecordSpan {
  starts: number[] = [];
  ends: number[] = [];
  quoted: boolean[] = [];
  count = 0;
  /** Where the next record starts. */
  next = 0;

  push(start: number, end: number, quoted: boolean): void {
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.quoted[this.count] = quoted;
    this.count += 1;
  }

  /** A blank line, which CSV readers skip. */
  get blank(): boolean {
    return this.count === 1 && !this.quoted[0] && this.starts[0] === this.ends[0];
  }
}

/**
 * Reads the record starting at `from` (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end
 * in CRLF or LF). False when the buffer ends before the record does, unless `final`, when the end of the data ends it.
 */
export function scanRecord(data: Buffer, from: number, span: RecordSpan, final: boolean): boolean {
  span.count = 0;
  let at = from;
  // The line's end, found once with indexOf (native and fast) rather than byte by byte; again after a quoted cell.
  let lineEnd = -1;
  for (;;) {
    if (at < data.length && data[at] === QUOTE) {
      let close = at + 1;
      for (;;) {
        close = data.indexOf(QUOTE, close);
        if (close === -1) return false;
        if (data[close + 1] === QUOTE) close += 2;
        else break;
      }
      if (close + 1 >= data.length && !final) return false;
      span.push(at + 1, close, true);
      at = close + 1;
    } else {
      if (lineEnd < at) {
        lineEnd = data.indexOf(LF, at);
        if (lineEnd === -1) {
          if (!final) return false;
          lineEnd = data.length;
        }
      }
      const comma = data.indexOf(COMMA, at);
      const end = comma !== -1 && comma < lineEnd ? comma : lineEnd;
      span.push(at, end === lineEnd && end > at && data[end - 1] === CR ? end - 1 : end, false);
      at = end;
    }
    if (at < data.length && data[at] === COMMA) {
      at += 1;
      continue;
    }
    // A quoted cell's closing quote may be followed by CR LF: past both.
    if (data[at] === CR) at += 1;
    span.next = Math.min(at + 1, data.length);
    return true;
  }
}

/** Bytes of XML being gathered for the zip, in one buffer that grows as needed. */
export class XmlBytes {
  private buffer: Buffer;
  length = 0;

  /**
   * `capacity`: bytes of the buffer, and of each one `take` starts anew. A writer that takes what it has gathered once
   * it passes a threshold should ask for little more than that: every buffer handed to the zip is allocated in full.
   */
  constructor(private readonly capacity = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  ascii(text: string): void {
    this.reserve(text.length);
    for (let index = 0; index < text.length; index++) this.buffer[this.length++] = text.charCodeAt(index);
  }

  /** Short bytes of markup, copied one by one (cheaper than a native copy at these lengths). */
  markup(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    for (let index = 0; index < bytes.length; index++) this.buffer[this.length++] = bytes[index]!;
  }

  text(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  bytes(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    // A view per copy costs more than copying a short cell byte by byte; long text is copied natively, through a plain
    // Uint8Array view (Buffer's own subarray builds a Buffer through its species constructor, several times slower).
    if (end - start > 48) this.buffer.set(new Uint8Array(source.buffer, source.byteOffset + start, end - start), this.length);
    else for (let at = start; at < end; at++) this.buffer[this.length + at - start] = source[at]!;
    this.length += end - start;
  }

  /** The bytes gathered so far, handed over (the zip keeps them); gathering goes on in a new buffer, never zero-filled. */
  take(): Buffer {
    const taken = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    return taken;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/**
 * Lead bytes of the UTF-8 sequences of every non-ASCII character `\s` matches (U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+FEFF): a character with any other lead byte (every Chinese ideograph) is not one.
 */
const SPACE_LEADS = new Set([0xc2, 0xe1, 0xe2, 0xe3, 0xef]);

/** Whether the UTF-8 character at `at` (not ASCII, ending by `end`) is whitespace. */
function isWideSpace(data: Buffer, at: number, end: number): boolean {
  return SPACE_LEADS.has(data[at]!) && WHITESPACE.test(data.toString('utf8', at, Math.min(at + 3, end)).charAt(0));
}

/** Whether the cell's first or last character is whitespace (Excel drops edge spaces unless told to keep them). */
function hasEdgeSpace(data: Buffer, start: number, end: number): boolean {
  const first = data[start]!;
  if (first < 0x80 ? first === 0x20 || (first >= 0x09 && first <= 0x0d) : isWideSpace(data, start, end)) return true;
  const last = data[end - 1]!;
  if (last < 0x80) return last === 0x20 || (last >= 0x09 && last <= 0x0d);
  let lead = end - 1;
  while (lead > start && (data[lead]! & 0xc0) === 0x80) lead -= 1;
  return isWideSpace(data, lead, end);
}

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const POINT = 0x2e;

/**
 * Whether the CSV's number is written exactly as JavaScript writes its value (`String(Number(raw)) === raw`), so that
 * its bytes can be copied: an optional minus (not of zero), an integer part without leading zeros, an optional
 * fraction not ending in 0, at most 15 digits in all (every such decimal is the shortest one naming its double), and
 * below 1e-6 none (JavaScript writes those with an exponent). Anything else goes through Number and String.
 */
export function isPlainNumber(data: Uint8Array, start: number, end: number): boolean {
  let at = start;
  if (data[at] === MINUS) at += 1;
  const integerStart = at;
  while (at < end && data[at]! >= ZERO && data[at]! <= NINE) at += 1;
  const integerDigits = at - integerStart;
  if (integerDigits === 0 || (integerDigits > 1 && data[integerStart] === ZERO)) return false;
  const zeroInteger = integerDigits === 1 && data[integerStart] === ZERO;
  if (at === end) return at - integerStart <= 15 && !(zeroInteger && integerStart > start);
  if (data[at] !== POINT) return false;
  const fractionStart = at + 1;
  at = fractionStart;
  while (at < end && data[at]! >= ZERO && data[at]! <= NINE) at += 1;
  if (at !== end || at === fractionStart || data[end - 1] === ZERO || integerDigits + (end - fractionStart) > 15) return false;
  if (!zeroInteger) return true;
  let zeros = 0;
  while (data[fractionStart + zeros] === ZERO) zeros += 1;
  return zeros < 6;
}

/** Copies a cell's text into the XML: markup escaped, a quoted cell's doubled quotes single, non-XML characters dropped. */
function copyText(out: XmlBytes, data: Buffer, start: number, end: number, quoted: boolean): void {
  let run = start;
  for (let at = start; at < end; at++) {
    const byte = data[at]!;
    if (SPECIAL[byte] === 0) continue;
    if (byte === 0xef) {
      // U+FFFE and U+FFFF are EF BF BE and EF BF BF; every other character starting with EF is copied as it is.
      if (data[at + 1] !== 0xbf || (data[at + 2] !== 0xbe && data[at + 2] !== 0xbf)) continue;
      out.bytes(data, run, at);
      at += 2;
      run = at + 1;
      continue;
    }
    out.bytes(data, run, at);
    if (byte === QUOTE) {
      out.bytes(data, at, at + 1);
      if (quoted && data[at + 1] === QUOTE) at += 1;
    } else if (ESCAPED[byte]) out.bytes(ESCAPED[byte], 0, ESCAPED[byte].length);
    run = at + 1;
  }
  out.bytes(data, run, end);
}

/** A cell's text as a string, a quoted cell's doubled quotes made single (for the few cells that need a string). */
function cellString(data: Buffer, start: number, end: number, quoted: boolean): string {
  const text = data.toString('utf8', start, end);
  return quoted && text.includes('""') ? text.replaceAll('""', '"') : text;
}

/** Appends one record as the sheet's row `row`: numbers as numbers, dates as dates, URLs as links, the rest as text. */
export function appendRow(
  out: XmlBytes,
  data: Buffer,
  span: RecordSpan,
  row: number,
  columns: readonly ColumnWriter[],
  link: (ref: string, target: string) => void,
): void {
  const number = ROW_DIGITS.set(row);
  out.markup(ROW_OPENING);
  out.markup(number);
  out.markup(TAG_END);
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index]!;
    let start = index < span.count ? span.starts[index]! : 0;
    const end = index < span.count ? span.ends[index]! : 0;
    if (end === start) {
      if (column.style) appendOpening(out, column, number, column.empty);
      continue;
    }
    if (column.kind === 'number' && isPlainNumber(data, start, end)) {
      appendOpening(out, column, number, column.value);
      out.bytes(data, start, end);
      out.markup(VALUE_END);
      continue;
    }
    if (column.kind === 'number' || column.kind === 'date') {
      const raw = data.toString('latin1', start, end);
      // A value its schema's type cannot read stays text, as the CSV has it, rather than becoming NaN.
      const value = column.kind === 'number' ? Number(raw) : excelDate(new Date(`${raw}T00:00:00Z`));
      if (Number.isFinite(value)) {
        appendOpening(out, column, number, column.value);
        out.ascii(String(value));
        out.markup(VALUE_END);
        continue;
      }
    }
    if (data[start] === APOSTROPHE && FORMULA_STARTS.has(data[start + 1]!)) start += 1;
    if (column.kind === 'link') {
      const text = cellString(data, start, end, span.quoted[index]!);
      if (WEB_ADDRESS.test(text)) link(`${column.letters}${row}`, text);
    }
    appendOpening(out, column, number, hasEdgeSpace(data, start, end) ? column.spacedText : column.text);
    if (column.kind === 'number' || column.kind === 'date') out.text(xmlText(cellString(data, start, end, span.quoted[index]!)));
    else copyText(out, data, start, end, span.quoted[index]!);
    out.markup(TEXT_END);
  }
  out.markup(ROW_END);
}

const ROW_OPENING = Buffer.from('<row r="');
const TAG_END = Buffer.from('">');
const VALUE_END = Buffer.from('</v></c>');
const TEXT_END = Buffer.from('</t></is></c>');
const ROW_END = Buffer.from('</row>');

/** A row number's decimal digits as bytes, written once per row and copied into each of its cells' references. */
class RowDigits {
  private readonly digits = new Uint8Array(16);
  private length = 0;

  set(row: number): Uint8Array {
    this.length = 0;
    for (let rest = row; ; rest = Math.floor(rest / 10)) {
      this.digits[15 - this.length++] = ZERO + (rest % 10);
      if (rest < 10) break;
    }
    return this.digits.subarray(16 - this.length);
  }
}
const ROW_DIGITS = new RowDigits();

/** `<c r="B12" s="3"` and what follows it. */
function appendOpening(out: XmlBytes, column: ColumnWriter, row: Uint8Array, rest: Uint8Array): void {
  out.markup(column.opening);
  out.markup(row);
  out.markup(rest);
}
