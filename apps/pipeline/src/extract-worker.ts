// A worker thread of the extraction pool: loads the knowledge tables once, then turns batches of articles into table rows.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '@roundup/model';
import { articleTables, createExtractor, extractArticle } from '@roundup/parser';

const extractor = createExtractor((workerData as { dataDir?: string }).dataDir);

parentPort!.on('message', (message: { id: number; articles: Article[] }) => {
  try {
    const results = message.articles.map((article) => articleTables(extractArticle(article, extractor), extractor.gazetteer));
    parentPort!.postMessage({ id: message.id, results });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});
