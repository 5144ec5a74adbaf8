import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { InputRecord } from './input-records.js';
import { MAX_LINE_BYTES } from './input-records.js';
import { jsonShape, readJsonArray, readJsonText } from './json-files.js';

// A context made after this flag has `gc`, for the test that measures what stays reachable.
setFlagsFromString('--expose-gc');

const article = (n: number) => ({ url: `http://example.org/a${n}`, title: `标题${n}`, text: `浙江：\n杭州市第${n}次开展活动。`, date: '2020-02-01' });

async function collect(records: AsyncIterable<InputRecord>): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** Bytes cut into pieces of `size`, as a stream hands them over. */
function* pieces(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const summary = (records: InputRecord[]) =>
  records.map((record) => (record.kind === 'article' ? `article ${record.article.title}` : `reject ${record.reject.line}: ${record.reject.reason}`));

describe('jsonShape', () => {
  it.each([
    ['[{"a":1}]', 'array'],
    ['  \n[', 'array'],
    ['{"a":1}', 'document'],
    ['{\n  "a": 1\n}', 'document'],
    ['{"a":1}\n{"a":2}', 'json-lines'],
    ['{"a":1}\n', 'document'],
    ['42', 'document'],
  ])('tells %j is %s', (text, shape) => expect(jsonShape(text)).toBe(shape));
});

describe('readJsonArray', () => {
  it('numbers elements from 1 and rejects a bad one alone, however the bytes are cut', async () => {
    const bytes = Buffer.from(JSON.stringify([article(1), 'text', article(3), { ...article(4), date: 'soon' }]));
    for (const size of [1, 3, 64, bytes.length]) {
      expect(summary(await collect(readJsonArray(pieces(bytes, size), 'a.json')))).toEqual([
        'article 标题1',
        'reject 2: not an article object (found a string)',
        'article 标题3',
        expect.stringMatching(/^reject 4: field `date`/),
      ]);
    }
  });

  it('reads UTF-16 with its byte-order mark', async () => {
    const text = `\uFEFF${JSON.stringify([article(1), article(2)])}`;
    const utf16le = Buffer.from(text, 'utf16le');
    expect(summary(await collect(readJsonArray(pieces(utf16le, 5), 'u.json')))).toEqual(['article 标题1', 'article 标题2']);
  });

  it('ends with a reject where the bytes stop being text, keeping the elements before', async () => {
    const good = Buffer.from(`[${JSON.stringify(article(1))},`);
    const bytes = Buffer.concat([good, Buffer.from(' '.repeat(1 << 16)), Buffer.from([0xff, 0xfe, 0x22]), Buffer.from('x"]')]);
    const records = summary(await collect(readJsonArray(pieces(bytes, 1 << 16), 'b.json')));
    expect(records[0]).toBe('article 标题1');
    expect(records[1]).toMatch(
      /^reject 2: undecodable text in array element 2: bytes .* are neither UTF-8 nor UTF-16 with BOM; the rest of the array was not read$/,
    );
    expect(records).toHaveLength(2);
  });

  it('says so when the array is empty, and when it is never closed', async () => {
    expect(summary(await collect(readJsonArray([Buffer.from('[ ]')], 'e.json')))).toEqual(['reject null: JSON array holds no articles']);
    const open = summary(await collect(readJsonArray([Buffer.from(`[${JSON.stringify(article(1))},`)], 'o.json')));
    expect(open[0]).toBe('article 标题1');
    expect(open[1]).toMatch(/^reject 2: malformed JSON: the array could not be read past element 1 \(.*\); elements from 2 on are not in the output$/);
  });

  it('stops at an element longer than the limit without holding it whole', async () => {
    function* endless(): Generator<Buffer> {
      yield Buffer.from(`[${JSON.stringify(article(1))},{"text":"`);
      const piece = Buffer.from('x'.repeat(1 << 20));
      for (let i = 0; i < 64; i++) yield piece;
    }
    const records = summary(await collect(readJsonArray(endless(), 'long.json')));
    expect(records).toEqual([
      'article 标题1',
      `reject 2: array element 2 is longer than the limit of ${MAX_LINE_BYTES.toLocaleString('en')} bytes; the rest of the array was not read`,
    ]);
  });

  it('keeps memory flat: elements are handed over and dropped one at a time', async () => {
    const element = Buffer.from(`${JSON.stringify({ ...article(0), text: `浙江：\n${'杭州市开展活动。'.repeat(500)}` })},`);
    const count = 8_000; // about 100 MB of array, generated, never on disk
    function* generated(): Generator<Buffer> {
      yield Buffer.from('[');
      for (let i = 1; i < count; i++) yield element;
      yield Buffer.from(`${JSON.stringify(article(0))}]`);
    }
    let articles = 0;
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    for await (const record of readJsonArray(generated(), 'gen.json')) {
      if (record.kind === 'article') articles += 1;
      if (articles % 2_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(articles).toBe(count);
    // Held whole, the array's text alone would take twice its bytes in V8's strings (about 200 MB); garbage not yet
    // collected makes the heap rise and fall, so the bound is a loose one.
    expect(peak - baseline).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it("gives elements strings of their own: a field kept for the whole run does not keep the parser's input alive", async () => {
    // A run keeps small parts of every article (titles, URLs, ids) to its end. Strings the parser cuts from its input
    // would each keep that input's piece alive; 4,000 kept titles would then hold most of the array's 60 MB.
    const collectGarbage = runInNewContext('gc', {}, {}) as () => void;
    const padding = '评论'.repeat(7_500);
    function* generated(): Generator<Buffer> {
      yield Buffer.from('[');
      for (let i = 0; i < 4_000; i++)
        yield Buffer.from(`${i ? ',' : ''}${JSON.stringify({ ...article(i), title: `一个足够长的标题，长到不会被复制${i}`, comments: [padding] })}`);
      yield Buffer.from(']');
    }
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for await (const record of readJsonArray(generated(), 'gen.json')) if (record.kind === 'article') kept.push(record.article.title);
    collectGarbage();
    expect(kept).toHaveLength(4_000);
    expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);
});

describe('readJsonText', () => {
  it('reads JSON lines written under a .json name as JSON lines', async () => {
    const text = [article(1), article(2)].map((record) => JSON.stringify(record)).join('\n');
    expect(summary(await collect(readJsonText(text, 'l.json')))).toEqual(['article 标题1', 'article 标题2']);
  });
  it('reads one object as one article, spread over lines or not', async () => {
    expect(summary(await collect(readJsonText(JSON.stringify(article(1), null, 2), 'o.json')))).toEqual(['article 标题1']);
  });
});
