// Lookups over what was found in a paragraph, in text order: the items of each sentence, the last item before an
// offset. One sweep or a binary search serves a paragraph's every sentence or figure, where a walk over all items for
// each cost the items times the sentences (minutes on a long paragraph of many figures).

interface Spanned {
  start: number;
  end: number;
}

/** The index of the last item starting before `at` (-1 when none), in items ordered by where they start. */
export function lastIndexStartingBefore(items: readonly { start: number }[], at: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.start < at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * For each sentence (consecutive spans, in order), the items lying wholly inside it, in their order. Items come in text
 * order (by start) from every extractor; should they not, each sentence filters them all, with the same result.
 */
export function itemsBySentence<T extends Spanned>(items: readonly T[], sentences: readonly Spanned[]): T[][] {
  const inside = (item: T, sentence: Spanned) => item.start >= sentence.start && item.end <= sentence.end;
  if (!startsInOrder(items)) return sentences.map((sentence) => items.filter((item) => inside(item, sentence)));
  const grouped: T[][] = [];
  let first = 0;
  for (const sentence of sentences) {
    while (first < items.length && items[first]!.start < sentence.start) first += 1;
    const found: T[] = [];
    for (let index = first; index < items.length && items[index]!.start <= sentence.end; index++)
      if (inside(items[index]!, sentence)) found.push(items[index]!);
    grouped.push(found);
  }
  return grouped;
}

function startsInOrder(items: readonly Spanned[]): boolean {
  for (let index = 1; index < items.length; index++) if (items[index]!.start < items[index - 1]!.start) return false;
  return true;
}
