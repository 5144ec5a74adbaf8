// One run: inputs read record by record, extracted, written as tables while they stream, then the comparison and the briefing.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ARTICLE_TABLES, TABLES, type Article, type ArticleTables, type RejectRow, type RunSummary, type TableName } from '@roundup/model';
import { dataPath, DEFAULT_DATA_DIR, excerptOf, inputSources, loadGazetteer, loadTaxonomy, readSource, type Taxonomy } from '@roundup/parser';
import { BriefingCollector, type ComparisonScope, CsvTableWriter, writeWorkbook, dataPackage, formatCsv, RegionComparison, renderBriefing, SqliteTableWriter, tableShape, type BriefingInput, type BriefingRunFacts, type Language } from '@roundup/reports';
import { articleByteLength, articleChunks, type BatchOutput } from './batch-output.js';
import { inlineExtraction, workerExtraction } from './extraction-pool.js';
import { CACHE_FOLDER, entryKey, ResultCache, runFingerprint, type CacheEntry, type EntryBuilder, type KeyRecord, type TableTarget } from './result-cache.js';
import { VERSION } from './version.js';

export interface PipelineOptions {
  /** Files, folders or `-`; none means the bundled sample. */
  inputs: readonly string[];
  outDir: string;
  language?: Language;
  strict?: boolean;
  perArticle?: boolean;
  /** What comparison.csv and the briefing compare: roundup sections only (the default), or every article with a region. */
  scope?: ComparisonScope;
  /** Worker threads for extraction; 1 extracts in the calling thread. Output is the same whatever the number. */
  jobs?: number;
  /** Also write every table into this SQLite file. */
  sqlite?: string;
  /** Also write every table into this Excel workbook, a sheet per table. */
  xlsx?: string;
  /** Rows of data per workbook sheet before a table continues on the next (Excel's limit; smaller in tests). */
  xlsxRowsPerSheet?: number;
  /** A folder with the knowledge tables (taxonomy, units, aliases); the workspace's data/ by default. */
  dataDir?: string;
  /** Reuse the results an earlier run into the same `outDir` kept for unchanged input files, and keep this run's (default true). */
  cache?: boolean;
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

/** What the duplicate filter compares of an article: its URL (when it has one) and its text. */
interface ArticleKeys {
  urlKey: number | null;
  textKey: number;
}

function keysOf(article: Article): ArticleKeys {
  return { urlKey: article.url ? hash53(article.url) : null, textKey: hash53(article.paragraphs.join('\n')) };
}

/**
 * Keeps the first copy of an article; a later copy (same URL or same text) is rejected naming the first.
 * It remembers hashes and one label per kept article, not the articles: about 100 bytes an article.
 * A trial filter layered on it checks a cached file's records without changing it until committed.
 */
class DuplicateFilter {
  private readonly byUrl = new Map<number, string>();
  private readonly byText = new Map<number, string>();
  private readonly ids = new Map<number, number>();

  constructor(private readonly parent?: DuplicateFilter) {}

  private firstByUrl(key: number): string | undefined {
    return this.byUrl.get(key) ?? this.parent?.firstByUrl(key);
  }

  private firstByText(key: number): string | undefined {
    return this.byText.get(key) ?? this.parent?.firstByText(key);
  }

  private idsSeen(key: number): number {
    return this.ids.get(key) ?? this.parent?.idsSeen(key) ?? 0;
  }

  check(keys: ArticleKeys, articleId: string, source: string): { duplicateOf?: string; id: string } {
    const first = (keys.urlKey !== null ? this.firstByUrl(keys.urlKey) : undefined) ?? this.firstByText(keys.textKey);
    if (first !== undefined) return { duplicateOf: first, id: articleId };
    const idKey = hash53(articleId);
    const seen = this.idsSeen(idKey);
    this.ids.set(idKey, seen + 1);
    const id = seen === 0 ? articleId : `${articleId}-${seen + 1}`;
    const label = `${id} (${source})`;
    if (keys.urlKey !== null) this.byUrl.set(keys.urlKey, label);
    this.byText.set(keys.textKey, label);
    return { id };
  }

  trial(): DuplicateFilter {
    return new DuplicateFilter(this);
  }

