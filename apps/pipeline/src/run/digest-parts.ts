// A batch's digests sent between threads in parts: a long regional article's are 100,000s of rows, and one message of
// them all is cloned whole on one side before the other side can start on it.
import type { ArticleTables } from '@roundup/model';

/** Rows of one digest table of one article of a batch, in order. */
export interface DigestPart {
  article: number;
  table: keyof ArticleTables;
  rows: object[];
}

/** The most rows of one table sent in one part: large enough that small batches go in one message. */
export const DIGEST_PART_ROWS = 20_000;

/**
 * Splits the digests into parts of at most `partRows` rows and what is left: each table's last rows, in digests of the
 * same shape. `joinDigests` of the parts (in order) and the rest gives the digests back.
 */
export function splitDigests(digests: readonly ArticleTables[], partRows = DIGEST_PART_ROWS): { parts: DigestPart[]; rest: ArticleTables[] } {
  const parts: DigestPart[] = [];
  const rest = digests.map((digest, article) => {
    const left = { ...digest };
    for (const table of Object.keys(digest) as Array<keyof ArticleTables>) {
      const rows = digest[table] as object[];
      if (rows.length <= partRows) continue;
      let from = 0;
      for (; rows.length - from > partRows; from += partRows) parts.push({ article, table, rows: rows.slice(from, from + partRows) });
      (left as Record<keyof ArticleTables, object[]>)[table] = rows.slice(from);
    }
    return left;
  });
  return { parts, rest };
}

/** The digests from their parts, in the order they were split, and what was left of each. */
export function joinDigests(parts: readonly DigestPart[], rest: readonly ArticleTables[]): ArticleTables[] {
  if (parts.length === 0) return [...rest];
  const heads: Array<Partial<Record<keyof ArticleTables, object[][]>>> = rest.map(() => ({}));
  for (const { article, table, rows } of parts) (heads[article]![table] ??= []).push(rows);
  return rest.map((digest, article) => {
    const joined = { ...digest } as Record<keyof ArticleTables, object[]>;
    for (const [table, lists] of Object.entries(heads[article]!) as Array<[keyof ArticleTables, object[][]]>) {
      joined[table] = lists.flat().concat(digest[table]);
    }
    return joined as unknown as ArticleTables;
  });
}
