// What sectioning reads: the cues, printed headings of regions and units, the province votes of each paragraph's places,
// and how paragraphs are grouped into sections once each has its region (the strategies are in section-strategies.ts).
import type { ParagraphInfo, Section, SectionDetection } from '@roundup/model';
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import type { Gazetteer, NameEntry } from './gazetteer.js';
import type { PlaceMatch } from './places.js';
import { loneLineUnit, namedUnit, unitLedScene } from './lone-headings.js';
import { headingUnit, isPlaceUnit, type KnownUnits, type SectionUnit } from './units.js';
import { escapeRegExp } from './text.js';

const SPACES = /[\s\u3000\u00A0]/g;
const SENTENCE_END = /[。！？!?；;]/;
/** The longest line read as a printed headline. */
export const HEADLINE_MAX = 40;

const SectionCuesFile = z.object({
  nationalScope: z.array(z.string()),
  bylinePatterns: z.array(z.string()),
  captionPatterns: z.array(z.string()),
  reportStartPatterns: z.array(z.string()),
  kind: z.object({
    minimumUnits: z.number().int().min(2),
    largestShare: z.number().min(0).max(1),
    regionalShare: z.number().min(0).max(1),
    severalPlaces: z.array(z.string()),
    severalPlacesUnits: z.number().int().min(2),
    notSeveralPlaces: z.array(z.string()),
    introParagraphs: z.number().int().min(1),
    compiledByline: z.string(),
    sectorTitleWords: z.array(z.string()),
    rankingTitleWords: z.array(z.string()),
    institutePattern: z.string(),
  }),
  sectioning: z.object({
    openingCharacters: z.number().int().nonnegative(),
    openingProvinces: z.number().int().min(2),
    strongVotes: z.number().int().min(1),
    largestStrongShare: z.number().min(0).max(1),
    mixedRatio: z.number().min(0).max(1),
    singleRegionParagraphShare: z.number().min(0).max(1),
    titleWeight: z.number().min(0),
  }),
});
export interface SectionCues {
  /** Words that make a paragraph without places a national or general one: it continues no region's story (any of them, one scan). */
  nationalScope: RegExp;
  /** Bylines, credits and caption headers: lines that belong to no region. */
  bylines: RegExp[];
  /** Photo captions (图①：…): each tells where its own picture was taken. */
  captions: RegExp[];
  /** Datelines and reporters' lines (`本报北京5月5日电`, `本报记者 张三`) that open a report: past a section's body, another report. */
  reportStarts: RegExp[];
  /** What makes an article a roundup, and a regional or general one otherwise (see `classifyArticle`). */
  kind: {
    minimumUnits: number;
    largestShare: number;
    regionalShare: number;
    severalPlaces: string[];
    severalPlacesUnits: number;
    notSeveralPlaces: RegExp;
    introParagraphs: number;
    compiledByline: RegExp;
    sectorTitleWords: string[];
    rankingTitleWords: string[];
    institute: RegExp;
  };
  /** Thresholds of sectioning without headings, each explained in the file (see `section-strategies.ts`). */
  sectioning: z.infer<typeof SectionCuesFile>['sectioning'];
}

/** A pattern matching any of the words, literally; one that matches nothing where there are none. */
function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map(escapeRegExp).join('|') || '(?!)');
}

export function loadSectionCues(file = dataPath('section-cues.json')): SectionCues {
  const cues = loadDataFile(file, SectionCuesFile);
  return {
    nationalScope: anyOf(cues.nationalScope),
    bylines: cues.bylinePatterns.map((pattern) => new RegExp(pattern)),
    captions: cues.captionPatterns.map((pattern) => new RegExp(pattern)),
    reportStarts: cues.reportStartPatterns.map((pattern) => new RegExp(pattern)),
    kind: {
      ...cues.kind,
      // Phrases to blank out before looking for the words of `severalPlaces`; `(?!)` matches nothing where none are listed.
      notSeveralPlaces: new RegExp(cues.kind.notSeveralPlaces.join('|') || '(?!)', 'g'),
      compiledByline: new RegExp(cues.kind.compiledByline),
      institute: new RegExp(cues.kind.institutePattern),
    },
    sectioning: cues.sectioning,
  };
}

export function isByline(paragraph: string, cues: SectionCues): boolean {
  return paragraph.length <= 80 && cues.bylines.some((pattern) => pattern.test(paragraph));
}

