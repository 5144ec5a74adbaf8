// One run: inputs read record by record, extracted, written as tables while they stream, then the comparison and the briefing.
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ARTICLE_TABLES, type RunSummary } from '@roundup/model';
import { dataPath, DEFAULT_DATA_DIR, inputSources, loadTaxonomy } from '@roundup/parser';
import { SqliteTableWriter, type ComparisonScope, type Language } from '@roundup/reports';
import { DuplicateFilter } from './duplicate-filter.js';
import { inlineExtraction, workerExtraction, type Extraction } from './extraction-pool.js';
import { ArticleBriefings, briefingTallies, finishRun, type FinishSettings } from './finish-run.js';
import { BriefingThread } from '../output/briefing-thread.js';
import { OutputFolder } from '../output/output-folder.js';
import { OutputLock } from '../output/output-lock.js';
import { asWriteFailure } from '../output/write-failure.js';
import { RecordWriter } from '../output/record-writer.js';
import { CACHE_FOLDER, ResultCache, runFingerprint } from '../cache/result-cache.js';
import { extractInOrder, reuseOrRead } from './run-stages.js';
import { RunTally, type RunProgress } from './run-tally.js';
import { StageTimer } from './stage-timer.js';
import { TableSink } from '../output/table-sink.js';
import { VERSION } from '../version.js';
import { cacheNote } from '../cache/cache-report.js';
import { checkTargetsReplaceable, type RunTargets } from '../output/path-checks.js';
import { checkBeforeRun } from './preflight.js';
import { filesWritten, NoArticlesError } from './run-outcome.js';
import { mainThreadCpuSeconds } from './thread-cpu.js';

export { pendingTemporaryFolders, UsageError } from '../output/output-folder.js';
export { releaseHeldLocksNow } from '../output/output-lock.js';
export { WriteFailure } from '../output/write-failure.js';
export { NoArticlesError } from './run-outcome.js';

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

export type Progress = RunProgress;

/** The run finished and wrote everything, but --strict turns its rejects into a failure. */
export class StrictRejectsError extends Error {
  constructor(readonly summary: RunSummary) {
    super(`${summary.rejects} record(s) rejected (--strict); see ${join(summary.outDir, 'rejects.csv')}`);
    this.name = 'StrictRejectsError';
  }
}

export const SAMPLE_INPUT = join(DEFAULT_DATA_DIR, 'sample');

/**
 * Runs roundup over the inputs and writes every table and the briefing into `outDir`, atomically: read sources →
 * reuse-or-read (the cache) → drop duplicates → extract in order → write tables and tally → finish → publish. The
 * briefing is laid out on a thread of its own, handed the tallies when every record is in (output/briefing-thread.ts).
 */
export async function runPipeline(options: PipelineOptions): Promise<RunSummary> {
  const clock = { started: Date.now(), cpu: process.cpuUsage(), mainThreadCpu: mainThreadCpuSeconds() };
  const targets: RunTargets = { outDir: options.outDir, sides: { '--sqlite': options.sqlite, '--xlsx': options.xlsx } };
  const dataNotes = await checkBeforeRun({ ...targets, inputs: options.inputs.length > 0 ? options.inputs : [SAMPLE_INPUT], dataDir: options.dataDir });
  const settings = runSettings(options);
  const lock = await OutputLock.acquire(options.outDir);
  try {
    return await lockedRun(options, settings, { clock, targets, dataNotes });
  } finally {
    await lock.release();
  }
}

/** What the run knows before it takes its lock: when it started, where it writes, and notes on the data folder. */
interface RunStart {
  clock: { started: number; cpu: NodeJS.CpuUsage; mainThreadCpu: number | undefined };
  targets: RunTargets;
  dataNotes: string[];
}

