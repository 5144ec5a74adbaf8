// The roundup command on the user's sample article: every table filled from real extraction, and the briefing readable.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, columnsOf } from '@roundup/model';
import { existsSync } from 'node:fs';
import { csvHeader, pdfText, readCsv, runCli, type CliResult } from './helpers.js';

const out = join(mkdtempSync(join(tmpdir(), 'roundup-e2e-')), 'out');
let run: CliResult;
const table = (name: string) => readCsv(join(out, `${name}.csv`));

beforeAll(async () => {
  run = await runCli(['--out', out, '--json']);
});

describe('roundup on the bundled sample', () => {
  it('exits 0 and prints a JSON summary', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ recordsRead: 1, articles: 1, rejects: 0, regions: ['甘肃', '浙江', '广西', '湖南', '河南'] });
  });

  it('writes every table, the briefing and the cache for reruns, and nothing else', () => {
    expect(readdirSync(out).sort()).toEqual([
      '.roundup-cache',
      '.roundup-manifest.json',
      'articles.csv',
      'briefing.pdf',
      'comparison.csv',
      'datapackage.json',
      'figures.csv',
      'initiatives.csv',
      'localities.csv',
      'measures.csv',
      'paragraphs.csv',
      'programme_regions.csv',
      'programmes.csv',
      'rejects.csv',
      'roundup_regions.csv',
      'sections.csv',
    ]);
  });

  it('gives every table its schema columns in order', () => {
    for (const name of ['articles', 'paragraphs', 'sections', 'figures', 'localities', 'initiatives', 'measures', 'roundup_regions', 'rejects'] as const) {
      expect(csvHeader(join(out, `${name}.csv`))).toEqual(columnsOf(TABLES[name]));
    }
    const fixed = columnsOf(TABLES.comparison);
    expect(csvHeader(join(out, 'comparison.csv')).slice(0, fixed.length)).toEqual(fixed);
  });

  it('finds the five regions in order with their printed headings', () => {
    expect(table('sections').map((row) => [row.region, row.region_code, row.region_en, row.heading, row.detected_by])).toEqual([
      ['浙江', '330000', 'Zhejiang', '结合实际 注重实效', 'heading-line'],
      ['河南', '410000', 'Henan', '上下联动 抓实整改', 'heading-line'],
      ['湖南', '430000', 'Hunan', '真刀真枪 解决问题', 'heading-line'],
      ['广西', '450000', 'Guangxi', '明确目标 压实责任', 'heading-line'],
      ['甘肃', '620000', 'Gansu', '即知即改 立行立改', 'heading-line'],
    ]);
  });

  it('describes the article', () => {
    expect(table('articles')).toEqual([
      expect.objectContaining({ article_id: '20191218-06-02', date: '2019-12-18', paragraphs: '29', regions: '浙江;河南;湖南;广西;甘肃' }),
    ]);
  });

  it('numbers paragraphs from 0 and gives the intro and byline no region', () => {
    const paragraphs = table('paragraphs');
    expect(paragraphs).toHaveLength(29);
    expect(paragraphs[0]).toMatchObject({ paragraph: '0', region: '', role: 'intro' });
    expect(paragraphs[1]).toMatchObject({ region: '浙江', role: 'heading', text: '浙江：' });
    expect(paragraphs[28]).toMatchObject({ region: '', role: 'byline' });
  });

  it('normalises figures with their region, unit and qualifier', () => {
    const figures = table('figures');
    const find = (raw: string) => figures.find((figure) => figure.raw === raw);
    expect(find('14亿元')).toMatchObject({ region: '浙江', value: '1400000000', unit: '元', qualifier: 'exact', quantity: 'money', locality: '桐乡市' });
    expect(find('2.7万余次')).toMatchObject({ region: '浙江', value: '27000', unit: '次', qualifier: 'more_than' });
    expect(find('八成以上')).toMatchObject({ region: '甘肃', value: '80', unit: '%', qualifier: 'more_than' });
    expect(find('167座')).toMatchObject({ region: '河南', subject: '城市书房' });
    expect(figures.some((figure) => /15日|第二|七八十|24小时/.test(figure.raw ?? ''))).toBe(false);
  });

  it('resolves places to their province and code, including 江干区 (abolished 2021) and the zones', () => {
    const localities = table('localities');
    const find = (name: string) => localities.find((locality) => locality.name === name);
    expect(find('江干区')).toMatchObject({ province: '浙江', admin_code: '330104', level: 'county' });
    expect(find('郑东新区')).toMatchObject({ province: '河南', level: 'zone' });
    expect(find('钱江世纪城')).toMatchObject({ province: '浙江', level: 'zone' });
    expect(find('城北街道')).toMatchObject({ province: '湖南', level: 'township', admin_code: expect.stringMatching(/^431202/) });
    expect(find('衢江区')).toMatchObject({ province: '浙江', admin_code: '330803' });
  });

  it('lists the named programmes without their quote marks', () => {
    const names = table('initiatives').map((row) => `${row.region}:${row.name}`);
    expect(names).toEqual(expect.arrayContaining(['浙江:最多跑一次', '广西:智慧人社', '河南:千村万户大走访', '甘肃:最多跑一次']));
    expect(names.some((name) => name.endsWith(':小事') || name.endsWith(':一把手'))).toBe(false);
  });

  it('writes one measure per sentence of the regional sections, with domains', () => {
    const measures = table('measures');
    expect(measures.every((measure) => measure.region !== '')).toBe(true);
    const tax = measures.find((measure) => measure.text!.includes('办税“最多跑一次”事项清单'));
    expect(tax).toMatchObject({ region: '甘肃', initiatives: '最多跑一次', figures: '9类;175项;八成以上' });
    expect(tax?.domains?.split(';')).toContain('taxation');
    // `domain` is the main one: the first of the ranked `domains`, empty where there is none.
    expect(measures.every((measure) => measure.domain === (measure.domains ?? '').split(';')[0])).toBe(true);
    expect(measures.filter((measure) => measure.role === 'measure' && measure.domain === '').length).toBeLessThan(
      measures.filter((measure) => measure.role === 'measure').length / 5,
    );
  });

  it('compares the regions with totals that add up from figures.csv', () => {
    const comparison = table('comparison');
    // By measures (甘肃 10, 浙江 8, 广西 6, 湖南 5, 河南 3): one roundup each, so its measures decide.
    expect(comparison.map((row) => row.region)).toEqual(['甘肃', '浙江', '广西', '湖南', '河南']);
    const figures = table('figures');
    for (const row of comparison) {
      const money = figures
        .filter((figure) => figure.region === row.region && figure.quantity === 'money' && figure.unit === '元')
        .reduce((sum, figure) => sum + Number(figure.value), 0);
      expect(Number(row.money_yuan)).toBe(money);
      expect(Number(row.figures)).toBe(figures.filter((figure) => figure.region === row.region).length);
    }
  });

  it('writes an empty rejects.csv with its header', () => {
    expect(table('rejects')).toEqual([]);
  });

  it('renders a briefing whose text gives back the regions, headlines and comparison figures', async () => {
    const pages = await pdfText(join(out, 'briefing.pdf'));
    const text = pages.join('\n');
    for (const row of table('sections')) {
      expect(text).toContain(row.region!);
      expect(text).toContain(row.heading);
    }
    expect(text).toContain('14亿元');
    expect(text).toContain('2.19亿元');
    expect(pages.at(-1)).toContain('浙江、河南、湖南、广西、甘肃');
  });

  it('prints the comparison table with the counts of the CSVs', async () => {
    // Cells of one row in order; how the extractor spaces them depends on the column widths, so spaces are dropped.
    const text = (await pdfText(join(out, 'briefing.pdf'))).join('\n').replace(/\s+/g, '');
    const measures = table('measures');
    for (const row of table('comparison')) {
      // The briefing counts what a region did: sentences coded measure, not results or context.
      const measureCount = measures.filter((measure) => measure.region === row.region && measure.role === 'measure').length;
      // Region, headline, places, measures, figures: one table row, in this order.
      const heading = table('sections').find((section) => section.region === row.region)?.heading ?? '';
      expect(text).toContain(`${row.region}${heading}${row.localities}${measureCount}${row.figures}`.replace(/\s+/g, ''));
    }
  });

  it('prints the appendix counts of the run', async () => {
    const text = (await pdfText(join(out, 'briefing.pdf'))).join('\n');
    const articles = table('articles').length;
    const rejects = table('rejects').length;
    expect(text).toContain(`读取的记录 ${articles + rejects}`);
    expect(text).toContain(`处理的文章 ${articles}`);
    expect(text).toContain(`拒收的记录 ${rejects}`);
    expect(text).toContain('地区行加标题行 5');
  });
});

describe('roundup --lang en --per-article', () => {
  const outEn = join(mkdtempSync(join(tmpdir(), 'roundup-en-')), 'out');
  let result: CliResult;
  beforeAll(async () => {
    result = await runCli(['--out', outEn, '--lang', 'en', '--per-article']);
  });

  it('keeps the table columns and switches the briefing to English with pinyin', async () => {
    expect(result.code).toBe(0);
    expect(csvHeader(join(outEn, 'sections.csv'))).toEqual(columnsOf(TABLES.sections));
    const text = (await pdfText(join(outEn, 'briefing.pdf'))).join('\n');
    for (const label of ['Regional comparison briefing', 'Comparison', 'Appendix: method and data quality', 'Zhejiang', 'Gansu', 'Cangnan County (苍南县)']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('结合实际 注重实效');
  });

  it('writes one briefing per multi-region article', () => {
    expect(existsSync(join(outEn, 'briefings', '20191218-06-02.pdf'))).toBe(true);
  });
});
