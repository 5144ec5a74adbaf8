// CSV tables as spreadsheets open them: UTF-8 with BOM, RFC 4180 quoting, CRLF rows, and no cell a spreadsheet would run as a formula.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { z } from 'zod';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) with an apostrophe. */
export function neutraliseFormula(cell: string): string {
  // The first character looked up before the pattern is run: most cells start with none of them.
  return FORMULA_STARTERS.has(cell.charCodeAt(0)) && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
const FORMULA_STARTERS = new Set([...'=+-@\t\r'].map((character) => character.charCodeAt(0)));

/** The columns of a row schema, and which of them hold text (only those are neutralised; numbers stay numbers). */
export interface TableShape {
  columns: string[];
  /** Whether each column, by position, holds text. */
  isText: boolean[];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The shape of a table from its zod schema, plus any extra numeric columns (comparison.csv's domain counts). */
export function tableShape(schema: z.ZodObject, extraNumericColumns: readonly string[] = []): TableShape {
  const columns = [...Object.keys(schema.shape), ...extraNumericColumns];
  const isText = columns.map((name) => {
    const field = schema.shape[name] as z.ZodType | undefined;
    const inner = field && unwrap(field);
    return inner instanceof z.ZodString || inner instanceof z.ZodEnum;
  });
  return { columns, isText };
}

export const CSV_BOM = '\uFEFF';
const NEWLINE = '\r\n';

/** Rows as CSV lines (no header), each ending in CRLF. */
export function formatCsvRows(rows: readonly object[], shape: TableShape): string {
  if (rows.length === 0) return '';
  return (
    Papa.unparse(
      rows.map((row) => csvCells(row, shape)),
      { newline: NEWLINE, quotes: false, header: false },
    ) + NEWLINE
  );
}

/**
 * Several groups of rows (a batch's articles) formatted by few papaparse calls: papaparse's set-up per call costs more
 * than a small article's rows. Each group's text comes back in the pieces the calls gave (none for a group without
 * rows), which joined are exactly what `formatCsvRows` gives for it; a caller that encodes the pieces one by one never
 * copies a long table's text into one string (80 MB for a table of half a million rows).
 */
export function formatCsvPieces(groups: ReadonlyArray<readonly object[]>, shape: TableShape): string[][] {
  const pieces: string[][] = groups.map(() => []);
  let cells: Array<Array<string | null>> = [];
  /** The groups of the rows in `cells`, in order, each with its number of rows there. */
  let owners: Array<[group: number, rows: number]> = [];
  const flush = () => {
    if (cells.length === 0) return;
    const text = Papa.unparse(cells, { newline: NEWLINE, quotes: false, header: false }) + NEWLINE;
    const ends = rowEnds(text, cells.length);
    let row = 0;
    let from = 0;
    for (const [group, rows] of owners) {
      row += rows;
      pieces[group]!.push(text.slice(from, ends[row - 1]!));
      from = ends[row - 1]!;
    }
    cells = [];
    owners = [];
  };
  groups.forEach((rows, group) => {
    for (const row of rows) {
      cells.push(csvCells(row, shape));
      const last = owners[owners.length - 1];
      if (last?.[0] === group) last[1] += 1;
      else owners.push([group, 1]);
      if (cells.length === ROWS_PER_CALL) flush();
    }
  });
  flush();
  return pieces;
}

/**
 * The most rows formatted by one papaparse call. It builds its text by appending cell after cell: for a table of half a
 * million rows (one article of 990,000 characters, a figure every two) that made a string of millions of pieces for
 * the garbage collector to walk again and again, 4.1–4.5 CPU s where calls of 2,000 rows took 2.0–2.3 s.
 */
const ROWS_PER_CALL = 2000;

/** Where each of `count` rows ends (just past its CRLF): a CRLF ends a row unless it is inside a quoted cell. */
function rowEnds(text: string, count: number): number[] {
  const ends: number[] = [];
  let quotes = 0;
  let nextQuote = text.indexOf('"');
  for (let at = text.indexOf(NEWLINE); at !== -1 && ends.length < count; at = text.indexOf(NEWLINE, at + 2)) {
    while (nextQuote !== -1 && nextQuote < at) {
      quotes += 1;
      nextQuote = text.indexOf('"', nextQuote + 1);
    }
    // Quotes inside a quoted cell are doubled, so an even count so far means the CRLF is outside every cell.
    if (quotes % 2 === 0) ends.push(at + 2);
  }
  if (ends.length !== count) throw new Error(`CSV of ${count} rows split into ${ends.length}`);
  return ends;
}

/**
 * A row's cells for papaparse. An empty cell is given as null: papaparse writes null as an empty cell at once, where an
 * empty string goes through every check of a text cell (a regular expression and eight searches) to the same result.
 */
function csvCells(row: object, shape: TableShape): Array<string | null> {
  const { columns, isText } = shape;
  const cells = new Array<string | null>(columns.length);
  for (let index = 0; index < columns.length; index++) {
    const value = (row as Record<string, unknown>)[columns[index]!];
    if (value === null || value === undefined || value === '') cells[index] = null;
    else if (typeof value === 'number') cells[index] = Number.isFinite(value) ? String(value) : null;
    else cells[index] = isText[index] ? neutraliseFormula(String(value)) : String(value);
  }
  return cells;
}

/** The header line of a table. */
export function formatCsvHeader(shape: TableShape): string {
  return Papa.unparse([shape.columns], { newline: NEWLINE }) + NEWLINE;
}

/** A whole table as file content: BOM, header, rows. */
export function formatCsv(rows: readonly object[], shape: TableShape): string {
  return CSV_BOM + formatCsvHeader(shape) + formatCsvRows(rows, shape);
}

/**
 * Abandons a file being written: drops what is queued and resolves once the file is closed, so that removing its
 * folder next cannot race with the stream still opening it.
 */
export async function destroyWriteStream(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  // Writes still queued fail once the stream is destroyed; for an abandoned file that is expected, not an error.
  stream.on('error', () => undefined);
  stream.destroy();
  await closed;
}

/**
 * A write stream whose failure (a full disk, say) is kept, not thrown as an unhandled 'error' event: the error,
 * with the file's path on it, is raised by the writer's next call, which its run then reports in words.
 */
export class FailureWatch {
  private failure: Error | undefined;
  constructor(stream: WriteStream, path: string) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      error.path ??= path;
      this.failure ??= error;
    });
  }
  /** Throws the stream's failure, if it has failed. */
  check(): void {
    if (this.failure) throw this.failure;
  }
}

