// Finding place names in a paragraph and resolving each to one gazetteer entry, by context and never by guessing.
import type { Place, PlaceLevel, PlaceMention } from '@roundup/model';
import type { Gazetteer, NameEntry } from './gazetteer.js';
import { codeUnitSet, isIdeograph } from './text.js';

/** A place name found in the text with every entry it could stand for; resolution comes once the section is known. */
export interface PlaceMatch {
  paragraph: number;
  start: number;
  end: number;
  name: string;
  candidates: NameEntry[];
  /** A province named as people's origin (江苏人): it says where someone is from, not where the story is. */
  demonym?: boolean;
  /** A place named as where help goes (援助湖北, 赴武汉): the story is the helpers'. */
  destination?: boolean;
  /** The place of a dateline (本报北京2月23日电): where the report was filed, not what it is about. */
  dateline?: boolean;
  /** For a zone or village written right after a known place: that place, which it belongs to. */
  parent?: PlaceMatch;
}

// The patterns tested around every name found are sticky, tested at a position of the paragraph (those before a name
// as a lookbehind at its start): a slice of the text for each, at each of a long paragraph's names, cost more than
// the tests.
/** After a province, words that make it people's origin (江苏人, 湖北旅客, 湖北来浏人员), not the story's place. */
const ORIGIN_AFTER = /人(?![民大口员社才])|籍|旅客|游客|来|返乡|务工|患者|考生/y;
const DATELINE_BEFORE = /(?<=本报|新华社|电讯|中新社)/y;
const DATELINE_AFTER = /^[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日电|^电/;
const DESTINATION_BEFORE = /(?<=援|援助|支援|驰援|赴|奔赴|前往|援建)/y;

/** What may stand right before a two-character name (和县, 沛县) so that it is not the tail of a phrase (县委和县政府). */
const BEFORE_SHORT_NAME = /[在到赴从至于往去来和与及同、，。；：“（]/;
/** After a suffix-less name these make it part of another name: 抚顺社区, 中山路, 江苏饭店, 山东大学. */
const PART_OF_ANOTHER_NAME = /^(?:社区|村|路|街|大街|大道|小区|公园|广场|大学|学院|饭店|宾馆|酒店|商会|站|号|湾|江|河|湖|山|岛|桥|门|寺)/;
/** A development zone, new area or park written after a place (烟台开发区, 湖南宁乡经开区, 三亚崖州湾科技城). */
const ZONE_WORDS = [
  '经济技术开发区',
  '高新技术产业开发区',
  '经济开发区',
  '高新技术开发区',
  '高新区',
  '经开区',
  '开发区',
  '自贸区',
  '保税区',
  '科技城',
  '工业园区',
  '产业园区',
  '工业园',
  '产业园',
];
const ZONE_AFTER = new RegExp(`^([\\u4e00-\\u9fff]{0,5}?)(${ZONE_WORDS.join('|')})`);
/** A village or residents' community written right after its county or township (红泥湾镇石灰窑村, 淮川街道城西社区). */
const VILLAGE_WORDS = ['村', '社区'];
const VILLAGE_AFTER = new RegExp(`^([\\u4e00-\\u9fff]{1,5}?)(${VILLAGE_WORDS.join('|')})`);
/** How far after a place its zone or village is looked for. */
const ZONE_OR_VILLAGE_REACH = 12;
/** The last character of every zone and village word: where none stands within reach after a place, neither follows it. */
const ENDS_ZONE_OR_VILLAGE = codeUnitSet([...ZONE_WORDS, ...VILLAGE_WORDS].map((word) => word[word.length - 1]!).join(''));
/** The street office's 办 between a township and its village (胶北街道办和睦屯村). */
const STREET_OFFICE = /^(?:办事处|办)/;
/** Words that end in 村 or 社区 without being one (乡村, 农村, 农业农村, 街道社区). */
const NOT_A_VILLAGE = /^(?:城|新农|贫困|行政|自然|重点|示范|试点|边远|偏远|城市|农民|城乡|街道|镇|乡镇|全镇|全村)$|[农乡山渔]$/;
/** Characters that never stand inside a place's name (以各村, 的村), and conjunctions that never start one (乡镇和村). */
const NOT_IN_A_NAME = /^[和与及同]$|[的在等个了是有为对把将被以各全每该本这那其]/;

function derived(parent: NameEntry[], name: string, level: PlaceLevel): NameEntry[] {
  return parent.map((entry) => ({
    place: { name, level, code: entry.place.code, provinceCode: entry.place.provinceCode, prefecture: entry.place.prefecture || undefined },
    short: false,
    needsContext: entry.needsContext,
  }));
}

/**
 * A match with every field set from the start, flags false: matches of one shape keep the code that reads them
 * optimised (fields added later gave V8 several shapes, and the readers were deoptimised and compiled again).
 */
function placeMatch(paragraph: number, start: number, end: number, name: string, candidates: NameEntry[], parent?: PlaceMatch): PlaceMatch {
  return { paragraph, start, end, name, candidates, demonym: false, destination: false, dateline: false, parent };
}

/**
 * Scans a paragraph left to right, taking the longest gazetteer name at each position, so
 * `衢州衢江区` gives 衢州 then 衢江区 and `浙江西部` never yields 江西. Zones and villages written
 * right after a known place take that place's province (the gazetteer stops at townships).
 */
export function matchPlaceNames(text: string, paragraph: number, gazetteer: Gazetteer): PlaceMatch[] {
  const matches: PlaceMatch[] = [];
  const possible = gazetteer.possibleStarts(text);
  let next = 0;
  for (let start = 0; start < text.length; ) {
    // Where no name may start there is nothing to find: on to the next position where one may.
    while (next < possible.length && possible[next]! < start) next += 1;
    if (next === possible.length) break;
    start = possible[next]!;
    const found = acceptableNameAt(text, start, gazetteer, matches);
    if (!found) {
      start += 1;
      continue;
    }
    const end = found[0];
    const candidates = found[1];
    const match = placeMatch(paragraph, start, end, text.slice(start, end), candidates);
    if (candidates.some(isProvinceEntry) && matchesAt(ORIGIN_AFTER, text, end)) match.demonym = true;
    if (matchesAt(DESTINATION_BEFORE, text, start)) match.destination = true;
    if (matchesAt(DATELINE_BEFORE, text, start) && DATELINE_AFTER.test(text.slice(end, end + 12))) match.dateline = true;
    matches.push(match);
    start = end;
    if (!zoneOrVillageMayFollow(text, end)) continue;
    const rest = text.slice(end, end + ZONE_OR_VILLAGE_REACH);
    const zone = ZONE_AFTER.exec(rest);
    // The zone's own name must not start with another place (海南三亚崖州湾科技城 is 三亚, then the zone).
    if (zone && !NOT_IN_A_NAME.test(zone[1]!) && (zone[1] === '' || gazetteer.namesAt(zone[1]!, 0).length === 0)) {
      const zoneEnd = end + zone[0].length;
      if (zone[1] === '') {
        // 烟台开发区: the zone is named after the place; one locality, not two.
        matches.pop();
        matches.push(
          placeMatch(paragraph, match.start, zoneEnd, text.slice(match.start, zoneEnd), derived(candidates, text.slice(match.start, zoneEnd), 'zone')),
        );
      } else {
        matches.push(placeMatch(paragraph, end, zoneEnd, zone[0], derived(candidates, zone[0], 'zone'), match));
      }
      start = zoneEnd;
      continue;
    }
    // 胶北街道办和睦屯村: the street office's 办 belongs to the township, not the village.
    const office = STREET_OFFICE.exec(rest)?.[0] ?? '';
    const village = VILLAGE_AFTER.exec(rest.slice(office.length));
    const parentLevel = candidates[0]?.place.level;
    // The village's own name must not start with a full place name the scan will find next
    // (县平凤乡郎家村: 平凤乡, then 郎家村); a short one may be part of it (抚顺社区).
    if (
      village &&
      (parentLevel === 'county' || parentLevel === 'township' || parentLevel === 'zone') &&
      !NOT_A_VILLAGE.test(village[1]!) &&
      !NOT_IN_A_NAME.test(village[1]!) &&
      !gazetteer.namesAt(village[1]!, 0).some(([, entries]) => entries.some((entry) => !entry.short))
    ) {
      const villageStart = end + office.length;
      const villageEnd = villageStart + village[0].length;
      matches.push(placeMatch(paragraph, villageStart, villageEnd, village[0], derived(candidates, village[0], 'village'), matches[matches.length - 1]!));
      start = villageEnd;
    }
  }
  return matches;
}

const isProvinceEntry = (entry: NameEntry) => entry.place.level === 'province';

/** Whether a sticky pattern matches at `at` in the text. */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** Whether a zone or village word may end within reach after `end`: most places are followed by neither. */
function zoneOrVillageMayFollow(text: string, end: number): boolean {
  const limit = Math.min(text.length, end + ZONE_OR_VILLAGE_REACH);
  for (let index = end; index < limit; index++) if (ENDS_ZONE_OR_VILLAGE(text.charCodeAt(index))) return true;
  return false;
}

/** The longest gazetteer name at `start` that is a place here; called only where a name may start. */
function acceptableNameAt(text: string, start: number, gazetteer: Gazetteer, matches: readonly PlaceMatch[]): readonly [number, NameEntry[]] | undefined {
  const names = gazetteer.namesAt(text, start);
  for (let index = 0; index < names.length; index++) {
    const [end, entries] = names[index]!;
    if (acceptable(text, start, end, entries, matches) && !gazetteer.insideEverydayWord(text, start, end)) return names[index];
  }
  return undefined;
}

/** Whether a gazetteer name found at [start, end) is a place here, judging by the characters around it. */
function acceptable(text: string, start: number, end: number, entries: NameEntry[], matches: readonly PlaceMatch[]): boolean {
  if (entries.some((entry) => entry.short) && PART_OF_ANOTHER_NAME.test(text.slice(end, end + 2))) return false;
  // A two-character full county name (和县, 沛县) inside running text is usually the tail of a phrase.
  if (end - start <= 2 && start > 0 && isIdeograph(text.charCodeAt(start - 1)) && entries.every((entry) => !entry.short && entry.place.level === 'county')) {
    const previous = matches[matches.length - 1];
    if (!BEFORE_SHORT_NAME.test(text[start - 1]!) && previous?.end !== start) return false;
  }
  return true;
}

/** What settles an ambiguous name: the section's province and the places named just before. */
export interface PlaceContext {
  provinceCode?: string | undefined;
  /** Recently resolved places, most recent last. */
  recent: Place[];
}

function isWithin(place: Place, ancestor: Place): boolean {
  if (ancestor.level === 'province') return place.provinceCode === ancestor.code;
  const prefix = ancestor.level === 'prefecture' ? ancestor.code.slice(0, 4) : ancestor.code.slice(0, 6);
  return place.code.startsWith(prefix) && place.code !== ancestor.code;
}

/**
 * Chooses the one entry a name stands for, or null when the context leaves several: a unique
 * name resolves alone; otherwise the section's province, then the nearest place named before it, decide.
 * Returns undefined when the name should not count as a place here at all.
 */
export function resolvePlace(match: PlaceMatch, context: PlaceContext): Place | null | undefined {
  let candidates = match.candidates.filter((entry) => !entry.needsContext || context.recent.some((recent) => isWithin(entry.place, recent)));
  if (candidates.length === 0) return undefined;
  // Township names are many and short (发展乡, 城北街道): count one only inside the section's province or
  // under a place just named, never on its own.
  if (candidates.every((entry) => entry.place.level === 'township')) {
    candidates = candidates.filter(
      (entry) =>
        (context.provinceCode !== undefined && entry.place.provinceCode === context.provinceCode) ||
        context.recent.some((recent) => isWithin(entry.place, recent)),
    );
    if (candidates.length === 0) return undefined;
  }
  const province = candidates.find((entry) => entry.place.level === 'province');
  if (province) return province.place;
  if (candidates.length === 1) return candidates[0]!.place;
  if (context.provinceCode) {
    const inProvince = candidates.filter((entry) => entry.place.provinceCode === context.provinceCode);
    if (inProvince.length === 0) return undefined;
    candidates = inProvince;
    if (candidates.length === 1) return candidates[0]!.place;
  }
  for (let i = context.recent.length - 1; i >= 0; i--) {
    const ancestor = context.recent[i]!;
    const within = candidates.filter((entry) => isWithin(entry.place, ancestor));
    if (within.length === 1) return within[0]!.place;
    if (within.length > 1) candidates = within;
  }
  // Several entries share the name and nothing in the text tells them apart: a township is then not
  // counted at all, a county or prefecture is kept without a code.
  if (candidates.every((entry) => entry.place.code === candidates[0]!.place.code)) return candidates[0]!.place;
  if (candidates.some((entry) => entry.place.level === 'township' || entry.place.level === 'village')) return undefined;
  return null;
}

/** The level a name is written at, for an unresolved mention: the most common level among its candidates. */
function levelOf(match: PlaceMatch): PlaceLevel {
  return match.candidates[0]?.place.level ?? 'county';
}

/** A zone or village belongs where the place written before it was resolved; it is dropped with it. */
function placeUnder(match: PlaceMatch, parent: Place | null | undefined): Place | null | undefined {
  if (!parent) return parent;
  const level = match.candidates[0]?.place.level ?? 'village';
  return { name: match.name, level, code: parent.code, provinceCode: parent.provinceCode, prefecture: parent.prefecture || undefined };
}

/** Resolves the matches of one stretch of text that shares a province, keeping the recent-place context. */
export function resolvePlaceMatches(matches: readonly PlaceMatch[], provinceCode: string | undefined, recent: Place[] = []): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  eachPlaceMention(matches, provinceCode, recent, (mention) => mentions.push(mention));
  return mentions;
}

/**
 * `resolvePlaceMatches` handing each mention over as it is resolved: a caller that builds its own record of each
 * leaves the mention to die young, where a list of all of a long paragraph's mentions lived to be copied by the collector.
 */
export function eachPlaceMention(
  matches: readonly PlaceMatch[],
  provinceCode: string | undefined,
  recent: Place[],
  use: (mention: PlaceMention) => void,
): void {
  // Only the places zones and villages are written after are looked up again: a map of every match (424,000 in one
  // paragraph of place names) cost a sixth of that paragraph's extraction.
  const parents = new Set<PlaceMatch>();
  for (const match of matches) if (match.parent) parents.add(match.parent);
  const resolved = new Map<PlaceMatch, Place | null | undefined>();
  for (const match of matches) {
    const place = match.parent ? placeUnder(match, resolved.get(match.parent)) : resolvePlace(match, { provinceCode, recent });
    if (parents.size > 0 && parents.has(match)) resolved.set(match, place);
    if (place === undefined) continue;
    if (place) {
      recent.push(place);
      if (recent.length > 8) recent.shift();
    }
    use({
      paragraph: match.paragraph,
      start: match.start,
      end: match.end,
      name: match.name,
      place,
      level: place?.level ?? levelOf(match),
    });
  }
}
