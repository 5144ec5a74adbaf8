// The tables as one Excel workbook: a sheet per table, typed cells, frozen bold headers, autofilters, and a README
// sheet from the same schema descriptions as datapackage.json. It is written from the finished CSVs, one sheet after
// another as a stream, so memory stays flat on a corpus and the workbook holds exactly what the CSVs hold.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { TableName } from '@roundup/model';
import { CSV_BOM } from './csv.js';
import { tableResource, type TableField } from './datapackage.js';

/** Excel's last row is 1,048,576; with the header, a sheet holds this many rows of data before it continues. */
export const EXCEL_DATA_ROWS = 1_048_575;

/** The sheets in the order a reader wants them: the comparison first, the long text tables last. */
export const WORKBOOK_SHEETS: readonly TableName[] = ['comparison', 'roundup_regions', 'articles', 'sections', 'figures', 'localities', 'initiatives', 'programmes', 'programme_regions', 'measures', 'paragraphs', 'rejects'];

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

/** A text cell that CSV neutralised for spreadsheets (`'=…`): in a typed workbook a string is never a formula. */
const NEUTRALISED = /^'(?=[=+\-@])/;
/** Text columns wide enough to wrap rather than stretch the sheet. */
const WRAP_WIDTH = 50;

/** One cell's value as its schema types it: numbers as numbers, dates as dates, URLs as links, the rest as text. */
function cellValue(raw: string, field: TableField): ExcelJS.CellValue {
  if (raw === '') return null;
  if (field.type === 'integer' || field.type === 'number') return Number(raw);
  if (field.type === 'date') return new Date(`${raw}T00:00:00Z`);
  const text = raw.replace(NEUTRALISED, '');
  return field.name === 'url' && /^https?:\/\//.test(text) ? { text, hyperlink: text } : text;
}

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

/** Column widths that fit the header and the sampled values (CJK counted double), within reason; long text wraps. */
function columnLayout(fields: readonly TableField[], sample: readonly string[][]): Array<Partial<ExcelJS.Column>> {
  return fields.map((field, index) => {
    const widest = Math.max(displayWidth(field.name), ...sample.slice(1).map((row) => displayWidth(row[index] ?? '')));
    const width = field.type === 'date' ? 12 : Math.min(Math.max(widest + 2, 8), WRAP_WIDTH + 10);
    const wrap = field.type === 'string' && widest > WRAP_WIDTH;
    // Only cells that need a style get one: exceljs looks every styled cell's style up by its XML, a third of the
    // workbook's time when every column had one (text cells need none: they are typed strings).
    const style: Partial<ExcelJS.Style> = {
      ...(field.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}),
      ...(wrap ? { alignment: { wrapText: true, vertical: 'top' } } : {}),
      ...(field.name === 'url' ? { font: { color: { argb: 'FF1F4E79' }, underline: true } } : {}),
    };
    return { key: field.name, width: wrap ? WRAP_WIDTH : width, ...(Object.keys(style).length > 0 ? { style } : {}) };
  });
}

/** A new sheet of a table: bold frozen header, column widths and types. */
function openSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, fields: readonly TableField[], sample: readonly string[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnLayout(fields, sample);
  const header = sheet.addRow(fields.map((field) => field.name));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

/** Closes a sheet with an autofilter over its header and rows. */
async function closeSheet(sheet: ExcelJS.Worksheet, rows: number, columns: number): Promise<void> {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
  await (sheet as unknown as { commit(): Promise<void> }).commit();
}

/** Streams one table's CSV into its sheet (and further sheets past the row limit), in file order. */
async function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: TableName, fields: readonly TableField[], options: WorkbookOptions): Promise<WorkbookSummary['sheets'][number]> {
  const file = join(options.folder, `${table}.csv`);
  const limit = options.rowsPerSheet ?? EXCEL_DATA_ROWS;
  const sample = await sampleRows(file);
  const names = [table as string];
  let sheet = openSheet(workbook, table, fields, sample);
  let inSheet = 0;
  let rows = 0;
  const parser = createReadStream(file).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true }));
  let header = true;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (header) {
      header = false;
      continue;
    }
    if (inSheet === limit) {
      await closeSheet(sheet, inSheet, fields.length);
      names.push(`${table} (${names.length + 1})`);
      sheet = openSheet(workbook, names[names.length - 1]!, fields, sample);
      inSheet = 0;
    }
    sheet.addRow(fields.map((field, index) => cellValue(record[index] ?? '', field))).commit();
    inSheet += 1;
    rows += 1;
    // Lets the zip stream take what the sheet has written, so memory stays flat however long the table.
    if (rows % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await closeSheet(sheet, inSheet, fields.length);
  return { table, names, rows };
}

/** The README sheet: what each sheet and column means, from the schemas' descriptions, and where a table continues. */
async function writeReadme(workbook: ExcelJS.stream.xlsx.WorkbookWriter, tables: ReadonlyArray<{ table: TableName; fields: readonly TableField[]; description: string }>, written: WorkbookSummary['sheets'], limit: number): Promise<void> {
  const sheet = workbook.addWorksheet('README', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ key: 'sheet', width: 22 }, { key: 'column', width: 22 }, { key: 'type', width: 10 }, { key: 'meaning', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const header = sheet.addRow(['sheet', 'column', 'type', 'meaning']);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for (const { table, fields, description } of tables) {
    const names = written.find((entry) => entry.table === table)?.names ?? [table];
    const continued = names.length > 1 ? ` More than ${limit.toLocaleString('en')} rows: the table continues in ${names.slice(1).join(', ')}, in order.` : '';
    const row = sheet.addRow([names.join(', '), '', '', `${description}${continued}`]);
    row.font = { bold: true };
    row.commit();
    rows += 1;
    for (const field of fields) {
      sheet.addRow([names[0], field.name, field.type, field.description]).commit();
      rows += 1;
    }
  }
  await closeSheet(sheet, rows, 4);
}

/**
 * Writes the workbook of a finished output folder to `file`: one sheet per table in `WORKBOOK_SHEETS` order (a table
 * past Excel's row limit continues on `name (2)`, nothing is cut), then README.
 */
export async function writeWorkbook(file: string, options: WorkbookOptions): Promise<WorkbookSummary> {
  // exceljs and what it pulls in (jszip, bluebird, saxes…) take a tenth of a second to load: only runs asked for a workbook pay it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'roundup';
  const tables = WORKBOOK_SHEETS.map((table) => {
    const resource = tableResource(table, table === 'comparison' ? options.domainColumns : []);
    return { table, fields: resource.schema.fields, description: resource.description };
  });
  const sheets: WorkbookSummary['sheets'] = [];
  for (const { table, fields } of tables) sheets.push(await writeTable(workbook, table, fields, options));
  await writeReadme(workbook, tables, sheets, options.rowsPerSheet ?? EXCEL_DATA_ROWS);
  await workbook.commit();
  return { sheets };
}
