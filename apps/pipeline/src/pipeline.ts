// One run: inputs read record by record, extracted, written as tables while they stream, then the comparison and the briefing.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ARTICLE_TABLES, TABLES, type Article, type ArticleTables, type RejectRow, type RunSummary, type TableName } from '@roundup/model';
import { dataPath, DEFAULT_DATA_DIR, excerptOf, loadGazetteer, loadTaxonomy, readInputs, type Taxonomy } from '@roundup/parser';
import { BriefingCollector, CsvTableWriter, dataPackage, formatCsv, RegionComparison, renderBriefing, SqliteTableWriter, tableShape, type BriefingInput, type BriefingRunFacts, type Language } from '@roundup/reports';
import type { BatchOutput } from './batch-output.js';
import { inlineExtraction, workerExtraction } from './extraction-pool.js';
import { VERSION } from './version.js';

export interface PipelineOptions {
  /** Files, folders or `-`; none means the bundled sample. */
  inputs: readonly string[];
  outDir: string;
  language?: Language;
  strict?: boolean;
  perArticle?: boolean;
  /** Worker threads for extraction; 1 extracts in the calling thread. Output is the same whatever the number. */
  jobs?: number;
  /** Also write every table into this SQLite file. */
  sqlite?: string;
  /** A folder with the knowledge tables (taxonomy, units, aliases); the workspace's data/ by default. */
  dataDir?: string;
  stdin?: Readable;
  now?: Date;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  records: number;
  articles: number;
  rejects: number;
  /** Characters of article text read so far. */
  characters: number;
}

/** Articles sent to extraction together: large enough to amortise the message, small enough to keep workers busy. */
const BATCH_SIZE = 24;

/** A problem with how roundup was called (exit code 2), as opposed to a failure while running (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The run finished and wrote everything, but --strict turns its rejects into a failure. */
export class StrictRejectsError extends Error {
  constructor(readonly summary: RunSummary) {
    super(`${summary.rejects} record(s) rejected (--strict); see ${join(summary.outDir, 'rejects.csv')}`);
    this.name = 'StrictRejectsError';
  }
}

export const SAMPLE_INPUT = join(DEFAULT_DATA_DIR, 'sample');

/** Files and folders a run leaves in its temporary folder until it succeeds; removed by an interrupt handler. */
export const pendingTemporaryFolders = new Set<string>();

