// The roundup command over the shared three-month corpus: no crash, and every record accounted for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, pdfText, readCsv, runCli, type CliResult } from './helpers.js';

/** Records in the corpus counted independently of roundup: non-blank JSON lines plus article files. */
function countRecords(path: string): number {
  if (statSync(path).isDirectory()) return readdirSync(path).reduce((sum, entry) => sum + countRecords(join(path, entry)), 0);
  if (path.endsWith('.jsonl'))
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length;
  return 1;
}

describe.skipIf(!HAS_CORPUS)('roundup on ../shared/corpus (skipped where the shared corpus is absent)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'roundup-corpus-')), 'out');
  let run: CliResult;
  beforeAll(async () => {
    run = await runCli([CORPUS, '--out', out, '--json']);
  });

  it('finishes without a crash', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('puts every record read in articles.csv or rejects.csv', () => {
    const summary = JSON.parse(run.stdout);
    const articles = readCsv(join(out, 'articles.csv'));
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(summary.recordsRead).toBe(countRecords(CORPUS));
    expect(articles.length + rejects.length).toBe(summary.recordsRead);
    expect(new Set(articles.map((row) => row.article_id)).size).toBe(articles.length);
    expect(rejects.every((row) => (row.reason ?? '').length > 10)).toBe(true);
  });

  it('rejects no crawler file of three non-empty lines or more for having no paragraphs', () => {
    const titleOnly = readCsv(join(out, 'rejects.csv')).filter((row) => /no paragraphs/.test(row.reason ?? ''));
    for (const row of titleOnly) {
      if (!row.source?.endsWith('.txt')) continue;
      const lines = readFileSync(row.source, 'utf8')
        .split(/\r\n|\r|\n/)
        .filter((line) => line.replace(/[\s\u3000]/g, '') !== '');
      expect(lines.length, row.source).toBeLessThan(3);
    }
  });

  it('reads all three parts: both JSON-lines months and the .txt folder', () => {
    const sources = readCsv(join(out, 'articles.csv')).map((row) => row.source ?? '');
    expect(sources.some((source) => source.includes('rmrb-2019-02.jsonl'))).toBe(true);
    expect(sources.some((source) => source.includes('rmrb-2020-05.jsonl'))).toBe(true);
    expect(sources.some((source) => source.endsWith('.txt'))).toBe(true);
  });

  it('finds multi-region roundups and gives each section a known region code', () => {
    const sections = readCsv(join(out, 'sections.csv'));
    const regionsPerArticle = new Map<string, Set<string>>();
    for (const section of sections) {
      // A unit without a province (a ministry, a central enterprise) has no region code.
      expect(section.region_code).toMatch(section.region ? /^\d{2}0000$/ : /^$/);
      const regions = regionsPerArticle.get(section.article_id ?? '') ?? new Set();
      regions.add(section.region ?? '');
      regionsPerArticle.set(section.article_id ?? '', regions);
    }
    expect([...regionsPerArticle.values()].filter((regions) => regions.size >= 3).length).toBeGreaterThan(20);
  });

  it('compares regions over roundups: comparison.csv articles is, per region, the roundups with a section of it', () => {
    const kinds = new Map(readCsv(join(out, 'articles.csv')).map((row) => [row.article_id, row.kind]));
    const roundupsPerRegion = new Map<string, Set<string>>();
    for (const section of readCsv(join(out, 'sections.csv'))) {
      if (kinds.get(section.article_id) !== 'roundup' || !section.region) continue;
      const articles = roundupsPerRegion.get(section.region) ?? new Set();
      articles.add(section.article_id ?? '');
      roundupsPerRegion.set(section.region, articles);
    }
    const comparison = readCsv(join(out, 'comparison.csv'));
    expect(comparison.length).toBe(roundupsPerRegion.size);
    for (const row of comparison) expect(Number(row.articles), row.region).toBe(roundupsPerRegion.get(row.region ?? '')?.size);
    const summary = JSON.parse(run.stdout);
    expect(summary.roundups).toBe([...kinds.values()].filter((kind) => kind === 'roundup').length);
    expect(summary.roundups).toBeLessThan(summary.multiRegionArticles);
  });

  it('never adds figures of different roundups in comparison.csv: counts, the largest figure and its article instead', () => {
    const figures = readCsv(join(out, 'figures.csv'));
    const kinds = new Map(readCsv(join(out, 'articles.csv')).map((row) => [row.article_id, row.kind]));
    const perArticle = readCsv(join(out, 'roundup_regions.csv'));
    const comparison = readCsv(join(out, 'comparison.csv'));
    expect(comparison.some((row) => Number(row.articles) > 1)).toBe(true);
    for (const row of comparison) {
      const money = figures.filter(
        (figure) => figure.region === row.region && kinds.get(figure.article_id) === 'roundup' && figure.quantity === 'money' && figure.unit === '元',
      );
      expect(Number(row.money_figures), row.region).toBe(money.length);
      expect(row.money_yuan === '', row.region).toBe(Number(row.articles) > 1);
      if (money.length === 0) continue;
      const largest = Math.max(...money.map((figure) => Number(figure.value)));
      expect(Number(row.money_largest_yuan), row.region).toBe(largest);
      expect(
        money.some((figure) => figure.article_id === row.money_largest_article && Number(figure.value) === largest),
        row.region,
      ).toBe(true);
      const own = perArticle.filter((entry) => entry.region === row.region);
      expect(own.length, row.region).toBe(Number(row.articles));
      expect(
        own.reduce((sum, entry) => sum + Number(entry.money_yuan), 0),
        row.region,
      ).toBeCloseTo(
        money.reduce((sum, figure) => sum + Number(figure.value), 0),
        0,
      );
    }
  });

  it('orders comparison.csv by roundups first (the full order, then measures, sections and code, is checked on the sample)', () => {
    const articles = readCsv(join(out, 'comparison.csv')).map((row) => Number(row.articles));
    expect(articles).toEqual([...articles].sort((a, b) => b - a));
  });

  it('keeps every article in the tables with its kind, whatever the comparison counts', () => {
    const articles = readCsv(join(out, 'articles.csv'));
    expect(new Set(articles.map((row) => row.kind))).toEqual(new Set(['roundup', 'regional', 'general']));
    expect(articles.every((row) => row.kind_evidence !== '')).toBe(true);
  });

  it('with --scope all, counts every article that gives a region a section, and says so in the briefing', async () => {
    const all = join(mkdtempSync(join(tmpdir(), 'roundup-corpus-all-')), 'out');
    expect((await runCli([join(CORPUS, 'rmrb-2019-02.jsonl'), '--out', all, '--scope', 'all', '--quiet'])).code).toBe(0);
    const perRegion = new Map<string, Set<string>>();
    for (const section of readCsv(join(all, 'sections.csv'))) {
      if (!section.region) continue;
      perRegion.set(section.region, (perRegion.get(section.region) ?? new Set()).add(section.article_id ?? ''));
    }
    for (const row of readCsv(join(all, 'comparison.csv'))) expect(Number(row.articles), row.region).toBe(perRegion.get(row.region ?? '')?.size);
    const [firstPage = ''] = await pdfText(join(all, 'briefing.pdf'));
    expect(firstPage).toContain('--scope all');
  }, 120_000);
});
