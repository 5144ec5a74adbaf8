// One bad file never ends a run: random bytes and random JSON shapes beside good articles, and every good article
// still comes out.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPipeline } from './pipeline.js';

const good = (n: number) => ({
  url: `http://good.example/nw.D110000renmrb_20200201_${n}-01.htm`,
  title: `好文章${n}`,
  text: `浙江：\n结合实际\n杭州市第${n}次开展活动，投入资金${n}亿元。`,
  date: '2020-02-01',
  EmotionalWords: [],
  comments: [],
});

/** Any JSON value, articles-like objects with fields of any type among them, and deeply nested arrays. */
const jsonShape = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      url: fc.jsonValue(),
      title: fc.jsonValue(),
      text: fc.oneof(fc.string(), fc.jsonValue()),
      date: fc.oneof(fc.constant('2020-02-03'), fc.jsonValue()),
      EmotionalWords: fc.jsonValue(),
      comments: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => ({ nested: depth })),
);
const serialise = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  'nested' in value &&
  Object.keys(value).length === 1 &&
  typeof (value as { nested: unknown }).nested === 'number'
    ? `${'['.repeat((value as { nested: number }).nested)}${']'.repeat((value as { nested: number }).nested)}`
    : JSON.stringify(value);

const badFile = fc.oneof(
  fc.tuple(
    fc.constantFrom('.json', '.jsonl', '.txt'),
    fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  ),
  fc.tuple(
    fc.constant('.json'),
    jsonShape.map((value) => Buffer.from(serialise(value) ?? 'undefined')),
  ),
  fc.tuple(
    fc.constant('.jsonl'),
    fc.array(jsonShape, { maxLength: 4 }).map((values) => Buffer.from(values.map(serialise).join('\n'))),
  ),
  fc.tuple(
    fc.constant('.txt'),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => Buffer.from(text)),
  ),
);

describe('a run over random bad files beside good articles', () => {
  it('exits normally and writes every good article', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(badFile, { minLength: 1, maxLength: 5 }), async (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'roundup-property-'));
        const corpus = join(dir, 'in', '20200201');
        mkdirSync(corpus, { recursive: true });
        writeFileSync(join(corpus, 'a-good.jsonl'), `${JSON.stringify(good(1))}\n${JSON.stringify(good(2))}\n`);
        writeFileSync(join(corpus, 'b-good.json'), JSON.stringify(good(3)));
        files.forEach(([extension, bytes], index) => writeFileSync(join(corpus, `bad-${index}${extension}`), bytes));
        const summary = await runPipeline({ inputs: [join(dir, 'in')], outDir: join(dir, 'out'), cache: false });
        const articles = readFileSync(join(dir, 'out', 'articles.csv'), 'utf8');
        for (const n of [1, 2, 3]) expect(articles).toContain(`好文章${n}`);
        const rows =
          readFileSync(join(dir, 'out', 'rejects.csv'), 'utf8')
            .trim()
            .split('\r\n').length - 1;
        expect(summary.articles + summary.rejects).toBe(summary.recordsRead);
        expect(summary.rejects).toBe(rows);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