/** A short line that is not a sentence: a headline, a subheading (逆行而上) or a data callout (年客运量38.5亿人次). */
export function isShortLine(paragraph: string): boolean {
  return paragraph.length <= 24 && !SENTENCE_END.test(paragraph) && !/[，,]/.test(paragraph.slice(0, -1));
}

/** Collapses the spaces printed inside a headline (结合实际　注重实效, 表现突出\u00A0及时奖励) to one. */
function normaliseHeadline(text: string): string {
  return text.replace(/[\s\u3000\u00A0]+/g, ' ').trim();
}

/** A printed headline: short, not a sentence (no 。！？). */
function isHeadline(paragraph: string | undefined): paragraph is string {
  return paragraph !== undefined && paragraph.length >= 2 && paragraph.length <= HEADLINE_MAX && !SENTENCE_END.test(paragraph);
}

export interface HeadingFound {
  paragraph: number;
  /** What the heading names: a province, a city, a university, a ministry … */
  unit: SectionUnit;
  heading: string;
  /** Paragraphs the heading occupies (the region line, and the headline line after it). */
  lines: number;
  detectedBy: SectionDetection;
}

/**
 * Finds region and unit headings of the three printed forms: `浙江：` then a headline line; `浙江：headline`;
 * `河 北` or `北京交通大学` alone.
 */
export function findHeadings(paragraphs: readonly string[], gazetteer: Gazetteer, known: KnownUnits, bylines: readonly boolean[] = []): HeadingFound[] {
  const headings: HeadingFound[] = [];
  /**
   * Headings of the form `厦门港——` (a name of any kind, known by the dash) or `济南 曲径通幽` (a place, a space, a
   * headline): several must stand in the article.
   */
  const dashed = new Set<HeadingFound>();
  const spacedHeadlines: string[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    if (paragraph.length > HEADLINE_MAX + 12) continue;
    const spaced = spacedHeading(paragraph, gazetteer, known);
    if (spaced) {
      headings.push({ paragraph: index, ...spaced, lines: 1, detectedBy: 'heading-inline' });
      dashed.add(headings[headings.length - 1]!);
      spacedHeadlines.push(spaced.heading);
      continue;
    }
    const scene = unitLedScene(paragraph, gazetteer, known);
    if (scene) {
      headings.push({ paragraph: index, ...scene, lines: 1, detectedBy: 'heading-inline' });
      dashed.add(headings[headings.length - 1]!);
      continue;
    }
    const compact = paragraph.replace(SPACES, '').replace(/^[【［\[]|[】］\]]/g, '');
    const dash = /^([\u4e00-\u9fff]{2,20})——$/.exec(compact);
    const colon = dash ? dash[1]!.length : compact.search(/[：:]/);
    const token = colon === -1 ? compact : compact.slice(0, colon);
    if (token.length < 2 || token.length > (dash ? 20 : 16)) continue;
    const unit =
      headingUnit(token, gazetteer, known) ??
      (dash ? namedUnit(token, gazetteer, known) : colon === -1 ? loneLineUnit(token, index, paragraphs, bylines, gazetteer, known) : undefined);
    if (!unit || (!isPlaceUnit(unit) && token.length < 3 && !known.byName.has(token))) continue;
    const rest = colon === -1 || dash ? '' : paragraph.slice(paragraph.search(/[：:]/) + 1).trim();
    const next = paragraphs[index + 1];
    if (colon !== -1 && rest === '') {
      const hasHeadline = isHeadline(next);
      headings.push({ paragraph: index, unit, heading: hasHeadline ? normaliseHeadline(next) : '', lines: hasHeadline ? 2 : 1, detectedBy: 'heading-line' });
      if (dash) dashed.add(headings[headings.length - 1]!);
    } else if (colon !== -1 && isHeadline(rest)) {
      headings.push({ paragraph: index, unit, heading: normaliseHeadline(rest), lines: 1, detectedBy: 'heading-inline' });
    } else if (colon === -1) {
      const hasHeadline = isHeadline(next) && headingUnit(next.replace(SPACES, ''), gazetteer, known) === undefined;
      headings.push({ paragraph: index, unit, heading: hasHeadline ? normaliseHeadline(next) : '', lines: hasHeadline ? 2 : 1, detectedBy: 'heading-name' });
    } else {
      continue;
    }
    index += headings[headings.length - 1]!.lines - 1;
  }
  // A lone name without a colon, or one dash heading, is a heading only where the article prints several of them.
  const alone = (heading: HeadingFound) => heading.detectedBy === 'heading-name' || dashed.has(heading);
  const named = headings.filter(alone);
  if (spacedHeadlines.length >= 2) return withGluedHeadings(headings, paragraphs, spacedHeadlines, gazetteer, known);
  if (named.length !== 1) return headings;
  // One lone name with its headline under it stands beside two or more headings of another form (`武汉龙泉街道` over
  // its headline, then `天津：…`, `郑州：…`): the article's first passage printed differently.
  const framed = headings.filter((heading) => !alone(heading));
  const [lone] = named;
  return framed.length >= 2 && lone!.detectedBy === 'heading-name' && lone!.lines === 2 ? headings : framed;
}

