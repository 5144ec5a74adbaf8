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

/** What a cue counts towards; `strong:` cues name an instrument outright and count double. */
const CUE_KINDS = [
  'measure',
  'result',
  'speech',
  'background',
  'supply',
  'environment',
  'demand',
  'strong:supply',
  'strong:environment',
  'strong:demand',
] as const;
type CueKind = (typeof CUE_KINDS)[number];
/** Kinds that weigh a sentence's role: read outside quoted names only. */
const ROLE_KINDS = 4;
/** Each kind's index, looked up (a search of the list, several times for each sentence, showed in profiles). */
const KIND_INDEX = new Map<CueKind, number>(CUE_KINDS.map((kind, index) => [kind, index]));
const kindIndex = (kind: CueKind) => KIND_INDEX.get(kind)!;

/** A cue in the trie: what it counts towards, and an id that tells two finds of the same cue apart from two cues. */
interface Cue {
  kind: number;
  id: number;
}

/** Every cue of both files in one trie, so that a sentence is scanned once for all of them. */
export interface SentenceCoder {
  trie: NameTrie<Cue>;
  /** The tally each sentence is counted in, reset per sentence (sentences are coded one at a time). */
  tally: CueTally;
  statePrefixes: readonly string[];
  reported: readonly string[];
  codebook: InstrumentCodebook;
}

export function loadSentenceCoder(rolesFile = dataPath('sentence-roles.json'), instrumentsFile = dataPath('instruments.json')): SentenceCoder {
  const roles = loadDataFile(rolesFile, RoleCuesFile);
  const codebook = loadDataFile(instrumentsFile, InstrumentsFile);
  const ids = new Set(codebook.instruments.map((instrument) => instrument.id));
  if (ids.size !== 3 || new Set(codebook.tieOrder).size !== 3)
    throw new Error(`${instrumentsFile}: each of supply, environment and demand must appear once in instruments and in tieOrder`);
  const lists: Array<[CueKind, readonly string[]]> = [
    ['measure', roles.measureVerbs.cues],
    ['result', roles.resultCues.cues],
    ['speech', roles.contextCues.speech],
    ['background', roles.contextCues.background],
    ...codebook.instruments.map((instrument) => [instrument.id, instrument.cues] as [CueKind, readonly string[]]),
    ...codebook.instruments.map((instrument) => [`strong:${instrument.id}`, instrument.strongCues] as [CueKind, readonly string[]]),
  ];
  let id = 0;
  const entries = lists.flatMap(([kind, cues]) => cues.map((cue) => [cue, { kind: kindIndex(kind), id: id++ }] as const));
  return {
    trie: NameTrie.build(entries),
    tally: new CueTally(),
    statePrefixes: roles.resultCues.statePrefixes,
    reported: roles.contextCues.reported,
    codebook,
  };
}

/** The distinct cues of each kind found in a sentence, and where the first of each kind starts. */
class CueTally {
  readonly counts = new Int32Array(CUE_KINDS.length);
  readonly first = new Int32Array(CUE_KINDS.length).fill(-1);
  private readonly seen: number[] = [];

  /** Empties the tally for the next sentence: one tally serves a coder's every sentence, in its one thread. */
  reset(): this {
    this.counts.fill(0);
    this.first.fill(-1);
    this.seen.length = 0;
    return this;
  }

  add(cue: Cue, at: number): void {
    if (this.seen.includes(cue.id)) return;
    this.seen.push(cue.id);
    this.counts[cue.kind]! += 1;
    if (this.first[cue.kind] === -1) this.first[cue.kind] = at;
  }

  count(kind: CueKind): number {
    return this.counts[kindIndex(kind)]!;
  }

  /** Where the first cue of a kind starts; Infinity when there is none. */
  firstOf(kind: CueKind): number {
    const at = this.first[kindIndex(kind)]!;
    return at === -1 ? Infinity : at;
  }
}

/**
 * The cues in a sentence, in one scan. Role cues inside a quoted name are left out (“最多跑一次”改革 reforms nothing
 * by its name); instrument cues there count (a programme's name says what kind of thing was done: “假日课堂”).
 */
