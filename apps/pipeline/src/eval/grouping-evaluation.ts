// Measuring programme grouping against labelled months (gold/programme-groups): over the pairs of distinct names found
// in a month, are the pairs grouped as one programme the labelled ones (precision), and are the labelled ones grouped
// (recall)? Also how many programmes the month's programmes.csv would show in two or more regions.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GoldProgrammeGroups } from '@roundup/model';
import { articleTables, createExtractor, extractArticle, readInputs, type Extractor } from '@roundup/parser';
import { ProgrammeIndex } from '@roundup/reports';
import { scoreWithCounts } from './score.js';

export interface GroupingReport {
  month: string;
  split: GoldProgrammeGroups['split'];
  names: number;
  pairs: { tp: number; fp: number; fn: number };
  /** Labelled names the month's extraction no longer finds: their pairs are not scored. */
  missingNames: string[];
  programmes: number;
  multiRegion: number;
  errors: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The labelled same-programme pairs and the optional ones, as pair keys. */
function goldPairs(gold: GoldProgrammeGroups): { same: Set<string>; optional: Set<string> } {
  const same = new Set<string>();
  for (const group of gold.groups) for (const [index, a] of group.entries()) for (const b of group.slice(index + 1)) same.add(pairKey(a, b));
  return { same, optional: new Set(gold.optional.map(([a, b]) => pairKey(a, b))) };
}

/** Extracts a labelled month, as a run would; each name with every programme id it was given. */
async function monthProgrammes(source: string, extractor: Extractor): Promise<{ idsOf: Map<string, Set<string>>; index: ProgrammeIndex }> {
  const idsOf = new Map<string, Set<string>>();
  const index = new ProgrammeIndex();
  const seen = new Set<string>();
  for await (const record of readInputs([source])) {
    if (record.kind !== 'article' || seen.has(record.article.articleId)) continue;
    seen.add(record.article.articleId);
    const tables = articleTables(extractArticle(record.article, extractor), extractor.gazetteer);
    index.add(tables);
    for (const row of tables.initiatives) {
      const ids = idsOf.get(row.name) ?? new Set<string>();
      ids.add(row.programme_id);
      idsOf.set(row.name, ids);
    }
  }
  return { idsOf, index };
}

/** Scores one labelled month; undefined when the month is not on this machine. */
export async function evaluateGrouping(goldFile: string, corpusDir: string, extractor: Extractor = createExtractor()): Promise<GroupingReport | undefined> {
  const gold = GoldProgrammeGroups.parse(JSON.parse(await readFile(goldFile, 'utf8')));
  const source = join(corpusDir, gold.source);
  if (!existsSync(source)) return undefined;
  const { idsOf, index } = await monthProgrammes(source, extractor);
  const { same, optional } = goldPairs(gold);
  const report: GroupingReport = {
    month: gold.month,
    split: gold.split,
    names: idsOf.size,
    pairs: { tp: 0, fp: 0, fn: 0 },
    missingNames: [],
    programmes: index.count(),
    multiRegion: index.count(2),
    errors: [],
  };
  report.missingNames = [...new Set(gold.groups.flat())].filter((name) => !idsOf.has(name));
  // Predicted pairs: names sharing a programme id (a name may carry more than one, from different articles).
  const namesOf = new Map<string, string[]>();
  for (const [name, ids] of idsOf) for (const id of ids) namesOf.set(id, [...(namesOf.get(id) ?? []), name]);
  const predicted = new Set<string>();
  for (const names of namesOf.values()) for (const [i, a] of names.entries()) for (const b of names.slice(i + 1)) predicted.add(pairKey(a, b));
  for (const pair of predicted) {
    if (optional.has(pair)) continue;
    if (same.has(pair)) report.pairs.tp += 1;
    else {
      report.pairs.fp += 1;
      report.errors.push(`grouped, labelled apart: ${pair.replace('\u0000', ' / ')}`);
    }
  }
  for (const pair of same) {
    const [a, b] = pair.split('\u0000') as [string, string];
    if (predicted.has(pair) || !idsOf.has(a) || !idsOf.has(b)) continue;
    report.pairs.fn += 1;
    report.errors.push(`apart, labelled one programme: ${a} / ${b}`);
  }
  return report;
}

export function formatGroupingReport(report: GroupingReport): string {
  const { tp, fp, fn } = report.pairs;
  const rows: Array<[string, string, string]> = [
    ['pair precision', ...scoreWithCounts(tp, tp + fp)],
    ['pair recall', ...scoreWithCounts(tp, tp + fn)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `names: ${report.names}; programmes: ${report.programmes}; in two or more regions: ${report.multiRegion}`,
    ...(report.missingNames.length > 0 ? [`labelled names not found now (not scored): ${report.missingNames.join(', ')}`] : []),
    `${'metric'.padEnd(width)}  value  counts`,
    ...rows.map(([name, value, counts]) => `${name.padEnd(width)}  ${value}  ${counts}`),
    '',
  ].join('\n');
}
