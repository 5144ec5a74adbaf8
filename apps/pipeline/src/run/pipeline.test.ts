import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@roundup/parser';
import { runPipeline, StrictRejectsError, UsageError } from './pipeline.js';

const article = (url: string, text: string) => JSON.stringify({ url, title: '标题', text, date: '2020-02-01', EmotionalWords: [], comments: [] });
const workspace = () => mkdtempSync(join(tmpdir(), 'roundup-pipeline-'));
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\r\n');

describe('runPipeline', () => {
  it('accounts for every record: articles plus rejects equal the records read', async () => {
    const dir = workspace();
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        article('http://a/nw.D110000renmrb_20200201_1-02.htm', '浙江：\n结合实际\n杭州市开展活动，投入资金2亿元。'),
        '{broken',
        article('http://a/nw.D110000renmrb_20200201_1-02.htm', '同一网址的另一份。'),
        article('http://b', '浙江：\n结合实际\n杭州市开展活动，投入资金2亿元。'),
        JSON.stringify({ url: 'c', text: '正文', date: 'someday' }),
      ].join('\n'),
    );
    const summary = await runPipeline({ inputs: [input], outDir: join(dir, 'out') });
    expect(summary).toMatchObject({ recordsRead: 5, articles: 1, rejects: 4 });
    const rejects = lines(join(dir, 'out', 'rejects.csv')).slice(1);
    expect(rejects).toHaveLength(4);
    expect(rejects[0]).toMatch(/in\.jsonl,2,malformed JSON/);
    expect(rejects[1]).toMatch(/in\.jsonl,3,duplicate of article 20200201-02-01/);
    expect(rejects[2]).toMatch(/in\.jsonl,4,duplicate of article 20200201-02-01/);
    expect(rejects[3]).toMatch(/in\.jsonl,5,"field `date` is not a date/);
    expect(lines(join(dir, 'out', 'articles.csv'))).toHaveLength(2);
  });

  it('refuses an output path that is a file, as a usage error', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'file'), 'x');
    await expect(runPipeline({ inputs: [], outDir: join(dir, 'file') })).rejects.toBeInstanceOf(UsageError);
  });

  it('leaves the previous output untouched and no temporary folder when a run fails', async () => {
    const dir = workspace();
    const out = join(dir, 'out');
    await runPipeline({ inputs: [], outDir: out });
    const before = readFileSync(join(out, 'sections.csv'), 'utf8');
    await expect(runPipeline({ inputs: [join(dir, 'missing.jsonl')], outDir: out })).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(join(out, 'sections.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('with strict, writes rejects.csv and then fails', async () => {
    const dir = workspace();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${article('u', '正文。')}\n{bad\n`);
    const failure = await runPipeline({ inputs: [input], outDir: join(dir, 'out'), strict: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StrictRejectsError);
    expect(lines(join(dir, 'out', 'rejects.csv'))).toHaveLength(2);
  });
});
