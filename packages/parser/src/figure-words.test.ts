import { describe, expect, it } from 'vitest';
import { extractFigures, loadFigureRules } from './figures.js';

const rules = loadFigureRules();
const figures = (text: string) => extractFigures(text, 0, rules).map(({ raw, subject }) => [raw, subject]);

describe('figure subjects name what is counted', () => {
  it.each([
    ['an approximator before the number', '去年，国内旅游收入近500亿元。', [['500亿元', '国内旅游收入']]],
    ['an adverb alone', '各村已陆续发放300万元。', [['300万元', '']]],
    [
      'a range word after the unit',
      '每户补贴1000元至3000元不等。',
      [
        ['1000元', '每户补贴'],
        ['3000元', ''],
      ],
    ],
    ['a verb of earning', '如今一个棚能赚近3万元。', [['3万元', '']]],
    [
      'a change rather than a thing',
      '销售额同比分别增长12%和15%。',
      [
        ['12%', ''],
        ['15%', ''],
      ],
    ],
  ])('leaves no subject of %s', (_kind, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
  it('keeps a noun phrase that is one', () => {
    expect(figures('办好惠民实事2451件，')).toEqual([['2451件', '惠民实事']]);
  });
});

describe('numbers that are not figures of what was done', () => {
  it.each([
    ['a place name of a numeral and a measure word', '在五道口、三里屯和西五道巷设立服务点'],
    ['a span looked back over', '70年来，新中国发生了翻天覆地的变化。'],
    ['a span looked back over, with 以来', '5年以来，全县面貌一新。'],
  ])('ignores %s', (_kind, text) => {
    expect(figures(text)).toEqual([]);
  });
  it('still counts a numeral and the same measure word before other words', () => {
    expect(figures('经过三道工序，走访三家企业')).toEqual([
      ['三道', '工序'],
      ['三家', '企业'],
    ]);
  });
});
