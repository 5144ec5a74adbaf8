import { describe, expect, it } from 'vitest';
import type { ArticleTables, MeasureRow, SectionRow } from '@roundup/model';
import { BriefingCollector } from '../briefing-data.js';
import { RegionComparison } from '../comparison.js';
import { briefingDocument } from './document.js';
import { keyedByUnit } from './unit-roundup.js';

const UNITS = [
  { unit: '清华大学', region: '北京', code: '110000', en: 'Beijing' },
  { unit: '北京大学', region: '北京', code: '110000', en: 'Beijing' },
  { unit: '电子科技大学', region: '四川', code: '510000', en: 'Sichuan' },
  { unit: '国家发展改革委', region: '', code: '', en: '' },
];
const TITLE = '立足岗位 共克时艰';

/** A roundup of four units, two of them in 北京 and one without a province, two paragraphs and a measure each. */
function unitRoundup(): ArticleTables {
  const sections: SectionRow[] = UNITS.map((entry, index) => ({
    article_id: 'a',
    section: index,
    region: entry.region,
    region_code: entry.code,
    region_en: entry.en,
    heading: `标题${index}`,
    paragraph_from: 2 * index,
    paragraph_to: 2 * index + 1,
    detected_by: 'heading-name',
    unit: entry.unit,
    unit_type: entry.unit.endsWith('大学') ? 'university' : 'central-body',
  }));
  const measures: MeasureRow[] = UNITS.flatMap((entry, index) =>
    [0, 1].map((offset) => ({
      article_id: 'a',
      region: entry.region,
      paragraph: 2 * index + offset,
      sentence_index: 0,
      locality: '',
      domain: '',
      domains: '',
      initiatives: '',
      figures: '',
      text: `${entry.unit}开展线上教学第${offset}项`,
      role: 'measure' as const,
      instrument: 'supply' as const,
    })),
  );
  return {
    articles: [
      {
        article_id: 'a',
        date: '2020-05-12',
        title: TITLE,
        url: '',
        source: 'test',
        paragraphs: 8,
        characters: 100,
        regions: '北京;四川',
        kind: 'roundup',
        kind_evidence: 'headings',
      },
    ],
    paragraphs: UNITS.flatMap((entry, index) =>
      [0, 1].map((offset) => ({ article_id: 'a', paragraph: 2 * index + offset, region: entry.region, role: 'body' as const, text: '', unit: entry.unit })),
    ),
    sections,
    figures: [],
    localities: [],
    initiatives: [],
    measures,
  } as ArticleTables;
}

/** Every string of a pdfmake content tree, in order. */
function textsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node)
    .filter(([key]) => ['text', 'stack', 'ul', 'table', 'body', 'content'].includes(key))
    .flatMap(([, value]) => textsOf(value));
}

function briefingOf(tables: ArticleTables, language: 'zh' | 'en') {
  const collector = new BriefingCollector();
  const comparison = new RegionComparison([{ id: 'education', zh: '教育', en: 'Education' }]);
  collector.add(tables);
  comparison.add(tables);
  return briefingDocument({
    collector,
    comparison,
    language,
    generatedAt: new Date('2026-01-01T00:00:00Z'),
    run: { recordsRead: 1, articles: 1, rejects: 0, rejectReasons: {}, scope: 'roundups' },
    taxonomy: [{ id: 'education', zh: '教育', en: 'Education', strong: ['教学'] }],
  });
}

describe('keyedByUnit', () => {
  it('keys every row by the unit of its paragraph’s section, two units of one province apart', () => {
    const { tables, units } = keyedByUnit(unitRoundup(), 'zh');
    expect(tables.measures.map((row) => row.region)).toEqual([
      '清华大学',
      '清华大学',
      '北京大学',
      '北京大学',
      '电子科技大学',
      '电子科技大学',
      '国家发展改革委',
      '国家发展改革委',
    ]);
    expect(units.get('北京大学')).toEqual({ unit: '北京大学', type: 'university', province: '北京', provinceEn: 'Beijing' });
  });
});

describe('a unit roundup’s briefing', () => {
  it('names every unit in the comparison and gives each its own chapter, under the article’s own title, counted as units', () => {
    const document = briefingOf(unitRoundup(), 'zh');
    const texts = textsOf(document.content).join('\n');
    for (const { unit } of UNITS) {
      expect(texts).toContain(`${unit}\n`);
      expect(texts).toMatch(new RegExp(`${unit} · (高校|中央单位)`));
    }
    expect(texts).toContain('高校 · 北京');
    expect(texts).toContain('本简报比较4个单位');
    expect(document.info?.title).toBe(TITLE);
    // Breaks every line of a whole document with the word dictionary (loaded on first use): seconds on a shared machine.
  }, 60_000);
  it('keeps a corpus comparing provinces', () => {
    const second = { ...unitRoundup(), articles: [{ ...unitRoundup().articles[0]!, article_id: 'b' }] };
    const collector = new BriefingCollector();
    collector.add(unitRoundup());
    collector.add(second);
    expect(collector.unitRoundup).toBeUndefined();
  });
});
