// Which stretches of a sentence are subordinate (a time or purpose clause, a frame such as `在…中`, a place gone to), so
// that a word there says less about what the sentence is about than the same word in its main clause.
import { z } from 'zod';

const words = z.array(z.string().min(1));
export const ClauseCues = z.object({
  /** A clause opening with one of these (`围绕…`, `受…影响`, `为…`) frames the sentence, unless it is the last clause. */
  opening: words,
  /** A clause closing with one of these (`…期间`, `…后`, `在…中`) frames the sentence, unless it is the last clause. */
  closing: words,
  /**
   * Closing words of a frame that names the campaign a deed belongs to (`主题教育中`, `在疫情防控工作中`, `以…为契机`), not its
   * cause or purpose: a strong cue there still adds its domain beside the main one.
   */
  campaign: words.default([]),
  /** Endings that look like a closing word and are not one (`集中` is not `…中`, `及时` is not `…时`). */
  notClosing: words,
  /** Words that open a frame wherever they stand in a clause that is not the last (`各地针对…，`): it runs to the clause's end. */
  inner: words.default([]),
  /**
   * Pairs that enclose a frame inside a clause (`在…中`, `以…为契机`, `受…影响`), the closing word a short way after the opening
   * one, or up to `reach` characters after it for a pair that closes a list (`通过…等手段`).
   */
  enclosing: z.array(z.object({ opens: z.string().min(1), closes: words, reach: z.number().int().positive().optional() })).default([]),
  /** Words that open with a closing word and are words of their own (`中心`, `时间`): no enclosed frame closes there. */
  notClosingStart: words.default([]),
  /** Words that, right after a cue, make it name who acts rather than what is done (`扶贫干部`, `医护人员`, `人社局`). */
  actors: words.default([]),
  /** A weak word right after one of these is where something happens (`来到社区`, `在社区内`), not what it is about. */
  locative: words,
  /** A clause opening with one of these (`又`, `一边`, `同时`) adds a deed to the clause before, not a later, weightier one. */
  additive: words.default([]),
  /** Words that open with an additive word but are words of their own (`还款`, `并购`, `又称`): no added deed. */
  notAdditive: words.default([]),
});
export type ClauseCues = z.infer<typeof ClauseCues>;

/** How far before a word a locative may end and still govern it: `走进皇冠社区` has two characters between. */
const LOCATIVE_REACH = 3;
/** How far an enclosing pair may stretch: `在疫情防控工作中` is a frame, a closing word a line later is not its partner. */
const ENCLOSED_REACH = 20;
const CLAUSE_BREAK = /[，,；;：:]/g;
type Range = readonly [number, number];

/** A sentence's clauses and the ranges of it that are subordinate. */
export class SentenceClauses {
  private readonly clauseEnds: number[] = [];
  /** For each clause, the clause it adds to: itself, or the one before when it opens with an additive word. */
  private readonly coordinates: number[] = [];
  private readonly frames: Range[] = [];
  private readonly campaigns: Range[] = [];
  private readonly locativeWindow: number;

  constructor(
    private readonly text: string,
    private readonly cues: ClauseCues,
  ) {
    let start = 0;
    const bounds: Range[] = [];
    for (const match of text.matchAll(CLAUSE_BREAK)) {
      bounds.push([start, match.index]);
      this.clauseEnds.push(match.index);
      start = match.index + 1;
    }
    // The last clause carries the sentence's main verb often enough that no frame is taken from its start or end.
    for (const [from, to] of bounds) this.addClauseFrames(from, to);
    [0, ...this.clauseEnds.map((end) => end + 1)].forEach((from, index) => {
      const opening = text.slice(from, from + 12).trimStart();
      const adds = index > 0 && cues.additive.some((word) => opening.startsWith(word)) && !cues.notAdditive.some((word) => opening.startsWith(word));
      this.coordinates.push(adds ? this.coordinates[index - 1]! : index);
    });
    this.addEnclosedFrames(0, text.length);
    this.locativeWindow = LOCATIVE_REACH + Math.max(0, ...cues.locative.map((word) => word.length));
  }

