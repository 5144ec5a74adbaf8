import { describe, expect, it } from 'vitest';
import { ARTICLE_TABLES, type ArticleTables } from '@roundup/model';
import { joinDigests, splitDigests } from './digest-parts.js';

/** Digests whose rows are numbered objects: `counts` rows of figures and measures per article. */
function digests(counts: number[]): ArticleTables[] {
  return counts.map((count, article) => {
    const tables = Object.fromEntries(ARTICLE_TABLES.map((table) => [table, []])) as unknown as Record<string, object[]>;
    tables.figures = Array.from({ length: count }, (_, index) => ({ article, figure: index }));
    tables.measures = Array.from({ length: 2 * count }, (_, index) => ({ article, measure: index }));
    tables.articles = [{ article }];
    return tables as unknown as ArticleTables;
  });
}

describe('splitDigests and joinDigests', () => {
  it.each([
    [[0, 3, 10], 4],
    [[25, 0, 7], 5],
    [[8], 8],
    [[9], 3],
  ])('give back the digests of articles with %j rows in parts of %i', (counts, partRows) => {
    const whole = digests(counts);
    const { parts, rest } = splitDigests(whole, partRows);
    expect(parts.every((part) => part.rows.length === partRows)).toBe(true);
    for (const digest of rest) for (const table of ARTICLE_TABLES) expect(digest[table].length).toBeLessThanOrEqual(partRows);
    expect(joinDigests(parts, rest)).toEqual(whole);
  });

  it('leaves digests within the part size whole, in no part', () => {
    const whole = digests([2, 3]);
    const { parts, rest } = splitDigests(whole, 6);
    expect(parts).toEqual([]);
    expect(rest).toEqual(whole);
  });

  it('splits the largest table into parts of the given size, in order', () => {
    const { parts } = splitDigests(digests([5]), 4);
    expect(parts.map((part) => [part.table, part.rows.length])).toEqual([
      ['figures', 4],
      ['measures', 4],
      ['measures', 4],
    ]);
  });
});
