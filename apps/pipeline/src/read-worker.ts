// The reader thread (see source-reader.ts): reads every file of the inputs in order and sends their records in
// messages of a few dozen records (small files several to a message), never more than a few messages ahead of the
// thread that takes them.
import { parentPort } from 'node:worker_threads';
import { inputSources, readSource } from '@roundup/parser';
import type { FilePart, ReaderMessage, ReaderRequest } from './source-reader.js';

/** Records per message: few messages, and the first records early. */
const MESSAGE_RECORDS = 64;
/** Messages sent and not yet taken, at most: about a thousand articles ahead. */
const MESSAGES_AHEAD = 16;

let credits = MESSAGES_AHEAD;
let wake: (() => void) | undefined;

parentPort!.on('message', (request: ReaderRequest) => {
  if (request.kind === 'read') {
    void readAll(request.inputs);
  } else {
    credits += 1;
    wake?.();
  }
});

async function send(message: ReaderMessage): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  parentPort!.postMessage(message);
}

/** Parts of files gathered into messages. */
class Outbox {
  private parts: FilePart[] = [];
  private records = 0;

  async add(part: FilePart): Promise<void> {
    this.parts.push(part);
    this.records += part.records.length;
    if (this.records >= MESSAGE_RECORDS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    this.records = 0;
    await send({ parts });
  }
}

async function readAll(inputs: readonly string[]): Promise<void> {
  const outbox = new Outbox();
  let path: string | undefined;
  try {
    for await (const source of inputSources(inputs)) {
      // Standard input is read by the thread that owns it.
      if (source.kind === 'stdin') continue;
      path = source.path;
      let part: FilePart = { path, records: [], done: false };
      for await (const record of readSource(source)) {
        part.records.push(record);
        if (part.records.length < MESSAGE_RECORDS) continue;
        await outbox.add(part);
        part = { path, records: [], done: false };
      }
      await outbox.add({ ...part, done: true });
    }
    await outbox.flush();
  } catch (error) {
    await outbox.flush();
    await send({ path, error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } });
  }
}
