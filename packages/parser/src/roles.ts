// What a sentence of a regional section is (a measure, a result or context) and, for a measure, its policy
// instrument (supply, environment, demand). Hand-written: no maintained package codes Chinese policy sentences,
// and the cues must stay editable by analysts (data/sentence-roles.json, data/instruments.json).
import type { Instrument, SentenceRole } from '@roundup/model';
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import { NameTrie } from './name-trie.js';
import type { QuotedSpan } from './quotes.js';

const cueList = z.array(z.string().min(1));
const RoleCuesFile = z.object({
  measureVerbs: z.object({ cues: cueList }),
  resultCues: z.object({ cues: cueList, statePrefixes: cueList }),
  contextCues: z.object({ speech: cueList, background: cueList, reported: cueList }),
});
const InstrumentsFile = z.object({
  instruments: z
    .array(z.object({ id: z.enum(['supply', 'environment', 'demand']), zh: z.string(), en: z.string(), cues: cueList, strongCues: cueList.default([]) }))
    .length(3),
  tieOrder: z.array(z.enum(['supply', 'environment', 'demand'])).length(3),
  default: z.enum(['supply', 'environment', 'demand']),
});
export type InstrumentCodebook = z.infer<typeof InstrumentsFile>;

/** What a cue found in a sentence counts towards; `strong:` cues name an instrument outright and count double. */
type CueKind = 'measure' | 'result' | 'speech' | 'background' | Instrument | `strong:${Instrument}`;

/** Every cue of both files in one trie, so that a sentence is scanned once for all of them. */
export interface SentenceCoder {
  trie: NameTrie<CueKind>;
  statePrefixes: readonly string[];
  reported: readonly string[];
  codebook: InstrumentCodebook;
}

export function loadSentenceCoder(rolesFile = dataPath('sentence-roles.json'), instrumentsFile = dataPath('instruments.json')): SentenceCoder {
  const roles = loadDataFile(rolesFile, RoleCuesFile);
  const codebook = loadDataFile(instrumentsFile, InstrumentsFile);
  const ids = new Set(codebook.instruments.map((instrument) => instrument.id));
  if (ids.size !== 3 || new Set(codebook.tieOrder).size !== 3) throw new Error(`${instrumentsFile}: each of supply, environment and demand must appear once in instruments and in tieOrder`);
  const entries: Array<readonly [string, CueKind]> = [
    ...roles.measureVerbs.cues.map((cue) => [cue, 'measure'] as const),
    ...roles.resultCues.cues.map((cue) => [cue, 'result'] as const),
    ...roles.contextCues.speech.map((cue) => [cue, 'speech'] as const),
    ...roles.contextCues.background.map((cue) => [cue, 'background'] as const),
    ...codebook.instruments.flatMap((instrument) => instrument.cues.map((cue) => [cue, instrument.id] as const)),
    ...codebook.instruments.flatMap((instrument) => instrument.strongCues.map((cue) => [cue, `strong:${instrument.id}`] as const)),
  ];
  return { trie: NameTrie.build(entries), statePrefixes: roles.resultCues.statePrefixes, reported: roles.contextCues.reported, codebook };
}

/** The cues of each kind found in a sentence: the distinct cues, and where the first of them starts. */
interface CuesFound {
  cues: Set<string>;
  first: number;
}

/** The cues of each kind in a sentence, quoted names left out (a programme's name is not what the sentence does). */
function cuesIn(text: string, coder: SentenceCoder, names: readonly QuotedSpan[] = []): Map<CueKind, CuesFound> {
  const found = new Map<CueKind, CuesFound>();
  let nameIndex = 0;
  for (let start = 0; start < text.length; start++) {
    while (nameIndex < names.length && names[nameIndex]!.end <= start) nameIndex += 1;
    const name = names[nameIndex];
    if (name && name.start <= start && start < name.end) continue;
    for (const [end, kinds] of coder.trie.namesAt(text, start)) {
      const cue = text.slice(start, end);
      for (const kind of kinds) {
        const entry = found.get(kind);
        if (entry) entry.cues.add(cue);
        else found.set(kind, { cues: new Set([cue]), first: start });
      }
    }
  }
  return found;
}

/**
 * Speech: the sentence opens with a quotation or ends one (the tail of a quote split over sentences), quotes a
 * whole sentence, or a speech verb follows a closing quote.
 */