/**
 * A university or other unit whose name gives no province takes the one its own passage clearly tells of, or
 * where the passage names several, the one it is first placed in (the text comes first); central bodies,
 * enterprises and sectors stay national.
 */
export function placeUnitsFromText(
  headings: HeadingFound[],
  paragraphCount: number,
  placeMatches: readonly PlaceMatch[][],
  gazetteer: Gazetteer,
  mixedRatio: number,
): void {
  headings.forEach((heading, position) => {
    if (heading.unit.region || (heading.unit.unitType !== 'university' && heading.unit.unitType !== 'other')) return;
    const end = headings[position + 1]?.paragraph ?? paragraphCount;
    const votes = new Map<string, number>();
    for (let index = heading.paragraph; index < end; index++) {
      for (const [code, count] of provinceVotes(placeMatches[index] ?? [])) votes.set(code, (votes.get(code) ?? 0) + count);
    }
    const dominant = dominantProvince(votes, mixedRatio);
    // Where the passage is mixed (a site in 福建 whose workers come from 江苏), the unit is where its story is first placed.
    const province = dominant === 'mixed' ? firstClearProvince(placeMatches.slice(heading.paragraph, end), mixedRatio) : dominant;
    if (province) heading.unit = { ...heading.unit, region: gazetteer.region(province)! };
  });
}

/** The province of the first paragraph that names one clearly, if any. */
function firstClearProvince(placeMatches: readonly PlaceMatch[][], mixedRatio: number): string | undefined {
  for (const matches of placeMatches) {
    const province = dominantProvince(provinceVotes(matches), mixedRatio);
    if (province && province !== 'mixed') return province;
  }
  return undefined;
}

/**
 * Where an article prints two or more `济南 曲径通幽` headings, a line of the same layout whose space was lost
 * (`广州一园一景`: a city, then a headline as long as the others) is one of them too.
 */
function withGluedHeadings(
  headings: HeadingFound[],
  paragraphs: readonly string[],
  spacedHeadlines: readonly string[],
  gazetteer: Gazetteer,
  known: KnownUnits,
): HeadingFound[] {
  const taken = new Set(headings.flatMap((heading) => Array.from({ length: heading.lines }, (_, line) => heading.paragraph + line)));
  const lengths = new Set(spacedHeadlines.map((headline) => headline.length));
  const glued: HeadingFound[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (taken.has(index) || !/^[\u4e00-\u9fff]{6,12}$/.test(paragraph)) return;
    for (const length of lengths) {
      const unit = headingUnit(paragraph.slice(0, -length), gazetteer, known);
      if (unit && (unit.unitType === 'province' || unit.unitType === 'city')) {
        glued.push({ paragraph: index, unit, heading: paragraph.slice(-length), lines: 1, detectedBy: 'heading-inline' });
        return;
      }
    }
  });
  return [...headings, ...glued].sort((a, b) => a.paragraph - b.paragraph);
}

/** A place and a headline on one line, a space between (`济南 曲径通幽`, `北京 留白增绿`), as a heading. */
function spacedHeading(paragraph: string, gazetteer: Gazetteer, known: KnownUnits): { unit: SectionUnit; heading: string } | undefined {
  // A headline has four characters at least: a shorter one is a signature (`江西南昌 张三`) under a reader's letter.
  const match = /^([\u4e00-\u9fff]{2,8})[ \u3000\u00A0]+([^ \u3000\u00A0]{4,16})$/.exec(paragraph);
  if (!match || !isHeadline(match[2]) || !isShortLine(match[2]!)) return undefined;
  const unit = headingUnit(match[1]!, gazetteer, known);
  if (!unit || !isPlaceUnit(unit)) return undefined;
  return { unit, heading: normaliseHeadline(match[2]!) };
}

