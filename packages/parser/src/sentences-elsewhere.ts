// Sentences that a section of a place cannot vouch for: they name places of another province and none of the
// section's own, so their places, figures, programmes and measures are left out of every region. A heading vouches for
// its place, not for what the passage tells of other provinces' places.
import type { ParagraphInfo, Section } from '@roundup/model';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceMatch } from './places.js';
import { provinceVotes } from './sections.js';
import { splitSentences, type SentenceSpan } from './sentences.js';
import { isPlacedUnitType } from './units.js';

/** Where a paragraph stands: its province, and (in a section of a place) the spans told of another province. */
export interface ElsewhereSpans {
  /** The code of the paragraph's province; undefined outside regions. */
  provinceCode?: string;
  spans: ReadonlyArray<{ start: number; end: number }>;
}

const NONE: ElsewhereSpans = { spans: [] };

/**
 * Paragraphs of sections placed by the place names of their paragraphs, or by a printed heading that names a place;
 * a story told of one region (`inferred-single`) is left whole.
 */
export function placedParagraphs(sections: readonly Section[]): Set<number> {
  const placed = new Set<number>();
  for (const section of sections) {
    // A university's, a ministry's or an enterprise's deeds elsewhere are still its own.
    const byPlace = section.detectedBy === 'inferred-places' || (section.detectedBy !== 'inferred-single' && isPlacedUnitType(section.unitType));
    if (!byPlace) continue;
    for (let index = section.paragraphFrom; index <= section.paragraphTo; index++) placed.add(index);
  }
  return placed;
}

/**
 * A sentence is elsewhere when the places it names (origins, destinations of help and datelines aside) all lie in
 * provinces other than its paragraph's: `江西省主动开展联合审计…` inside a story placed in 山东 by its places.
 * A sentence without places, or naming one of the region's, stays the region's.
 */
export function isElsewhere(sentence: SentenceSpan, matches: readonly PlaceMatch[], provinceCode: string): boolean {
  const inSentence = matches.filter((match) => match.start >= sentence.start && match.end <= sentence.end);
  if (inSentence.length === 0) return false;
  const votes = provinceVotes(inSentence);
  return votes.size > 0 && !votes.has(provinceCode);
}

/** Each paragraph's province and its elsewhere sentences (only the paragraphs of a place's section have any). */
export function sentencesElsewhere(
  paragraphs: readonly ParagraphInfo[],
  sections: readonly Section[],
  matches: readonly PlaceMatch[][],
  gazetteer: Gazetteer,
): ElsewhereSpans[] {
  const placed = placedParagraphs(sections);
  return paragraphs.map((info) => {
    const provinceCode = info.region ? gazetteer.region(info.region)?.code : undefined;
    if (!provinceCode) return NONE;
    if (!placed.has(info.index)) return { provinceCode, spans: [] };
    const spans = splitSentences(info.text).filter((sentence) => isElsewhere(sentence, matches[info.index] ?? [], provinceCode));
    return { provinceCode, spans: spans.map(({ start, end }) => ({ start, end })) };
  });
}

/** The region of something at `start` in a paragraph: none inside an elsewhere sentence, the paragraph's otherwise. */
export function regionAt(region: string | null, elsewhere: ElsewhereSpans, start: number): string | null {
  if (region === null || elsewhere.spans.length === 0) return region;
  return elsewhere.spans.some((span) => span.start <= start && start < span.end) ? null : region;
}

/**
 * The region of a place named in a paragraph: a place that lies in another province than the paragraph's (杭州 in a
 * story placed in 北京, 武汉 where a province's medical team went) is not that region's place.
 */
export function placeRegion(region: string | null, elsewhere: ElsewhereSpans, start: number, placeProvinceCode: string | undefined): string | null {
  if (elsewhere.provinceCode && placeProvinceCode && placeProvinceCode !== elsewhere.provinceCode) return null;
  return regionAt(region, elsewhere, start);
}
