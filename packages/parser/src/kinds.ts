// What kind of article this is (annotation guide, "article kind"): a roundup sets several regions or units side by
// side in passages of their own and is framed that way; places alone never make one.
import type { ArticleKind, KindEvidence, ParagraphInfo, Section } from '@roundup/model';
import type { Gazetteer } from './gazetteer.js';
import type { SectionCues } from './sections.js';
import { type KnownUnits, presentsPerson } from './units.js';

/** What the kind rules need to know of names: the gazetteer and the unit table, to tell a person's line from a unit's. */
export interface NameTables {
  gazetteer: Gazetteer;
  known: KnownUnits;
}

export interface KindDecision {
  kind: ArticleKind;
  evidence: KindEvidence;
}

/** The units the article gives passages to, in order, with the paragraphs each holds. */
function unitParagraphs(paragraphs: readonly ParagraphInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const info of paragraphs) if (info.unit !== null) counts.set(info.unit, (counts.get(info.unit) ?? 0) + 1);
  return counts;
}

/** Between two names of a list (`江苏开山岛、海南潭门`): a few characters and a list mark, no sentence break. */
const LIST_GAP = /^[^。！？；]{0,5}[、，,和及与][^。！？；]{0,5}$/;

/**
 * How many of `units` a text names as a list (`记者走进安徽、河北、山东三地`, `江苏开山岛、海南潭门、西藏玉麦`):
 * units named next to another, a list mark between them. Names scattered through a text frame nothing.
 */
function listedIn(text: string, units: Iterable<string>): number {
  const mentions: Array<{ unit: string; start: number; end: number }> = [];
  for (const unit of units) {
    for (let at = text.indexOf(unit); at !== -1; at = text.indexOf(unit, at + unit.length)) mentions.push({ unit, start: at, end: at + unit.length });
  }
  mentions.sort((a, b) => a.start - b.start);
  const listed = new Set<string>();
  for (let index = 1; index < mentions.length; index++) {
    const [before, after] = [mentions[index - 1]!, mentions[index]!];
    if (before.unit !== after.unit && after.start >= before.end && LIST_GAP.test(text.slice(before.end, after.start))) {
      listed.add(before.unit);
      listed.add(after.unit);
    }
  }
  return listed.size;
}

/** The share of the regional paragraphs that the largest unit holds: a roundup spreads its passages. */
function largestShare(counts: ReadonlyMap<string, number>): number {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return total === 0 ? 1 : Math.max(...counts.values()) / total;
}

/**
 * The units whose printed headings frame the article as a roundup. Sectors count where the title says it compares
 * sectors (`交通运输各系统…`): under one enterprise's title they are the trades it supplies. A report on an index or
 * ranking quotes institutes without comparing them, and places of one province below province level (a guide to one
 * city's districts) tell that province's story: neither frames a roundup.
 */
function headedUnits(title: string, sections: readonly Section[], { kind }: SectionCues): Set<string> {
  const headed = sections.filter((section) => section.detectedBy.startsWith('heading'));
  if (kind.rankingTitleWords.some((word) => title.includes(word)) && headed.every((section) => kind.institute.test(section.unit))) return new Set();
  const sectorsFramed =
    kind.sectorTitleWords.some((word) => title.includes(word)) || headed.some((section) => section.unitType === 'sector' && title.includes(section.unit));
  const counted = headed.filter((section) => section.unitType !== 'sector' || sectorsFramed);
  const belowProvince = counted.every((section) => section.unitType === 'city' || section.unitType === 'county');
  if (belowProvince && new Set(counted.map((section) => section.region?.short)).size === 1) return new Set();
  return new Set(counted.map((section) => section.unit));
}

/**
 * Whether the article presents people rather than regions: a roster or an awards list (`冯小明  某某大学`, one line a
 * person), or a page of experts' and executives' voices (`某某集团董事长王某——`). Its passages, however many, are
 * people's: where its printed headings give two units or more (passages inferred from places are left alone: a page
 * of delegates' words may still be one region's story), at least as many lines present a person as the article has
 * half its sections, and never fewer than a roundup's units.
 */
export function presentsPeople(
  paragraphs: readonly ParagraphInfo[],
  sections: readonly Section[],
  { kind }: SectionCues,
  { gazetteer, known }: NameTables,
): boolean {
  const headed = sections.filter((section) => section.detectedBy.startsWith('heading'));
  if (new Set(headed.map((section) => section.unit)).size < kind.minimumUnits) return false;
  const people = paragraphs.filter((info) => presentsPerson(info.text, gazetteer, known)).length;
  return people >= kind.minimumUnits && people * 2 >= sections.length;
}

/**
 * What frames an article of several units' passages as a roundup, if anything: printed headings; or, where the
 * passages are inferred from places and no unit holds most of them, a title or intro that lists its units,
 * 各地/多地 over passages of three places or more, or the closing （综合本报记者…报道）.
 */
function roundupFrame(
  title: string,
  paragraphs: readonly ParagraphInfo[],
  sections: readonly Section[],
  counts: ReadonlyMap<string, number>,
  cues: SectionCues,
): KindEvidence | undefined {
  const { kind } = cues;
  if (headedUnits(title, sections, cues).size >= kind.minimumUnits) return 'headings';
  if (largestShare(counts) > kind.largestShare) return undefined;
  const units = [...counts.keys()];
  if (listedIn(title, units) >= kind.minimumUnits) return 'title-list';
  const intro = paragraphs
    .filter((info) => info.role === 'intro' || (info.unit === null && info.index < (sections[0]?.paragraphFrom ?? 0)))
    .slice(0, kind.introParagraphs)
    .map((info) => info.text)
    .join('\n');
  if (listedIn(intro, units) >= kind.minimumUnits) return 'intro-list';
  const framing = `${title}\n${intro}`.replaceAll(kind.notSeveralPlaces, '');
  if (units.length >= kind.severalPlacesUnits && kind.severalPlaces.some((word) => framing.includes(word))) return '各地-passages';
  if (paragraphs.some((info) => info.role === 'byline' && kind.compiledByline.test(info.text))) return '综合-byline';
  return undefined;
}

/** The kind of an article from its sections and the words that frame them. */
export function classifyArticle(
  title: string,
  paragraphs: readonly ParagraphInfo[],
  sections: readonly Section[],
  cues: SectionCues,
  names: NameTables,
): KindDecision {
  const counts = unitParagraphs(paragraphs);
  const units = [...counts.keys()];
  if (units.length === 0) return { kind: 'general', evidence: 'no-region' };
  if (units.length >= cues.kind.minimumUnits && !presentsPeople(paragraphs, sections, cues, names)) {
    const frame = roundupFrame(title, paragraphs, sections, counts, cues);
    if (frame) return { kind: 'roundup', evidence: frame };
  }
  // Not framed as a roundup: one region's story if one region holds most of the passages, else a general one
  // (a biography that moves between provinces, a speech naming several).
  const regionCounts = new Map<string, number>();
  for (const info of paragraphs) if (info.region !== null) regionCounts.set(info.region, (regionCounts.get(info.region) ?? 0) + 1);
  const regional = [...regionCounts.values()].reduce((sum, count) => sum + count, 0);
  const top = Math.max(0, ...regionCounts.values());
  const evidence = sections.every((section) => section.detectedBy.startsWith('heading')) ? 'headings' : 'places';
  return { kind: regional > 0 && top >= cues.kind.regionalShare * regional ? 'regional' : 'general', evidence };
}