async function prepareOutput(outDir: string): Promise<string> {
  const target = resolve(outDir);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${outDir}: exists and is not a folder`);
  const parent = dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${outDir}: cannot create ${parent} (${(error as NodeJS.ErrnoException).code})`);
  }
  const temporary = join(parent, `.roundup-tmp-${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Registered before it exists, so that an interrupt arriving just after its creation still removes it.
  pendingTemporaryFolders.add(temporary);
  try {
    await mkdir(temporary);
  } catch (error) {
    pendingTemporaryFolders.delete(temporary);
    throw new UsageError(`--out ${outDir}: cannot write in ${parent} (${(error as NodeJS.ErrnoException).code})`);
  }
  return temporary;
}

/** Puts the finished run in place of the previous output in two renames, so a reader never sees half of it. */
async function publishOutput(temporary: string, outDir: string): Promise<void> {
  const target = resolve(outDir);
  const previous = `${temporary}-previous`;
  const hadPrevious = await stat(target).then(() => true, () => false);
  if (hadPrevious) await rename(target, previous);
  await rename(temporary, target);
  pendingTemporaryFolders.delete(temporary);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/** A 53-bit hash of a string, as a number: a compact key for the duplicate filter's maps. */
function hash53(text: string): number {
  const digest = createHash('sha1').update(text).digest();
  return digest.readUIntBE(0, 6) * 32 + (digest[6]! >> 3);
}

/**
 * Keeps the first copy of an article; a later copy (same URL or same text) is rejected naming the first.
 * It remembers hashes and one label per kept article, not the articles: about 100 bytes an article.
 */
class DuplicateFilter {
  private readonly byUrl = new Map<number, number>();
  private readonly byText = new Map<number, number>();
  private readonly labels: string[] = [];
  private readonly ids = new Map<number, number>();

  check(url: string, paragraphs: readonly string[], articleId: string, source: string): { duplicateOf?: string; id: string } {
    const textKey = hash53(paragraphs.join('\n'));
    const urlKey = url ? hash53(url) : undefined;
    const first = (urlKey !== undefined ? this.byUrl.get(urlKey) : undefined) ?? this.byText.get(textKey);
    if (first !== undefined) return { duplicateOf: this.labels[first]!, id: articleId };
    const idKey = hash53(articleId);
    const seen = this.ids.get(idKey) ?? 0;
    this.ids.set(idKey, seen + 1);
    const id = seen === 0 ? articleId : `${articleId}-${seen + 1}`;
    const index = this.labels.push(`${id} (${source})`) - 1;
    if (urlKey !== undefined) this.byUrl.set(urlKey, index);
    this.byText.set(textKey, index);
    return { id };
  }
}

/** Groups reject reasons for the summary: the reason without the values and places it quotes. */
function reasonKey(reason: string): string {
  return reason
    .replace(/^duplicate of article .*/, 'duplicate of an earlier article')
    .replace(/\s*\((?:got|found) [^)]*\)/g, '')
    .replace(/ at offset \d+/, '')
    .replace(/^(malformed JSON): .*/, '$1')
    .trim();
}

/** Runs roundup over the inputs and writes every table and the briefing into `outDir`, atomically. */
export async function runPipeline(options: PipelineOptions): Promise<RunSummary> {
  const started = Date.now();
  const inputs = options.inputs.length > 0 ? [...options.inputs] : [SAMPLE_INPUT];
  const language = options.language ?? 'zh';
  // The main thread needs only the taxonomy (and place names in pinyin for an English briefing); the knowledge
  // tables of extraction are loaded where extraction runs.
  const knowledge: BriefingKnowledge = { taxonomy: loadTaxonomy(dataPath('taxonomy.json', options.dataDir)), dataDir: options.dataDir };
  const domains = knowledge.taxonomy.domains;
  const comparison = new RegionComparison(domains);
  const collector = new BriefingCollector();
  const temporary = await prepareOutput(options.outDir);
  const jobs = Math.max(1, options.jobs ?? 1);
  const settings = { dataDir: options.dataDir, keepTables: Boolean(options.sqlite) };
  const extraction = jobs === 1 ? inlineExtraction(settings) : workerExtraction(jobs, settings);
  const writers = new Map<TableName, CsvTableWriter>();
  let database: SqliteTableWriter | undefined;
  const databaseFile = options.sqlite ? resolve(options.sqlite) : undefined;
  const temporaryDatabase = databaseFile ? join(temporary, 'roundup.sqlite') : undefined;
  try {
    if (temporaryDatabase) database = new SqliteTableWriter(temporaryDatabase);
    for (const table of [...ARTICLE_TABLES, 'rejects'] as const) {
      writers.set(table, new CsvTableWriter(join(temporary, `${table}.csv`), tableShape(TABLES[table])));
    }
    if (options.perArticle) await mkdir(join(temporary, 'briefings'));
    const duplicates = new DuplicateFilter();
    const rejectReasons: Record<string, number> = {};
    let records = 0;
    let articles = 0;
    let rejects = 0;
    let withSections = 0;
    let multiRegion = 0;
    let characters = 0;
    const reject = async (row: RejectRow) => {
      rejects += 1;
      const key = reasonKey(row.reason);
      rejectReasons[key] = (rejectReasons[key] ?? 0) + 1;
      await writers.get('rejects')!.write([row]);
      database?.write('rejects', [row]);
    };

    const stages = { read: 0, extract: 0, write: 0, briefing: 0 };
    const sink = async (output: BatchOutput) => {
      const writeStarted = performance.now();
      for (const table of ARTICLE_TABLES) await writers.get(table)!.writeFormatted(output.csv[table], output.rows[table]);
      for (const tables of output.tables ?? []) for (const table of ARTICLE_TABLES) database?.write(table, tables[table]);
      for (const digest of output.digests) {
        comparison.add(digest);
        collector.add(digest);
      }
      stages.write += performance.now() - writeStarted;
      for (const digest of output.digests) {
        articles += 1;
        if (digest.sections.length > 0) withSections += 1;
        const regions = new Set(digest.sections.map((section) => section.region));
        if (regions.size >= 2) {
          multiRegion += 1;
          const id = digest.articles[0]!.article_id;
          if (options.perArticle) await renderArticleBriefing(digest, language, join(temporary, 'briefings', `${id}.pdf`), knowledge, options.now);
        }
      }
    };
    // Batches in flight, oldest first: each is sunk in the order it was read, whichever worker finishes first.
    const inFlight: Array<Promise<BatchOutput>> = [];
    const maxInFlight = Math.max(2, jobs * 3);
    let batch: Article[] = [];
    const drainOldest = async () => {
      const waitStarted = performance.now();
      const output = await inFlight.shift()!;
      stages.extract += performance.now() - waitStarted;
      await sink(output);
    };
    const submit = async () => {
      if (batch.length === 0) return;
      const started = performance.now();
      inFlight.push(extraction.extract(batch));
      stages.extract += performance.now() - started;
      batch = [];
      while (inFlight.length >= maxInFlight) await drainOldest();
    };

    const records$ = readInputs(inputs, options.stdin)[Symbol.asyncIterator]();
    for (;;) {
      const readStarted = performance.now();
      const next = await records$.next();
      stages.read += performance.now() - readStarted;
      if (next.done) break;
      const record = next.value;
      records += 1;
      if (record.kind === 'reject') {
        await reject(record.reject);
      } else {
        const { article } = record;
        characters += article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
        const { duplicateOf, id } = duplicates.check(article.url, article.paragraphs, article.articleId, article.source);
        if (duplicateOf) {
          const [file, line] = splitSource(article.source);
          await reject({ source: file, line, reason: `duplicate of article ${duplicateOf}`, excerpt: excerptOf(article.paragraphs[0] ?? '') });
        } else {
          article.articleId = id;
          batch.push(article);
          if (batch.length >= BATCH_SIZE) await submit();
        }
      }
      if (options.onProgress && records % 50 === 0) options.onProgress({ records, articles, rejects, characters });
    }
    await submit();
    while (inFlight.length > 0) await drainOldest();
    await extraction.close();
    for (const writer of writers.values()) await writer.close();

    const comparisonRows = comparison.rows();
    await writeFile(join(temporary, 'comparison.csv'), formatCsv(comparisonRows, tableShape(TABLES.comparison, comparison.domainColumns)));
    database?.writeComparison(comparisonRows, comparison.domainColumns);
    database?.close();
    database = undefined;
    const briefingStarted = performance.now();
    await renderBriefing(briefingInput(collector, comparison, { recordsRead: records, articles, rejects, rejectReasons }, knowledge, language, options.now), join(temporary, 'briefing.pdf'));
    stages.briefing = performance.now() - briefingStarted;
    await writeFile(
      join(temporary, 'datapackage.json'),
      `${JSON.stringify(dataPackage({ version: VERSION, created: options.now ?? new Date(), domains }), null, 2)}\n`,
    );
    const rows: Record<string, number> = { comparison: comparisonRows.length };
    for (const [table, writer] of writers) rows[table] = writer.rows;
    const summary: RunSummary = {
      version: VERSION,
      inputs,
      outDir: resolve(options.outDir),
      recordsRead: records,
      articles,
      rejects,
      rejectReasons,
      articlesWithSections: withSections,
      multiRegionArticles: multiRegion,
      regions: comparisonRows.map((row) => row.region),
      rows,
      files: [...ARTICLE_TABLES, 'comparison', 'rejects'].map((table) => `${table}.csv`).concat('datapackage.json', 'briefing.pdf'),
      seconds: Math.round((Date.now() - started) / 10) / 100,
      jobs,
      characters,
      stageSeconds: Object.fromEntries(Object.entries(stages).map(([stage, ms]) => [stage, Math.round(ms) / 1000])),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    // The database leaves the temporary folder for its own place first; the folder then becomes the output.
    if (temporaryDatabase && databaseFile) await rename(temporaryDatabase, databaseFile);
    await publishOutput(temporary, options.outDir);
    if (options.strict && rejects > 0) throw new StrictRejectsError(summary);
    return summary;
  } catch (error) {
    await extraction.close();
    for (const writer of writers.values()) writer.destroy();
    database?.close();
    if (pendingTemporaryFolders.has(temporary)) {
      await rm(temporary, { recursive: true, force: true });
      pendingTemporaryFolders.delete(temporary);
    }
    throw error;
  }
}

function splitSource(source: string): [string, number | null] {
  const match = /^(.*):(\d+)$/.exec(source);
  return match ? [match[1]!, Number(match[2])] : [source, null];
}

/** What the main thread knows for briefings: the taxonomy, and where to find the gazetteer if place names need pinyin. */
interface BriefingKnowledge {
  taxonomy: Taxonomy;
  dataDir: string | undefined;
}

/** What a briefing is drawn from: the run's tallies, its facts, the taxonomy and the language. */
function briefingInput(
  collector: BriefingCollector,
  comparison: RegionComparison,
  run: BriefingRunFacts,
  knowledge: BriefingKnowledge,
  language: Language,
  now?: Date,
): BriefingInput {
  return {
    collector,
    comparison,
    run,
    taxonomy: knowledge.taxonomy.domains,
    language,
    generatedAt: now ?? new Date(),
    // Loaded on first use: only an English briefing spells place names, and the gazetteer is cached per process.
    transliterate: (name) => loadGazetteer(dataPath('place-aliases.json', knowledge.dataDir)).englishName(name),
  };
}

/** One multi-region article's own briefing, for --per-article, from its digest. */
async function renderArticleBriefing(digest: ArticleTables, language: Language, file: string, knowledge: BriefingKnowledge, now?: Date): Promise<void> {
  const comparison = new RegionComparison(knowledge.taxonomy.domains);
  const collector = new BriefingCollector();
  comparison.add(digest);
  collector.add(digest);
  await renderBriefing(briefingInput(collector, comparison, { recordsRead: 1, articles: 1, rejects: 0, rejectReasons: {} }, knowledge, language, now), file);
}
