import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromJson, articleIdFromUrl, MAX_ARTICLE_CHARACTERS, type InputRecord } from './input-records.js';
import { readCrawlerText, readSource } from './inputs.js';
import { readJsonText } from './json-files.js';
import { readJsonLines } from './json-lines.js';

const article = {
  url: 'http://paper.people.com.cn/rmrb/html/2019-12/18/nw.D110000renmrb_20191218_2-06.htm',
  title: '标题',
  text: '第一段\n\n第二段',
  date: '2019-12-18',
  EmotionalWords: [],
  comments: [],
};

async function collect(records: AsyncIterable<InputRecord>): Promise<InputRecord[]> {
  const all: InputRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe('articleIdFromUrl', () => {
  it('reads page and article from a People’s Daily URL as YYYYMMDD-PP-AA', () => {
    expect(articleIdFromUrl(article.url)).toBe('20191218-06-02');
  });
});

describe('articleFromJson', () => {
  it('numbers the non-empty lines of the text as paragraphs', () => {
    const record = articleFromJson(article, 'a.json', null);
    expect(record).toMatchObject({ kind: 'article', article: { articleId: '20191218-06-02', paragraphs: ['第一段', '第二段'] } });
  });
  it.each([
    [{ ...article, text: undefined }, /field `text` expected string \(missing\)/],
    [{ ...article, date: 'soon' }, /field `date` is not a date/],
    [[1, 2], /not an article object \(found an array\)/],
    [{ ...article, text: '<p></p>&nbsp;' }, /no paragraphs/],
  ])('rejects a bad record with a specific reason (%#)', (record, reason) => {
    const result = articleFromJson(record, 'a.jsonl', 7);
    expect(result.kind).toBe('reject');
    if (result.kind === 'reject') {
      expect(result.reject.reason).toMatch(reason);
      expect(result.reject).toMatchObject({ source: 'a.jsonl', line: 7 });
    }
  });
});

describe('fields roundup does not read', () => {
  it.each([
    ['a string', 'happy'],
    ['a number', 3],
    ['null', null],
    ['an object', { a: 1 }],
  ])('never cost an article: EmotionalWords and comments as %s', (_kind, value) => {
    expect(articleFromJson({ ...article, EmotionalWords: value, comments: value }, 'a.jsonl', 1).kind).toBe('article');
  });
});

describe('the per-article size limit', () => {
  it('rejects a text past the limit with its reason, and keeps one at the limit', () => {
    const long = articleFromJson({ ...article, text: '很'.repeat(MAX_ARTICLE_CHARACTERS + 1) }, 'big.jsonl', 2);
    expect(long).toMatchObject({ kind: 'reject', reject: { reason: expect.stringMatching(/^article text is longer than the limit of 1,000,000 characters/) } });
    expect(articleFromJson({ ...article, text: '很'.repeat(MAX_ARTICLE_CHARACTERS) }, 'ok.jsonl', 2).kind).toBe('article');
    expect(readCrawlerText(`标题\n\n${'很'.repeat(MAX_ARTICLE_CHARACTERS + 1)}`, 'c/20200201-01-01.txt').kind).toBe('reject');
  });
});

describe('a record nobody foresaw', () => {
  it('turns a JSON value nested 100,000 levels deep into a reject instead of ending the run', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const records = await collect(readJsonText(deep, 'deep.json'));
    expect(records.every((record) => record.kind === 'reject')).toBe(true);
    const lines = await collect(readJsonLines([Buffer.from(`${deep}\n${JSON.stringify(article)}\n`)], 'deep.jsonl'));
    expect(lines.map((record) => record.kind)).toEqual(['reject', 'article']);
  });
});

describe('standard input', () => {
  const lines = Array.from({ length: 20 }, (_, n) => JSON.stringify({ ...article, url: `u${n}`, text: `第${n}段` }));
  const read = (bytes: Buffer, chunk = 7) =>
    collect(
      readSource(
        { kind: 'stdin' },
        Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk))),
      ),
    );
  it('is read as JSON lines line by line: a last line cut inside a character costs only itself', async () => {
    const cut = Buffer.from(JSON.stringify({ ...article, text: '最后一段' })).subarray(0, 70);
    const records = await read(Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), cut]));
    expect(records.filter((record) => record.kind === 'article')).toHaveLength(20);
    expect(records.filter((record) => record.kind === 'reject')).toHaveLength(1);
  });
  it('reads a JSON array, or an object spread over lines, as one document', async () => {
    expect((await read(Buffer.from(`[${lines.slice(0, 3).join(',\n')}]`))).map((record) => record.kind)).toEqual(['article', 'article', 'article']);
    expect((await read(Buffer.from(JSON.stringify(article, null, 2)))).map((record) => record.kind)).toEqual(['article']);
  });
});

