// How `pnpm eval` prints a score, in one place for every report.
/**
 * A share as `pnpm eval` prints it, three decimals wide: n/a where there was nothing to score (a gold set that does
 * not annotate figures has 0 of 0 right, which is no evidence of 1.000).
 */
export function score(hits: number, total: number): string {
  return total === 0 ? '  n/a' : (hits / total).toFixed(3);
}

/** A score and the counts it is drawn from (`29/30`): the value and counts columns of every report. */
export function scoreWithCounts(hits: number, total: number): [value: string, counts: string] {
  return [score(hits, total), `${hits}/${total}`];
}
