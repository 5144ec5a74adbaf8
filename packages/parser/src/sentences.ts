// Sentences of a paragraph: the unit a measure is, and the context stored with each figure and programme. Their
// boundaries are found once per paragraph and looked up, so that the cost stays linear in the paragraph's length
// however many figures it holds (a walk from each figure to its sentence's ends took minutes on a paragraph of a
// million characters without a full stop).
import { codeUnitSet } from './text.js';

/**
 * The longest sentence stored whole, in characters (UTF-16 code units). A longer "sentence" (a table flattened into
 * text, a communiqué pasted without full stops) is stored as an excerpt: see `ParagraphSentences.around` and
 * `splitSentences`. The longest sentence in three months of People's Daily has 436 characters.
 */
export const MAX_SENTENCE_CHARACTERS = 500;
/** How far an excerpt of an over-long sentence reaches on either side of its figure or programme. */
export const EXCERPT_REACH = 50;

const isSentenceEnd = codeUnitSet('。！？!?；;');
/** Where a clause ends inside a sentence: an excerpt starts and stops at one where it can. */
const isClauseEnd = codeUnitSet('，、：,:');

/** The positions of one set of characters in a text, in order, for lookups by binary search. */
export class MarkPositions {
  private readonly positions: Int32Array;

  constructor(text: string, isMark: (unit: number) => boolean) {
    const found: number[] = [];
    for (let index = 0; index < text.length; index++) if (isMark(text.charCodeAt(index))) found.push(index);
    this.positions = Int32Array.from(found);
  }

  /** The last position before `at`, or -1 when none. */
  lastBefore(at: number): number {
    const index = this.countBefore(at) - 1;
    return index >= 0 ? this.positions[index]! : -1;
  }

  /** The first position at or after `at`, or -1 when none. */
  firstFrom(at: number): number {
    const index = this.countBefore(at);
    return index < this.positions.length ? this.positions[index]! : -1;
  }

  /** How many positions lie before `at`. */
  private countBefore(at: number): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle]! < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** A paragraph's sentence ends and clause marks, each found on first use and then looked up. */
export class ParagraphSentences {
  private sentenceEnds: MarkPositions | undefined;
  private clauseEnds: MarkPositions | undefined;

  constructor(readonly text: string) {}

  /**
   * The sentence around [start, end): from after the previous 。！？； to the next one included. A sentence longer than
   * `MAX_SENTENCE_CHARACTERS` is cut to the text within `EXCERPT_REACH` characters on either side of [start, end),
   * starting after a clause mark (，、：) and stopping after one where that stretch holds one: whole clauses where
   * the text has them, a verbatim excerpt either way.
   */
  around(start: number, end: number): string {
    const ends = (this.sentenceEnds ??= new MarkPositions(this.text, isSentenceEnd));
    const from = ends.lastBefore(start) + 1;
    const next = ends.firstFrom(end);
    const to = next === -1 ? this.text.length : next + 1;
    if (to - from <= MAX_SENTENCE_CHARACTERS) return this.text.slice(from, to);
    const clauses = (this.clauseEnds ??= new MarkPositions(this.text, isClauseEnd));
    let excerptFrom = Math.max(from, start - EXCERPT_REACH);
    let excerptTo = Math.min(to, end + EXCERPT_REACH);
    if (excerptFrom > from) {
      const mark = clauses.firstFrom(excerptFrom);
      if (mark !== -1 && mark < start) excerptFrom = mark + 1;
    }
    if (excerptTo < to) {
      const mark = clauses.lastBefore(excerptTo);
      if (mark >= end) excerptTo = mark + 1;
    }
    return this.text.slice(wholeCharacterStart(this.text, excerptFrom), wholeCharacterEnd(this.text, excerptTo));
  }
}

export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Splits after 。！？； and ……, keeping a closing quote or bracket with the sentence it closes. A sentence longer than
 * `MAX_SENTENCE_CHARACTERS` is split further, after the last clause mark (，、：) of each stretch of that length, or at
 * the length where the stretch holds none: every character of the paragraph stays in exactly one sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const add = (start: number, end: number) => {
    for (const [from, to] of pieces(text, start, end)) {
      const sentence = text.slice(from, to).trim();
      if (sentence) sentences.push({ index: sentences.length, start: from, end: to, text: sentence });
    }
  };
  const boundary = /(?:[。！？!?；;]|……)[”’」』）)]*/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    add(start, end);
    start = end;
  }
  add(start, text.length);
  return sentences;
}

/** [start, end) as pieces of at most `MAX_SENTENCE_CHARACTERS`, each ending after a clause mark where it can. */
function pieces(text: string, start: number, end: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let from = start;
  while (end - from > MAX_SENTENCE_CHARACTERS) {
    const limit = from + MAX_SENTENCE_CHARACTERS;
    let cut = limit;
    while (cut > from && !isClauseEnd(text.charCodeAt(cut - 1))) cut -= 1;
    if (cut === from) cut = wholeCharacterEnd(text, limit);
    found.push([from, cut]);
    from = cut;
  }
  found.push([from, end]);
  return found;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** `at`, or the position after it where `at` falls inside a surrogate pair: an excerpt never starts with half a character. */
function wholeCharacterStart(text: string, at: number): number {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at + 1 : at;
}

/** `at`, or the position before it where `at` falls inside a surrogate pair: an excerpt never ends with half a character. */
function wholeCharacterEnd(text: string, at: number): number {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}
