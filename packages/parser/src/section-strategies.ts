// Splitting an article into regional sections: strategies tried in order (printed place headings, unit headings,
// votes of the places each paragraph names, a single region), then small paragraph rules applied in order.
import type { ParagraphInfo, ParagraphRole } from '@roundup/model';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceMatch } from './places.js';
import {
  assignProvince,
  buildSections,
  closeSummaries,
  dominantProvince,
  findHeadings,
  isByline,
  isShortLine,
  opensWith,
  placeUnitsFromText,
  provinceVotes,
  type HeadingFound,
  type SectionCues,
  type SectionedArticle,
} from './sections.js';
import { placesElsewhereLeaveSection, reportsEndSections, trailingTitlesBelongToNone } from './section-ends.js';
import { isPlaceUnit, type KnownUnits } from './units.js';

/** What every strategy reads: the paragraphs, the places found in them and in the title, and the knowledge tables. */
interface ArticleText {
  paragraphs: readonly string[];
  placeMatches: readonly PlaceMatch[][];
  titleMatches: readonly PlaceMatch[];
  gazetteer: Gazetteer;
  cues: SectionCues;
  bylines: boolean[];
  headings: HeadingFound[];
}

/** A way to section an article: its result, or undefined when the article is not of its kind. */
type SectioningStrategy = (text: ArticleText) => SectionedArticle | undefined;

const STRATEGIES: readonly SectioningStrategy[] = [fromPrintedHeadings, fromUnitHeadings, fromPlaceVotes, asSingleRegion];

/**
 * Assigns every paragraph its region and role and groups them into sections. `placeMatches[i]` are the place names
 * found in paragraph i; `titleMatches` those in the title.
 */
export function sectionArticle(
  paragraphs: readonly string[],
  placeMatches: readonly PlaceMatch[][],
  titleMatches: readonly PlaceMatch[],
  gazetteer: Gazetteer,
  cues: SectionCues,
  known: KnownUnits,
): SectionedArticle {
  const bylines = paragraphs.map((paragraph) => isByline(paragraph, cues));
  const text: ArticleText = { paragraphs, placeMatches, titleMatches, gazetteer, cues, bylines, headings: findHeadings(paragraphs, gazetteer, known, bylines) };
  for (const strategy of STRATEGIES) {
    const sectioned = strategy(text);
    if (sectioned) return sectioned;
  }
  return { paragraphs: unassigned(text), sections: [] };
}

/** Every paragraph in no region: body text, or a byline. */
function unassigned({ paragraphs, bylines }: ArticleText): ParagraphInfo[] {
  return paragraphs.map((text, index) => ({ index, text, region: null, unit: null, role: bylines[index] ? 'byline' : 'body' }));
}

/** Printed headings that name places (`浙江：`, `河 北`, `济南 曲径通幽`): each opens its place's section. */
function fromPrintedHeadings(text: ArticleText): SectionedArticle | undefined {
  if (text.headings.length === 0 || !text.headings.every((heading) => isPlaceUnit(heading.unit))) return undefined;
  return sectionedByHeadings(text);
}

/**
 * Printed headings of units (`北京交通大学`, `国家发展改革委`): a unit whose name gives no province takes the one its
 * own passage clearly tells of.
 */
function fromUnitHeadings(text: ArticleText): SectionedArticle | undefined {
  if (text.headings.length === 0) return undefined;
  placeUnitsFromText(text.headings, text.paragraphs.length, text.placeMatches, text.gazetteer, text.cues.sectioning.mixedRatio);
  return sectionedByHeadings(text);
}

/** One paragraph rule of a headed article: it adjusts the paragraphs the headings gave their regions. */
type HeadedParagraphRule = (infos: ParagraphInfo[], text: ArticleText, byStart: ReadonlyMap<number, HeadingFound>) => void;

const HEADED_RULES: readonly HeadedParagraphRule[] = [
  reportsEndSections,
  trailingTitlesBelongToNone,
  placesElsewhereLeaveSection,
  captionsTakeTheirProvince,
  markerLinesBelongToNone,
  calloutsIntroduceTheirSection,
  (infos, text) => closeSummaries(infos, text.placeMatches, text.gazetteer),
];

