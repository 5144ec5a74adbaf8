import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isRoundupDatabase, isRoundupWorkbook } from './recognise-outputs.js';
import { SqliteTableWriter } from './sqlite.js';

const folder = mkdtempSync(join(tmpdir(), 'roundup-recognise-'));
const openDatabase = createRequire(import.meta.url)('better-sqlite3') as typeof Database;

function roundupDatabase(name: string): string {
  const path = join(folder, name);
  const writer = new SqliteTableWriter(path);
  writer.writeComparison([], []);
  writer.close();
  return path;
}

async function workbook(name: string, creator: string, sheets: readonly string[]): Promise<string> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = creator;
  for (const sheet of sheets) book.addWorksheet(sheet).addRow(['a']);
  const path = join(folder, name);
  await book.xlsx.writeFile(path);
  return path;
}

describe('isRoundupDatabase', () => {
  it('recognises a database roundup wrote', async () => {
    expect(await isRoundupDatabase(roundupDatabase('ours.sqlite'))).toBe(true);
  });

  it('refuses a database with a table a user added', async () => {
    const path = roundupDatabase('extended.sqlite');
    const db = new openDatabase(path);
    db.exec('CREATE TABLE my_notes (note TEXT)');
    db.close();
    expect(await isRoundupDatabase(path)).toBe(false);
  });

  it('refuses another SQLite database and a text file', async () => {
    const other = join(folder, 'other.db');
    const db = new openDatabase(other);
    db.exec('CREATE TABLE articles (id TEXT)');
    db.close();
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'my notes');
    expect(await isRoundupDatabase(other)).toBe(false);
    expect(await isRoundupDatabase(text)).toBe(false);
  });
});

// exceljs takes seconds to load on a busy machine: these tests write real workbooks.
describe('isRoundupWorkbook', { timeout: 60_000 }, () => {
  it('recognises a workbook made by roundup with its README sheet', async () => {
    expect(await isRoundupWorkbook(await workbook('ours.xlsx', 'roundup', ['articles', 'README']))).toBe(true);
  });

  it('refuses a workbook by someone else, or without the README sheet', async () => {
    expect(await isRoundupWorkbook(await workbook('theirs.xlsx', 'Jane', ['articles', 'README']))).toBe(false);
    expect(await isRoundupWorkbook(await workbook('no-readme.xlsx', 'roundup', ['articles']))).toBe(false);
  });

  it('refuses a file that is not a zip archive', async () => {
    const path = join(folder, 'thesis.xlsx');
    writeFileSync(path, 'PK but not really');
    expect(await isRoundupWorkbook(path)).toBe(false);
  });
});