function cuesIn(text: string, coder: SentenceCoder, names: readonly { start: number; end: number }[]): CueTally {
  const tally = coder.tally.reset();
  let nameIndex = 0;
  for (const start of coder.trie.possibleStarts(text)) {
    while (nameIndex < names.length && names[nameIndex]!.end <= start) nameIndex += 1;
    const name = names[nameIndex];
    const inName = name !== undefined && name.start <= start && start < name.end;
    // Index loops: this runs at many positions of every sentence, and most find nothing.
    const found = coder.trie.namesAt(text, start);
    for (let index = 0; index < found.length; index++) {
      const cues = found[index]![1];
      for (let at = 0; at < cues.length; at++) if (!inName || cues[at]!.kind >= ROLE_KINDS) tally.add(cues[at]!, start);
    }
  }
  return tally;
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

/**
 * Someone's view in indirect speech (他认为，…; 负责人说，…; 一些企业负责人表示，…; 在…看来，…): an opinion, not a
 * report of what was done.
 */
function isReportedOpinion(text: string): boolean {
  return /^[^，。；“]{0,30}(?:认为|表示|说|坦言|感慨|觉得|希望|期待)[，：:]/.test(text) || /^在[^，。；]{1,30}看来/.test(text);
}

/**
 * One person speaking of themselves without quote marks (我是在1996年购买的房改房…, 俺家…): a resident's memory or
 * feelings, not what a region did. 我们 is often an official telling what the region did, and 我省, 我市, 我县 … an
 * authority writing of its own region: both stay.
 */
function isFirstPerson(text: string): boolean {
  return /^(?:我|咱|俺)(?![们省市区县州盟旗镇乡村局委厅校院部国])/.test(text);
}

/** A programme or schedule line (11.3 15:00 周浦镇文化中心剧场): a date or clock time, a place, and no sentence. */
function isScheduleLine(text: string): boolean {
  return /^[0-9０-９]{1,2}[.．/月][0-9０-９]{1,2}日?\s|^[0-9０-９]{1,2}[:：][0-9０-９]{2}/.test(text) && !/[。！？；，,]/.test(text);
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
  const names =
    quoted.length === 0 ? quoted : quoted.filter((span) => span.isName || span.isTitle).map((span) => ({ start: span.start - offset, end: span.end - offset }));
  const cues = cuesIn(body, coder, names);
  if (isQuotation(body, quoted, cues.count('speech')) || isAside(body) || isReportedOpinion(body) || isFirstPerson(body) || isScheduleLine(body))
    return { role: 'context', instrument: null };
  if (isCallout(body)) return { role: 'result', instrument: null };
  const measure = cues.count('measure') + (hasProgramme ? 1 : 0);
  const result = cues.count('result');
  const background = cues.count('background') + cues.count('speech');
  const standsNow = coder.statePrefixes.some((prefix) => body.startsWith(prefix));
  const resultFirst = result > 0 && cues.firstOf('result') < cues.firstOf('measure');
  let role: SentenceRole;
  if (standsNow || resultFirst) role = 'result';
  else if (measure > 0 && measure > background) role = 'measure';
  else if (result > 0) role = 'result';
  else role = 'context';
  return { role, instrument: role === 'measure' ? instrumentOf(cues, coder.codebook) : null };
}

/** A dateline (本报长春2月23日电（记者…）) or attribution (据介绍，据…负责人介绍，) says who reports, not what was done. */
function stripLeadIn(text: string, reported: readonly string[]): string {
  let body = text.replace(/^本报\S{0,12}?电\s*(?:[（(][^）)]*[）)])?\s*/, '');
  body = body.replace(/^据[^，,。]{0,30}?(?:介绍|了解|统计)[，,]/, '');
  const prefix = reported.find((word) => body.startsWith(word));
  return prefix ? body.slice(prefix.length).replace(/^[，,：:\s]+/, '') : body;
}

/** The instrument with the highest score (a cue 1, a strong cue 2); ties go to the codebook's tie order, no cue to its default. */
function instrumentOf(cues: CueTally, codebook: InstrumentCodebook): Instrument {
  let best: Instrument = codebook.default;
  let bestScore = 0;
  for (const id of codebook.tieOrder) {
    const score = cues.count(id) + 2 * cues.count(`strong:${id}`);
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
