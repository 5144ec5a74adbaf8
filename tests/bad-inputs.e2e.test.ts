// A corpus of bad inputs, built here: the run completes, and every record read is an article or a reject with a specific reason.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv, runCli, type CliResult } from './helpers.js';

const article = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    url: `http://example.org/a${n}`,
    title: `标题${n}`,
    text: `浙江：\n结合实际\n杭州市第${n}次开展活动，投入资金${n}亿元。`,
    date: '2020-02-01',
    EmotionalWords: [],
    comments: [],
    ...extra,
  });
const gbk = (text: string) => Buffer.from(gbkBytes(text));
/** GBK bytes for the few characters used here (Node has a GB18030 decoder but no encoder). */
function gbkBytes(text: string): number[] {
  const table: Record<string, number[]> = {
    标: [0xb1, 0xea],
    题: [0xcc, 0xe2],
    浙: [0xd5, 0xe3],
    江: [0xbd, 0xad],
    正: [0xd5, 0xfd],
    文: [0xce, 0xc4],
    '\n': [0x0a],
    '。': [0xa1, 0xa3],
  };
  return [...text].flatMap((char) => table[char] ?? []);
}

const dir = mkdtempSync(join(tmpdir(), 'roundup-bad-'));
const corpus = join(dir, 'corpus');
const out = join(dir, 'out');
/** What each file contributes: records read, and how many of them become articles. */
const expected = { records: 0, articles: 0 };
let run: CliResult;