/**
 * How strongly each province is named in a paragraph: province names count 2, lower places 1;
 * origins (江苏人), destinations of help (援助湖北) and datelines (本报北京…电) do not count.
 */
export function provinceVotes(matches: readonly PlaceMatch[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (let index = 0; index < matches.length; index++) {
    const match = matches[index]!;
    if (match.demonym || match.destination || match.dateline) continue;
    // A township name alone is too often a word (发展乡); it counts where it follows its county (胶州市胶北街道).
    const afterPlace = matches[index - 1]?.end === match.start;
    if (match.candidates.every((entry) => entry.place.level === 'township') && !afterPlace) continue;
    const vote = provinceVote(match.candidates);
    if (vote) votes.set(vote.provinceCode, (votes.get(vote.provinceCode) ?? 0) + vote.weight);
  }
  return votes;
}

/**
 * The province a name's entries (those that need no context) all lie in, weighing 2 where one is the province itself;
 * undefined when they lie in none or in several. One pass, no lists: it runs for every place named in a paragraph.
 */
function provinceVote(candidates: readonly NameEntry[]): { provinceCode: string; weight: number } | undefined {
  let provinceCode: string | undefined;
  let weight = 1;
  for (const entry of candidates) {
    if (entry.needsContext) continue;
    if (provinceCode !== undefined && entry.place.provinceCode !== provinceCode) return undefined;
    provinceCode = entry.place.provinceCode;
    if (entry.place.level === 'province') weight = 2;
  }
  return provinceCode === undefined ? undefined : { provinceCode, weight };
}

/**
 * The one province a paragraph is about, 'mixed' when a second has more than `mixedRatio` of the first's votes,
 * undefined when none.
 */
export function dominantProvince(votes: Map<string, number>, mixedRatio: number): string | 'mixed' | undefined {
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  if (second && second[1] > mixedRatio * first[1]) return 'mixed';
  return first[0];
}

/** True when a place of `provinceCode` is named within `characters` of the paragraph's start: the way roundups open a region's story. */
export function opensWith(matches: readonly PlaceMatch[], provinceCode: string, characters: number): boolean {
  return matches.some((match) => match.start <= characters && match.candidates.every((entry) => entry.place.provinceCode === provinceCode));
}

export interface SectionedArticle {
  paragraphs: ParagraphInfo[];
  sections: Section[];
}

/** Groups paragraphs into sections by unit: a new one where the unit changes or a heading starts one. */
export function buildSections(
  infos: ParagraphInfo[],
  gazetteer: Gazetteer,
  detectedBy: SectionDetection,
  headings: ReadonlyMap<number, HeadingFound>,
): Section[] {
  const units = new Map([...headings.values()].map((heading) => [heading.unit.unit, heading.unit]));
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const info of infos) {
    const heading = headings.get(info.index);
    if (info.unit === null) continue;
    if (!current || current.unit !== info.unit || heading) {
      current = {
        index: sections.length,
        region: info.region === null ? null : gazetteer.region(info.region)!,
        unit: info.unit,
        // A unit without a heading of its own is a province: inferred from places, or a caption's.
        unitType: units.get(info.unit)?.unitType ?? 'province',
        heading: heading?.heading ?? '',
        paragraphFrom: info.index,
        paragraphTo: info.index,
        detectedBy: heading?.detectedBy ?? detectedBy,
      };
      sections.push(current);
    }
    current.paragraphTo = info.index;
  }
  return sections;
}

/** Puts a paragraph in a province's story (its unit is the province), or in none. */
export function assignProvince(info: ParagraphInfo, region: string | null): void {
  info.region = region;
  info.unit = region;
}

/** A closing paragraph that names several of the article's regions is a summary and belongs to none. */
export function closeSummaries(infos: ParagraphInfo[], placeMatches: readonly PlaceMatch[][], gazetteer: Gazetteer): void {
  const articleRegions = new Set(infos.map((info) => info.region).filter((region): region is string => region !== null));
  if (articleRegions.size < 2) return;
  for (let index = infos.length - 1; index >= 0; index--) {
    const info = infos[index]!;
    if (info.role === 'byline') continue;
    const named = [...provinceVotes(placeMatches[index] ?? []).keys()]
      .map((code) => gazetteer.region(code)?.short)
      .filter((short) => short && articleRegions.has(short));
    if (new Set(named).size >= 2) {
      assignProvince(info, null);
      continue;
    }
    break;
  }
  for (const info of infos) if (info.role === 'intro') assignProvince(info, null);
}
