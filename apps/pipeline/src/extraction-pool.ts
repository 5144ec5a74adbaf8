// Extraction on worker threads: batches go out to the least busy worker and come back in the order they were sent,
// so the tables are byte-identical whatever the number of jobs.
import { Worker } from 'node:worker_threads';
import type { Article, ArticleTables } from '@roundup/model';
import { articleTables, extractArticle, type Extractor } from '@roundup/parser';

export interface Extraction {
  /** Extracts a batch; the promises resolve in any order, the pipeline consumes them in submission order. */
  extract(articles: Article[]): Promise<ArticleTables[]>;
  close(): Promise<void>;
}

/** Extraction in the calling thread: for --jobs 1, and where worker threads are not worth their start-up. */
export function inlineExtraction(extractor: Extractor): Extraction {
  return {
    extract: async (articles) => articles.map((article) => articleTables(extractArticle(article, extractor), extractor.gazetteer)),
    close: async () => undefined,
  };
}

interface PendingBatch {
  resolve: (results: ArticleTables[]) => void;
  reject: (error: Error) => void;
}

/** A pool of `jobs` worker threads, each with its own copy of the knowledge tables. */
export function workerExtraction(jobs: number, dataDir: string | undefined): Extraction {
  const script = new URL('./extract-worker.js', import.meta.url);
  // A worker holds the knowledge tables (about 150 MB) and a few batches; a bounded old generation makes V8
  // collect instead of growing with the corpus.
  const resourceLimits = { maxOldGenerationSizeMb: 320 };
  const workers = Array.from({ length: jobs }, () => ({ worker: new Worker(script, { workerData: { dataDir }, resourceLimits }), pending: new Map<number, PendingBatch>() }));
  let nextId = 0;
  for (const entry of workers) {
    entry.worker.on('message', (message: { id: number; results?: ArticleTables[]; error?: string }) => {
      const batch = entry.pending.get(message.id);
      if (!batch) return;
      entry.pending.delete(message.id);
      if (message.error !== undefined) batch.reject(new Error(`extraction failed: ${message.error}`));
      else batch.resolve(message.results!);
    });
    const failAll = (error: Error) => {
      for (const batch of entry.pending.values()) batch.reject(error);
      entry.pending.clear();
    };
    entry.worker.on('error', failAll);
    entry.worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`an extraction worker stopped with code ${code}`));
    });
  }
  return {
    extract(articles) {
      const entry = workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
      const id = nextId++;
      const results = new Promise<ArticleTables[]>((resolve, reject) => {
        entry.pending.set(id, { resolve, reject });
        entry.worker.postMessage({ id, articles });
      });
      // When a worker fails, every batch it holds is rejected at once; the pipeline awaits them one by one and
      // reports the first, so the others must not crash the process as unhandled rejections first.
      results.catch(() => undefined);
      return results;
    },
    async close() {
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
    },
  };
}
