import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingCollector } from '../briefing-data.js';
import { breakableText, programmeNames } from './blocks.js';
import { renderBriefing } from './document.js';
import { singleArticleTitle } from './summary.js';
import { RegionComparison } from '../comparison.js';
import { CONTENT_WIDTH, runningHeader, STYLES } from './page.js';
import { textMeasure } from './fonts.js';

describe('runningHeader', () => {
  it('keeps a short title whole and cuts a long one with an ellipsis', () => {
    expect(runningHeader('区域对比简报 · 浙江、河南')).toBe('区域对比简报 · 浙江、河南');
    const cut = runningHeader(`区域对比简报 · ${'解决好群众最急最忧最盼问题'.repeat(8)}`);
    expect(cut.endsWith('…')).toBe(true);
    expect(textMeasure().width(cut, STYLES.pageHeader.fontSize)).toBeLessThanOrEqual(CONTENT_WIDTH);
    expect(cut.length).toBeGreaterThan(50);
  });
  it('cuts an English title between words, the line filled', () => {
    const title = `Regional comparison briefing · ${'32 regions compared across 30 roundups '.repeat(4).trim()}`;
    const cut = runningHeader(title, 200);
    expect(cut).toMatch(/[a-z0-9]…$/);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    expect(title[cut.length - 1]).toBe(' ');
    expect(textMeasure().width(cut, STYLES.pageHeader.fontSize)).toBeLessThanOrEqual(200);
    expect(textMeasure().width(cut, STYLES.pageHeader.fontSize)).toBeGreaterThan(170);
  });
});

describe('breakableText', () => {
  it('allows a break before an opening quote and after a closing one', () => {
    expect(breakableText('柯桥区由“一把手”率领')).toEqual(['柯桥区由', '“一把手”', '率领']);
  });
  it('never puts a pause or a closing mark at a line start', () => {
    expect(breakableText('开展“集中夜学”，组织“夜话初心”。')).toEqual(['开展', '“集中夜学”，组织', '“夜话初心”。']);
  });
  it('keeps adjacent quoted names breakable between them', () => {
    expect(breakableText('推行“一线工作”“上门代办”等')).toEqual(['推行', '“一线工作”', '“上门代办”', '等']);
  });
});

describe('singleArticleTitle', () => {
  const rows = [
    { region: '河南', region_en: 'Henan' },
    { region: '辽宁', region_en: 'Liaoning' },
    { region: '浙江', region_en: 'Zhejiang' },
  ];
  const source = (title: string) => ({ articleId: 'a', date: '2019-06-20', title, url: '', regions: ['辽宁', '浙江', '河南'], headed: true });
  it('is the headline alone when it already names every region', () => {
    expect(singleArticleTitle(source('辽宁、浙江、河南扎实开展主题教育（守初心）'), rows, 'zh')).toBe('辽宁、浙江、河南扎实开展主题教育');
  });
  it('puts the regions before the theme in the order the article presents them, not the table’s', () => {
    expect(singleArticleTitle(source('解决群众最急最忧最盼问题'), rows, 'zh')).toBe('辽宁、浙江、河南：解决群众最急最忧最盼问题');
    expect(singleArticleTitle(source('解决群众最急最忧最盼问题'), rows, 'en')).toBe('Liaoning, Zhejiang, Henan: 解决群众最急最忧最盼问题');
  });
  it('names the units of a unit roundup, not their provinces', () => {
    const universities = { ...source('今年寒假怎么过'), regions: ['北京', '陕西'] };
    expect(singleArticleTitle(universities, rows, 'zh', ['北京交通大学', '西安交通大学', '陕西师范大学'])).toBe(
      '北京交通大学、西安交通大学、陕西师范大学：今年寒假怎么过',
    );
    expect(singleArticleTitle(source('解决群众最急最忧最盼问题'), rows, 'zh', ['辽宁', '浙江', '河南'])).toBe('辽宁、浙江、河南：解决群众最急最忧最盼问题');
  });
});

describe('programmeNames', () => {
  it('keeps each name that fits the column whole, so lines break between names', () => {
    const pieces = (programmeNames(['包乡走村', '最多跑一次'], 80) as { text: Array<{ text: string; noWrap?: boolean }> }).text;
    expect(pieces).toEqual([{ text: '“包乡走村”', noWrap: true }, { text: ' ' }, { text: '“最多跑一次”', noWrap: true }]);
  });
  it('lets a name too long for the column break, rather than run out of its cell', () => {
    const [piece] = (programmeNames(['一个非常非常长的项目名称超出列宽'], 80) as { text: Array<{ noWrap?: boolean }> }).text;
    expect(piece?.noWrap).toBeUndefined();
  });
});

describe('renderBriefing', () => {
  it('writes a valid PDF for a run that found no regions', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roundup-briefing-')), 'briefing.pdf');
    await renderBriefing(
      {
        collector: new BriefingCollector(),
        comparison: new RegionComparison([{ id: 'culture', zh: '文化', en: 'Culture' }]),
        run: { recordsRead: 2, articles: 0, rejects: 2, rejectReasons: { 'malformed JSON': 2 }, scope: 'roundups' },
        taxonomy: [{ id: 'culture', zh: '文化', en: 'Culture', strong: ['文化'] }],
        language: 'en',
        generatedAt: new Date('2026-01-01T00:00:00Z'),
      },
      file,
    );
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toContain('%%EOF');
    // Lays out a whole document (fonts, the word dictionary): seconds on a shared machine.
  }, 60_000);
});
