import { describe, expect, it } from 'vitest';
import { ARTICLE_TABLES, TABLES, type Article } from '@roundup/model';
import { articleTables, createExtractor, extractArticle, readInputs } from '@roundup/parser';
import { BriefingCollector, formatCsvRows, RegionComparison, tableShape } from '@roundup/reports';
import { batchOutput } from './batch-output.js';
import { SAMPLE_INPUT } from './pipeline.js';

const extractor = createExtractor();
const sample = async (): Promise<Article> => {
  for await (const record of readInputs([SAMPLE_INPUT])) if (record.kind === 'article') return record.article;
  throw new Error('no sample article');
};
const story: Article = {
  articleId: 'story', url: 'http://x/story', title: '一则消息', date: '2020-02-01', source: 'story.json',
  paragraphs: ['本报北京2月1日电  全国已投入资金3亿元，覆盖2000万人。'],
};

describe('batchOutput', () => {
  it('encodes the same CSV rows the whole tables format to, articles in batch order', async () => {
    const articles = [await sample(), story];
    const output = batchOutput(articles, extractor, false);
    const tables = articles.map((article) => articleTables(extractArticle(article, extractor), extractor.gazetteer));
    for (const table of ARTICLE_TABLES) {
      const rows = tables.flatMap((article): readonly object[] => article[table]);
      expect(new TextDecoder().decode(output.csv[table])).toBe(formatCsvRows(rows, tableShape(TABLES[table])));
      expect(output.rows[table]).toBe(rows.length);
    }
    expect(output.tables).toBeUndefined();
    expect(batchOutput(articles, extractor, true).tables).toEqual(tables);
  });

  it('gives digests from which the comparison and the briefing tally exactly what the whole tables give', async () => {
    const articles = [await sample(), story];
    const output = batchOutput(articles, extractor, true);
    const fromTables = { comparison: new RegionComparison(extractor.taxonomy.domains), collector: new BriefingCollector() };
    const fromDigests = { comparison: new RegionComparison(extractor.taxonomy.domains), collector: new BriefingCollector() };
    for (const [index, tables] of output.tables!.entries()) {
      fromTables.comparison.add(tables);
      fromTables.collector.add(tables);
      fromDigests.comparison.add(output.digests[index]!);
      fromDigests.collector.add(output.digests[index]!);
    }
    expect(fromDigests.comparison.rows()).toEqual(fromTables.comparison.rows());
    expect(fromDigests.comparison.rows().map((row) => row.region)).toEqual(['浙江', '河南', '湖南', '广西', '甘肃']);
    for (const region of ['浙江', '甘肃']) expect(fromDigests.collector.material(region)).toEqual(fromTables.collector.material(region));
    expect(fromDigests.collector.topSources()).toEqual(fromTables.collector.topSources());
    expect(fromDigests.collector.articleCount).toBe(2);
  });

  it('leaves out of a digest what no region reads: paragraph text and rows outside the sections', async () => {
    const output = batchOutput([await sample(), story], extractor, true);
    const [roundup, national] = output.digests;
    expect(roundup!.paragraphs.length).toBeGreaterThan(0);
    expect(roundup!.paragraphs.every((row) => row.text === '' && row.region !== '')).toBe(true);
    expect(national!.articles).toHaveLength(1);
    expect(output.tables![1]!.figures.length).toBeGreaterThan(0);
    expect(national!.figures).toEqual([]);
    expect(national!.paragraphs).toEqual([]);
  });
});
