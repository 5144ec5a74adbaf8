// --sqlite writes the same tables as the CSVs: same row counts, same columns, keys enforced.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, csvHeader, readCsv, runCli } from './helpers.js';

async function checkAgainstCsv(inputs: string[]): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'roundup-sqlite-'));
  const out = join(base, 'out');
  const file = join(base, 'roundup.db');
  const result = await runCli([...inputs, '--out', out, '--sqlite', file, '--quiet']);
  expect(result.code).toBe(0);
  const db = new Database(file, { readonly: true });
  try {
    for (const table of [
      'articles',
      'paragraphs',
      'sections',
      'figures',
      'localities',
      'initiatives',
      'measures',
      'comparison',
      'roundup_regions',
      'rejects',
    ]) {
      const rows = readCsv(join(out, `${table}.csv`));
      expect((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n, table).toBe(rows.length);
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((column) => column.name);
      expect(columns, table).toEqual(csvHeader(join(out, `${table}.csv`)));
    }
    const orphans = db.prepare('SELECT count(*) AS n FROM figures WHERE article_id NOT IN (SELECT article_id FROM articles)').get() as { n: number };
    expect(orphans.n).toBe(0);
    const money = db
      .prepare(
        "SELECT article_id, region, sum(value) AS yuan FROM figures JOIN articles USING (article_id) WHERE kind = 'roundup' AND quantity = 'money' AND unit = '元' GROUP BY article_id, region",
      )
      .all() as Array<{ article_id: string; region: string; yuan: number }>;
    for (const row of readCsv(join(out, 'roundup_regions.csv'))) {
      expect(money.find((entry) => entry.article_id === row.article_id && entry.region === row.region)?.yuan ?? 0).toBeCloseTo(Number(row.money_yuan), 0);
    }
  } finally {
    db.close();
  }
}

describe('--sqlite', () => {
  it.each([
    ['does not exist yet', false],
    ['already exists from an earlier run', true],
  ])('puts a database asked for inside --out there, whether the folder %s', async (_case, existing) => {
    const base = mkdtempSync(join(tmpdir(), 'roundup-sqlite-in-'));
    const out = join(base, 'out');
    // An earlier run's output, a workbook among it, is roundup's own: the new run replaces it whole.
    if (existing) expect((await runCli(['--out', out, '--xlsx', join(out, 'old.xlsx'), '--quiet'])).code).toBe(0);
    const result = await runCli(['--out', out, '--sqlite', join(out, 'db', 'roundup.db'), '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const db = new Database(join(out, 'db', 'roundup.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(readCsv(join(out, 'articles.csv')).length);
    db.close();
    expect(existsSync(join(out, 'old.xlsx'))).toBe(false);
    expect(readdirSync(base)).toEqual(['out']);
  });
  it('refuses a database named like a file the run writes in --out', async () => {
    const base = mkdtempSync(join(tmpdir(), 'roundup-sqlite-clash-'));
    const result = await runCli(['--out', join(base, 'out'), '--sqlite', join(base, 'out', 'articles.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/articles\.csv is a file roundup writes in --out/);
    expect(readdirSync(base)).toEqual([]);
  });

  it('writes the sample’s tables with the counts and columns of the CSVs', async () => {
    await checkAgainstCsv([]);
  });
  it.skipIf(!HAS_CORPUS)(
    'writes a corpus run’s tables (skipped without ../shared/corpus)',
    async () => {
      await checkAgainstCsv([CORPUS]);
    },
    300_000,
  );
});
