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
  const bySentence = new SentenceItems(items);
  return sentences.map((sentence) => bySentence.of(sentence));
}

/**
 * `itemsBySentence` one sentence at a time, for sentences asked for in order: each sentence's list is made when it is
 * used and is garbage soon after, where every sentence's lists made at once (four for each of 141,000 sentences in one
 * paragraph) lived long enough to be copied by the collector.
 */
export class SentenceItems<T extends Spanned> {
  private first = 0;
  private readonly inOrder: boolean;

  constructor(private readonly items: readonly T[]) {
    this.inOrder = startsInOrder(items);
  }

  /** The items wholly inside `sentence`, which starts at or after the sentence asked for before. */
  of(sentence: Spanned): T[] {
    const items = this.items;
    if (!this.inOrder) return items.filter((item) => isInside(item, sentence));
    while (this.first < items.length && items[this.first]!.start < sentence.start) this.first += 1;
    const found: T[] = [];
    for (let index = this.first; index < items.length && items[index]!.start <= sentence.end; index++)
      if (isInside(items[index]!, sentence)) found.push(items[index]!);
    return found;
  }
}

function isInside(item: Spanned, sentence: Spanned): boolean {
  return item.start >= sentence.start && item.end <= sentence.end;
}

function startsInOrder(items: readonly Spanned[]): boolean {
  for (let index = 1; index < items.length; index++) if (items[index]!.start < items[index - 1]!.start) return false;
  return true;
}
