import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { TABLES } from '@roundup/model';
import { formatCsv, formatCsvPieces, formatCsvRows, neutraliseFormula, tableShape } from './csv.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-x', "'-x"],
    ['@SUM', "'@SUM"],
    ['\tx', "'\tx"],
    ['浙江', '浙江'],
  ])('turns %j into %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});

describe('formatCsv', () => {
  const shape = tableShape(TABLES.rejects);
  it('writes a BOM, the schema header, and RFC 4180 quoting that round-trips', () => {
    const rows = [{ source: 'a.jsonl', line: 3, reason: 'has "quotes", commas\nand lines', excerpt: '=cmd' }];
    const csv = formatCsv(rows, shape);
    expect(csv.startsWith('\uFEFFsource,line,reason,excerpt\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(parsed[1]).toEqual(['a.jsonl', '3', 'has "quotes", commas\nand lines', "'=cmd"]);
  });
  it('keeps numeric columns numeric, even negative', () => {
    const figures = tableShape(TABLES.figures);
    const csv = formatCsv(
      [
        {
          article_id: 'a',
          paragraph: 1,
          region: '',
          locality: '',
          raw: '-5元',
          value: -5,
          unit: '元',
          qualifier: 'exact',
          quantity: 'money',
          subject: '',
          sentence: '',
          start: 0,
          end: 3,
        },
      ],
      figures,
    );
    expect(csv).toContain(",'-5元,-5,元,");
  });
});

describe('formatCsvPieces, joined', () => {
  const shape = tableShape(TABLES.rejects);
  const joined = (groups: ReadonlyArray<readonly object[]>) => formatCsvPieces(groups, shape).map((texts) => texts.join(''));
  const row = (reason: string) => ({ source: 'a.jsonl', line: 1, reason, excerpt: '"引号"\r\n换行' });
  it('gives each group what formatCsvRows gives it, even where cells hold quotes and line ends', () => {
    const groups = [[row('一')], [], [row('二,"三"'), row('四\r\n五')], [row('')], []];
    expect(joined(groups)).toEqual(groups.map((rows) => formatCsvRows(rows, shape)));
  });
  it('gives empty texts for groups without rows', () => {
    expect(joined([[], []])).toEqual(['', '']);
  });
  it('gives the same texts where groups are longer than one papaparse call takes, or straddle two', () => {
    const many = (count: number, tag: string) =>
      Array.from({ length: count }, (_, index) => row(index % 7 === 0 ? `${tag}${index},"引"\r\n` : `${tag}${index}`));
    const groups = [many(4500, 'a'), [], many(1999, 'b'), many(1, 'c'), many(2001, 'd')];
    expect(joined(groups)).toEqual(groups.map((rows) => formatCsvRows(rows, shape)));
  });
});

describe('empty cells', () => {
  const shape = tableShape(TABLES.rejects);
  it('are written as papaparse writes an empty string, whether the value is empty, null or missing', () => {
    const rows = [
      { source: '', line: null, reason: ' ', excerpt: '' },
      { source: 'a', reason: '', excerpt: undefined },
    ];
    const asEmptyStrings = Papa.unparse(
      [
        ['', '', ' ', ''],
        ['a', '', '', ''],
      ],
      { newline: '\r\n', quotes: false },
    );
    expect(formatCsvRows(rows, shape)).toBe(`${asEmptyStrings}\r\n`);
    expect(formatCsvRows(rows, shape)).toBe(',," ",\r\na,,,\r\n');
  });
});

describe('formatCsvPieces', () => {
  const shape = tableShape(TABLES.rejects);
  const row = (reason: string) => ({ source: 'a.jsonl', line: 1, reason, excerpt: '' });
  it('gives each group its text in the pieces of the papaparse calls it has rows in', () => {
    const groups = [Array.from({ length: 2500 }, (_, index) => row(`a${index}`)), [], [row('b')]];
    const pieces = formatCsvPieces(groups, shape);
    expect(pieces.map((texts) => texts.length)).toEqual([2, 0, 1]);
    expect(pieces.map((texts) => texts.join(''))).toEqual(groups.map((rows) => formatCsvRows(rows, shape)));
  });
});