  private addClauseFrames(from: number, to: number): void {
    const clause = this.text.slice(from, to);
    const trimmed = clause.trim();
    if (trimmed.length === 0) return;
    const closes = this.cues.closing.some((word) => trimmed.endsWith(word)) && !this.cues.notClosing.some((word) => trimmed.endsWith(word));
    if (closes || this.cues.opening.some((word) => trimmed.startsWith(word))) {
      this.frames.push([from, to]);
      if (closes && this.cues.campaign.some((word) => trimmed.endsWith(word))) this.campaigns.push([from, to]);
      return;
    }
    const inner = Math.min(...this.cues.inner.map((word) => clause.indexOf(word)).filter((at) => at >= 0));
    if (Number.isFinite(inner)) this.frames.push([from + inner, to]);
  }

  private addEnclosedFrames(from: number, to: number): void {
    for (const { opens, closes, reach } of this.cues.enclosing) {
      for (let at = this.text.indexOf(opens, from); at >= 0 && at < to; at = this.text.indexOf(opens, at + 1)) {
        const end = this.enclosedEnd(at + opens.length, closes, reach ?? ENCLOSED_REACH);
        if (end > 0) this.frames.push([at, end]);
        if (end > 0 && this.cues.campaign.some((word) => this.text.endsWith(word, end))) this.campaigns.push([at, end]);
      }
    }
  }

  /** Where the nearest closing word after `from` ends, within `far` characters and the same clause; 0 when there is none. */
  private enclosedEnd(from: number, closes: readonly string[], far: number): number {
    const reach = this.text.slice(from, from + far).split(CLAUSE_BREAK)[0]!;
    let best = 0;
    for (const word of closes) {
      const at = this.closingAt(reach, word);
      if (at >= 0 && (best === 0 || from + at + word.length < best)) best = from + at + word.length;
    }
    return best;
  }

  /** The first place in `reach` where `word` closes a frame: not the end of a longer word (`集中`) nor the start of one (`中心`). */
  private closingAt(reach: string, word: string): number {
    for (let at = reach.indexOf(word); at >= 0; at = reach.indexOf(word, at + 1)) {
      if (this.cues.notClosing.some((other) => other.endsWith(word) && reach.slice(0, at + word.length).endsWith(other))) continue;
      if (this.cues.notClosingStart.some((other) => other.startsWith(word) && reach.startsWith(other, at))) continue;
      return at;
    }
    return -1;
  }

  /** Whether the word starting at `start` stands in a frame rather than the main clause. */
  isFramed(start: number): boolean {
    return this.frames.some(([from, to]) => start >= from && start < to);
  }

  /** Whether the word starting at `start` stands in a frame naming the campaign the deed belongs to. */
  inCampaign(start: number): boolean {
    return this.campaigns.some(([from, to]) => start >= from && start < to);
  }

  /** Whether the word starting at `start` names the place a locative goes to (`来到社区`) rather than what is done. */
  isPlaceGoneTo(start: number): boolean {
    const before = this.text.slice(Math.max(0, start - this.locativeWindow), start);
    const window = before.slice(Math.max(before.search(/[，,；;：:][^，,；;：:]*$/) + 1, 0));
    return this.cues.locative.some((word) => {
      const at = window.lastIndexOf(word);
      return at >= 0 && window.length - (at + word.length) <= LOCATIVE_REACH;
    });
  }

  /** Whether the word at [start, end) is part of an actor's name (`扶贫` in `扶贫干部`, `医疗` in `医疗队`). */
  namesActor(end: number): boolean {
    return this.cues.actors.some((word) => this.text.startsWith(word, end));
  }

  /** The index of the clause a position is in. */
  clauseOf(position: number): number {
    let index = 0;
    while (index < this.clauseEnds.length && this.clauseEnds[index]! < position) index++;
    return index;
  }

  /** The index of the clause a position's clause adds to (`一边…，一边…`: the first), for ranking what a sentence does last. */
  coordinateClauseOf(position: number): number {
    return this.coordinates[this.clauseOf(position)]!;
  }
}
