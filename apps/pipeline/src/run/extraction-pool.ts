// Extraction on worker threads: batches go out to the least busy worker and come back in the order they were sent,
// so the tables are byte-identical whatever the number of jobs.
import { Worker } from 'node:worker_threads';
import type { Article, ArticleTables } from '@roundup/model';
import { createExtractor, type Extractor } from '@roundup/parser';
import { batchOutput, withDigests, type BatchOutput, type BatchRows } from '../output/batch-output.js';
import { joinDigests, type DigestPart } from './digest-parts.js';

export interface Extraction {
  /** Extracts a batch; the promises resolve in any order, the pipeline consumes them in submission order. */
  extract(articles: Article[]): Promise<BatchOutput>;
  close(): Promise<void>;
}

export interface ExtractionSettings {
  dataDir: string | undefined;
  /** Also return the whole tables of each article (for --sqlite), not only their CSV bytes and digests. */
  keepTables: boolean;
}

/**
 * The most characters of text a batch may hold to be extracted in the calling thread. While it extracts, that thread
 * cannot act on Ctrl-C or SIGTERM; up to this many characters take under half a second even of the densest text (a
 * figure every two characters), and every batch of the shared corpus holds fewer (65,477 at most).
 */
export const INLINE_BATCH_CHARACTERS = 100_000;

/**
 * Extraction in the calling thread: for --jobs 1, and where worker threads are not worth their start-up. A larger batch
 * (an article of a million characters) goes to a worker thread, started for it, so that the calling thread stays free to
 * end the run at a signal.
 */
export function inlineExtraction(settings: ExtractionSettings): Extraction {
  let extractor: Extractor | undefined;
  let largeBatches: Extraction | undefined;
  return {
    extract: async (articles) => {
      if (batchCharacters(articles) > INLINE_BATCH_CHARACTERS) return (largeBatches ??= workerExtraction(1, settings)).extract(articles);
      return batchOutput(articles, (extractor ??= createExtractor(settings.dataDir)), settings.keepTables);
    },
    close: async () => largeBatches?.close(),
  };
}

function batchCharacters(articles: readonly Article[]): number {
  let characters = 0;
  for (const article of articles) for (const paragraph of article.paragraphs) characters += paragraph.length;
  return characters;
}

/** A worker's replies for a batch: parts of its digests, the rest of them, then its rows (or an error instead). */
export type WorkerMessage =
  | { id: number; digestPart: DigestPart }
  | { id: number; digests: ArticleTables[] }
  | { id: number; rows: BatchRows }
  | { id: number; error: string };

interface PendingBatch {
  resolve: (results: BatchOutput) => void;
  reject: (error: Error) => void;
  /** Parts of the batch's digests, as they come. */
  digestParts: DigestPart[];
  /** The batch's digests, once the rest of them came. */
  digests?: ArticleTables[];
}

/**
 * A pool of `jobs` worker threads, each with its own copy of the knowledge tables. They start with the first batch:
 * a rerun that reuses every earlier result never pays for them.
 */
export function workerExtraction(jobs: number, settings: ExtractionSettings): Extraction {
  let pool: ReturnType<typeof startWorkers> | undefined;
  return {
    extract(articles) {
      pool ??= startWorkers(jobs, settings);
      const entry = pool.workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
      const id = pool.nextId++;
      const output = new Promise<BatchOutput>((resolve, reject) => {
        if (entry.failure) return reject(entry.failure);
        entry.pending.set(id, { resolve, reject, digestParts: [] });
        entry.worker.postMessage({ id, articles });
      });
      // When a worker fails, every batch it holds is rejected at once; the pipeline awaits them one by one and
      // reports the first, so the others must not crash the process as unhandled rejections first.
      output.catch(() => undefined);
      return output;
    },
    async close() {
      if (pool) await Promise.all(pool.workers.map((entry) => entry.worker.terminate()));
    },
  };
}

function startWorkers(jobs: number, settings: ExtractionSettings) {
  const script = new URL('./extract-worker.js', import.meta.url);
  // A worker holds the knowledge tables (about 50 MB of heap) and a few batches; a bounded old generation makes
  // V8 collect instead of letting the heap grow with the corpus.
  const resourceLimits = { maxOldGenerationSizeMb: 320 };
  const workers = Array.from({ length: jobs }, () => ({
    worker: new Worker(script, { workerData: settings, resourceLimits }),
    pending: new Map<number, PendingBatch>(),
    /** Why the worker stopped (it could not load the data folder, say): every later batch fails with it at once. */
    failure: undefined as Error | undefined,
  }));
  for (const entry of workers) {
    entry.worker.on('message', (message: WorkerMessage) => {
      const batch = entry.pending.get(message.id);
      if (!batch) return;
      if ('digestPart' in message) {
        batch.digestParts.push(message.digestPart);
        return;
      }
      if ('digests' in message) {
        batch.digests = joinDigests(batch.digestParts, message.digests);
        batch.digestParts = [];
        return;
      }
      entry.pending.delete(message.id);
      if ('error' in message) batch.reject(new Error(`extraction failed: ${message.error}`));
      else if (!batch.digests) batch.reject(new Error("extraction failed: a batch's rows came before its digests"));
      else batch.resolve(withDigests(message.rows, batch.digests));
    });
    const failAll = (error: Error) => {
      entry.failure ??= error;
      for (const batch of entry.pending.values()) batch.reject(error);
      entry.pending.clear();
    };
    entry.worker.on('error', failAll);
    entry.worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`an extraction worker stopped with code ${code}`));
    });
  }
  return { workers, nextId: 0 };
}
