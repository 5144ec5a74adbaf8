import { describe, expect, it } from 'vitest';
import { findQuotedSpans, insideQuotedName } from './quotes.js';

describe('findQuotedSpans', () => {
  it('finds names, speech and titles in order, outermost only, with their positions', () => {
    const text = '推行“最多跑一次”改革，他说：“我们‘先行一步’。”并学习《条例》和"1+N"。';
    const spans = findQuotedSpans(text);
    expect(spans.map((span) => [span.inner, span.isName, span.isTitle])).toEqual([
      ['最多跑一次', true, false],
      ['我们‘先行一步’。', false, false],
      ['条例', false, true],
      ['1+N', true, false],
    ]);
    for (const span of spans) expect(text.slice(span.start + 1, span.end - 1)).toBe(span.inner);
  });
  it('runs an unclosed quote to the end of the paragraph, and never takes it for a name', () => {
    expect(findQuotedSpans('开展「暖心行动')).toEqual([{ start: 2, end: 7, inner: '暖心行动', isName: false, isTitle: false }]);
  });
  it('takes an empty or overlong quotation for something other than a name', () => {
    expect(findQuotedSpans('“”与“' + '长'.repeat(25) + '”').map((span) => span.isName)).toEqual([false, false]);
  });
  it('finds the same spans when called again on other text (no state carried between paragraphs)', () => {
    findQuotedSpans('甲“乙”丙“丁');
    expect(findQuotedSpans('“一网通办”').map((span) => span.inner)).toEqual(['一网通办']);
  });
  it('tells figures inside a quoted name from those outside it', () => {
    const spans = findQuotedSpans('“三个一”工程惠及3万人');
    expect(insideQuotedName(spans, 1, 2)).toBe(true);
    expect(insideQuotedName(spans, 9, 10)).toBe(false);
  });
});
