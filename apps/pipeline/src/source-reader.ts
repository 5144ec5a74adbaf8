// Read sources: the records of each input file, read either in the calling thread or, on a run that will read every
// file, in a reader thread of their own. Decoding, JSON.parse, validation and cleaning took a sixth of a --jobs 1
// run's main thread while the second core sat idle two fifths of the time; in its own thread reading overlaps
// extraction and writing.
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { filesBelow, InputError, readSource, type InputRecord, type InputSource } from '@roundup/parser';

export interface SourceReader {
  /** The records of one source, in order. Sources are asked for in the order `inputSources` gives them. */
  records(source: InputSource): AsyncGenerator<InputRecord>;
  close(): Promise<void>;
}

/** Inputs of at least this many bytes are read in a thread of their own; below it the thread's start-up costs more. */
export const READER_THREAD_BYTES = 4 * 1024 * 1024;

/** Where input files are read: a thread of their own, the calling thread, or whichever suits the inputs. */
export type ReaderMode = 'auto' | 'thread' | 'inline';

/**
 * The reader for a run. A reader thread reads every file in order ahead of the run, so it serves only a run that
 * reads every file (none reused from an earlier run's results); `auto` also wants inputs of `READER_THREAD_BYTES`.
 */
export async function readerFor(inputs: readonly string[], settings: { stdin: Readable | undefined; mode: ReaderMode; readsEveryFile: boolean }): Promise<SourceReader> {
  const { stdin, mode, readsEveryFile } = settings;
  const threaded = readsEveryFile && (mode === 'thread' || (mode === 'auto' && (await bytesAtLeast(inputs, READER_THREAD_BYTES))));
  return threaded ? new ReaderThread(inputs, stdin) : inlineReader(stdin);
}

async function bytesAtLeast(inputs: readonly string[], threshold: number): Promise<boolean> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      for await (const file of filesBelow(input)) {
        total += (await stat(file)).size;
        if (total >= threshold) return true;
      }
    } catch {
      // The run itself reports an input it cannot read.
    }
  }
  return false;
}

/** Reading in the calling thread. */
export function inlineReader(stdin: Readable | undefined): SourceReader {
  return {
    records: (source) => readSource(source, stdin),
    close: async () => undefined,
  };
}

/** Some records of one file (its last, when `done`). */
export interface FilePart {
  path: string;
  records: InputRecord[];
  done: boolean;
}

/** What the reader thread sends: parts of files in order (small files several to a message), or what stopped it. */
export type ReaderMessage = { parts: FilePart[] } | { path: string | undefined; error: { name: string; message: string } };

/** What the calling thread sends: the inputs to read, then one credit per chunk it has taken. */
export type ReaderRequest = { kind: 'read'; inputs: readonly string[] } | { kind: 'credit' };

/**
 * Every file of the inputs read in a worker thread, in `inputSources` order, a few chunks of records ahead of this
 * thread and no more (each chunk taken grants one more), so memory stays bounded however large the input.
 * Standard input is read in this thread.
 */
class ReaderThread implements SourceReader {
  private readonly worker: Worker;
  private readonly inbox: ReaderMessage[] = [];
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(inputs: readonly string[], private readonly stdin: Readable | undefined) {
    this.worker = new Worker(new URL('./read-worker.js', import.meta.url));
    this.worker.on('message', (message: ReaderMessage) => this.deliver(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the reader thread stopped (code ${code})`)));
    this.worker.postMessage({ kind: 'read', inputs } satisfies ReaderRequest);
  }

  async *records(source: InputSource): AsyncGenerator<InputRecord> {
    if (source.kind === 'stdin') {
      yield* readSource(source, this.stdin);
      return;
    }
    for (;;) {
      const part = await this.nextPart();
      if (part.path !== source.path) throw new Error(`the reader thread read ${part.path} where ${source.path} was expected`);
      yield* part.records;
      if (part.done) return;
    }
  }

  private parts: FilePart[] = [];

  private async nextPart(): Promise<FilePart> {
    while (this.parts.length === 0) {
      const message = await this.take();
      if ('error' in message) throw message.error.name === 'InputError' ? new InputError(message.error.message) : new Error(message.error.message);
      this.parts = message.parts;
    }
    return this.parts.shift()!;
  }

  private deliver(message: ReaderMessage): void {
    this.inbox.push(message);
    this.waiting?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.();
  }

  private async take(): Promise<ReaderMessage> {
    while (this.inbox.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
    this.worker.postMessage({ kind: 'credit' } satisfies ReaderRequest);
    return this.inbox.shift()!;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
