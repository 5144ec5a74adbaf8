// Named programmes: quoted names (“最多跑一次”) that the text treats as a programme, not quoted speech or a quoted word.
import type { Initiative } from '@roundup/model';
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import { sentenceAround } from './figures.js';
import { findQuotedSpans, type QuotedSpan } from './quotes.js';

const InitiativeCues = z.object({
  nameEndings: z.array(z.string()),
  followers: z.array(z.string()),
  precedingVerbs: z.array(z.string()),
  notNames: z.object({ followers: z.array(z.string()), words: z.array(z.string()) }),
});
export type InitiativeCues = z.infer<typeof InitiativeCues>;

export function loadInitiativeCues(file = dataPath('initiative-cues.json')): InitiativeCues {
  return loadDataFile(file, InitiativeCues);
}

/** Text between the previous punctuation mark and `at`: where a verb such as 开展 or 推行 would stand. */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 16 && !/[，。、；：！？（）]/.test(text[from - 1]!)) from -= 1;
  return text.slice(from, at);
}

/**
 * Decides whether a quoted name is a programme: it reads like one (ends in 行动, 机制, 平台 …), is
 * followed by such a word (“包乡走村”解难题活动), or is introduced by a verb of launching
 * (开展“千村万户大走访”) or sits in a run of quoted names. A quoted problem (“…入园难”问题) never is.
 */
export function isInitiative(text: string, span: QuotedSpan, cues: InitiativeCues, neighbours: readonly QuotedSpan[]): boolean {
  if (!span.isName) return false;
  const name = span.inner.trim();
  if (name.length < 2 || cues.notNames.words.includes(name)) return false;
  const after = text.slice(span.end, span.end + 8);
  if (cues.notNames.followers.some((word) => after.startsWith(word))) return false;
  if (cues.nameEndings.some((ending) => name.endsWith(ending))) return true;
  if (cues.followers.some((word) => after.startsWith(word))) return true;
  const clause = clauseBefore(text, span.start);
  if (cues.precedingVerbs.some((verb) => clause.endsWith(verb))) return true;
  // A name in a list of names (“一线工作”“上门代办”等工作法) takes its cue from the list.
  const index = neighbours.indexOf(span);
  const next = neighbours[index + 1];
  const previous = neighbours[index - 1];
  const adjacent = (a: QuotedSpan | undefined, b: QuotedSpan | undefined) => a !== undefined && b !== undefined && /^[、和与及]?$/.test(text.slice(a.end, b.start));
  if (adjacent(span, next) && next && isInitiative(text, next, cues, [])) return true;
  if (adjacent(previous, span) && previous && isInitiative(text, previous, cues, [])) return true;
  return false;
}

/** The programmes named in a paragraph, each with its position and sentence. */
export function extractInitiatives(text: string, paragraph: number, cues: InitiativeCues, quoted: readonly QuotedSpan[] = findQuotedSpans(text)): Initiative[] {
  const initiatives: Initiative[] = [];
  for (const span of quoted) {
    if (!isInitiative(text, span, cues, quoted)) continue;
    initiatives.push({
      paragraph,
      start: span.start + 1,
      end: span.end - 1,
      name: span.inner.trim(),
      sentence: sentenceAround(text, span.start, span.end),
    });
  }
  return initiatives;
}
