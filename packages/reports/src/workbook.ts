// The tables as one Excel workbook: a sheet per table, typed cells, frozen bold headers, autofilters, and a README
// sheet from the same schema descriptions as datapackage.json. It is written from the finished CSVs, one sheet after
// another as a stream, so memory stays flat on a corpus and the workbook holds exactly what the CSVs hold. The
// SpreadsheetML is written here (spreadsheet-ml.ts) rather than through exceljs, whose cell objects and style lookups
// made the workbook cost twice the rest of the run (see docs/performance.md).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { TableName } from '@roundup/model';
import { CSV_BOM } from './csv.js';
import { tableResource, type TableField } from './datapackage.js';
import { appendRow, columnWriter, RecordSpan, scanRecord, type ColumnWriter } from './sheet-rows.js';
import { columnLetters, emptyCell, sheetHead, textCell, type CellStyle, type SheetColumn, type StyleSheet } from './spreadsheet-ml.js';
import { WorkbookPackage, type SheetPart } from './workbook-package.js';

/** Excel's last row is 1,048,576; with the header, a sheet holds this many rows of data before it continues. */
export const EXCEL_DATA_ROWS = 1_048_575;

/** The sheets in the order a reader wants them: the comparison first, the long text tables last. */
export const WORKBOOK_SHEETS: readonly TableName[] = [
  'comparison',
  'roundup_regions',
  'articles',
  'sections',
  'figures',
  'localities',
  'initiatives',
  'programmes',
  'programme_regions',
  'measures',
  'paragraphs',
  'rejects',
];

export interface WorkbookOptions {
  /** The folder holding the finished `<table>.csv` files. */
  folder: string;
  /** comparison.csv's `domain_<id>` columns, with their descriptions. */
  domainColumns: readonly { name: string; description: string }[];
  /** Rows of data a sheet holds before the table continues on another (Excel's limit; smaller in tests). */
  rowsPerSheet?: number;
}

/** What was written: each table's sheets (more than one where it passed the row limit) and rows. */
export interface WorkbookSummary {
  sheets: Array<{ table: TableName; names: string[]; rows: number }>;
}

/** Text columns wide enough to wrap rather than stretch the sheet. */
const WRAP_WIDTH = 50;

/** Display width of text: an ideograph takes two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/** The first rows of a CSV (its header and a sample), read from the file's head only. */
async function sampleRows(file: string, bytes = 64 * 1024): Promise<string[][]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    const rows = Papa.parse<string[]>(buffer.subarray(0, bytesRead).toString('utf8').replace(CSV_BOM, ''), { skipEmptyLines: true }).data;
    return bytesRead === bytes ? rows.slice(0, -1) : rows;
  } finally {
    await handle.close();
  }
}

/** A column's width and the style of its cells: widths fit the header and the sampled values (CJK counted double), within reason; long text wraps. */
function columnLayout(fields: readonly TableField[], sample: readonly string[][]): Array<{ width: number; style: CellStyle }> {
  return fields.map((field, index) => {
    const widest = Math.max(displayWidth(field.name), ...sample.slice(1).map((row) => displayWidth(row[index] ?? '')));
    const width = field.type === 'date' ? 12 : Math.min(Math.max(widest + 2, 8), WRAP_WIDTH + 10);
    const wrap = field.type === 'string' && widest > WRAP_WIDTH;
    const style: CellStyle = {
      ...(field.type === 'date' ? { date: true } : {}),
      ...(wrap ? { wrap } : {}),
      ...(field.name === 'url' ? { font: 'link' as const } : {}),
    };
    return { width: wrap ? WRAP_WIDTH : width, style };
  });
}

/** A new sheet: frozen header row in bold (over each column's own style), column widths and styles. */
async function openSheet(
  workbook: WorkbookPackage,
  name: string,
  header: readonly string[],
  layout: ReadonlyArray<{ width: number; style: CellStyle }>,
): Promise<SheetPart> {
  const sheet = workbook.addSheet(name);
  const columns: SheetColumn[] = layout.map(({ width, style }) => ({ width, style: workbook.styles.id(style) }));
  await sheet.write(sheetHead(columns));
  await sheet.write(boldRow(header, 1, layout, workbook.styles));
  return sheet;
}

/** A row of text cells in bold over their columns' styles (a header, or a README sheet's table line); '' stays empty. */
function boldRow(cells: readonly string[], row: number, layout: ReadonlyArray<{ style: CellStyle }>, styles: StyleSheet): string {
  const xml = cells.map((text, index) => {
    const style = styles.id({ ...layout[index]!.style, font: 'bold' });
    const ref = `${columnLetters(index)}${row}`;
    return textOrEmpty(ref, text, style);
  });
  // The row's own style as well, so that cells added later in Excel (and readers asking for the row's font) see bold.
  return `<row r="${row}" s="${styles.id({ font: 'bold' })}" customFormat="1">${xml.join('')}</row>`;
}

/** A text cell, or where the text is '' no cell but the column's style: as an empty CSV cell reads. */
function textOrEmpty(ref: string, text: string, style: number): string {
  return text === '' ? emptyCell(ref, style) : textCell(ref, text, style);
}

