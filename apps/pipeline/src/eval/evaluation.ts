// Measuring extraction against hand-annotated gold files: the numbers `pnpm eval` prints.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GoldArticle, type ArticleTables, type GoldFigure, type GoldLocality } from '@roundup/model';
import { DomainScores } from './domain-evaluation.js';
import { SentenceScores } from './role-evaluation.js';
import { score, scoreWithCounts } from './score.js';
import {
  articleFromJson,
  articleTables,
  createExtractor,
  DEFAULT_DATA_DIR,
  extractArticle,
  readCrawlerText,
  decodeBytes,
  type Extractor,
} from '@roundup/parser';

export interface Ratio {
  hits: number;
  total: number;
}
export interface EvaluationReport {
  articles: string[];
  skipped: Array<{ id: string; reason: string }>;
  paragraphRegion: Ratio;
  regionSet: { tp: number; fp: number; fn: number };
  figures: { tp: number; fp: number; fn: number; value: Ratio; unit: Ratio; qualifier: Ratio };
  localities: { tp: number; fp: number; fn: number };
  initiatives: { tp: number; fp: number; fn: number };
  /** Sentence roles and instruments, over the gold files that annotate them. */
  sentences: SentenceScores;
  /** Policy domains, over the gold files that label them. */
  domains: DomainScores;
  errors: string[];
}

export const precision = (c: { tp: number; fp: number }) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: { tp: number; fn: number }) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: { tp: number; fp: number; fn: number }) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** The article a gold file annotates, read the way roundup reads it; undefined when its source is not on this machine. */
export async function loadGoldArticle(gold: Pick<GoldArticle, 'id' | 'source'>, corpusDir: string) {
  const [kind, rest = ''] = gold.source.split(/:(.*)/s);
  const [path = '', line] = rest.split('#L');
  const file = kind === 'sample' ? join(DEFAULT_DATA_DIR, 'sample', path) : join(corpusDir, path);
  if (!existsSync(file)) return undefined;
  const text = decodeBytes(await readFile(file)).text;
  const record = file.endsWith('.txt')
    ? readCrawlerText(text, file)
    : articleFromJson(JSON.parse(line ? (text.split('\n')[Number(line) - 1] ?? 'null') : text), file, line ? Number(line) : null);
  if (record.kind !== 'article') throw new Error(`${gold.id}: ${record.reject.reason}`);
  return record.article;
}

export function compareSets(gold: Set<string>, predicted: Set<string>, counts: { tp: number; fp: number; fn: number }, errors: string[], label: string) {
  for (const key of predicted) {
    if (gold.has(key)) counts.tp += 1;
    else {
      counts.fp += 1;
      errors.push(`${label} extra: ${key}`);
    }
  }
  for (const key of gold) {
    if (!predicted.has(key)) {
      counts.fn += 1;
      errors.push(`${label} missed: ${key}`);
    }
  }
}

/** Scores one article's tables against its gold annotation, adding to the report. */
export function scoreArticle(gold: GoldArticle, tables: ArticleTables, report: EvaluationReport): void {
  const id = gold.id;
  tables.paragraphs.forEach((paragraph, index) => {
    const expected = gold.paragraph_regions[index] ?? null;
    report.paragraphRegion.total += 1;
    if ((paragraph.region || null) === expected) report.paragraphRegion.hits += 1;
    else report.errors.push(`${id} p${index} region: got ${paragraph.region || 'none'}, gold ${expected ?? 'none'} — ${paragraph.text.slice(0, 30)}`);
  });
  if (tables.paragraphs.length !== gold.paragraph_regions.length) {
    report.errors.push(`${id}: ${tables.paragraphs.length} paragraphs, gold has ${gold.paragraph_regions.length}`);
  }
  compareSets(new Set(gold.regions), new Set(tables.sections.map((section) => section.region)), report.regionSet, report.errors, `${id} region`);

  if (gold.figures) scoreFigures(id, gold.figures, tables, report);
  if (gold.localities) scoreLocalities(id, gold.localities, tables, report);
  compareSets(
    new Set(gold.initiatives.map((item) => item.name)),
    new Set(tables.initiatives.map((item) => item.name)),
    report.initiatives,
    report.errors,
    `${id} initiative`,
  );
  if (gold.sentences) report.sentences.add(id, gold.sentences, tables.measures);
  if (gold.sentences) report.domains.add(id, gold.sentences, tables.measures);
}

