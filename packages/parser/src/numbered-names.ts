// Names quoted somewhere in an article that hold a number (“温暖十条”): where one is repeated without quotes (a
// heading 温暖十条), its numbers are still part of a name, not figures.
import type { Figure } from '@roundup/model';
import { NameTrie } from './name-trie.js';
import type { QuotedSpan } from './quotes.js';

const NUMBERED_NAME = /[0-9一二两三四五六七八九十百千万]/;
/**
 * Up to this many names, a paragraph is searched for each in turn; beyond, for all at once through a trie, so that an
 * article quoting thousands of names costs no more than one quoting a few (a search per name is the names times the text).
 */
const NAMES_SEARCHED_ONE_BY_ONE = 8;

export class NumberedNames {
  private trie: NameTrie<true> | undefined;

  private constructor(private readonly names: readonly string[]) {}

  /** The distinct quoted names with a number among an article's quoted spans (a paragraph's spans each). */
  static of(quotedSpans: ReadonlyArray<readonly QuotedSpan[]>): NumberedNames {
    const names = new Set<string>();
    for (const spans of quotedSpans) for (const span of spans) if (span.isName && NUMBERED_NAME.test(span.inner)) names.add(span.inner);
    return new NumberedNames([...names]);
  }

  /** The figures of a paragraph not inside an occurrence of one of the names, in their order. */
  figuresOutside(found: Figure[], text: string): Figure[] {
    if (found.length === 0 || this.names.length === 0) return found;
    const occurrences = this.occurrencesIn(text);
    if (occurrences.length === 0) return found;
    occurrences.sort((a, b) => a[0] - b[0]);
    // A figure lies inside an occurrence when one opening at or before it reaches at least its end: the furthest
    // reach of the occurrences opened so far answers that for every figure with one binary search.
    const reach = new Int32Array(occurrences.length);
    let furthest = -1;
    for (let index = 0; index < occurrences.length; index++) reach[index] = furthest = Math.max(furthest, occurrences[index]![1]);
    return found.filter((figure) => {
      const last = lastOpeningAtOrBefore(occurrences, figure.start);
      return last === -1 || reach[last]! < figure.end;
    });
  }

  /** Every occurrence [from, to) of every name in the text, overlapping ones included. */
  private occurrencesIn(text: string): Array<[number, number]> {
    const occurrences: Array<[number, number]> = [];
    if (this.names.length <= NAMES_SEARCHED_ONE_BY_ONE) {
      for (const name of this.names) for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) occurrences.push([at, at + name.length]);
      return occurrences;
    }
    this.trie ??= NameTrie.build(this.names.map((name) => [name, true] as const));
    for (const start of this.trie.possibleStarts(text)) for (const [end] of this.trie.namesAt(text, start)) occurrences.push([start, end]);
    return occurrences;
  }
}

/** The index of the last occurrence opening at or before `at` (-1 when none), in occurrences ordered by opening. */
function lastOpeningAtOrBefore(occurrences: ReadonlyArray<readonly [number, number]>, at: number): number {
  let low = 0;
  let high = occurrences.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (occurrences[middle]![0] <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