/** How each column's cells are written, from its schema type and style. */
function columnWriters(fields: readonly TableField[], layout: ReadonlyArray<{ style: CellStyle }>, styles: StyleSheet): ColumnWriter[] {
  return fields.map((field, index) => {
    const kind = field.type === 'integer' || field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : field.name === 'url' ? 'link' : 'text';
    return columnWriter(columnLetters(index), kind, styles.id(layout[index]!.style));
  });
}

/** Streams one table's CSV into its sheet (and further sheets past the row limit), in file order. */
async function writeTable(
  workbook: WorkbookPackage,
  table: TableName,
  fields: readonly TableField[],
  options: WorkbookOptions,
): Promise<WorkbookSummary['sheets'][number]> {
  const file = join(options.folder, `${table}.csv`);
  const limit = options.rowsPerSheet ?? EXCEL_DATA_ROWS;
  const layout = columnLayout(fields, await sampleRows(file));
  const header = fields.map((field) => field.name);
  const columns = columnWriters(fields, layout, workbook.styles);
  const names = [table as string];
  let sheet = await openSheet(workbook, table, header, layout);
  let inSheet = 0;
  let rows = 0;
  const span = new RecordSpan();
  const link = (ref: string, target: string) => sheet.link(ref, target);
  let isHeader = true;
  let carried: Buffer = Buffer.alloc(0);
  const writeRecords = async (data: Buffer, final: boolean): Promise<Buffer> => {
    let at = 0;
    while (at < data.length && scanRecord(data, at, span, final)) {
      at = span.next;
      if (span.blank) continue;
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (inSheet === limit) {
        await sheet.close(inSheet, fields.length);
        names.push(`${table} (${names.length + 1})`);
        sheet = await openSheet(workbook, names[names.length - 1]!, header, layout);
        inSheet = 0;
      }
      inSheet += 1;
      rows += 1;
      appendRow(sheet.xml, data, span, inSheet + 1, columns, link);
      // An await per row costs more than many rows: only once there is a chunk to hand to the zip.
      if (sheet.full) await sheet.flush();
    }
    return data.subarray(at);
  };
  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bom = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    first = false;
    carried = await writeRecords(carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk.subarray(bom), false);
  }
  if (carried.length > 0) await writeRecords(carried, true);
  await sheet.close(inSheet, fields.length);
  return { table, names, rows };
}

const README_LAYOUT: ReadonlyArray<{ width: number; style: CellStyle }> = [
  { width: 22, style: {} },
  { width: 22, style: {} },
  { width: 10, style: {} },
  { width: 90, style: { wrap: true } },
];

/** The README sheet: what each sheet and column means, from the schemas' descriptions, and where a table continues. */
async function writeReadme(
  workbook: WorkbookPackage,
  tables: ReadonlyArray<{ table: TableName; fields: readonly TableField[]; description: string }>,
  written: WorkbookSummary['sheets'],
  limit: number,
): Promise<void> {
  const sheet = await openSheet(workbook, 'README', ['sheet', 'column', 'type', 'meaning'], README_LAYOUT);
  const meaningStyle = workbook.styles.id(README_LAYOUT[3]!.style);
  let rows = 0;
  for (const { table, fields, description } of tables) {
    const names = written.find((entry) => entry.table === table)?.names ?? [table];
    const continued = names.length > 1 ? ` More than ${limit.toLocaleString('en')} rows: the table continues in ${names.slice(1).join(', ')}, in order.` : '';
    rows += 1;
    await sheet.write(boldRow([names.join(', '), '', '', `${description}${continued}`], rows + 1, README_LAYOUT, workbook.styles));
    for (const field of fields) {
      rows += 1;
      const cells = [names[0]!, field.name, field.type, field.description].map((text, index) =>
        textOrEmpty(`${columnLetters(index)}${rows + 1}`, text, index === 3 ? meaningStyle : 0),
      );
      await sheet.write(`<row r="${rows + 1}">${cells.join('')}</row>`);
    }
  }
  await sheet.close(rows, 4);
}

/**
 * Writes the workbook of a finished output folder to `file`: one sheet per table in `WORKBOOK_SHEETS` order (a table
 * past Excel's row limit continues on `name (2)`, nothing is cut), then README.
 */
export async function writeWorkbook(file: string, options: WorkbookOptions): Promise<WorkbookSummary> {
  const workbook = new WorkbookPackage(file);
  try {
    return await writeSheets(workbook, options);
  } catch (error) {
    workbook.abandon();
    throw error;
  }
}

async function writeSheets(workbook: WorkbookPackage, options: WorkbookOptions): Promise<WorkbookSummary> {
  const tables = WORKBOOK_SHEETS.map((table) => {
    const resource = tableResource(table, table === 'comparison' ? options.domainColumns : []);
    return { table, fields: resource.schema.fields, description: resource.description };
  });
  const sheets: WorkbookSummary['sheets'] = [];
  for (const { table, fields } of tables) sheets.push(await writeTable(workbook, table, fields, options));
  await writeReadme(workbook, tables, sheets, options.rowsPerSheet ?? EXCEL_DATA_ROWS);
  await workbook.finish('roundup');
  return { sheets };
}
