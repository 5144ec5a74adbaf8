import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '@roundup/parser';
import { runPipeline, SAMPLE_INPUT } from '../run/pipeline.js';
import { CACHE_FOLDER } from './result-cache.js';
import { formatSummary } from '../command/summary.js';

const article = (url: string, text: string) => JSON.stringify({ url, title: '标题', text, date: '2020-02-01', EmotionalWords: [], comments: [] });
const ROUNDUP = '浙江：\n结合实际\n杭州市开展活动，投入资金2亿元。\n河南：\n上下联动\n郑州市新建学校3所，惠及1.2万名学生。';

/** Three input files: the sample, a corpus file with a reject, and one whose first article repeats one of the corpus's. */
function inputs(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-cache-'));
  cpSync(SAMPLE_INPUT, join(dir, 'sample'), { recursive: true });
  writeFileSync(join(dir, 'a.jsonl'), [article('http://a/1', ROUNDUP), '{broken', article('http://a/2', '湖南长沙市开通热线。')].join('\n'));
  writeFileSync(join(dir, 'b.jsonl'), [article('http://a/1', ROUNDUP), article('http://b/1', '广西南宁市修路12公里。')].join('\n'));
  return { dir, files: [join(dir, 'sample'), join(dir, 'a.jsonl'), join(dir, 'b.jsonl')] };
}

function tables(out: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(out)
      .filter((file) => file.endsWith('.csv'))
      .sort()
      .map((file) => [file, readFileSync(join(out, file), 'utf8')]),
  );
}

/** What a run without any earlier results writes. */
async function freshTables(files: string[], dataDir?: string): Promise<Record<string, string>> {
  const out = join(mkdtempSync(join(tmpdir(), 'roundup-fresh-')), 'out');
  await runPipeline({ inputs: files, outDir: out, cache: false, ...(dataDir ? { dataDir } : {}) });
  return tables(out);
}

// Each test runs the whole pipeline several times.
describe('reruns', { timeout: 60_000 }, () => {
  it('reuse every unchanged file, say so, and write the same bytes', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    const first = await runPipeline({ inputs: files, outDir: out });
    expect(first).toMatchObject({ inputFiles: 3, reusedFiles: 0, reusedRecords: 0, recordsRead: 6, articles: 4, rejects: 2 });
    const before = tables(out);
    const second = await runPipeline({ inputs: files, outDir: out });
    expect(second).toMatchObject({ inputFiles: 3, reusedFiles: 3, reusedRecords: 6, recordsRead: 6, articles: 4, rejects: 2, characters: first.characters });
    expect(second.regions).toEqual(first.regions);
    expect(tables(out)).toEqual(before);
    expect(formatSummary(second)).toContain('reused earlier results for 3 of 3 input files (6 records)');
    expect(existsSync(join(out, 'briefing.pdf'))).toBe(true);
    // A third run reuses what the second carried over.
    expect((await runPipeline({ inputs: files, outDir: out })).reusedFiles).toBe(3);
  });

  it('read a changed file again, and only that one', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    await runPipeline({ inputs: files, outDir: out });
    appendFileSync(join(dir, 'b.jsonl'), `\n${article('http://b/2', '甘肃兰州市新增公交线路5条。')}`);
    const rerun = await runPipeline({ inputs: files, outDir: out });
    expect(rerun).toMatchObject({ reusedFiles: 2, recordsRead: 7, articles: 5 });
    expect(tables(out)).toEqual(await freshTables(files));
  });

  it('extract a duplicate again when the article it repeated is gone', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    await runPipeline({ inputs: files, outDir: out });
    const withoutA = [files[0]!, files[2]!];
    const rerun = await runPipeline({ inputs: withoutA, outDir: out });
    // b.jsonl's first article was a duplicate of a.jsonl's; now it is the original and must be extracted.
    expect(rerun).toMatchObject({ reusedFiles: 1, articles: 3, rejects: 0 });
    expect(tables(out)).toEqual(await freshTables(withoutA));
  });

  it('reuse nothing once a table was edited since, and still write what a fresh run writes', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    await runPipeline({ inputs: files, outDir: out });
    const figures = join(out, 'figures.csv');
    writeFileSync(figures, readFileSync(figures, 'utf8').replace('2亿元', '3亿元'));
    expect((await runPipeline({ inputs: files, outDir: out })).reusedFiles).toBe(0);
    expect(tables(out)).toEqual(await freshTables(files));
  });

  it('reuse nothing when the data folder changed', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    const data = join(dir, 'data');
    cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
    rmSync(join(data, 'sample'), { recursive: true });
    await runPipeline({ inputs: files, outDir: out, dataDir: data });
    expect((await runPipeline({ inputs: files, outDir: out, dataDir: data })).reusedFiles).toBe(3);
    const taxonomy = JSON.parse(readFileSync(join(data, 'taxonomy.json'), 'utf8')) as { domains: Array<{ strong: string[] }> };
    taxonomy.domains[0]!.strong.push('公交线路');
    writeFileSync(join(data, 'taxonomy.json'), JSON.stringify(taxonomy));
    expect((await runPipeline({ inputs: files, outDir: out, dataDir: data })).reusedFiles).toBe(0);
  });

  it('with the cache off, neither read nor keep earlier results', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    await runPipeline({ inputs: files, outDir: out });
    expect((await runPipeline({ inputs: files, outDir: out, cache: false })).reusedFiles).toBe(0);
    expect(existsSync(join(out, CACHE_FOLDER))).toBe(false);
    expect((await runPipeline({ inputs: files, outDir: out })).reusedFiles).toBe(0);
  });
});
