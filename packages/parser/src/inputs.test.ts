import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { articleFromJson, articleIdFromUrl, readCrawlerText, readJsonDocument, readJsonLines, type InputRecord } from './inputs.js';

const article = { url: 'http://paper.people.com.cn/rmrb/html/2019-12/18/nw.D110000renmrb_20191218_2-06.htm', title: '标题', text: '第一段\n\n第二段', date: '2019-12-18', EmotionalWords: [], comments: [] };

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
    [{ ...article, EmotionalWords: 3 }, /field `EmotionalWords` expected array/],
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
  it('rejects a line that is not UTF-8 instead of repairing it', async () => {
    const bad = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('"}\n')]);
    const [record] = await collect(readJsonLines(Readable.from([bad]), 'd.jsonl'));
    expect(record).toMatchObject({ kind: 'reject', reject: { line: 1, reason: 'line is not valid UTF-8 text' } });
  });
});

describe('readJsonDocument', () => {
  it('reads an array of articles, one record each', () => {
    expect(readJsonDocument(JSON.stringify([article, { ...article, text: '' }]), 'e.json').map((record) => record.kind)).toEqual(['article', 'reject']);
  });
  it('rejects JSON that is neither object nor array', () => {
    expect(readJsonDocument('42', 'f.json')[0]).toMatchObject({ kind: 'reject', reject: { reason: 'not an article object (found a number)' } });
  });
});

describe('readCrawlerText', () => {
  it('takes title lines up to the first blank line, dates from the file name, and trims full-width indents', () => {
    const text = '国家卫健委：\r\n服务管理措施覆盖到户\r\n\r\n\u3000\u3000第一段。\r\n\u3000\u3000\r\n\u3000\u3000第二段。\r\n';
    const record = readCrawlerText(text, 'corpus/20200201/20200201-02-01.txt');
    expect(record).toEqual({
      kind: 'article',
      article: { articleId: '20200201-02-01', date: '2020-02-01', title: '国家卫健委： 服务管理措施覆盖到户', url: '', source: 'corpus/20200201/20200201-02-01.txt', paragraphs: ['第一段。', '第二段。'] },
    });
  });
  it('rejects a file whose name and folder carry no date', () => {
    expect(readCrawlerText('标题\n\n正文', 'x/article.txt')).toMatchObject({ kind: 'reject', reject: { reason: expect.stringMatching(/^no date/) } });
  });
});
