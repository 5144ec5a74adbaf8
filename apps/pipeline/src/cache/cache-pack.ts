// The cache's pack files: length-prefixed V8-serialised chunks appended while a run writes, and read back by byte
// range on the next run through a block reader that serves neighbouring ranges from one read.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { destroyWriteStream, FailureWatch } from '@roundup/reports';

/** An append-only file of length-prefixed V8-serialised chunks. */
export class PackWriter {
  private readonly stream: WriteStream;
  private readonly watch: FailureWatch;
  private length = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.watch = new FailureWatch(this.stream, path);
  }

  get position(): number {
    return this.length;
  }

  async write(value: unknown): Promise<void> {
    const payload = serialize(value);
    const header = Buffer.alloc(4);
    header.writeUInt32LE(payload.length);
    await this.append(header);
    await this.append(payload);
  }

  async append(bytes: Uint8Array): Promise<void> {
    this.watch.check();
    this.length += bytes.byteLength;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    this.watch.check();
    await once(this.stream, 'finish');
  }

  destroy(): Promise<void> {
    return destroyWriteStream(this.stream);
  }
}

/**
 * Reads stretches of a file kept open for the whole run, through a 1 MB block: reused files come in the order the
 * previous run wrote them, so their stretches are mostly adjacent and a block serves many of them.
 */
export class BlockReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;

  constructor(readonly handle: FileHandle) {}

  async *range([start, end]: [number, number]): AsyncGenerator<Buffer> {
    for (let at = start; at < end; ) {
      if (at < this.blockStart || at >= this.blockStart + this.block.length) {
        const buffer = Buffer.allocUnsafe(Math.max(1 << 20, Math.min(end - at, 8 << 20)));
        const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) throw new Error('cache: a file ends before the stretch its index names');
        this.block = buffer.subarray(0, bytesRead);
        this.blockStart = at;
      }
      const piece = this.block.subarray(at - this.blockStart, Math.min(end, this.blockStart + this.block.length) - this.blockStart);
      at += piece.length;
      yield piece;
    }
  }
}

export async function* readPack<T>(reader: BlockReader, range: [number, number]): AsyncGenerator<T> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const data of reader.range(range)) {
    pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
    let at = 0;
    while (pending.length - at >= 4) {
      const length = pending.readUInt32LE(at);
      if (pending.length - at - 4 < length) break;
      yield deserialize(pending.subarray(at + 4, at + 4 + length)) as T;
      at += 4 + length;
    }
    pending = pending.subarray(at);
  }
  if (pending.length > 0) throw new Error('cache: truncated pack');
}
