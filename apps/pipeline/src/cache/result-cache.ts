// Incremental reruns. Rows are written in input order, so each input file's rows form one stretch of bytes in each
// CSV. The cache beside the output remembers, per input file, those stretches (offsets and row counts), what its
// records became (reject rows, article ids and the digests the briefing tallies) and the keys that replay the
// duplicate filter; and the SHA-1 of each whole CSV, so that a table edited since is never copied from. A rerun
// over an unchanged file copies its stretches from the previous CSVs instead of parsing and extracting it again.
// An entry's key is the file's content hash, its place among the inputs, and a fingerprint of everything else that
// decides the result: roundup's version and code, and the data folder.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleTables, RejectRow } from '@roundup/model';
import { dataPath, DEFAULT_DATA_DIR, EXTRACTOR_DATA_FILES, readWholeFile, SMALL_FILE_BYTES } from '@roundup/parser';
import { CACHE_FORMAT, CacheIndex, type CacheEntry, type TableStretch } from './cache-index.js';
import { BlockReader, PackWriter, readPack } from './cache-pack.js';
import type { KeyRecord } from '../run/duplicate-filter.js';
import { VERSION } from '../version.js';

export type { CacheEntry } from './cache-index.js';

/** The folder inside an output that holds the cache; each run replaces it with the entries of its own inputs. */
export const CACHE_FOLDER = '.roundup-cache';
const INDEX_FILE = 'index.json';
const KEYS_PACK = 'keys.pack';
const RECORDS_PACK = 'records.pack';

/** What the run wrote for a record besides its table rows: a reject row, or an article's id and digest. */
export type OutcomeRecord = { reject: RejectRow } | { id: string; digest: ArticleTables };

/** Records per chunk written: large enough to keep serialisation cheap, small enough to stream. */
const CHUNK_RECORDS = 256;

async function hashFiles(hash: Hash, folder: string, keep: (name: string) => boolean): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (keep(name))
      hash
        .update(name)
        .update('\0')
        .update(await readFile(join(folder, name)));
  }
}

/**
 * Everything besides an input file that decides what it becomes: roundup's version, its code (so a changed build
 * never reuses stale results, released or not) and the data files extraction reads.
 */
