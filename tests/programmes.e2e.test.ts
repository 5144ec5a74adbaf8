// programmes.csv, programme_regions.csv and initiatives.csv tell one story: counts, dates and ids agree.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, readCsv, runCli } from './helpers.js';

/** Every disagreement between the three tables of a finished output folder. */
function programmeProblems(out: string): string[] {
  const programmes = readCsv(join(out, 'programmes.csv'));
  const regions = readCsv(join(out, 'programme_regions.csv'));
  const initiatives = readCsv(join(out, 'initiatives.csv'));
  const articles = new Map(readCsv(join(out, 'articles.csv')).map((row) => [row.article_id!, row.date!]));
  const problems: string[] = [];
  const ids = new Set(programmes.map((row) => row.programme_id!));
  for (const row of initiatives)
    if (!ids.has(row.programme_id!)) problems.push(`initiative ${row.article_id} ${row.name}: programme ${row.programme_id} not in programmes.csv`);
  for (const programme of programmes) {
    const id = programme.programme_id!;
    const own = regions.filter((row) => row.programme_id === id);
    const named = initiatives.filter((row) => row.programme_id === id);
    const where = `programme ${id}`;
    if (Number(programme.region_count) !== own.length)
      problems.push(`${where}: region_count ${programme.region_count}, ${own.length} rows in programme_regions.csv`);
    if (programme.regions !== own.map((row) => row.region).join(';'))
      problems.push(`${where}: regions ${programme.regions} not in the order of programme_regions.csv`);
    if (Number(programme.mentions) !== named.length) problems.push(`${where}: mentions ${programme.mentions}, ${named.length} in initiatives.csv`);
    if (Number(programme.articles) !== new Set(named.map((row) => row.article_id)).size) problems.push(`${where}: articles ${programme.articles}`);
    if (!programme.variants!.split(';').includes(programme.name!)) problems.push(`${where}: name not among its variants`);
    const earliest = own.map((row) => row.first_date!).sort()[0] ?? named.map((row) => articles.get(row.article_id!)!).sort()[0];
    if (programme.first_date !== earliest) problems.push(`${where}: first_date ${programme.first_date}, earliest ${earliest}`);
    if (own.length > 0 && programme.first_region !== own[0]!.region) problems.push(`${where}: first_region ${programme.first_region}`);
    for (const row of own) {
      const mentions = named.filter((initiative) => initiative.region === row.region);
      if (Number(row.mentions) !== mentions.length) problems.push(`${where} ${row.region}: mentions ${row.mentions}, ${mentions.length} in initiatives.csv`);
      if (articles.get(row.first_article_id!) !== row.first_date)
        problems.push(`${where} ${row.region}: first article ${row.first_article_id} is not of ${row.first_date}`);
      if (mentions.some((initiative) => articles.get(initiative.article_id!)! < row.first_date!))
        problems.push(`${where} ${row.region}: an earlier mention than ${row.first_date}`);
    }
  }
  return problems.slice(0, 20);
}

describe('programmes.csv and programme_regions.csv', () => {
  it('agree with each other and with initiatives.csv on the sample, grouping spellings into one programme', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'roundup-programmes-')), 'out');
    expect((await runCli(['--out', out, '--quiet'])).code).toBe(0);
    expect(programmeProblems(out)).toEqual([]);
    const spread = readCsv(join(out, 'programmes.csv')).find((row) => row.programme_id === '最多跑一次');
    expect(spread).toMatchObject({ region_count: '2', regions: '浙江;甘肃', first_region: '浙江', first_date: '2019-12-18' });
  });

  it.skipIf(!HAS_CORPUS)(
    'agree over a month of the corpus (skipped without ../shared/corpus)',
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'roundup-programmes-month-')), 'out');
      expect((await runCli([join(CORPUS, 'rmrb-2020-05.jsonl'), '--out', out, '--quiet'])).code).toBe(0);
      expect(programmeProblems(out)).toEqual([]);
      const spread = readCsv(join(out, 'programmes.csv')).filter((row) => Number(row.region_count) >= 2);
      expect(spread.length).toBeGreaterThan(0);
    },
    300_000,
  );
});