  /** Makes a trial's articles part of the filter it was layered on. */
  commit(): void {
    if (!this.parent) return;
    for (const [key, label] of this.byUrl) this.parent.byUrl.set(key, label);
    for (const [key, label] of this.byText) this.parent.byText.set(key, label);
    for (const [key, count] of this.ids) this.parent.ids.set(key, count);
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

/** Where an item's record goes in this run's cache entry for its file. */
interface CacheNote {
  builder: EntryBuilder;
  key: KeyRecord;
}

/** One record's way to the output, in input order. */
type Item =
  | { kind: 'reject'; row: RejectRow; cache?: CacheNote | undefined }
  | { kind: 'extract'; index: number; cache?: CacheNote | undefined }
  /** A reused file's rows of every table, copied from the previous output. */
  | { kind: 'reuse'; key: string; entry: CacheEntry }
  /** A reused file's record: its reject row, or its article's digest for the tallies (its rows came with `reuse`). */
  | { kind: 'reused-reject'; row: RejectRow }
  | { kind: 'reused-article'; id: string; digest: ArticleTables }
  | { kind: 'file-start' | 'file-end'; builder: EntryBuilder };

/** What a run writes in its output folder: a database or workbook asked for inside it must not take one of these names. */
const OUTPUT_NAMES = new Set([...[...ARTICLE_TABLES, 'comparison', 'rejects'].map((table) => `${table}.csv`), 'datapackage.json', 'briefing.pdf', 'briefings', CACHE_FOLDER]);

/** Records written together: the articles among them are extracted as one batch. */
interface Unit {
  items: Item[];
  articles: Article[];
  extraction?: Promise<BatchOutput>;
}

/** Articles sent to extraction together: large enough to amortise the message, small enough to keep workers busy. */
const BATCH_SIZE = 24;
/** Records in one unit at most, so that cached files (nothing to extract) still stream in bounded pieces. */
const UNIT_ITEMS = 256;

/** Runs roundup over the inputs and writes every table and the briefing into `outDir`, atomically. */
export async function runPipeline(options: PipelineOptions): Promise<RunSummary> {
  const started = Date.now();
  const cpuStarted = process.cpuUsage();
  const inputs = options.inputs.length > 0 ? [...options.inputs] : [SAMPLE_INPUT];
  const language = options.language ?? 'zh';
  // The main thread needs only the taxonomy (and place names in pinyin for an English briefing); the knowledge
  // tables of extraction are loaded where extraction runs.
  const knowledge: BriefingKnowledge = { taxonomy: loadTaxonomy(dataPath('taxonomy.json', options.dataDir)), dataDir: options.dataDir };
  const domains = knowledge.taxonomy.domains;
  const scope = options.scope ?? 'roundups';
  const comparison = new RegionComparison(domains, scope);
  const collector = new BriefingCollector(scope);
  const database = sideOutput('--sqlite', options.sqlite, options.outDir);
  const workbook = sideOutput('--xlsx', options.xlsx, options.outDir);
  const temporary = await prepareOutput(options.outDir);
  const jobs = Math.max(1, options.jobs ?? 1);
  const settings = { dataDir: options.dataDir, keepTables: Boolean(options.sqlite) };
  const extraction = jobs === 1 ? inlineExtraction(settings) : workerExtraction(jobs, settings);
  const writers = new Map<TableName, CsvTableWriter>();
  let cache: ResultCache | undefined;
  let databaseWriter: SqliteTableWriter | undefined;
  const temporaryDatabase = database && join(temporary, database.inOutput ?? 'roundup.sqlite');
  const temporaryWorkbook = workbook && join(temporary, workbook.inOutput ?? 'roundup.xlsx');
  try {
    if (options.cache !== false) cache = await ResultCache.open(resolve(options.outDir), join(temporary, CACHE_FOLDER), ARTICLE_TABLES);
    const fingerprint = cache ? await runFingerprint(options.dataDir) : '';
    if (temporaryDatabase) {
      await mkdir(dirname(temporaryDatabase), { recursive: true });
      databaseWriter = new SqliteTableWriter(temporaryDatabase);
    }
    for (const table of [...ARTICLE_TABLES, 'rejects'] as const) {
      writers.set(table, new CsvTableWriter(join(temporary, `${table}.csv`), tableShape(TABLES[table])));
    }
    const targets: TableTarget[] = ARTICLE_TABLES.map((name) => {
      const writer = writers.get(name)!;
      return { name, get bytes() { return writer.bytes; }, get rows() { return writer.rows; }, writeFormatted: (bytes, rows) => writer.writeFormatted(bytes, rows) };
    });
    if (options.perArticle) await mkdir(join(temporary, 'briefings'));
    // Grows with the corpus (a few hashes per article): let go once reading ends, so the briefing's layout works
    // in a heap the size of its own material, not the run's.
    let duplicates = new DuplicateFilter();
    const rejectReasons: Record<string, number> = {};
    let records = 0;
    let articles = 0;
    let rejects = 0;
    let withSections = 0;
    let multiRegion = 0;
    let roundups = 0;
    let characters = 0;
    let inputFiles = 0;
    const reused = { files: 0, records: 0 };
    const stages = { read: 0, extract: 0, write: 0, briefing: 0, workbook: 0 };

    const writeReject = async (row: RejectRow) => {
      rejects += 1;
      const key = reasonKey(row.reason);
      rejectReasons[key] = (rejectReasons[key] ?? 0) + 1;
      await writers.get('rejects')!.write([row]);
      databaseWriter?.write('rejects', [row]);
    };
    /** Adds an article to the tallies (and its own briefing with --per-article). */
    const tally = async (id: string, digest: ArticleTables) => {
      comparison.add(digest);
      collector.add(digest);
      articles += 1;
      if (digest.sections.length > 0) withSections += 1;
      if (new Set(digest.sections.map((section) => section.region).filter(Boolean)).size >= 2) multiRegion += 1;
      if (digest.articles[0]?.kind === 'roundup') {
        roundups += 1;
        if (options.perArticle) await renderArticleBriefing(digest, language, join(temporary, 'briefings', `${id}.pdf`), knowledge, options.now);
      }
    };
    /** Writes a unit's records in order, once its batch is extracted. */
    const sink = async (unit: Unit) => {
      const waitStarted = performance.now();
      const batch = unit.extraction ? await unit.extraction : undefined;
      const writeStarted = performance.now();
      stages.extract += writeStarted - waitStarted;
      const offsets: number[] = [];
      let offset = 0;
      for (const output of batch?.articles ?? []) {
        offsets.push(offset);
        offset += articleByteLength(output);
      }
      for (const item of unit.items) {
        switch (item.kind) {
          case 'reject':
          case 'reused-reject':
            await writeReject(item.row);
            if (item.kind === 'reject') await item.cache?.builder.add(item.cache.key, { reject: item.row });
            break;
          case 'extract': {
            const output = batch!.articles[item.index]!;
            if (output.failure !== undefined) {
              const article = unit.articles[item.index]!;
              const [file, line] = splitSource(article.source);
              const row = { source: file, line, reason: output.failure, excerpt: excerptOf(article.paragraphs[0] ?? '') };
              await writeReject(row);
              await item.cache?.builder.add(item.cache.key, { reject: row });
              break;
            }
            const chunks = articleChunks(batch!.bytes, offsets[item.index]!, output);
            for (const [table, target] of targets.entries()) await target.writeFormatted(chunks[table]!, output.rows[table]!);
            if (output.tables) for (const table of ARTICLE_TABLES) databaseWriter?.write(table, output.tables[table]);
            await tally(output.id, output.digest);
            await item.cache?.builder.add(item.cache.key, { id: output.id, digest: output.digest });
            break;
          }
          case 'reuse':
            await cache!.reuse(item.key, item.entry, targets);
            break;
          case 'reused-article':
            await tally(item.id, item.digest);
            break;
          case 'file-start':
            item.builder.begin(targets);
            break;
          case 'file-end':
            await item.builder.finish(targets);
            break;
        }
      }
      stages.write += performance.now() - writeStarted;
    };

    // Units in flight, oldest first: each is written in the order it was read, whichever worker finishes first.
    const inFlight: Unit[] = [];
    const maxInFlight = Math.max(2, jobs * 3);
    let unit: Unit = { items: [], articles: [] };
    const submit = async () => {
      if (unit.items.length === 0) return;
      const submitStarted = performance.now();
      if (unit.articles.length > 0) unit.extraction = extraction.extract(unit.articles);
      inFlight.push(unit);
      unit = { items: [], articles: [] };
      stages.extract += performance.now() - submitStarted;
      while (inFlight.length >= maxInFlight) await sink(inFlight.shift()!);
    };
    const add = async (item: Item, article?: Article) => {
      if (article) unit.articles.push(article);
      unit.items.push(item);
      if (unit.articles.length >= BATCH_SIZE || unit.items.length >= UNIT_ITEMS) await submit();
    };
    const progress = () => {
      if (options.onProgress && records % 50 === 0) options.onProgress({ records, articles, rejects, characters });
    };

    /** Replays a cached file's articles through a trial duplicate filter: the entry holds only if each comes out as before. */
    const replays = async (entry: CacheEntry): Promise<number | undefined> => {
      const trial = duplicates.trial();
      let text = 0;
      for await (const chunk of cache!.keyRecords(entry)) {
        for (const record of chunk) {
          if (record.kind !== 'article') continue;
          const outcome = trial.check({ urlKey: record.urlKey, textKey: record.textKey }, record.rawId, record.source);
          if ((outcome.duplicateOf ?? null) !== record.duplicateOf || (outcome.duplicateOf ? null : outcome.id) !== record.id) return undefined;
          text += record.characters;
        }
      }
      trial.commit();
      return text;
    };

    const occurrences = new Map<string, number>();
    const sources = inputSources(inputs)[Symbol.asyncIterator]();
    for (;;) {
      let readStarted = performance.now();
      const next = await sources.next();
      if (next.done) break;
      const source = next.value;
      inputFiles += 1;
      let builder: EntryBuilder | undefined;
      if (cache && source.kind === 'file') {
        const occurrence = occurrences.get(source.path) ?? 0;
        occurrences.set(source.path, occurrence + 1);
        const key = await entryKey(fingerprint, source.path, occurrence);
        // --sqlite needs every row as values, which only extraction gives: such a run keeps results but reuses none.
        const entry = key !== undefined && !options.sqlite ? cache.lookup(key) : undefined;
        const replayed = entry ? await replays(entry) : undefined;
        if (key !== undefined && entry && replayed !== undefined) {
          reused.files += 1;
          characters += replayed;
          stages.read += performance.now() - readStarted;
          await add({ kind: 'reuse', key, entry });
          const outcomes$ = cache.outcomeRecords(entry)[Symbol.asyncIterator]();
          for (;;) {
            readStarted = performance.now();
            const chunk = await outcomes$.next();
            stages.read += performance.now() - readStarted;
            if (chunk.done) break;
            for (const outcome of chunk.value) {
              records += 1;
              reused.records += 1;
              await add('reject' in outcome ? { kind: 'reused-reject', row: outcome.reject } : { kind: 'reused-article', id: outcome.id, digest: outcome.digest });
              progress();
            }
          }
          continue;
        }
        if (key !== undefined) {
          builder = cache.builder(key);
          await add({ kind: 'file-start', builder });
        }
      }
      const records$ = readSource(source, options.stdin)[Symbol.asyncIterator]();
      for (;;) {
        const next = await records$.next();
        stages.read += performance.now() - readStarted;
        if (next.done) break;
        const record = next.value;
        records += 1;
        if (record.kind === 'reject') {
          await add({ kind: 'reject', row: record.reject, cache: builder && { builder, key: { kind: 'reject' } } });
        } else {
          const { article } = record;
          const length = article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
          characters += length;
          const keys = keysOf(article);
          const rawId = article.articleId;
          const { duplicateOf, id } = duplicates.check(keys, rawId, article.source);
          const key: KeyRecord = { kind: 'article', ...keys, rawId, source: article.source, characters: length, id: duplicateOf ? null : id, duplicateOf: duplicateOf ?? null };
          if (duplicateOf) {
            const [file, line] = splitSource(article.source);
            const row = { source: file, line, reason: `duplicate of article ${duplicateOf}`, excerpt: excerptOf(article.paragraphs[0] ?? '') };
            await add({ kind: 'reject', row, cache: builder && { builder, key } });
          } else {
            article.articleId = id;
            await add({ kind: 'extract', index: unit.articles.length, cache: builder && { builder, key } }, article);
          }
        }
        progress();
        readStarted = performance.now();
      }
      if (builder) await add({ kind: 'file-end', builder });
    }
    duplicates = new DuplicateFilter();
    await submit();
    while (inFlight.length > 0) await sink(inFlight.shift()!);
    await extraction.close();
    const tableHashes: Record<string, string> = {};
    for (const [table, writer] of writers) tableHashes[table] = await writer.close();
    await cache?.close(tableHashes);

    const comparisonRows = comparison.rows();
    await writeFile(join(temporary, 'comparison.csv'), formatCsv(comparisonRows, tableShape(TABLES.comparison, comparison.domainColumns)));
    databaseWriter?.writeComparison(comparisonRows, comparison.domainColumns);
    databaseWriter?.close();
    databaseWriter = undefined;
    const workbookStarted = performance.now();
    if (temporaryWorkbook) {
      await mkdir(dirname(temporaryWorkbook), { recursive: true });
      const domainColumns = domains.map((domain) => ({ name: `domain_${domain.id}`, description: `measures in the policy domain ${domain.en} (${domain.zh})` }));
      await writeWorkbook(temporaryWorkbook, { folder: temporary, domainColumns, ...(options.xlsxRowsPerSheet ? { rowsPerSheet: options.xlsxRowsPerSheet } : {}) });
    }
    stages.workbook = performance.now() - workbookStarted;
    const briefingStarted = performance.now();
    await renderBriefing(briefingInput(collector, comparison, { recordsRead: records, articles, rejects, rejectReasons, scope }, knowledge, language, options.now), join(temporary, 'briefing.pdf'));
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
      roundups,
      scope,
      regions: comparisonRows.map((row) => row.region),
      rows,
      files: [...ARTICLE_TABLES, 'comparison', 'rejects'].map((table) => `${table}.csv`).concat('datapackage.json', 'briefing.pdf'),
      seconds: Math.round((Date.now() - started) / 10) / 100,
      jobs,
      characters,
      stageSeconds: Object.fromEntries(Object.entries(stages).map(([stage, ms]) => [stage, Math.round(ms) / 1000])),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpuSeconds: cpuSecondsSince(cpuStarted),
      inputFiles,
      reusedFiles: reused.files,
      reusedRecords: reused.records,
    };
    // The database leaves the temporary folder for its own place first; the folder then becomes the output.
    for (const [side, path] of [[database, temporaryDatabase], [workbook, temporaryWorkbook]] as const) {
      if (side && path && side.inOutput === undefined) await rename(path, side.file);
    }
    await publishOutput(temporary, options.outDir);
    if (options.strict && rejects > 0) throw new StrictRejectsError(summary);
    return summary;
  } catch (error) {
    // Cleaning up must neither hide the error that stopped the run nor leave the temporary folder behind.
    const quietly = async (step: () => unknown) => {
      try {
        await step();
      } catch {
        // The run has already failed; its own error is the one to report.
      }
    };
    await quietly(() => extraction.close());
    await quietly(() => Promise.all([...writers.values()].map((writer) => writer.destroy())));
    await quietly(() => cache?.destroy());
    await quietly(() => databaseWriter?.close());
    if (pendingTemporaryFolders.has(temporary)) {
      await rm(temporary, { recursive: true, force: true, maxRetries: 2 });
      pendingTemporaryFolders.delete(temporary);
    }
    throw error;
  }
}

/** A file a run writes besides the output folder (--sqlite, --xlsx): where it goes, and where inside the folder if there. */
interface SideOutput {
  file: string;
  /** Its path inside the output folder, where it is written in place and published with the folder. */
  inOutput: string | undefined;
}

/**
 * Where a side output goes. One inside the output folder is written in its place in the temporary folder and
 * published with it; one elsewhere is moved to its own place just before the folder is published. Either way a failed
 * run leaves none. A name the run writes in the folder itself is a usage error.
 */
function sideOutput(option: string, path: string | undefined, outDir: string): SideOutput | undefined {
  if (!path) return undefined;
  const file = resolve(path);
  const inOutput = pathInside(resolve(outDir), file);
  const ownName = inOutput?.split(/[\\/]/)[0];
  if (ownName !== undefined && OUTPUT_NAMES.has(ownName)) throw new UsageError(`${option} ${path}: ${ownName} is a file roundup writes in --out; choose another name`);
  return { file, inOutput };
}

/** `file`'s path relative to `folder` when it lies inside it, else undefined. */
function pathInside(folder: string, file: string): string | undefined {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path) ? path : undefined;
}

/** CPU time of the whole process (every thread) since `start`, in seconds. */
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1e4) / 100;
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
  await renderBriefing(briefingInput(collector, comparison, { recordsRead: 1, articles: 1, rejects: 0, rejectReasons: {}, scope: 'roundups' }, knowledge, language, now), file);
}