export async function runFingerprint(dataDir: string | undefined): Promise<string> {
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${VERSION}\0`);
  const root = join(DEFAULT_DATA_DIR, '..');
  const code = (name: string) => /\.(?:js|ts)$/.test(name) && !/\.(?:test|d)\.ts$/.test(name);
  for (const pkg of ['packages/model', 'packages/parser', 'packages/reports', 'apps/pipeline']) {
    for (const folder of ['src', 'dist']) await hashFiles(hash, join(root, pkg, folder), code);
  }
  for (const file of EXTRACTOR_DATA_FILES)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(dataPath(file, dataDir)).catch(() => Buffer.alloc(0)));
  return hash.digest('hex');
}

/** The name of an input file's entry: its content, path and place among the inputs, and the run's fingerprint. */
export async function entryKey(fingerprint: string, path: string, occurrence: number): Promise<string | undefined> {
  try {
    const hash = createHash('sha256').update(`${fingerprint}\0${path}\0${occurrence}\0`);
    // Small files in one read (a folder of crawled articles is thousands of them), large ones streamed.
    if (statSync(path).size <= SMALL_FILE_BYTES) hash.update(await readWholeFile(path));
    else for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex').slice(0, 40);
  } catch {
    return undefined;
  }
}

/** Where a CSV table's rows are being written: enough to note an input file's stretch of it, and to copy one in. */
export interface TableTarget {
  name: string;
  /** Bytes written so far: where the next row starts. */
  readonly bytes: number;
  /** Rows written so far. */
  readonly rows: number;
  /** Appends bytes of whole rows (or a piece of a stretch of them), counting none. */
  append(bytes: Uint8Array): Promise<void>;
  /** Counts rows whose bytes were appended in pieces. */
  countRows(rows: number): void;
}

/** One input file's new entry, filled in input order as its records are written: its records go to the packs. */
export class EntryBuilder {
  private keys: KeyRecord[] = [];
  private outcomes: OutcomeRecord[] = [];
  private started = { keys: 0, outcomes: 0 };
  /** Where each table stood when the file's first record was written. */
  private readonly tables = new Map<string, { start: number; rows: number }>();

  constructor(
    private readonly cache: ResultCache,
    readonly key: string,
  ) {}

  /** Notes where the file's records start: called when its first record is written, after every earlier file's. */
  begin(targets: readonly TableTarget[]): void {
    this.started = { keys: this.cache.keysPack.position, outcomes: this.cache.outcomesPack.position };
    for (const target of targets) this.tables.set(target.name, { start: target.bytes, rows: target.rows });
  }

  async add(key: KeyRecord, outcome: OutcomeRecord): Promise<void> {
    this.keys.push(key);
    this.outcomes.push(outcome);
    if (this.keys.length >= CHUNK_RECORDS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.keys.length === 0) return;
    await this.cache.keysPack.write(this.keys);
    await this.cache.outcomesPack.write(this.outcomes);
    this.keys = [];
    this.outcomes = [];
  }

  async finish(targets: readonly TableTarget[]): Promise<void> {
    await this.flush();
    const tables: Record<string, TableStretch> = {};
    for (const target of targets) {
      const started = this.tables.get(target.name)!;
      tables[target.name] = { start: started.start, end: target.bytes, rows: target.rows - started.rows };
    }
    this.cache.record(this.key, {
      keys: [this.started.keys, this.cache.keysPack.position],
      outcomes: [this.started.outcomes, this.cache.outcomesPack.position],
      tables,
    });
  }
}

/** The previous run's files a reused entry is read from, open for the whole run. */
interface PreviousRun {
  index: CacheIndex;
  keys: BlockReader;
  outcomes: BlockReader;
  tables: Map<string, BlockReader>;
}

/** The previous run's cache when it can be used; else, when there is one, why it cannot. */
type PreviousOpening = { previous: PreviousRun; unusable?: undefined } | { previous?: undefined; unusable: string | undefined };

async function openPrevious(output: string, tables: readonly string[], fingerprint: string): Promise<PreviousOpening> {
  const text = await readFile(join(output, CACHE_FOLDER, INDEX_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return { unusable: undefined };
  const index = CacheIndex.parse(text);
  if (!index) return { unusable: 'it was kept by another version of roundup or is damaged' };
  // An index from before fingerprints were noted can still hold entries for this run.
  if (index.fingerprint !== undefined && index.fingerprint !== fingerprint)
    return { unusable: "roundup's version or code, or the --data tables, changed since the run that kept it" };
  const handles: FileHandle[] = [];
  try {
    const opened = async (file: string) => {
      const handle = await open(file, 'r');
      handles.push(handle);
      return handle;
    };
    const previous: PreviousRun = {
      index,
      keys: new BlockReader(await opened(join(output, CACHE_FOLDER, KEYS_PACK))),
      outcomes: new BlockReader(await opened(join(output, CACHE_FOLDER, RECORDS_PACK))),
      tables: new Map(),
    };
    for (const table of tables) {
      const handle = await opened(join(output, `${table}.csv`));
      // A table changed since (edited, saved by a spreadsheet) is never copied from: every entry is dropped.
      const hash = createHash('sha1');
      for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== index.tableHash(table)) throw new Error(`${table}.csv was changed since the run that kept it`);
      previous.tables.set(table, new BlockReader(handle));
    }
    return { previous };
  } catch (error) {
    await Promise.all(handles.map((handle) => handle.close()));
    const code = (error as NodeJS.ErrnoException).code;
    return { unusable: code ? `a file of it cannot be read (${code})` : (error as Error).message };
  }
}

/** The previous run's cache (read) and this run's (written into the temporary output and published with it). */
export class ResultCache {
  readonly keysPack: PackWriter;
  readonly outcomesPack: PackWriter;
  private readonly index: CacheIndex;
  private readonly previous: PreviousRun | undefined;
  /** Why the earlier run's cache is not used at all; undefined when it is, or when there was none. */
  readonly unusable: string | undefined;

  private constructor(
    opening: PreviousOpening,
    private readonly next: string,
    fingerprint: string,
  ) {
    this.previous = opening.previous;
    this.unusable = opening.unusable;
    this.index = CacheIndex.empty(fingerprint);
    this.keysPack = new PackWriter(join(next, KEYS_PACK));
    this.outcomesPack = new PackWriter(join(next, RECORDS_PACK));
  }

  /** Opens the cache of the output in `previousOutput`, if it has a usable one, and starts this run's in `next`. */
  static async open(previousOutput: string, next: string, tables: readonly string[], fingerprint: string): Promise<ResultCache> {
    await mkdir(next, { recursive: true });
    return new ResultCache(await openPrevious(previousOutput, tables, fingerprint), next, fingerprint);
  }

  /** Whether an earlier run's cache is open for reuse. */
  get hasPrevious(): boolean {
    return this.previous !== undefined;
  }

  lookup(key: string): CacheEntry | undefined {
    return this.previous?.index.lookup(key);
  }

  keyRecords(entry: CacheEntry): AsyncGenerator<KeyRecord[]> {
    return readPack<KeyRecord[]>(this.previous!.keys, entry.keys);
  }

  outcomeRecords(entry: CacheEntry): AsyncGenerator<OutcomeRecord[]> {
    return readPack<OutcomeRecord[]>(this.previous!.outcomes, entry.outcomes);
  }

  /** A new entry for an input file read and extracted in this run. */
  builder(key: string): EntryBuilder {
    return new EntryBuilder(this, key);
  }

  /** Writes a reused file's rows into this run's tables from the previous CSVs, and carries its entry over. */
  async reuse(key: string, entry: CacheEntry, targets: readonly TableTarget[]): Promise<void> {
    const previous = this.previous!;
    const tables: Record<string, TableStretch> = {};
    for (const target of targets) {
      const stretch = entry.tables[target.name];
      const reader = previous.tables.get(target.name);
      if (!stretch || !reader) throw new Error(`cache entry ${key} has no ${target.name} stretch`);
      const start = target.bytes;
      // Each block is a new buffer, so the pieces stay valid after the reader moves on.
      for await (const chunk of reader.range([stretch.start, stretch.end])) await target.append(chunk);
      target.countRows(stretch.rows);
      tables[target.name] = { start, end: target.bytes, rows: stretch.rows };
    }
    const copy = async (pack: PackWriter, from: BlockReader, range: [number, number]): Promise<[number, number]> => {
      const start = pack.position;
      for await (const chunk of from.range(range)) await pack.append(chunk);
      return [start, pack.position];
    };
    this.record(key, {
      keys: await copy(this.keysPack, previous.keys, entry.keys),
      outcomes: await copy(this.outcomesPack, previous.outcomes, entry.outcomes),
      tables,
    });
  }

  record(key: string, entry: CacheEntry): void {
    this.index.record(key, entry);
  }

  /** Completes this run's cache: the packs, then the index that makes them usable. `tables`: each CSV's SHA-1. */
  async close(tables: Record<string, string>): Promise<void> {
    await Promise.all([this.keysPack.close(), this.outcomesPack.close()]);
    await this.release();
    await writeFile(join(this.next, INDEX_FILE), this.index.serialise(tables));
  }

  private async release(): Promise<void> {
    if (!this.previous) return;
    await Promise.all([this.previous.keys, this.previous.outcomes, ...this.previous.tables.values()].map((reader) => reader.handle.close()));
  }

  async destroy(): Promise<void> {
    await Promise.all([this.keysPack.destroy(), this.outcomesPack.destroy()]);
    await this.release().catch(() => undefined);
  }
}
