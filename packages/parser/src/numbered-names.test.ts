import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property runs of a second or two on a quiet machine; a busy one takes several times as long.
vi.setConfig({ testTimeout: 60_000 });
import { createExtractor } from './extract.js';
import { extractFigures } from './figures.js';
import { NumberedNames } from './numbered-names.js';
import { findQuotedSpans } from './quotes.js';

const { figureRules } = createExtractor();

describe('NumberedNames', () => {
  it('leaves out the figures inside an unquoted repetition of a quoted numbered name', () => {
    const quoted = '出台“温暖十条”措施。';
    const heading = '温暖十条落地见效，惠及3万户';
    const names = NumberedNames.of([findQuotedSpans(quoted), findQuotedSpans(heading)]);
    expect(names.figuresOutside(extractFigures(heading, 1, figureRules), heading).map((figure) => figure.raw)).toEqual(['3万户']);
  });

  it('finds the same figures with a few names, searched one by one, as with many, searched through a trie', () => {
    const name = fc.tuple(fc.constantFrom('惠民', '暖心', '十', '三'), fc.nat(30)).map(([word, number]) => `${word}${number}条`);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(40), { maxLength: 30 }), (names, counts) => {
        const text = names.map((quoted, index) => `${quoted}${counts[index] ?? 3}项，`).join('');
        const figures = extractFigures(text, 0, figureRules);
        const naive = figures.filter(
          (figure) =>
            !names.some((quoted) => {
              for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + 1))
                if (at <= figure.start && figure.end <= at + quoted.length) return true;
              return false;
            }),
        );
        const spans = [findQuotedSpans(names.map((quoted) => `“${quoted}”`).join(''))];
        expect(NumberedNames.of(spans).figuresOutside(figures, text)).toEqual(naive);
      }),
      { numRuns: 300 },
    );
  });
});