describe('readJsonLines', () => {
  it('reads CRLF lines, skips blank ones and names malformed and truncated lines', async () => {
    const text = `${JSON.stringify(article)}\r\n\r\n{oops}\r\n${JSON.stringify({ ...article, url: 'b' }).slice(0, 40)}`;
    const records = await collect(readJsonLines(Readable.from([Buffer.from(text)]), 'c.jsonl'));
    expect(records.map((record) => (record.kind === 'article' ? 'article' : `${record.reject.line}: ${record.reject.reason.slice(0, 60)}`))).toEqual([
      'article',
      expect.stringMatching(/^3: malformed JSON/),
      '4: malformed JSON: the last line is truncated',
    ]);
  });
  it('numbers lines the same whatever their ends (LF, CRLF, CR) and however the bytes are cut into chunks', async () => {
    const ends = ['\n', '\r\n', '\r'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('record', 'blank', 'broken'), fc.constantFrom(...ends)), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        async (lines, cuts) => {
          const text = lines
            .map(([kind, end], n) => (kind === 'record' ? JSON.stringify({ ...article, url: `u${n}` }) : kind === 'blank' ? '' : '{oops') + end)
            .join('');
          const bytes = Buffer.from(text);
          const chunks: Buffer[] = [];
          for (let at = 0, cut = 0; at < bytes.length; cut += 1) chunks.push(bytes.subarray(at, (at += cuts[cut % cuts.length]!)));
          const records = await collect(readJsonLines(Readable.from(chunks), 'p.jsonl'));
          // What the lines are, read whole: a CR before an LF is one CRLF, whichever line each came from.
          const pieces = text.split(/\r\n|\r|\n/).slice(0, -1);
          const expected = pieces.flatMap((piece, n) => (piece === '' ? [] : [`${piece === '{oops' ? 'reject' : 'article'} ${n + 1}`]));
          expect(
            records.map((record) =>
              record.kind === 'article'
                ? `article ${Number(/-L(\d+)$/.exec(record.article.articleId)?.[1] ?? record.article.source.split(':').pop())}`
                : `reject ${record.reject.line}`,
            ),
          ).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('rejects a line that is not UTF-8 instead of repairing it', async () => {
    const bad = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('"}\n')]);
    const [record] = await collect(readJsonLines(Readable.from([bad]), 'd.jsonl'));
    expect(record).toMatchObject({ kind: 'reject', reject: { line: 1, reason: 'line is not valid UTF-8 text' } });
  });
});

describe('readJsonText', () => {
  it('reads an array of articles, one record each, numbered by element', async () => {
    const records = await collect(readJsonText(JSON.stringify([article, { ...article, text: '' }]), 'e.json'));
    expect(records.map((record) => record.kind)).toEqual(['article', 'reject']);
    expect(records[1]).toMatchObject({ reject: { source: 'e.json', line: 2 } });
  });
  it('rejects JSON that is neither object nor array', async () => {
    expect((await collect(readJsonText('42', 'f.json')))[0]).toMatchObject({ kind: 'reject', reject: { reason: 'not an article object (found a number)' } });
  });
});

describe('readCrawlerText', () => {
  it('takes title lines up to the first blank line, dates from the file name, and trims full-width indents', () => {
    const text = '国家卫健委：\r\n服务管理措施覆盖到户\r\n\r\n\u3000\u3000第一段。\r\n\u3000\u3000\r\n\u3000\u3000第二段。\r\n';
    const record = readCrawlerText(text, 'corpus/20200201/20200201-02-01.txt');
    expect(record).toEqual({
      kind: 'article',
      article: {
        articleId: '20200201-02-01',
        date: '2020-02-01',
        title: '国家卫健委： 服务管理措施覆盖到户',
        url: '',
        source: 'corpus/20200201/20200201-02-01.txt',
        paragraphs: ['第一段。', '第二段。'],
      },
    });
  });
  it('reads a body that follows the title lines without a blank line, told by its indent', () => {
    const text = '肩题\r\n主题\r\n副题\r\n\u3000\u3000第一段。\r\n\u3000\u3000第二段。\r\n\r\n';
    expect(readCrawlerText(text, 'c/20200201-01-04.txt')).toMatchObject({
      kind: 'article',
      article: { title: '肩题 主题 副题', paragraphs: ['第一段。', '第二段。'] },
    });
  });
  it('keeps a file of three or more unindented lines and nothing else as an article; one or two lines are a title only', () => {
    expect(readCrawlerText('碧桂园\r\n同心携手　共克时艰\r\n抗击疫情，我们在一起！\r\n \r\n', 'c/20200203-08-01.txt')).toMatchObject({
      kind: 'article',
      article: { title: '碧桂园', paragraphs: ['同心携手　共克时艰', '抗击疫情，我们在一起！'] },
    });
    expect(readCrawlerText('广告\r\n\r\n', 'c/20200203-08-02.txt')).toMatchObject({
      kind: 'reject',
      reject: { reason: expect.stringMatching(/^article has a title but no paragraphs/) },
    });
    expect(readCrawlerText('肩题\n主题\n', 'c/20200203-08-02.txt').kind).toBe('reject');
  });
  it('rejects a file whose name and folder carry no date', () => {
    expect(readCrawlerText('标题\n\n正文', 'x/article.txt')).toMatchObject({ kind: 'reject', reject: { reason: expect.stringMatching(/^no date/) } });
  });
});

describe('a .json file holding JSON lines', () => {
  it('is read as JSON lines, a bad line costing only itself and numbered as in the file', async () => {
    const text = `${JSON.stringify({ ...article, url: 'u1' })}\n\n{bad\n${JSON.stringify({ ...article, url: 'u2' })}\n`;
    const records = await collect(readJsonText(text, 'lines.json'));
    expect(records.map((record) => record.kind)).toEqual(['article', 'reject', 'article']);
    expect(records[1]).toMatchObject({ kind: 'reject', reject: { source: 'lines.json', line: 3 } });
  });

  it('is still a malformed document when its first line is not a JSON value of its own', async () => {
    const records = await collect(readJsonText(`{"url": "u1",\n"title": `, 'broken.json'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'reject', reject: { reason: expect.stringMatching(/^malformed JSON/) } });
  });
});
