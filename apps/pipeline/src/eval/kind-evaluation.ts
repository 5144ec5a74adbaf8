// Measuring article kinds against whole labelled months (gold/kinds): is each roundup found, and only roundups,
// and are the units of unit roundups found. Ambiguous articles are not scored.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GoldKinds } from '@roundup/model';
import { createExtractor, extractArticle, readInputs, sameUnitName, type Extractor } from '@roundup/parser';
import { DomainCoverage } from './domain-evaluation.js';
import { scoreWithCounts } from './score.js';

export interface KindReport {
  month: string;
  split: GoldKinds['split'];
  scored: number;
  ambiguous: number;
  roundups: { tp: number; fp: number; fn: number };
  units: { hits: number; total: number };
  /** Of the units found, those whose province is right (units whose province the text never gives are not scored). */
  unitRegions: { hits: number; total: number };
  /** Measures of the labelled roundups with no policy domain. */
  domainCoverage: DomainCoverage;
  errors: string[];
}

/** Runs extraction over a labelled month and scores its kinds and units; undefined when the month is not on this machine. */
export async function evaluateKinds(goldFile: string, corpusDir: string, extractor: Extractor = createExtractor()): Promise<KindReport | undefined> {
  const gold = GoldKinds.parse(JSON.parse(await readFile(goldFile, 'utf8')));
  const source = join(corpusDir, gold.source);
  if (!existsSync(source)) return undefined;
  const report: KindReport = {
    month: gold.month,
    split: gold.split,
    scored: 0,
    ambiguous: 0,
    roundups: { tp: 0, fp: 0, fn: 0 },
    units: { hits: 0, total: 0 },
    unitRegions: { hits: 0, total: 0 },
    domainCoverage: new DomainCoverage(),
    errors: [],
  };
  const seen = new Set<string>();
  for await (const record of readInputs([source])) {
    if (record.kind !== 'article' || seen.has(record.article.articleId)) continue;
    const id = record.article.articleId;
    seen.add(id);
    const label = gold.labels[id];
    if (label === undefined) continue;
    if (label === 'ambiguous') {
      report.ambiguous += 1;
      continue;
    }
    report.scored += 1;
    const extraction = extractArticle(record.article, extractor);
    if (label === 'roundup') report.domainCoverage.add(extraction.measures);
    const found = extraction.kind.kind === 'roundup';
    if (found && label === 'roundup') report.roundups.tp += 1;
    else if (found) {
      report.roundups.fp += 1;
      report.errors.push(`${id} taken for a roundup (${extraction.kind.evidence}; labelled ${label}): ${record.article.title.slice(0, 40)}`);
    } else if (label === 'roundup') {
      report.roundups.fn += 1;
      report.errors.push(`${id} roundup missed (found ${extraction.kind.kind}): ${record.article.title.slice(0, 40)}`);
    }
    for (const unit of gold.units[id] ?? []) {
      report.units.total += 1;
      // Found when a section's unit is it in any of its forms (`华东师大` for `华东师范大学`) or holds it (`云南玉溪顾芸`).
      const section = extraction.sections.find((candidate) => sameUnitName(unit.unit, candidate.unit, extractor.knownUnits));
      if (!section) {
        report.errors.push(`${id} unit missed: ${unit.unit}`);
        continue;
      }
      report.units.hits += 1;
      if (unit.province === null) continue;
      report.unitRegions.total += 1;
      if (section.region?.short === unit.province) report.unitRegions.hits += 1;
      else report.errors.push(`${id} unit ${unit.unit}: province ${section.region?.short ?? 'none'}, labelled ${unit.province}`);
    }
  }
  return report;
}

export function formatKindReport(report: KindReport): string {
  const { roundups } = report;
  const rows: Array<[string, string, string]> = [
    ['roundup precision', ...scoreWithCounts(roundups.tp, roundups.tp + roundups.fp)],
    ['roundup recall', ...scoreWithCounts(roundups.tp, roundups.tp + roundups.fn)],
    ['unit recall (unit roundups)', ...scoreWithCounts(report.units.hits, report.units.total)],
    ['unit province accuracy', ...scoreWithCounts(report.unitRegions.hits, report.unitRegions.total)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `articles scored: ${report.scored} (${report.ambiguous} ambiguous, not scored)`,
    `${'metric'.padEnd(width)}  value  counts`,
    ...rows.map(([name, value, counts]) => `${name.padEnd(width)}  ${value}  ${counts}`),
    ...report.domainCoverage.format(),
    '',
  ].join('\n');
}
