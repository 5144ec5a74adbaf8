import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockReader, PackWriter, readPack } from './cache-pack.js';

async function collect<T>(values: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of values) all.push(value);
  return all;
}

describe('pack files', () => {
  it('read back by range exactly the chunks written into it, however large', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'roundup-pack-')), 'test.pack');
    const writer = new PackWriter(path);
    await writer.write([{ id: 'a' }]);
    const start = writer.position;
    const big = 'x'.repeat(3 << 20);
    await writer.write([{ id: 'b', text: big }]);
    await writer.write([{ id: 'c' }]);
    const end = writer.position;
    await writer.close();
    const handle = await open(path, 'r');
    // A chunk larger than the reader's 1 MB block, and a range that starts after the first chunk.
    const chunks = await collect(readPack<Array<{ id: string; text?: string }>>(new BlockReader(handle), [start, end]));
    await handle.close();
    expect(chunks.map((chunk) => chunk[0]!.id)).toEqual(['b', 'c']);
    expect(chunks[0]![0]!.text).toHaveLength(3 << 20);
  });

  it('fails on a truncated pack rather than returning part of it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'roundup-pack-')), 'test.pack');
    const writer = new PackWriter(path);
    await writer.write(['one']);
    await writer.close();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 2));
    const handle = await open(path, 'r');
    await expect(collect(readPack(new BlockReader(handle), [0, bytes.length]))).rejects.toThrow(/ends before|truncated/);
    await handle.close();
  });
});