function scoreFigures(id: string, goldList: GoldFigure[], tables: ArticleTables, report: EvaluationReport): void {
  // A figure is matched on its paragraph and raw text; the same raw twice in a paragraph is told apart by its order.
  const keyed = <T>(items: T[], p: (item: T) => number, raw: (item: T) => string) => {
    const seen = new Map<string, number>();
    return items.map((item) => {
      const base = `${p(item)}:${raw(item)}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return [n === 1 ? base : `${base}#${n}`, item] as const;
    });
  };
  const goldFigures = new Map(
    keyed(
      goldList,
      (figure) => figure.p,
      (figure) => figure.raw,
    ),
  );
  const predicted = keyed(
    tables.figures,
    (figure) => figure.paragraph,
    (figure) => figure.raw,
  ).filter(([key]) => !goldFigures.get(key)?.optional);
  const required = [...goldFigures].filter(([, figure]) => !figure.optional).map(([key]) => key);
  compareSets(new Set(required), new Set(predicted.map(([key]) => key)), report.figures, report.errors, `${id} figure`);
  for (const [key, figure] of predicted) {
    const expected = goldFigures.get(key);
    if (!expected || expected.optional) continue;
    const check = (name: 'value' | 'unit' | 'qualifier', ok: boolean, got: unknown, want: unknown) => {
      report.figures[name].total += 1;
      if (ok) report.figures[name].hits += 1;
      else report.errors.push(`${id} figure ${figure.raw} ${name}: got ${String(got)}, gold ${String(want)}`);
    };
    check('value', Math.abs(figure.value - expected.value) < 1e-9 * Math.max(1, Math.abs(expected.value)), figure.value, expected.value);
    check('unit', figure.unit === expected.unit, figure.unit, expected.unit);
    check('qualifier', figure.qualifier === expected.qualifier, figure.qualifier, expected.qualifier);
  }
}

function scoreLocalities(id: string, goldList: readonly GoldLocality[], tables: ArticleTables, report: EvaluationReport): void {
  // A place matches on its name as written (or its gazetteer name) and its province.
  const goldPlaces = new Set(goldList.map((place) => `${place.name}@${place.province}`));
  const predictedPlaces = new Set<string>();
  for (const row of tables.localities) {
    const written = `${row.name}@${row.province}`;
    const canonical = `${row.canonical_name}@${row.province}`;
    predictedPlaces.add(goldPlaces.has(canonical) && !goldPlaces.has(written) ? canonical : written);
  }
  compareSets(goldPlaces, predictedPlaces, report.localities, report.errors, `${id} place`);
}

/** Runs extraction over every gold file in `goldDir` and scores it. */
export async function evaluate(goldDir: string, corpusDir: string, extractor: Extractor = createExtractor()): Promise<EvaluationReport> {
  const report: EvaluationReport = {
    articles: [],
    skipped: [],
    paragraphRegion: { hits: 0, total: 0 },
    regionSet: { tp: 0, fp: 0, fn: 0 },
    figures: { tp: 0, fp: 0, fn: 0, value: { hits: 0, total: 0 }, unit: { hits: 0, total: 0 }, qualifier: { hits: 0, total: 0 } },
    localities: { tp: 0, fp: 0, fn: 0 },
    initiatives: { tp: 0, fp: 0, fn: 0 },
    sentences: new SentenceScores(),
    domains: new DomainScores(),
    errors: [],
  };
  const files = (await readdir(goldDir)).filter((file) => file.endsWith('.json')).sort();
  for (const file of files) {
    const gold = GoldArticle.parse(JSON.parse(await readFile(join(goldDir, file), 'utf8')));
    const article = await loadGoldArticle(gold, corpusDir);
    if (!article) {
      report.skipped.push({ id: gold.id, reason: `source ${gold.source} is not on this machine` });
      continue;
    }
    report.articles.push(gold.id);
    scoreArticle(gold, articleTables(extractArticle(article, extractor), extractor.gazetteer), report);
  }
  return report;
}

/** The report as the table `pnpm eval` prints. */
export function formatReport(report: EvaluationReport): string {
  const { paragraphRegion, regionSet, figures, localities, initiatives } = report;
  const share = (r: Ratio) => scoreWithCounts(r.hits, r.total);
  const correct = (c: { tp: number; fp: number }) => scoreWithCounts(c.tp, c.tp + c.fp);
  const found = (c: { tp: number; fn: number }) => scoreWithCounts(c.tp, c.tp + c.fn);
  const regionCounts = regionSet.tp + regionSet.fp + regionSet.fn;
  const rows: Array<[string, string, string]> = [
    ['paragraph-region accuracy', ...share(paragraphRegion)],
    ['region-set F1', regionCounts === 0 ? score(0, 0) : f1(regionSet).toFixed(3), `tp ${regionSet.tp} fp ${regionSet.fp} fn ${regionSet.fn}`],
    ['figure precision', ...correct(figures)],
    ['figure recall', ...found(figures)],
    ['figure value accuracy', ...share(figures.value)],
    ['figure unit accuracy', ...share(figures.unit)],
    ['figure qualifier accuracy', ...share(figures.qualifier)],
    ['locality precision', ...correct(localities)],
    ['locality recall', ...found(localities)],
    ['initiative precision', ...correct(initiatives)],
    ['initiative recall', ...found(initiatives)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [
    `gold articles: ${report.articles.length}${report.skipped.length > 0 ? ` (skipped ${report.skipped.length}: ${report.skipped.map((s) => `${s.id}, ${s.reason}`).join('; ')})` : ''}`,
    `${'metric'.padEnd(width)}  value  counts`,
    ...rows.map(([name, value, counts]) => `${name.padEnd(width)}  ${value}  ${counts}`),
    ...report.sentences.format(),
    ...report.domains.format(),
  ];
  return `${lines.join('\n')}\n`;
}