/** The run itself, while it holds its output folder's lock. */
async function lockedRun(options: PipelineOptions, settings: RunSettings, { clock, targets, dataNotes }: RunStart): Promise<RunSummary> {
  const folder = await OutputFolder.prepare(options.outDir, { '--sqlite': options.sqlite, '--xlsx': options.xlsx });
  const timer = new StageTimer();
  const tally = new RunTally(settings.finish.knowledge.taxonomy.domains, settings.scope, options.onProgress);
  const resources = new RunResources(settings);
  try {
    const { sink, cache, extraction, briefing } = await resources.open(folder, options);
    const briefings = options.perArticle ? await ArticleBriefings.create(folder, settings.finish.knowledge) : undefined;
    await writeEveryRecord({ sink, cache, extraction, tally, timer, briefings, settings, stdin: options.stdin });
    briefing.handOver(settings.finish.knowledge, briefingTallies(tally));
    if (settings.sqlite) tally.enterStage('database');
    await resources.closeTables();
    const comparison = await finishRun(folder, tally, sink, { settings: settings.finish, timer, briefing });
    const notes = [...dataNotes, ...[resources.cacheNote(tally, options)].filter((note) => note !== undefined)];
    const files = await filesWritten(folder, targets.sides);
    const summary = runSummary(settings, tally, {
      outDir: options.outDir,
      rows: { comparison: comparison.length, ...sink.rows() },
      regions: comparison.map((row) => row.region),
      timer,
      clock,
      notes,
      files,
    });
    // Files may have appeared where the run will write while it ran: those are not replaced either.
    await checkTargetsReplaceable(targets);
    tally.enterStage('publishing');
    await folder.publish();
    if (tally.articles === 0) throw new NoArticlesError(summary);
    if (options.strict && tally.rejects > 0) throw new StrictRejectsError(summary);
    return summary;
  } catch (error) {
    await resources.abandon();
    await folder.abandon();
    throw asWriteFailure(error, options.outDir);
  }
}

/** What a run is asked to do, with its defaults filled in. */
interface RunSettings {
  inputs: string[];
  jobs: number;
  scope: ComparisonScope;
  dataDir: string | undefined;
  /** Reuse earlier results and keep this run's; --sqlite needs every row as values, which only extraction gives, so it keeps but never reuses. */
  cache: { keep: boolean; reuse: boolean };
  sqlite: boolean;
  finish: FinishSettings;
}

function runSettings(options: PipelineOptions): RunSettings {
  const keep = options.cache !== false;
  // The main thread needs only the taxonomy (and place names in pinyin for an English briefing); the knowledge
  // tables of extraction are loaded where extraction runs.
  const taxonomy = loadTaxonomy(dataPath('taxonomy.json', options.dataDir));
  return {
    inputs: options.inputs.length > 0 ? [...options.inputs] : [SAMPLE_INPUT],
    jobs: Math.max(1, options.jobs ?? 1),
    scope: options.scope ?? 'roundups',
    dataDir: options.dataDir,
    cache: { keep, reuse: keep && !options.sqlite },
    sqlite: Boolean(options.sqlite),
    finish: {
      knowledge: { taxonomy, dataDir: options.dataDir, language: options.language ?? 'zh', now: options.now },
      xlsxRowsPerSheet: options.xlsxRowsPerSheet,
    },
  };
}

/** The run's open files and threads, closed together when it succeeds and torn down together when it fails. */
class RunResources {
  private sink: TableSink | undefined;
  private cache: ResultCache | undefined;
  private extraction: Extraction | undefined;
  private briefing: BriefingThread | undefined;

  constructor(private readonly settings: RunSettings) {}

  async open(
    folder: OutputFolder,
    options: PipelineOptions,
  ): Promise<{ sink: TableSink; cache: { results: ResultCache; fingerprint: string } | undefined; extraction: Extraction; briefing: BriefingThread }> {
    const { jobs, dataDir, cache } = this.settings;
    // First, so that the briefing's thread loads what it needs while everything else starts and runs.
    this.briefing = BriefingThread.start(this.settings.finish.knowledge);
    const extractionSettings = { dataDir, keepTables: this.settings.sqlite };
    this.extraction = jobs === 1 ? inlineExtraction(extractionSettings) : workerExtraction(jobs, extractionSettings);
    const fingerprint = cache.keep ? await runFingerprint(dataDir) : '';
    if (cache.keep) this.cache = await ResultCache.open(resolve(options.outDir), folder.path(CACHE_FOLDER), ARTICLE_TABLES, fingerprint);
    const database = await folder.sidePath('--sqlite');
    this.sink = new TableSink((name) => folder.path(name), database ? new SqliteTableWriter(database) : undefined);
    return { sink: this.sink, cache: this.cache && { results: this.cache, fingerprint }, extraction: this.extraction, briefing: this.briefing };
  }

