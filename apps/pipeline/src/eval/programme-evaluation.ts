// Programme finding against gold/programmes/<split>.json: precision and recall over each article's set of names.
import { readFile } from 'node:fs/promises';
import { GoldProgrammes } from '@roundup/model';
import { articleTables, createExtractor, extractArticle, type Extractor } from '@roundup/parser';
import { compareSets, loadGoldArticle } from './evaluation.js';
import { scoreWithCounts } from './score.js';

export interface ProgrammeReport {
  split: GoldProgrammes['split'];
  articles: number;
  skipped: string[];
  counts: { tp: number; fp: number; fn: number };
  errors: string[];
}

export async function evaluateProgrammes(file: string, corpusDir: string, extractor: Extractor = createExtractor()): Promise<ProgrammeReport> {
  const gold = GoldProgrammes.parse(JSON.parse(await readFile(file, 'utf8')));
  const report: ProgrammeReport = { split: gold.split, articles: 0, skipped: [], counts: { tp: 0, fp: 0, fn: 0 }, errors: [] };
  for (const entry of gold.articles) {
    const article = await loadGoldArticle(entry, corpusDir);
    if (!article) {
      report.skipped.push(entry.id);
      continue;
    }
    report.articles += 1;
    const found = articleTables(extractArticle(article, extractor), extractor.gazetteer).initiatives.map((row) => row.name);
    compareSets(new Set(entry.programmes), new Set(found), report.counts, report.errors, `${entry.id} programme`);
  }
  return report;
}

export function formatProgrammeReport(report: ProgrammeReport): string {
  const { counts } = report;
  const skipped = report.skipped.length > 0 ? ` (skipped, source not here: ${report.skipped.join(', ')})` : '';
  return (
    [
      `articles: ${report.articles}${skipped}`,
      `programme precision  ${scoreWithCounts(counts.tp, counts.tp + counts.fp).join('  ')}`,
      `programme recall     ${scoreWithCounts(counts.tp, counts.tp + counts.fn).join('  ')}`,
    ].join('\n') + '\n'
  );
}