function sectionedByHeadings(text: ArticleText): SectionedArticle {
  const byStart = new Map(text.headings.map((heading) => [heading.paragraph, heading]));
  const infos = paragraphsUnderHeadings(text, byStart);
  for (const rule of HEADED_RULES) rule(infos, text, byStart);
  return { paragraphs: infos, sections: buildSections(infos, text.gazetteer, 'inferred-places', byStart) };
}

/** Each paragraph in the section of the heading above it; the heading's own lines are headings, the lines before any are the intro. */
function paragraphsUnderHeadings({ paragraphs, headings, bylines }: ArticleText, byStart: ReadonlyMap<number, HeadingFound>): ParagraphInfo[] {
  // Where every heading is in one province (浙江杭州：, 浙江宁波：), the paragraphs before them are that province's.
  const headingRegions = new Set(headings.map((heading) => heading.unit.region?.short ?? null));
  const sharedRegion = headingRegions.size === 1 ? [...headingRegions][0]! : null;
  const infos: ParagraphInfo[] = [];
  let current: HeadingFound | undefined;
  let headingLinesLeft = 0;
  for (let index = 0; index < paragraphs.length; index++) {
    const started = byStart.get(index);
    if (started) {
      current = started;
      headingLinesLeft = started.lines;
    }
    const role: ParagraphRole = headingLinesLeft > 0 ? 'heading' : current ? 'body' : 'intro';
    headingLinesLeft -= 1;
    if (bylines[index]) infos.push({ index, text: paragraphs[index]!, region: null, unit: null, role: 'byline' });
    else
      infos.push({
        index,
        text: paragraphs[index]!,
        region: current ? (current.unit.region?.short ?? null) : sharedRegion,
        unit: current ? current.unit.unit : sharedRegion,
        role,
      });
  }
  return infos;
}

/** A photo caption belongs to the province it names, whatever section it is printed in. */
function captionsTakeTheirProvince(infos: ParagraphInfo[], text: ArticleText): void {
  for (const info of infos) {
    if (!text.cues.captions.some((pattern) => pattern.test(info.text))) continue;
    const province = dominantProvince(provinceVotes(text.placeMatches[info.index] ?? []), text.cues.sectioning.mixedRatio);
    assignProvince(info, province && province !== 'mixed' ? text.gazetteer.region(province)!.short : null);
    info.role = 'body';
  }
}

/** A marker line (■链接) opens material that is not the section's own. */
function markerLinesBelongToNone(infos: ParagraphInfo[]): void {
  for (const info of infos) {
    if (/^[■□●○▲△◆◇★☆]/.test(info.text) && isShortLine(info.text)) assignProvince(info, null);
  }
}

/** A callout printed just above a heading (年客运量38.5亿人次) introduces the section below it. */
function calloutsIntroduceTheirSection(infos: ParagraphInfo[], text: ArticleText, byStart: ReadonlyMap<number, HeadingFound>): void {
  for (const heading of text.headings) {
    const kicker = infos[heading.paragraph - 1];
    if (kicker && kicker.role !== 'byline' && isShortLine(kicker.text) && /[0-9０-９]/.test(kicker.text) && !byStart.has(kicker.index)) {
      kicker.region = heading.unit.region?.short ?? null;
      kicker.unit = heading.unit.unit;
      if (kicker.role === 'intro') kicker.role = 'body';
    }
  }
}

/**
 * Without headings, a roundup opens paragraphs with different provinces, or tells several provinces' stories with none
 * taking most of them (a one-region story that mentions a partner province stays one region's).
 */
function fromPlaceVotes(text: ArticleText): SectionedArticle | undefined {
  const { sectioning } = text.cues;
  const votes = text.placeMatches.map(provinceVotes);
  const dominant = storyProvinces(text, votes);
  const opening = new Set<string>();
  const strong = new Map<string, number>();
  dominant.forEach((province, index) => {
    if (!province || province === 'mixed') return;
    if (opensWith(text.placeMatches[index]!, province, sectioning.openingCharacters)) opening.add(province);
    if ((votes[index]!.get(province) ?? 0) >= sectioning.strongVotes) strong.set(province, (strong.get(province) ?? 0) + 1);
  });
  const strongTotal = [...strong.values()].reduce((sum, count) => sum + count, 0);
  const strongTop = Math.max(0, ...strong.values());
  const isRoundup = opening.size >= sectioning.openingProvinces || (strong.size >= 2 && strongTop <= sectioning.largestStrongShare * strongTotal);
  if (!isRoundup) return undefined;
  const infos = storiesByPlace(text, dominant);
  closeSummaries(infos, text.placeMatches, text.gazetteer);
  return { paragraphs: infos, sections: buildSections(infos, text.gazetteer, 'inferred-places', new Map()) };
}

