// A worker thread of the extraction pool: loads the knowledge tables once, then turns batches of articles into
// CSV bytes and digests, handing the bytes over without copying them.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '@roundup/model';
import { createExtractor } from '@roundup/parser';
import { batchOutput } from '../output/batch-output.js';
import type { ExtractionSettings } from './extraction-pool.js';

const settings = workerData as ExtractionSettings;
const extractor = createExtractor(settings.dataDir);

parentPort!.on('message', (message: { id: number; articles: Article[] }) => {
  try {
    const output = batchOutput(message.articles, extractor, settings.keepTables);
    parentPort!.postMessage({ id: message.id, output }, [output.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});