  /** Why an earlier run's results were not reused, when they were there. */
  cacheNote(tally: RunTally, options: PipelineOptions): string | undefined {
    const use = {
      reuse: this.settings.cache.reuse,
      outDir: options.outDir,
      inputs: this.settings.inputs,
      inputFiles: tally.inputFiles,
      reusedFiles: tally.reusedFiles,
    };
    return cacheNote({ cache: this.cache, ...use });
  }

  /** Every record is written: the threads stop, the CSVs and then the cache's index are completed. */
  async closeTables(): Promise<void> {
    await this.extraction?.close();
    const hashes = await this.sink!.close();
    await this.cache?.close(hashes);
  }

  /** Cleaning up must neither hide the error that stopped the run nor leave anything behind. */
  async abandon(): Promise<void> {
    const quietly = async (step: () => unknown) => {
      try {
        await step();
      } catch {
        // The run has already failed; its own error is the one to report.
      }
    };
    await quietly(() => this.extraction?.close());
    await quietly(() => this.briefing?.stop());
    await quietly(() => this.sink?.destroy());
    await quietly(() => this.cache?.destroy());
  }
}

interface RecordStages {
  sink: TableSink;
  cache: { results: ResultCache; fingerprint: string } | undefined;
  extraction: Extraction;
  tally: RunTally;
  timer: StageTimer;
  briefings: ArticleBriefings | undefined;
  settings: RunSettings;
  stdin: Readable | undefined;
}

/**
 * Every record from the inputs to the tables. The duplicate filter lives only here: it grows with the corpus (a few
 * hashes per article) and is let go before the briefing's layout needs the heap.
 */
async function writeEveryRecord(stages: RecordStages): Promise<void> {
  const { tally, timer, settings } = stages;
  const cache = stages.cache && { ...stages.cache, reuse: settings.cache.reuse };
  const work = reuseOrRead(inputSources(settings.inputs), { tally, duplicates: new DuplicateFilter(), cache, stdin: stages.stdin });
  const units = extractInOrder(timer.timed('read', work), stages.extraction, settings.jobs);
  const writer = new RecordWriter(stages.sink, tally, stages.cache?.results, stages.briefings);
  for await (const unit of timer.timed('extract', units)) await timer.time('write', () => writer.write(unit));
}

/** The run's summary: what it read and wrote, how long each stage took, and what it cost. */
function runSummary(
  settings: RunSettings,
  tally: RunTally,
  written: {
    outDir: string;
    rows: Record<string, number>;
    regions: string[];
    timer: StageTimer;
    clock: { started: number; cpu: NodeJS.CpuUsage; mainThreadCpu: number | undefined };
    notes: string[];
    files: string[];
  },
): RunSummary {
  return {
    version: VERSION,
    inputs: settings.inputs,
    outDir: resolve(written.outDir),
    recordsRead: tally.records,
    articles: tally.articles,
    rejects: tally.rejects,
    rejectReasons: tally.rejectReasons,
    articlesWithSections: tally.articlesWithSections,
    multiRegionArticles: tally.multiRegionArticles,
    roundups: tally.roundups,
    scope: settings.scope,
    regions: written.regions,
    rows: written.rows,
    files: written.files,
    seconds: Math.round((Date.now() - written.clock.started) / 10) / 100,
    jobs: settings.jobs,
    characters: tally.characters,
    stageSeconds: written.timer.seconds(),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: cpuSecondsSince(written.clock.cpu),
    ...mainThreadCpuSince(written.clock.mainThreadCpu),
    inputFiles: tally.inputFiles,
    reusedFiles: tally.reusedFiles,
    reusedRecords: tally.reusedRecords,
    notes: written.notes,
  };
}

/** The main thread's CPU time since `start`, where the system tells it. */
function mainThreadCpuSince(start: number | undefined): { mainThreadCpuSeconds?: number } {
  const now = mainThreadCpuSeconds();
  return start === undefined || now === undefined ? {} : { mainThreadCpuSeconds: Math.round((now - start) * 100) / 100 };
}

/** CPU time of the whole process (every thread) since `start`, in seconds. */
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1e4) / 100;
}