beforeAll(async () => {
  mkdirSync(join(corpus, '20200201'), { recursive: true });
  mkdirSync(join(corpus, 'empty-looking'), { recursive: true });
  const lines = [
    article(1),
    '',
    '{not json',
    JSON.stringify({ url: 'u2', title: 't', date: '2020-02-01' }), // missing text
    article(3, { date: 'yesterday' }),
    article(4, { text: '   ' }),
    article(5, { text: 42 }),
    article(6, { EmotionalWords: 'happy', comments: 'none' }), // fields roundup does not read: still an article
    article(7, { text: '<p>&nbsp;</p>' }), // only markup
    article(1).replace('标题1', '另一个标题'), // same URL as line 1
    article(9, { url: 'http://example.org/other', text: `浙江：\n结合实际\n杭州市第1次开展活动，投入资金1亿元。` }), // same text as line 1
    article(10, { text: `浙江：\r\n结合实际\r\n\u3000\u3000杭州市\u200B开展活动，&lt;b&gt;投入\u00A0资金10亿元。<br>${'很长的段落。'.repeat(50_000)}` }),
    article(11).slice(0, 60), // truncated last line
  ];
  writeFileSync(join(corpus, 'lines.jsonl'), lines.join('\r\n'));
  expected.records += lines.filter((line) => line.trim() !== '').length; // 12 records
  expected.articles += 3; // lines 1, 8 and 10
  writeFileSync(join(corpus, 'one.json'), `\uFEFF${article(20)}`);
  writeFileSync(join(corpus, 'many.json'), `[${article(21)},${article(22, { date: '2020-13-45' })}]`);
  writeFileSync(join(corpus, 'neither.json'), '"just a string"');
  writeFileSync(join(corpus, 'broken.json'), '{"url": ');
  expected.records += 1 + 2 + 1 + 1;
  expected.articles += 1 + 1;
  writeFileSync(join(corpus, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article(30), 'utf16le')]));
  writeFileSync(join(corpus, 'utf16.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${article(31)}\n${article(32)}\n`, 'utf16le')]));
  expected.records += 1 + 2;
  expected.articles += 1 + 2;
  writeFileSync(join(corpus, '20200201', '20200201-02-01.txt'), gbk('标题\n\n浙江正文。'));
  writeFileSync(join(corpus, '20200201', '20200201-02-02.txt'), '标题\r\r浙江杭州市开展活动，投入资金3亿元。\r');
  writeFileSync(join(corpus, '20200201', '20200201-02-03.txt'), Buffer.from([0x41, 0xff, 0xfe, 0xff, 0x0a]));
  writeFileSync(join(corpus, '20200201', '20200201-02-04.txt'), '只有标题\n\n\u3000\u3000\n');
  writeFileSync(join(corpus, 'no-date.txt'), '标题\n\n正文。');
  writeFileSync(join(corpus, 'notes.md'), '# not an article');
  // A crawled month that writes the body straight after the title lines, told only by the indent.
  writeFileSync(join(corpus, '20200201', '20200201-02-05.txt'), '肩题\r\n无空行的标题\r\n\u3000\u3000浙江杭州市开展活动。\r\n\u3000\u3000第二段。\r\n\r\n');
  writeFileSync(join(corpus, 'deep.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  writeFileSync(join(corpus, 'huge.jsonl'), `${article(60, { text: '很长。'.repeat(400_000) })}\n${article(61)}\n`);
  expected.records += 6 + 1 + 1 + 2;
  expected.articles += 2 + 1 + 0 + 1;
  symlinkSync(corpus, join(corpus, 'loop')); // a symbolic-link loop, walked once
  run = await runCli([corpus, '--out', out, '--json']);
}, 120_000);

describe('roundup on a corpus of bad inputs', () => {
  it('runs to completion', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('accounts for every record: articles plus rejects equal the records read', () => {
    const summary = JSON.parse(run.stdout);
    const articles = readCsv(join(out, 'articles.csv'));
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(summary.recordsRead).toBe(expected.records);
    expect(articles).toHaveLength(expected.articles);
    expect(articles.length + rejects.length).toBe(expected.records);
  });

  it('gives each reject a specific reason, with its file and line', () => {
    const rejects = readCsv(join(out, 'rejects.csv'));
    const reasonOf = (source: string, line = '') => rejects.filter((row) => row.source?.endsWith(source) && row.line === line).map((row) => row.reason);
    expect(reasonOf('lines.jsonl', '3')).toEqual([expect.stringMatching(/^malformed JSON/)]);
    expect(reasonOf('lines.jsonl', '4')).toEqual(['field `text` expected string (missing)']);
    expect(reasonOf('lines.jsonl', '5')).toEqual([expect.stringMatching(/^field `date` is not a date/)]);
    expect(reasonOf('lines.jsonl', '6')).toEqual([expect.stringMatching(/^field `text` is empty/)]);
    expect(reasonOf('lines.jsonl', '7')).toEqual([expect.stringMatching(/^field `text` expected string/)]);
    expect(reasonOf('lines.jsonl', '8')).toEqual([]);
    expect(reasonOf('lines.jsonl', '9')).toEqual(['article has no paragraphs (text is only markup or spaces)']);
    expect(reasonOf('lines.jsonl', '10')).toEqual([expect.stringMatching(/^duplicate of article 20200201-/)]);
    expect(reasonOf('lines.jsonl', '11')).toEqual([expect.stringMatching(/^duplicate of article .*lines\.jsonl:1\)$/)]);
    expect(reasonOf('lines.jsonl', '13')).toEqual(['malformed JSON: the last line is truncated']);
    expect(reasonOf('many.json', '2')).toEqual([expect.stringMatching(/^field `date` is not a real calendar date/)]);
    expect(reasonOf('neither.json')).toEqual(['not an article object (found a string)']);
    expect(reasonOf('broken.json')).toEqual([expect.stringMatching(/^malformed JSON/)]);
    expect(reasonOf('20200201-02-03.txt')).toEqual([expect.stringMatching(/^undecodable text: bytes at offset 1/)]);
    expect(reasonOf('20200201-02-04.txt')).toEqual([expect.stringMatching(/^article has a title but no paragraphs/)]);
    expect(reasonOf('20200201-02-05.txt')).toEqual([]);
    expect(reasonOf('deep.json', '1')).toEqual([expect.stringMatching(/^could not read this record: nested too deeply/)]);
    expect(reasonOf('huge.jsonl', '1')).toEqual([expect.stringMatching(/^article text is longer than the limit of 1,000,000 characters/)]);
    expect(reasonOf('no-date.txt')).toEqual([expect.stringMatching(/^no date/)]);
    expect(reasonOf('notes.md')).toEqual([expect.stringMatching(/^not an article file: \.md/)]);
  });

  it('decodes GBK and UTF-16 text, and cleans crawler debris out of the text', () => {
    const paragraphs = readCsv(join(out, 'paragraphs.csv'));
    expect(paragraphs.some((row) => row.text === '浙江正文。')).toBe(true);
    const cleaned = paragraphs.find((row) => row.text?.startsWith('杭州市开展活动，<b>'));
    expect(cleaned?.text?.startsWith('杭州市开展活动，<b>投入 资金10亿元。')).toBe(true);
    expect(readCsv(join(out, 'articles.csv')).map((row) => row.title)).toEqual(
      expect.arrayContaining(['标题30', '标题31', '标题32', '标题', '肩题 无空行的标题', '标题6', '标题61']),
    );
    expect(paragraphs.every((row) => !/[\u200B\uFFFD]/.test(row.text ?? ''))).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'roundup-formula-'));
    writeFileSync(join(dir2, 'f.jsonl'), `${article(40, { title: '=HYPERLINK("http://x")' })}\n`);
    const result = await runCli([join(dir2, 'f.jsonl'), '--out', join(dir2, 'out')]);
    expect(result.code).toBe(0);
    expect(readCsv(join(dir2, 'out', 'articles.csv'))[0]?.title).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('roundup on standard input', () => {
  it('reads JSON lines line by line: twenty good lines and one cut inside a character give twenty articles and one reject', async () => {
    const base = mkdtempSync(join(tmpdir(), 'roundup-stdin-'));
    const good = Array.from({ length: 20 }, (_, n) => article(100 + n, { text: `浙江：\n结合实际\n第${n}段。` }));
    const last = Buffer.from(article(200));
    const cut = last.subarray(0, last.indexOf(Buffer.from('浙')) + 1); // ends inside the three bytes of 浙
    const input = Buffer.concat([Buffer.from(`${good.join('\n')}\n`), cut]);
    const result = await runCli(['-', '--out', join(base, 'out'), '--json'], { input });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ recordsRead: 21, articles: 20, rejects: 1 });
  });
});

describe('roundup on unusable paths', () => {
  it.each([
    ['a missing file', ['/nonexistent/file.jsonl'], /no such file or folder/],
    ['an empty folder', ['EMPTY'], /holds no files/],
    ['an output path that is a file', ['OUTFILE'], /exists and is not a folder/],
    ['an unknown option', ['--nope'], /unknown option/],
  ])('exits 2 with a one-line error for %s', async (_case, args, message) => {
    const base = mkdtempSync(join(tmpdir(), 'roundup-paths-'));
    mkdirSync(join(base, 'empty'));
    writeFileSync(join(base, 'file'), 'x');
    const resolved =
      args[0] === 'EMPTY'
        ? [join(base, 'empty'), '--out', join(base, 'out')]
        : args[0] === 'OUTFILE'
          ? ['--out', join(base, 'file')]
          : [...args, '--out', join(base, 'out')];
    const result = await runCli(resolved);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(base).sort()).toEqual(['empty', 'file']);
  });

  it('with --strict, exits 1 after writing rejects.csv', async () => {
    const base = mkdtempSync(join(tmpdir(), 'roundup-strict-'));
    writeFileSync(join(base, 'in.jsonl'), `${article(50)}\n{bad\n`);
    const result = await runCli([join(base, 'in.jsonl'), '--out', join(base, 'out'), '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1 record\(s\) rejected \(--strict\)/);
    expect(readCsv(join(base, 'out', 'rejects.csv'))).toHaveLength(1);
  });
});
