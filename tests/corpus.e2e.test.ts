// The roundup command over the shared three-month corpus: no crash, and every record accounted for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, readCsv, runCli, type CliResult } from './helpers.js';

/** Records in the corpus counted independently of roundup: non-blank JSON lines plus article files. */
function countRecords(path: string): number {
  if (statSync(path).isDirectory()) return readdirSync(path).reduce((sum, entry) => sum + countRecords(join(path, entry)), 0);
  if (path.endsWith('.jsonl')) return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').length;
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
      expect(section.region_code).toMatch(/^\d{2}0000$/);
      const regions = regionsPerArticle.get(section.article_id ?? '') ?? new Set();
      regions.add(section.region ?? '');
      regionsPerArticle.set(section.article_id ?? '', regions);
    }
    expect([...regionsPerArticle.values()].filter((regions) => regions.size >= 3).length).toBeGreaterThan(20);
  });
});
