import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property runs of a second or two on a quiet machine; a busy one takes several times as long.
vi.setConfig({ testTimeout: 60_000 });
import { itemsBySentence, lastIndexStartingBefore } from './text-order.js';

/** Items in text order, as extractors give them: starts never decrease; lengths from 0. */
const items = fc.array(fc.tuple(fc.nat(5), fc.nat(6)), { maxLength: 40 }).map((steps) => {
  let start = 0;
  return steps.map(([gap, length], id) => ({ id, start: (start += gap), end: start + length }));
});
/** Consecutive sentences from 0, as splitSentences gives them. */
const sentences = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 15 }).map((lengths) => {
  let end = 0;
  return lengths.map((length) => ({ start: end, end: (end += length) }));
});

describe('itemsBySentence', () => {
  it('gives each sentence the items wholly inside it, as filtering every item for it does', () => {
    fc.assert(
      fc.property(items, sentences, (found, spans) => {
        expect(itemsBySentence(found, spans)).toEqual(spans.map((span) => found.filter((item) => item.start >= span.start && item.end <= span.end)));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same for items out of order', () => {
    const found = [
      { start: 5, end: 6 },
      { start: 1, end: 2 },
    ];
    expect(
      itemsBySentence(found, [
        { start: 0, end: 3 },
        { start: 3, end: 8 },
      ]),
    ).toEqual([[{ start: 1, end: 2 }], [{ start: 5, end: 6 }]]);
  });
});

describe('lastIndexStartingBefore', () => {
  it('finds the last item starting before an offset, as a walk back from the end does', () => {
    fc.assert(
      fc.property(items, fc.nat(200), (found, offset) => {
        let walked = -1;
        for (let index = found.length - 1; index >= 0; index--) {
          if (found[index]!.start < offset) {
            walked = index;
            break;
          }
        }
        expect(lastIndexStartingBefore(found, offset)).toBe(walked);
      }),
      { numRuns: 2000 },
    );
  });
});
