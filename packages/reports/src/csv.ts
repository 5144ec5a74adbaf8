// CSV tables as spreadsheets open them: UTF-8 with BOM, RFC 4180 quoting, CRLF rows, and no cell a spreadsheet would run as a formula.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { z } from 'zod';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) with an apostrophe. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The columns of a row schema, and which of them hold text (only those are neutralised; numbers stay numbers). */
export interface TableShape {
  columns: string[];
  textColumns: Set<string>;
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
  const textColumns = new Set<string>();
  for (const [name, field] of Object.entries(schema.shape)) {
    const inner = unwrap(field as z.ZodType);
    if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) textColumns.add(name);
  }
  return { columns, textColumns };
}

export const CSV_BOM = '\uFEFF';
const NEWLINE = '\r\n';

/** Rows as CSV lines (no header), each ending in CRLF. */
export function formatCsvRows(rows: readonly object[], shape: TableShape): string {
  if (rows.length === 0) return '';
  const cells = rows.map((row) =>
    shape.columns.map((column) => {
      const value = (row as Record<string, unknown>)[column];
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
      const text = String(value);
      return shape.textColumns.has(column) ? neutraliseFormula(text) : text;
    }),
  );
  return Papa.unparse(cells, { newline: NEWLINE, quotes: false, header: false }) + NEWLINE;
}

/** The header line of a table. */
export function formatCsvHeader(shape: TableShape): string {
  return Papa.unparse([shape.columns], { newline: NEWLINE }) + NEWLINE;
}

/** A whole table as file content: BOM, header, rows. */
export function formatCsv(rows: readonly object[], shape: TableShape): string {
  return CSV_BOM + formatCsvHeader(shape) + formatCsvRows(rows, shape);
}

/** Appends rows to a CSV file as they come, so a corpus never has to sit in memory. */
export class CsvTableWriter {
  private readonly stream: WriteStream;
  private rowCount = 0;
  /** Encoded rows not yet handed to the stream: one write per ~256 kB, not one per article. */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private static readonly FLUSH_AT = 256 * 1024;

  constructor(
    readonly path: string,
    readonly shape: TableShape,
  ) {
    this.stream = createWriteStream(path);
    this.stream.write(CSV_BOM + formatCsvHeader(shape));
  }

  get rows(): number {
    return this.rowCount;
  }

  async write(rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return;
    await this.writeFormatted(Buffer.from(formatCsvRows(rows, this.shape)), rows.length);
  }

  /** Appends rows already formatted by `formatCsvRows` and encoded as UTF-8, elsewhere (in a worker thread). */
  async writeFormatted(bytes: Uint8Array, rowCount: number): Promise<void> {
    if (rowCount === 0) return;
    this.rowCount += rowCount;
    this.pending.push(bytes);
    this.pendingLength += bytes.byteLength;
    if (this.pendingLength >= CsvTableWriter.FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  /** Closes without waiting for pending data, for a run that is being abandoned. */
  destroy(): void {
    this.stream.destroy();
  }
}
