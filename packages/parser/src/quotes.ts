// Quoted spans in Chinese text: names of programmes and slogans (short, no sentence punctuation) versus quoted speech.

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

/** Opening mark → closing mark, by UTF-16 code unit: paragraphs are scanned character by character. */
const PAIRS = new Map([...Object.entries({ '“': '”', '「': '」', '『': '』', '《': '》', '"': '"' })].map(([open, close]) => [open.charCodeAt(0), close]));
const BOOK_TITLE_OPEN = '《'.charCodeAt(0);
/** Punctuation that ends or splits a sentence: a quotation holding it is speech, not a name. */
const SENTENCE_PUNCTUATION = /[。！？!?；;]/;
export const MAX_NAME_LENGTH = 24;

/** Every quoted span of a paragraph, outermost only, in order. An unclosed quote runs to the paragraph's end. */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const opening = text.charCodeAt(i);
    const close = PAIRS.get(opening);
    if (close === undefined) {
      i += 1;
      continue;
    }
    const closing = text.indexOf(close, i + 1);
    const end = closing === -1 ? text.length : closing + 1;
    const inner = text.slice(i + 1, closing === -1 ? text.length : closing);
    const isTitle = opening === BOOK_TITLE_OPEN;
    spans.push({
      start: i,
      end,
      inner,
      isTitle,
      isName: !isTitle && closing !== -1 && inner.length > 0 && inner.length <= MAX_NAME_LENGTH && !SENTENCE_PUNCTUATION.test(inner),
    });
    i = end;
  }
  return spans;
}

/** True when [start, end) lies inside a quoted name or a book title (numbers there are part of the name). */
export function insideQuotedName(spans: readonly QuotedSpan[], start: number, end: number): boolean {
  return spans.some((span) => (span.isName || span.isTitle) && start > span.start && end < span.end);
}