/** Appends rows to a CSV file as they come, so a corpus never has to sit in memory. */
export class CsvTableWriter {
  private readonly stream: WriteStream;
  private readonly watch: FailureWatch;
  private rowCount = 0;
  private byteCount: number;
  /** SHA-1 of every byte written, so that a later run can tell the file is still as this run left it. */
  private readonly hash = createHash('sha1');
  /** Encoded rows not yet handed to the stream: one write per ~256 kB, not one per article. */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private static readonly FLUSH_AT = 256 * 1024;
  /**
   * Bytes the stream may hold before a flush waits for the disk: several flushes, so that extraction goes on while
   * the last ones are written (with the stream's default of 16 kB every flush waited, idling the thread ~4 % of a run).
   */
  private static readonly WRITE_AHEAD = 4 * CsvTableWriter.FLUSH_AT;

  constructor(
    readonly path: string,
    readonly shape: TableShape,
  ) {
    this.stream = createWriteStream(path, { highWaterMark: CsvTableWriter.WRITE_AHEAD });
    this.watch = new FailureWatch(this.stream, path);
    const header = Buffer.from(CSV_BOM + formatCsvHeader(shape));
    this.stream.write(header);
    this.hash.update(header);
    this.byteCount = header.byteLength;
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Bytes of the file so far, header included: where the next row starts. */
  get bytes(): number {
    return this.byteCount;
  }

  async write(rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return;
    await this.writeFormatted(Buffer.from(formatCsvRows(rows, this.shape)), rows.length);
  }

  /**
   * Appends rows already formatted by `formatCsvRows` and encoded as UTF-8 elsewhere (in a worker thread, or an
   * earlier run's file), counting `rowCount` rows; a long stretch may come in pieces counted with the last.
   */
  async writeFormatted(bytes: Uint8Array, rowCount: number): Promise<void> {
    this.rowCount += rowCount;
    if (bytes.byteLength === 0) return;
    this.byteCount += bytes.byteLength;
    this.pending.push(bytes);
    this.pendingLength += bytes.byteLength;
    if (this.pendingLength >= CsvTableWriter.FLUSH_AT) await this.flush();
  }

  /** Counts rows whose bytes were appended in pieces (`writeFormatted(piece, 0)`), as a cached stretch is copied. */
  countRows(rows: number): void {
    this.rowCount += rows;
  }

  /** Hands the pending pieces to the stream as one vectored write: they are hashed and written, never copied together. */
  private async flush(): Promise<void> {
    this.watch.check();
    if (this.pending.length === 0) return;
    const pieces = this.pending;
    this.pending = [];
    this.pendingLength = 0;
    this.stream.cork();
    let room = true;
    for (const piece of pieces) {
      this.hash.update(piece);
      room = this.stream.write(piece);
    }
    this.stream.uncork();
    if (!room) await once(this.stream, 'drain');
  }

  /** Finishes the file; returns the SHA-1 of its bytes. */
  async close(): Promise<string> {
    await this.flush();
    this.stream.end();
    this.watch.check();
    await once(this.stream, 'finish');
    return this.hash.digest('hex');
  }

  /**
   * Drops pending data and closes the file, for a run that is being abandoned. Resolves once the file is closed, so
   * that removing its folder next cannot race with the stream still opening it.
   */
  async destroy(): Promise<void> {
    await destroyWriteStream(this.stream);
  }
}
