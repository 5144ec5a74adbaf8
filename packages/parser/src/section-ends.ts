// Where a section opened by a printed heading stops being that heading's: a page that prints several reports (a
// dateline or a reporter's line past the section's body opens another report), list entries after a one-line heading,
// and paragraphs that open with another province's place. A heading vouches only for the report it heads.
import type { ParagraphInfo } from '@roundup/model';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceMatch } from './places.js';
import { assignProvince, dominantProvince, HEADLINE_MAX, provinceVotes, type HeadingFound, type SectionCues } from './sections.js';
import { isPlacedUnitType } from './units.js';

/** What the rules read: the article's paragraphs, their places and bylines, and the headings found in them. */
export interface HeadedText {
  paragraphs: readonly string[];
  placeMatches: readonly PlaceMatch[][];
  gazetteer: Gazetteer;
  cues: SectionCues;
  bylines: readonly boolean[];
  headings: readonly HeadingFound[];
}

/** Title lines above a dateline that belong to its report: a headline, a subtitle and a kicker at most. */
const REPORT_TITLE_LINES = 3;

interface HeadingSpan {
  heading: HeadingFound;
  /** The first paragraph after the heading's own lines. */
  from: number;
  /** The paragraph after the section's last: the next heading, or the article's end. */
  to: number;
}

function headingSpans(text: HeadedText): HeadingSpan[] {
  return text.headings.map((heading, position) => ({
    heading,
    from: heading.paragraph + heading.lines,
    to: text.headings[position + 1]?.paragraph ?? text.paragraphs.length,
  }));
}

/**
 * A line that is no sentence and no byline: a headline, a subtitle, a subheading, a list entry. A headline may
 * exclaim (`“这个假期，很开心！”`); a full stop or a semicolon makes a sentence.
 */
function isTitleLine(text: HeadedText, index: number): boolean {
  const paragraph = text.paragraphs[index] ?? '';
  return !text.bylines[index] && paragraph.length >= 2 && paragraph.length <= HEADLINE_MAX && !/[。；;]/.test(paragraph);
}

/**
 * Where other reports begin inside a section: at a dateline or reporter's line (`本报北京5月5日电`, `本报记者 张三`) once
 * the section's body has begun, taking the title lines printed just above it. The byline under a heading opens no
 * new report: the body has not begun.
 */
export function reportStarts(text: HeadedText, from: number, to: number): number[] {
  const starts: number[] = [];
  let bodyBegun = false;
  for (let index = from; index < to; index++) {
    const paragraph = text.paragraphs[index]!;
    if (bodyBegun && text.cues.reportStarts.some((pattern) => pattern.test(paragraph))) {
      let start = index;
      const earliest = Math.max(from, index - REPORT_TITLE_LINES, (starts[starts.length - 1] ?? -1) + 1);
      while (start > earliest && isTitleLine(text, start - 1)) start--;
      starts.push(start);
      bodyBegun = false;
      continue;
    }
    if (!text.bylines[index] && !isTitleLine(text, index)) bodyBegun = true;
  }
  return starts;
}

/** The province a report's paragraphs tell of together, if one clearly leads; its short name. */
function reportRegion(text: HeadedText, from: number, to: number): string | null {
  const votes = new Map<string, number>();
  for (let index = from; index < to; index++) {
    for (const [code, count] of provinceVotes(text.placeMatches[index] ?? [])) votes.set(code, (votes.get(code) ?? 0) + count);
  }
  const province = dominantProvince(votes, text.cues.sectioning.mixedRatio);
  return province && province !== 'mixed' ? text.gazetteer.region(province)!.short : null;
}

/**
 * A report that begins inside a heading's section is not the heading's: it goes to the province its own places
 * clearly tell of, or to none (a national report naming several provinces' examples).
 */
export function reportsEndSections(infos: ParagraphInfo[], text: HeadedText): void {
  for (const { from, to } of headingSpans(text)) {
    const starts = reportStarts(text, from, to);
    starts.forEach((start, position) => {
      const end = starts[position + 1] ?? to;
      const region = reportRegion(text, start, end);
      for (let index = start; index < end; index++) {
        const info = infos[index]!;
        if (info.role === 'byline') continue;
        assignProvince(info, region);
        info.role = 'body';
      }
    });
  }
}

/**
 * Title lines that end a section with no sentence after them (list entries under a one-line heading `单位：项目名`, an
 * editor's `——编 者`) are no part of the heading's story.
 */
export function trailingTitlesBelongToNone(infos: ParagraphInfo[], text: HeadedText): void {
  for (const { heading, from, to } of headingSpans(text)) {
    // An exclaiming last line (`…蓄势待发！`) closes the story; a list entry or a credit does not exclaim.
    for (let index = to - 1; index >= from && isTitleLine(text, index) && !/[！？!?]/.test(text.paragraphs[index]!); index--) {
      const info = infos[index]!;
      if (info.unit === heading.unit.unit) assignProvince(info, null);
    }
  }
}

/**
 * A paragraph of a place's section that opens with another province's place and names none of the heading's
 * (`江苏启动…主题游活动` under a heading of 浙江) tells that province's story, not the heading's: it goes to no region.
 * A place further on (a worker's family `远在安徽`, a son working `在北京`, a team arriving `抵达武汉后`) does not move
 * the paragraph: such paragraphs still tell of the heading's people.
 */
export function placesElsewhereLeaveSection(infos: ParagraphInfo[], text: HeadedText): void {
  for (const { heading, from, to } of headingSpans(text)) {
    const code = heading.unit.region?.code;
    if (!code || !isPlacedUnitType(heading.unit.unitType)) continue;
    for (let index = from; index < to; index++) {
      const info = infos[index]!;
      if (info.unit !== heading.unit.unit) continue;
      const matches = text.placeMatches[index] ?? [];
      const votes = provinceVotes(matches);
      if (votes.has(code)) continue;
      const other = dominantProvince(votes, text.cues.sectioning.mixedRatio);
      if (other && other !== 'mixed' && startsWithPlaceOf(text.paragraphs[index]!, matches, other)) assignProvince(info, null);
    }
  }
}

/** True when the paragraph's subject is a place of the province: it opens the paragraph, alone or after `在` (`在长宁区，…`). */
function startsWithPlaceOf(paragraph: string, matches: readonly PlaceMatch[], provinceCode: string): boolean {
  const first = matches[0];
  if (!first || !['', '在'].includes(paragraph.slice(0, first.start))) return false;
  return !first.demonym && !first.destination && first.candidates.every((entry) => entry.place.provinceCode === provinceCode);
}