function isQuotation(text: string, spans: readonly QuotedSpan[], speech: number): boolean {
  if (/^[“「"]/.test(text) && !spans[0]?.isName) return true;
  if (/[”」]$/.test(text) && !/[“「]/.test(text)) return true;
  if (spans.some((span) => !span.isName && !span.isTitle && span.inner.length >= 8)) return true;
  return speech > 0 && /[”」"][，,]?[^，,。]{0,12}(?:说|表示|坦言|感慨|感叹|笑着说|告诉记者)/.test(text);
}

/** A question, a photo caption (图①：…) or a sentence about a sentence before it (这是…的缩影) reports nothing done. */
function isAside(text: string): boolean {
  return /[？?]$/.test(text) || /^图[①-⑳0-9一二三四五六七八九十]*[：:]/.test(text) || /^这(?:也|正|就)?是/.test(text);
}

/** Someone's view in indirect speech (他认为，…; 负责人说，…; 一些企业负责人表示，…): an opinion, not a report of what was done. */
function isReportedOpinion(text: string): boolean {
  return /^[^，。；“]{0,30}(?:认为|表示|说|坦言|感慨|觉得|希望|期待)[，：:]/.test(text);
}

/** A data callout printed as a line of its own (年客运量38.5亿人次): a figure and no sentence. */
function isCallout(text: string): boolean {
  return text.length <= 24 && /[0-9０-９]/.test(text) && !/[。！？；，,]/.test(text);
}

export interface SentenceCode {
  role: SentenceRole;
  instrument: Instrument | null;
}

/**
 * Codes one sentence. A quotation is context and a data callout a result. Then measure verbs and result cues are
 * weighed: a sentence that opens on where things stand now (目前…, 截至…) or has result cues that come before
 * any measure verb make a result, since a sentence that leads with what was done (建起20个幸福大院，让…有了保障)
 * reports a measure and its effect. A measure verb or a programme that background and speech do not outweigh makes
 * a measure; what is left (scene, background, evaluation) is context.
 */
export function codeSentence(text: string, quoted: readonly QuotedSpan[], hasProgramme: boolean, coder: SentenceCoder): SentenceCode {
  const body = stripLeadIn(text, coder.reported);
  const offset = text.length - body.length;
  const names = quoted.filter((span) => span.isName || span.isTitle).map((span) => ({ ...span, start: span.start - offset, end: span.end - offset }));
  const cues = cuesIn(body, coder, names);
  const count = (kind: CueKind) => cues.get(kind)?.cues.size ?? 0;
  if (isQuotation(body, quoted, count('speech')) || isAside(body) || isReportedOpinion(body)) return { role: 'context', instrument: null };
  if (isCallout(body)) return { role: 'result', instrument: null };
  const measure = count('measure') + (hasProgramme ? 1 : 0);
  const result = count('result');
  const background = count('background') + count('speech');
  const standsNow = coder.statePrefixes.some((prefix) => body.startsWith(prefix));
  const resultFirst = result > 0 && (cues.get('result')?.first ?? Infinity) < (cues.get('measure')?.first ?? Infinity);
  let role: SentenceRole;
  if (standsNow || resultFirst) role = 'result';
  else if (measure > 0 && measure > background) role = 'measure';
  else if (result > 0) role = 'result';
  else role = 'context';
  // A programme's name tells what kind of thing was done (“假日课堂” is a service), so instruments read it too.
  return { role, instrument: role === 'measure' ? instrumentOf(names.length > 0 ? cuesIn(body, coder) : cues, coder.codebook) : null };
}

/** A dateline (本报长春2月23日电（记者…）) or attribution (据介绍，据…负责人介绍，) says who reports, not what was done. */
function stripLeadIn(text: string, reported: readonly string[]): string {
  let body = text.replace(/^本报\S{0,12}?电\s*(?:[（(][^）)]*[）)])?\s*/, '');
  body = body.replace(/^据[^，,。]{0,30}?(?:介绍|了解|统计)[，,]/, '');
  const prefix = reported.find((word) => body.startsWith(word));
  return prefix ? body.slice(prefix.length).replace(/^[，,：:\s]+/, '') : body;
}

/** The instrument with the highest score (a cue 1, a strong cue 2); ties go to the codebook's tie order, no cue to its default. */
function instrumentOf(cues: Map<CueKind, CuesFound>, codebook: InstrumentCodebook): Instrument {
  let best: Instrument = codebook.default;
  let bestScore = 0;
  for (const id of codebook.tieOrder) {
    const score = (cues.get(id)?.cues.size ?? 0) + 2 * (cues.get(`strong:${id}`)?.cues.size ?? 0);
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
