import { describe, expect, it } from 'vitest';
import { ARTICLE_TABLES, TABLES, type Article } from '@roundup/model';
import { articleTables, createExtractor, extractArticle, readInputs } from '@roundup/parser';
import { BriefingCollector, formatCsvRows, RegionComparison, tableShape } from '@roundup/reports';
import { articleByteLength, articleChunks, batchOutput } from './batch-output.js';
import { SAMPLE_INPUT } from '../run/pipeline.js';

const extractor = createExtractor();
const sample = async (): Promise<Article> => {
  for await (const record of readInputs([SAMPLE_INPUT])) if (record.kind === 'article') return record.article;
  throw new Error('no sample article');
};
const story: Article = {
  articleId: 'story',
  url: 'http://x/story',
  title: '一则消息',
  date: '2020-02-01',
  source: 'story.json',
  paragraphs: ['本报北京2月1日电  全国已投入资金3亿元，覆盖2000万人。'],
};

describe('batchOutput', () => {
  it('encodes each article’s rows of each table as the whole tables format them, articles in batch order', async () => {
    const articles = [await sample(), story];
    const output = batchOutput(articles, extractor, false);
    const tables = articles.map((article) => articleTables(extractArticle(article, extractor), extractor.gazetteer));
    let offset = 0;
    for (const [index, article] of output.articles.entries()) {
      expect(article.id).toBe(articles[index]!.articleId);
      const chunks = articleChunks(output.bytes, offset, article);
      ARTICLE_TABLES.forEach((table, position) => {
        expect(new TextDecoder().decode(chunks[position])).toBe(formatCsvRows(tables[index]![table], tableShape(TABLES[table])));
        expect(article.rows[position]).toBe(tables[index]![table].length);
      });
      offset += articleByteLength(article);
    }
    expect(offset).toBe(output.bytes.byteLength);
    expect(output.articles.every((article) => article.tables === undefined)).toBe(true);
    expect(batchOutput(articles, extractor, true).articles.map((article) => article.tables)).toEqual(tables);
  });

  it('holds every byte of text in any script: four-byte characters and a lone surrogate fit the buffer sized for the batch', () => {
    const astral: Article = { ...story, articleId: 'astral', paragraphs: ['𠀀𠀁𪚥 投入资金3亿元 \ud800 末尾'] };
    const output = batchOutput([astral, story], extractor, false);
    const tables = [astral, story].map((article) => articleTables(extractArticle(article, extractor), extractor.gazetteer));
    const text = tables.map((table) => ARTICLE_TABLES.map((name) => formatCsvRows(table[name], tableShape(TABLES[name]))).join('')).join('');
    expect(new TextDecoder().decode(output.bytes)).toBe(new TextDecoder().decode(new TextEncoder().encode(text)));
    expect(output.bytes.byteLength).toBe(new TextEncoder().encode(text).byteLength);
  });

  it('gives digests from which the comparison and the briefing tally exactly what the whole tables give', async () => {
    const articles = [await sample(), story];
    const output = batchOutput(articles, extractor, true);
    const fromTables = { comparison: new RegionComparison(extractor.taxonomy.domains), collector: new BriefingCollector() };
    const fromDigests = { comparison: new RegionComparison(extractor.taxonomy.domains), collector: new BriefingCollector() };
    for (const article of output.articles) {
      fromTables.comparison.add(article.tables!);
      fromTables.collector.add(article.tables!);
      fromDigests.comparison.add(article.digest);
      fromDigests.collector.add(article.digest);
    }
    expect(fromDigests.comparison.rows()).toEqual(fromTables.comparison.rows());
    expect(fromDigests.comparison.rows().map((row) => row.region)).toEqual(['甘肃', '浙江', '广西', '湖南', '河南']);
    for (const region of ['浙江', '甘肃']) expect(fromDigests.collector.material(region)).toEqual(fromTables.collector.material(region));
    expect(fromDigests.collector.topSources()).toEqual(fromTables.collector.topSources());
    expect(fromDigests.collector.articleCount).toBe(2);
  });

  it('leaves out of a digest what no region reads: paragraph text and rows outside the sections', async () => {
    const output = batchOutput([await sample(), story], extractor, true);
    const [roundup, national] = output.articles.map((article) => article.digest);
    expect(roundup!.paragraphs.length).toBeGreaterThan(0);
    expect(roundup!.paragraphs.every((row) => row.text === '' && row.region !== '')).toBe(true);
    expect(national!.articles).toHaveLength(1);
    expect(output.articles[1]!.tables!.figures.length).toBeGreaterThan(0);
    expect(national!.figures).toEqual([]);
    expect(national!.paragraphs).toEqual([]);
  });
});

describe('an article extraction fails on', () => {
  it('becomes that article’s failure, with no rows, and the rest of the batch is extracted', () => {
    const failing = { ...story, articleId: 'broken', paragraphs: null as unknown as string[] };
    const output = batchOutput([failing, story], extractor, false);
    expect(output.articles[0]).toMatchObject({
      id: 'broken',
      failure: expect.stringMatching(/^extraction failed on this article: /),
      rows: ARTICLE_TABLES.map(() => 0),
    });
    expect(output.articles[1]!.failure).toBeUndefined();
    expect(output.articles[1]!.rows[0]).toBe(1);
  });
});