/**
 * The province each paragraph tells the story of. A national paragraph that names a province only by its name
 * (总书记在陕西考察时指出…) frames the article; it tells no province's story unless it also names places there.
 */
function storyProvinces({ paragraphs, placeMatches, cues }: ArticleText, votes: ReadonlyArray<Map<string, number>>): Array<string | 'mixed' | undefined> {
  return votes.map((paragraphVotes, index) => {
    const namesOnlyProvinces = (placeMatches[index] ?? []).every((match) => match.candidates.some((entry) => entry.place.level === 'province'));
    return namesOnlyProvinces && cues.nationalScope.test(paragraphs[index]!) ? undefined : dominantProvince(paragraphVotes, cues.sectioning.mixedRatio);
  });
}

/**
 * Each paragraph continues the story of the last province one told, until a subheading or a national paragraph ends
 * it. A passage headed by a name and a dash (`驻村第一书记盛君——`) is one place's from its heading on: its heading,
 * headline and opening quotations take the province its first place-naming paragraph tells of.
 */
function storiesByPlace(text: ArticleText, dominant: ReadonlyArray<string | 'mixed' | undefined>): ParagraphInfo[] {
  const infos = unassigned(text);
  let current: string | null = null;
  let started = false;
  let dashPassage: ParagraphInfo[] | undefined;
  for (const info of infos) {
    if (info.role === 'byline') continue;
    const province = dominant[info.index];
    if (province && province !== 'mixed') {
      current = text.gazetteer.region(province)!.short;
      started = true;
      for (const opening of dashPassage ?? []) {
        assignProvince(opening, current);
        opening.role = 'body';
      }
      dashPassage = undefined;
    } else if (DASH_HEADING.test(info.text) && isShortLine(info.text)) {
      current = null;
      dashPassage = [];
    } else if (province === 'mixed' || isShortLine(info.text) || text.cues.nationalScope.test(info.text)) {
      // A subheading (逆行而上) or a national paragraph (全国…, 民政部…) ends the story before it; a quotation or
      // follow-on paragraph without places continues it.
      current = null;
      if (province === 'mixed' || !dashPassage) dashPassage = undefined;
    }
    dashPassage?.push(info);
    assignProvince(info, current);
    if (!started) info.role = 'intro';
  }
  return infos;
}

/** A passage heading of a name and a dash (`驻村第一书记盛君——`, `村党支部书记唐国徽——`). */
const DASH_HEADING = /^[\u4e00-\u9fff·]{2,20}——$/;

/** One region's story: the region named most (the title counting more), where the title or enough paragraphs name it. */
function asSingleRegion(text: ArticleText): SectionedArticle | undefined {
  const { sectioning } = text.cues;
  const votes = text.placeMatches.map(provinceVotes);
  const titleVotes = provinceVotes(text.titleMatches);
  const totals = new Map<string, number>();
  votes.forEach((paragraphVotes) => paragraphVotes.forEach((count, code) => totals.set(code, (totals.get(code) ?? 0) + count)));
  titleVotes.forEach((count, code) => totals.set(code, (totals.get(code) ?? 0) + sectioning.titleWeight * count));
  const top = dominantProvince(totals, sectioning.mixedRatio);
  if (!top || top === 'mixed') return undefined;
  const bodyCount = text.paragraphs.filter((_, index) => !text.bylines[index]).length;
  const paragraphsNaming = votes.filter((paragraphVotes) => paragraphVotes.has(top)).length;
  if (!titleVotes.has(top) && paragraphsNaming < Math.max(1, Math.ceil(bodyCount * sectioning.singleRegionParagraphShare))) return undefined;
  const region = text.gazetteer.region(top)!.short;
  const infos = unassigned(text);
  for (const info of infos) if (info.role !== 'byline') assignProvince(info, region);
  return { paragraphs: infos, sections: buildSections(infos, text.gazetteer, 'inferred-single', new Map()) };
}
