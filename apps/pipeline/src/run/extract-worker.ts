// A worker thread of the extraction pool: loads the knowledge tables once, then turns batches of articles into
// digests and CSV bytes, handing the bytes over without copying them.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '@roundup/model';
import { createExtractor } from '@roundup/parser';
import { batchDigests, batchRows, extractBatch } from '../output/batch-output.js';
import { splitDigests } from './digest-parts.js';
import type { ExtractionSettings, WorkerMessage } from './extraction-pool.js';

const settings = workerData as ExtractionSettings;
const extractor = createExtractor(settings.dataDir);

parentPort!.on('message', (message: { id: number; articles: Article[] }) => {
  const { id } = message;
  const post = (reply: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
  try {
    const extracted = extractBatch(message.articles, extractor);
    // The digests go first, in parts: the main thread takes each in (a long regional article's are 100,000s of rows,
    // cloned between threads) while this thread clones the next and then formats the CSV.
    const { parts, rest } = splitDigests(batchDigests(extracted));
    for (const digestPart of parts) post({ id, digestPart });
    post({ id, digests: rest });
    const rows = batchRows(message.articles, extracted, settings.keepTables);
    post({ id, rows }, [rows.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});
