// Quoted spans in Chinese text: names of programmes and slogans (short, no sentence punctuation) versus quoted speech.
import { lastIndexStartingBefore } from './text-order.js';

export interface QuotedSpan {
  /** Index of the opening quote mark. */
  start: number;
  /** Index just past the closing quote mark. */
  end: number;
  inner: string;
  /** A name or slogan (`“最多跑一次”`), as opposed to a quoted sentence somebody said. */
  isName: boolean;
  /** A book or document title in 《》. */
  isTitle: boolean;
}

/** Opening mark → closing mark. */
const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》', '"': '"' };
/** Any opening mark: the scan jumps from one to the next (a lookup per character cost more than the rest of this file). */
const OPENING_MARK = new RegExp(`[${Object.keys(PAIRS).join('')}]`, 'g');
/** Punctuation that ends or splits a sentence: a quotation holding it is speech, not a name. */
const SENTENCE_PUNCTUATION = /[。！？!?；;]/;
export const MAX_NAME_LENGTH = 24;

/** Every quoted span of a paragraph, outermost only, in order. An unclosed quote runs to the paragraph's end. */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  OPENING_MARK.lastIndex = 0;
  for (let found = OPENING_MARK.exec(text); found !== null; found = OPENING_MARK.exec(text)) {
    const start = found.index;
    const opening = found[0];
    const closing = text.indexOf(PAIRS[opening]!, start + 1);
    const end = closing === -1 ? text.length : closing + 1;
    const inner = text.slice(start + 1, closing === -1 ? text.length : closing);
    const isTitle = opening === '《';
    spans.push({
      start,
      end,
      inner,
      isTitle,
      isName: !isTitle && closing !== -1 && inner.length > 0 && inner.length <= MAX_NAME_LENGTH && !SENTENCE_PUNCTUATION.test(inner),
    });
    OPENING_MARK.lastIndex = end;
  }
  return spans;
}

/**
 * True when [start, end) lies inside a quoted name or a book title (numbers there are part of the name). The spans are
 * `findQuotedSpans`'s, in order and apart, so only the last one opening before `start` can hold it: one binary search,
 * not a walk over every span for every figure.
 */
export function insideQuotedName(spans: readonly QuotedSpan[], start: number, end: number): boolean {
  const span = spans[lastIndexStartingBefore(spans, start)];
  return span !== undefined && (span.isName || span.isTitle) && start > span.start && end < span.end;
}
