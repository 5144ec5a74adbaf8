// --xlsx: one workbook with a typed sheet per table, read back with a real reader and with LibreOffice.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '@roundup/pipeline';
import { csvHeader, readCsv, runCli } from './helpers.js';

const TABLES = [
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
const HAS_SOFFICE = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** CRC-32 (IEEE) bit by bit, independent of the zlib the workbook's writer uses. */
function crc32Reference(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Each entry of a zip from its central directory: its name, the CRC-32 it records and its data, inflated. */
function zipEntries(zip: Buffer): Array<{ name: string; recorded: number; data: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; recorded: number; data: Buffer }> = [];
  for (let index = 0; index < count; index++) {
    const [method, recorded, compressedSize] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20)];
    const [nameLength, extraLength, commentLength, local] = [
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
      zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, recorded, data: method === 8 ? inflateRawSync(stored) : stored });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows below its header, as the cell values ExcelJS reads back. */
function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

describe('--xlsx', () => {
  const base = mkdtempSync(join(tmpdir(), 'roundup-xlsx-'));
  const out = join(base, 'out');
  const file = join(out, 'roundup.xlsx');
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const result = await runCli(['--out', out, '--xlsx', file, '--quiet']);
    expect(result.stderr).toBe('');
    workbook = await readWorkbook(file);
  }, 60_000);

  it('records the true CRC-32 of every part (checked bit by bit, not by the zlib that wrote it)', () => {
    const entries = zipEntries(readFileSync(file));
    expect(entries.map((entry) => entry.name)).toContain('xl/worksheets/sheet1.xml');
    for (const entry of entries) expect([entry.name, entry.recorded]).toEqual([entry.name, crc32Reference(entry.data)]);
  });

  it('has a sheet per table, comparison first, then README, each with the header and the rows of its CSV', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...TABLES, 'README']);
    for (const table of TABLES) {
      const sheet = workbook.getWorksheet(table)!;
      expect((sheet.getRow(1).values as string[]).slice(1), table).toEqual(csvHeader(join(out, `${table}.csv`)));
      expect(dataRows(sheet).length, table).toBe(readCsv(join(out, `${table}.csv`)).length);
      expect(sheet.getRow(1).font?.bold, table).toBe(true);
      expect(sheet.views[0], table).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, table).toBeTruthy();
    }
  });

  it('types cells from the schema: counts and values as numbers, dates as dates, codes and ids as text, URLs as links', () => {
    const sections = workbook.getWorksheet('sections')!;
    const sectionRows = readCsv(join(out, 'sections.csv'));
    dataRows(sections).forEach((row, index) => {
      expect(row[0]).toBe(sectionRows[index]!.article_id);
      expect(row[3]).toBe(sectionRows[index]!.region_code); // '330000' stays text
      expect(row[6]).toBe(Number(sectionRows[index]!.paragraph_from));
    });
    const figures = dataRows(workbook.getWorksheet('figures')!);
    const figureRows = readCsv(join(out, 'figures.csv'));
    expect(figures[0]![5]).toBe(Number(figureRows[0]!.value));
    expect(typeof figures[0]![5]).toBe('number');
    const localities = dataRows(workbook.getWorksheet('localities')!);
    expect(localities.every((row) => row[5] === null || typeof row[5] === 'string')).toBe(true);
    expect(localities.some((row) => typeof row[5] === 'string' && /^\d{9,12}$/.test(row[5]))).toBe(true);
    const [article] = dataRows(workbook.getWorksheet('articles')!);
    expect(article![1]).toEqual(new Date('2019-12-18T00:00:00Z'));
    expect(article![3]).toMatchObject({ hyperlink: expect.stringMatching(/^http:\/\/paper\.people\.com\.cn\//) });
    expect(
      workbook
        .getWorksheet('comparison')!
        .getRow(2)
        .getCell(csvHeader(join(out, 'comparison.csv')).indexOf('articles') + 1).value,
    ).toBe(1);
  });

  it('explains every sheet and column on the README sheet, from the schema descriptions', () => {
    const readme = dataRows(workbook.getWorksheet('README')!);
    expect(readme.find((row) => row[0] === 'figures' && row[1] === 'value')?.[3]).toMatch(/万/);
    expect(readme.filter((row) => !row[1]).map((row) => row[0])).toEqual(TABLES);
  });

  it('continues a table past the row limit on a second sheet, and says so, cutting nothing', async () => {
    const small = join(mkdtempSync(join(tmpdir(), 'roundup-xlsx-limit-')), 'out');
    await runPipeline({ inputs: [], outDir: small, xlsx: join(small, 'r.xlsx'), xlsxRowsPerSheet: 10, cache: false });
    const limited = await readWorkbook(join(small, 'r.xlsx'));
    const paragraphs = readCsv(join(small, 'paragraphs.csv')).length;
    expect(limited.worksheets.map((sheet) => sheet.name)).toContain('paragraphs (3)');
    const sheets = limited.worksheets.filter((sheet) => sheet.name === 'paragraphs' || sheet.name.startsWith('paragraphs ('));
    expect(sheets.reduce((sum, sheet) => sum + dataRows(sheet).length, 0)).toBe(paragraphs);
    expect(dataRows(limited.getWorksheet('README')!).find((row) => row[0] === 'paragraphs, paragraphs (2), paragraphs (3)')?.[3]).toMatch(
      /continues in paragraphs \(2\), paragraphs \(3\)/,
    );
  });

  it('gives the same workbook contents whatever --jobs is', async () => {
    const other = join(mkdtempSync(join(tmpdir(), 'roundup-xlsx-jobs-')), 'out');
    expect((await runCli(['--out', other, '--xlsx', join(other, 'r.xlsx'), '--jobs', '2', '--quiet'])).code).toBe(0);
    const second = await readWorkbook(join(other, 'r.xlsx'));
    for (const table of TABLES) expect(dataRows(second.getWorksheet(table)!), table).toEqual(dataRows(workbook.getWorksheet(table)!));
  });

  it('leaves no half-written workbook when a run fails', async () => {
    const failed = mkdtempSync(join(tmpdir(), 'roundup-xlsx-fail-'));
    const result = await runCli(['/nonexistent/input.jsonl', '--out', join(failed, 'out'), '--xlsx', join(failed, 'r.xlsx')]);
    expect(result.code).toBe(2);
    expect(readdirSync(failed)).toEqual([]);
  });

  it('reads back cell for cell as the CSVs hold them with a second, independent reader (read-excel-file)', async () => {
    const sheets = await readXlsxFile(file, { trim: false });
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([...TABLES, 'README']);
    for (const table of TABLES) {
      const csv = Papa.parse<string[]>(readFileSync(join(out, `${table}.csv`), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const rows = sheets.find((sheet) => sheet.sheet === table)!.data;
      expect(rows.length, table).toBe(csv.length);
      expect(rows[0], table).toEqual(csv[0]);
      rows.slice(1).forEach((row, index) => {
        // As the workbook types them: empty is null, numbers are numbers, dates are dates, a neutralised formula loses its apostrophe.
        const asCsv = row.map((cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)));
        expect(asCsv, `${table} row ${index + 1}`).toEqual(csv[index + 1]!.map((cell) => cell.replace(/^'(?=[=+\-@])/, '')));
      });
    }
  });

  it.skipIf(!HAS_SOFFICE)(
    'opens in LibreOffice with the Chinese text and the numbers intact (skipped without soffice)',
    () => {
      const converted = mkdtempSync(join(tmpdir(), 'roundup-xlsx-soffice-'));
      // Filter options: comma, double quote, UTF-8 (76), from line 1, …, and -1: every sheet to its own file.
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', converted, file],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const sections = readFileSync(join(converted, 'roundup-sections.csv'), 'utf8');
      expect(sections).toContain('浙江');
      expect(sections).toContain('330000');
      expect(sections).toContain('结合实际 注重实效');
      const figures = readFileSync(join(converted, 'roundup-figures.csv'), 'utf8');
      expect(figures).toContain('14亿元');
      expect(figures).toMatch(/,1400000000,/);
      expect(existsSync(join(converted, 'roundup-README.csv'))).toBe(true);
    },
    180_000,
  );
});
