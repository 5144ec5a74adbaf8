// Sentences of a paragraph: the unit a measure is.

export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Splits after 。！？； and ……, keeping a closing quote or bracket with the sentence it closes. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const boundary = /(?:[。！？!?；;]|……)[”’」』）)]*/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim()) sentences.push({ index: sentences.length, start, end, text: text.slice(start, end).trim() });
    start = end;
  }
  if (text.slice(start).trim()) sentences.push({ index: sentences.length, start, end: text.length, text: text.slice(start).trim() });
  return sentences;
}
