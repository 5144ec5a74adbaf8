// The stages records pass through between the input files and the tables: reuse a cached file or read it, drop
// duplicates, extract in batches in input order. Each is an async generator; runPipeline composes them.
import type { Article, RejectRow } from '@roundup/model';
import { excerptOf, readSource, type InputSource } from '@roundup/parser';
import { realpath } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { BatchOutput } from '../output/batch-output.js';
import { DuplicateFilter, keysOf, type KeyRecord } from './duplicate-filter.js';
import { INLINE_BATCH_CHARACTERS, type Extraction } from './extraction-pool.js';
import { entryKey, type CacheEntry, type EntryBuilder, type ResultCache } from '../cache/result-cache.js';
import type { RunTally } from './run-tally.js';

/** Where a record of a file read in this run goes in the file's new cache entry. */
export interface CacheNote {
  builder: EntryBuilder;
  key: KeyRecord;
}

/** One step of the way to the tables, in input order. */
export type Work =
  | { kind: 'article'; article: Article; note: CacheNote | undefined }
  | { kind: 'reject'; row: RejectRow; note: CacheNote | undefined }
  /** A file the cache holds: its rows are copied from the previous output and its records tallied from the cache. */
  | { kind: 'reused'; key: string; entry: CacheEntry }
  /** Where a file read in this run begins and ends in the tables: its cache entry notes the stretch in between. */
  | { kind: 'file-start' | 'file-end'; builder: EntryBuilder };

export interface ReadContext {
  tally: RunTally;
  duplicates: DuplicateFilter;
  /** The run's cache, with the fingerprint its entries are keyed by; undefined with --no-cache. */
  cache: { results: ResultCache; fingerprint: string; reuse: boolean } | undefined;
  stdin: Readable | undefined;
}

/** Reuse-or-read: each input file either comes whole from the cache, when its records replay as before, or is read. */
export async function* reuseOrRead(sources: AsyncIterable<InputSource>, context: ReadContext): AsyncGenerator<Work> {
  const occurrences = new Map<string, number>();
  for await (const source of sources) {
    context.tally.inputFiles += 1;
    let builder: EntryBuilder | undefined;
    if (context.cache && source.kind === 'file') {
      // Keyed by the file's real path: `corpus/a.json`, `../x/corpus/a.json` and an absolute path are one file.
      const path = await realpath(source.path).catch(() => source.path);
      const occurrence = occurrences.get(path) ?? 0;
      occurrences.set(path, occurrence + 1);
      const key = await entryKey(context.cache.fingerprint, path, occurrence);
      if (key !== undefined) {
        const entry = context.cache.reuse ? context.cache.results.lookup(key) : undefined;
        if (entry && (await replays(entry, context))) {
          yield { kind: 'reused', key, entry };
          continue;
        }
        builder = context.cache.results.builder(key);
      }
    }
    if (builder) yield { kind: 'file-start', builder };
    yield* recordsOf(source, builder, context);
    if (builder) yield { kind: 'file-end', builder };
  }
}

/** Whether a cached file's articles come out of the duplicate filter as they did (then they are in it now). */
async function replays(entry: CacheEntry, context: ReadContext): Promise<boolean> {
  const characters = await context.duplicates.replay(context.cache!.results.keyRecords(entry));
  if (characters === undefined) return false;
  context.tally.reusedFiles += 1;
  context.tally.characters += characters;
  return true;
}

/** A file's records as read: rejects, articles, and articles that repeat an earlier one (rejects naming it). */
async function* recordsOf(source: InputSource, builder: EntryBuilder | undefined, context: ReadContext): AsyncGenerator<Work> {
  for await (const record of readSource(source, context.stdin)) {
    if (record.kind === 'reject') {
      context.tally.recordRead(0);
      yield { kind: 'reject', row: record.reject, note: builder && { builder, key: { kind: 'reject' } } };
    } else {
      yield screened(record.article, builder, context);
    }
  }
}

/** Drop duplicates: the first copy of an article goes on to extraction, a later one becomes a reject naming it. */
function screened(article: Article, builder: EntryBuilder | undefined, context: ReadContext): Work {
  const keys = keysOf(article);
  const rawId = article.articleId;
  const decision = context.duplicates.check(keys, rawId, article.source);
  const key = DuplicateFilter.keyRecord(keys, article, rawId, decision);
  context.tally.recordRead(key.kind === 'article' ? key.characters : 0);
  const note = builder && { builder, key };
  if (decision.duplicateOf) return { kind: 'reject', row: rejectRow(article, `duplicate of article ${decision.duplicateOf}`), note };
  article.articleId = decision.id;
  return { kind: 'article', article, note };
}

/** A reject row for an article read whole: its file and line, and its opening words. */
export function rejectRow(article: Article, reason: string): RejectRow {
  const match = /^(.*):(\d+)$/.exec(article.source);
  return { source: match ? match[1]! : article.source, line: match ? Number(match[2]) : null, reason, excerpt: excerptOf(article.paragraphs[0] ?? '') };
}

/** Steps written together, their articles extracted as one batch. */
export interface ExtractedUnit {
  items: Work[];
  /** The batch's output: one entry per `article` step, in order. */
  batch: BatchOutput | undefined;
}

/** Articles sent to extraction together: large enough to amortise the message, small enough to keep workers busy. */
const BATCH_SIZE = 24;
/** Steps in one unit at most, so that cached files (nothing to extract) still stream in bounded pieces. */
const UNIT_ITEMS = 256;
/**
 * A unit closes once its articles hold this many characters, so a batch holds at most one article of a million (the
 * memory of two dozen would be many gigabytes); no batch of the shared corpus comes near it (65,477 at most).
 */
const UNIT_CHARACTERS = INLINE_BATCH_CHARACTERS;

/**
 * Extract in order: steps are grouped into units, each unit's articles go to extraction as they fill, and units come
 * out in the order they went in, whichever worker finishes first. At most a few units per job are in flight.
 */
export async function* extractInOrder(work: AsyncIterable<Work>, extraction: Extraction, jobs: number): AsyncGenerator<ExtractedUnit> {
  const maxInFlight = Math.max(2, jobs * 3);
  const inFlight: UnitInFlight[] = [];
  let filling: UnitFilling = { items: [], articles: [], characters: 0 };
  for await (const item of work) {
    filling.items.push(item);
    if (item.kind === 'article') {
      filling.articles.push(item.article);
      for (const paragraph of item.article.paragraphs) filling.characters += paragraph.length;
    }
    if (filling.articles.length < BATCH_SIZE && filling.items.length < UNIT_ITEMS && filling.characters < UNIT_CHARACTERS) continue;
    inFlight.push(submitted(filling, extraction));
    filling = { items: [], articles: [], characters: 0 };
    while (inFlight.length >= maxInFlight) yield await settled(inFlight.shift()!);
  }
  if (filling.items.length > 0) inFlight.push(submitted(filling, extraction));
  while (inFlight.length > 0) yield await settled(inFlight.shift()!);
}

interface UnitFilling {
  items: Work[];
  articles: Article[];
  characters: number;
}

interface UnitInFlight {
  items: Work[];
  batch: Promise<BatchOutput> | undefined;
}

function submitted(unit: UnitFilling, extraction: Extraction): UnitInFlight {
  return { items: unit.items, batch: unit.articles.length > 0 ? extraction.extract(unit.articles) : undefined };
}

async function settled(unit: UnitInFlight): Promise<ExtractedUnit> {
  return { items: unit.items, batch: unit.batch === undefined ? undefined : await unit.batch };
}
