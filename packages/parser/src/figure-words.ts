// Word rules of figures kept apart from the scanner: what a subject may not start or end with, and numbers that are
// part of a place name (五道口). Their words are data (data/units.json: subjectTrim, nameNumbers).
import { z } from 'zod';

export const SubjectTrimTable = z.object({ leading: z.array(z.string()), trailing: z.array(z.string()) });
export const NameNumbersTable = z.object({ words: z.array(z.string()), after: z.array(z.string()) });

export interface SubjectTrim {
  /** Adverbs cut from a subject's start, longest first. */
  leading: string[];
  /** Particles, prepositions and approximators cut from its end, longest first. */
  trailing: string[];
}

export interface NameNumbers {
  words: Set<string>;
  after: Set<string>;
}

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** The trim lists; approximators written before a number (近, 约, 超过) also end no subject. */
export function subjectTrim(table: z.infer<typeof SubjectTrimTable>, approximators: readonly string[]): SubjectTrim {
  return { leading: longestFirst(table.leading), trailing: longestFirst([...table.trailing, ...approximators]) };
}

export function nameNumbers(table: z.infer<typeof NameNumbersTable>): NameNumbers {
  return { words: new Set(table.words), after: new Set(table.after) };
}

/** Cuts adverbs from the start and particles from the end until none is left (已陆续 → ''; 旅游收入近 → 旅游收入). */
export function trimSubject(subject: string, trim: SubjectTrim): string {
  let text = subject;
  let previous: string;
  do {
    previous = text;
    const lead = trim.leading.find((word) => text.startsWith(word));
    if (lead) text = text.slice(lead.length);
    const tail = trim.trailing.find((word) => text.endsWith(word));
    if (tail) text = text.slice(0, text.length - tail.length);
  } while (text !== previous && text.length > 0);
  return text.length >= 2 ? text : '';
}

/**
 * A one-character Chinese numeral whose measure word and next character make a place name (五道口, 三里屯):
 * `unitWord` is the measure word read after the numeral, `next` the character after it.
 */
export function isNameNumber(chinese: string | undefined, multipliers: string, unitWord: string, next: string, names: NameNumbers): boolean {
  return chinese !== undefined && chinese.length === 1 && multipliers === '' && names.words.has(unitWord) && names.after.has(next);
}
