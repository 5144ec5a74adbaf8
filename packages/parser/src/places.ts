// Finding place names in a paragraph and resolving each to one gazetteer entry, by context and never by guessing.
import type { Place, PlaceLevel, PlaceMention } from '@roundup/model';
import type { Gazetteer, NameEntry } from './gazetteer.js';

/** A place name found in the text with every entry it could stand for; resolution comes once the section is known. */
export interface PlaceMatch {
  paragraph: number;
  start: number;
  end: number;
  name: string;
  candidates: NameEntry[];
}

/**
 * Scans a paragraph left to right, taking the longest gazetteer name at each position, so
 * `衢州衢江区` gives 衢州 then 衢江区 and `浙江西部` never yields 江西.
 */
export function matchPlaceNames(text: string, paragraph: number, gazetteer: Gazetteer): PlaceMatch[] {
  const matches: PlaceMatch[] = [];
  for (let start = 0; start < text.length; ) {
    const names = gazetteer.namesAt(text, start);
    const [end, candidates] = names[0] ?? [];
    if (end === undefined || candidates === undefined) {
      start += 1;
      continue;
    }
    matches.push({ paragraph, start, end, name: text.slice(start, end), candidates });
    start = end;
  }
  return matches;
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
  let candidates = match.candidates.filter(
    (entry) => !entry.needsContext || context.recent.some((recent) => isWithin(entry.place, recent)),
  );
  if (candidates.length === 0) return undefined;
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
  // Several prefecture-or-lower entries share the name and nothing in the text tells them apart.
  const levels = new Set(candidates.map((entry) => entry.place.level));
  if (levels.size === 1 && candidates.every((entry) => entry.place.code === candidates[0]!.place.code)) return candidates[0]!.place;
  return null;
}

/** The level a name is written at, for an unresolved mention: the most common level among its candidates. */
function levelOf(match: PlaceMatch): PlaceLevel {
  return match.candidates[0]?.place.level ?? 'county';
}

/** Resolves the matches of one stretch of text that shares a province, keeping the recent-place context. */
export function resolvePlaceMatches(matches: readonly PlaceMatch[], provinceCode: string | undefined, recent: Place[] = []): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const match of matches) {
    const place = resolvePlace(match, { provinceCode, recent });
    if (place === undefined) continue;
    if (place) {
      recent.push(place);
      if (recent.length > 8) recent.shift();
    }
    mentions.push({
      paragraph: match.paragraph,
      start: match.start,
      end: match.end,
      name: match.name,
      place,
      level: place?.level ?? levelOf(match),
    });
  }
  return mentions;
}
