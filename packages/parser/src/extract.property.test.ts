// Property tests: the extractors never throw, and everything they report points back into the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleTables, createExtractor, extractArticle } from './extract.js';
import { extractFigures } from './figures.js';
import { extractInitiatives } from './initiatives.js';
import { matchPlaceNames } from './places.js';
import { splitParagraphs } from './text.js';

const extractor = createExtractor();

/** Text built from the pieces that make extraction hard: numerals, multipliers, units, quotes, places, odd spaces. */
const pieces = fc.constantFrom(
  '0',
  '7',
  '2.7',
  '１２',
  '，',
  '.',
  '一',
  '两',
  '十',
  '百',
  '千',
  '万',
  '亿',
  '余',
  '多',
  '近',
  '约',
  '以上',
  '左右',
  '成',
  '%',
  '元',
  '万元',
  '人',
  '名',
  '户',
  '次',
  '个',
  '项',
  '类',
  '大',
  '天',
  '年',
  '月',
  '日',
  '第',
  '“',
  '”',
  '《',
  '》',
  '：',
  '。',
  '；',
  '浙江',
  '浙江：',
  '杭州市',
  '江干区',
  '城北街道',
  '石灰窑村',
  '开发区',
  '本报记者',
  '（',
  '）',
  '\u3000',
  '\u00A0',
  '\u200B',
  '&amp;',
  '<b>',
  '\r\n',
  '\n',
  'G',
  '-',
  '＝',
);
const adversarialText = fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(adversarialText, fc.string({ maxLength: 200, unit: 'binary' }));

describe('extractors on arbitrary and adversarial text', () => {
  it('finds figures whose raw text is at their position and whose value is finite', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const figure of extractFigures(text, 0, extractor.figureRules)) {
          expect(text.slice(figure.start, figure.end)).toBe(figure.raw);
          expect(Number.isFinite(figure.value)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds places and programmes at their positions', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const match of matchPlaceNames(text, 0, extractor.gazetteer)) expect(text.slice(match.start, match.end)).toBe(match.name);
        for (const initiative of extractInitiatives(text, 0, extractor.initiativeCues))
          expect(text.slice(initiative.start, initiative.end).trim()).toBe(initiative.name);
      }),
      { numRuns: 2000 },
    );
  });

  it('extracts whole articles without throwing, every table row pointing into its paragraph', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 12 }), anyText, (texts, title) => {
        const paragraphs = splitParagraphs(texts.join('\n'));
        const article = { articleId: 'x', date: '2020-01-01', title, url: '', source: 'test', paragraphs };
        const extraction = extractArticle(article, extractor);
        const tables = articleTables(extraction, extractor.gazetteer);
        expect(tables.paragraphs).toHaveLength(paragraphs.length);
        // Each paragraph keeps its text as read: extraction reuses what it found in the article's paragraphs.
        for (const info of extraction.paragraphs) expect(info.text).toBe(paragraphs[info.index]);
        for (const figure of tables.figures) {
          expect(paragraphs[figure.paragraph]!.slice(figure.start, figure.end)).toBe(figure.raw);
          expect(Number.isFinite(figure.value)).toBe(true);
        }
        for (const section of tables.sections) expect(section.paragraph_from).toBeLessThanOrEqual(section.paragraph_to);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a very long paragraph linear enough to finish', () => {
    const paragraph = '浙江杭州市江干区开展活动，投入资金2.19亿元，惠及1.5万户“最多跑一次”。'.repeat(20_000);
    const figures = extractFigures(paragraph, 0, extractor.figureRules);
    expect(figures).toHaveLength(40_000);
  }, 60_000);
});
