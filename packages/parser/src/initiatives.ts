// Named programmes: quoted names (“最多跑一次”) that the text treats as a programme, not quoted speech or a quoted word.
import type { Initiative } from '@roundup/model';
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import { sentenceAround } from './figures.js';
import { findQuotedSpans, type QuotedSpan } from './quotes.js';

const InitiativeCuesFile = z.object({
  nameEndings: z.array(z.string()),
  followers: z.array(z.string()),
  followerWindow: z.number().int().positive(),
  verbWindow: z.number().int().positive(),
  precedingVerbs: z.array(z.string()),
  precedingPatterns: z.array(z.string()),
  notNames: z.object({ followers: z.array(z.string()), words: z.array(z.string()), patterns: z.array(z.string()) }),
});
export interface InitiativeCues {
  nameEndings: string[];
  followers: string[];
  followerWindow: number;
  verbWindow: number;
  precedingVerbs: string[];
  preceding: RegExp[];
  notNameFollowers: string[];
  notNameWords: Set<string>;
  notNamePatterns: RegExp[];
}

export function loadInitiativeCues(file = dataPath('initiative-cues.json')): InitiativeCues {
  const cues = loadDataFile(file, InitiativeCuesFile);
  return {
    nameEndings: cues.nameEndings,
    followers: cues.followers,
    followerWindow: cues.followerWindow,
    verbWindow: cues.verbWindow,
    precedingVerbs: cues.precedingVerbs,
    preceding: cues.precedingPatterns.map((pattern) => new RegExp(pattern)),
    notNameFollowers: cues.notNames.followers,
    notNameWords: new Set(cues.notNames.words),
    notNamePatterns: cues.notNames.patterns.map((pattern) => new RegExp(pattern, 'u')),
  };
}

/** A numbered package of measures (暖心八条, 温暖十条): a name by its form. */
const NUMBERED_PACKAGE = /[一二两三四五六七八九十百]+[条招项]$/;

/** Text between the previous punctuation mark and `at`: where a verb such as 开展 or 推行 would stand. */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 16 && !/[，。、；：！？（）]/.test(text[from - 1]!)) from -= 1;
  return text.slice(from, at);
}

/** The text after a quoted name up to the next punctuation mark, as far as the follower window reaches. */
function phraseAfter(text: string, at: number, window: number): string {
  const after = text.slice(at, at + window);
  const stop = after.search(/[，。、；：！？（）“”]/);
  return stop === -1 ? after : after.slice(0, stop);
}

/**
 * Decides whether a quoted name is a programme: it reads like one (ends in 行动, 机制, 平台 …, or is a
 * numbered package such as 暖心八条), a programme noun follows it closely (“我们的村晚”主场活动,
 * “Metro大都会”官方APP), a verb of launching stands in its clause (开展“千村万户大走访”, 全面落实疫情防控“十条措施”),
 * it is an edition of an event (第二届“…”), or it sits in a run of names with one of these cues
 * (“一线工作”“上门代办”等工作法; 从“最多跑一次”到“不来即享”). A quoted problem (“…入园难”问题) or
 * manner (“一站式”, “一对一”) never is.
 */
export function isInitiative(text: string, span: QuotedSpan, cues: InitiativeCues, neighbours: readonly QuotedSpan[]): boolean {
  if (!span.isName) return false;
  const name = span.inner.trim();
  if (name.length < 2 || cues.notNameWords.has(name) || cues.notNamePatterns.some((pattern) => pattern.test(name))) return false;
  const after = text.slice(span.end, span.end + 8);
  if (cues.notNameFollowers.some((word) => after.startsWith(word))) return false;
  if (cues.nameEndings.some((ending) => name.endsWith(ending)) || NUMBERED_PACKAGE.test(name)) return true;
  const phrase = phraseAfter(text, span.end, cues.followerWindow);
  if (cues.followers.some((word) => phrase.includes(word))) return true;
  // A launching verb close before the name (落实疫情防控“十条措施”); a one-character verb (以) only right before it.
  const clause = clauseBefore(text, span.start);
  const near = clause.slice(-cues.verbWindow);
  if (cues.precedingVerbs.some((verb) => (verb.length > 1 ? near.includes(verb) : clause.endsWith(verb))) || cues.preceding.some((pattern) => pattern.test(clause))) return true;
  // A name in a list of names (“一线工作”“上门代办”等工作法) takes its cue from the list.
  const index = neighbours.indexOf(span);
  const next = neighbours[index + 1];
  const previous = neighbours[index - 1];
  const adjacent = (a: QuotedSpan | undefined, b: QuotedSpan | undefined) => a !== undefined && b !== undefined && /^[、和与及到至或]?$/.test(text.slice(a.end, b.start));
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
