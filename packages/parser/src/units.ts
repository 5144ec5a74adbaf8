// What a section heading names: a province, a city or county, or a unit that is not a place (a university, a
// ministry, an enterprise, a sector), with the province the text gives or implies for it.
import type { Region, UnitType } from '@roundup/model';
import { z } from 'zod';
import { dataPath, loadDataFile } from './data-files.js';
import type { Gazetteer } from './gazetteer.js';

const KnownUnitsFile = z.object({
  typePatterns: z.array(z.object({ type: z.enum(['university', 'central-body', 'enterprise', 'sector', 'other']), pattern: z.string() })),
  units: z.array(
    z.object({
      name: z.string().min(2),
      type: z.enum(['university', 'central-body', 'enterprise', 'sector', 'other']),
      province: z.string().nullable(),
      aliases: z.array(z.string().min(2)).optional(),
    }),
  ),
  facilityPattern: z.string(),
  shortForms: z.array(z.object({ short: z.string().min(1), full: z.string().min(2) })),
  notUnitPatterns: z.array(z.string()),
  abroadPattern: z.string(),
  projectPattern: z.string(),
  person: z.object({
    pattern: z.string(),
    notEnding: z.string(),
    surnames: z.string().min(1),
    compoundSurnames: z.array(z.string().length(2)),
    unitHead: z.string(),
    voicePattern: z.string(),
  }),
});

export interface KnownUnits {
  /** How a unit's own name says what it is, tried in order. */
  typePatterns: Array<{ type: UnitType; pattern: RegExp }>;
  /** Well-known units whose name does not say what they are or which province they are in. */
  byName: Map<string, { type: UnitType; province: string | null }>;
  /** Names of places that are units though neither places of the gazetteer nor bodies (`太仓港`, `…产业园`). */
  facility: RegExp;
  /** Other names of well-known units (`东航` → `东方航空`), each way. */
  aliases: Map<string, string[]>;
  /** Short endings of unit names and the full endings they stand for (`师大` → `师范大学`). */
  shortForms: Array<{ short: string; full: string }>;
  /** Names that are never units though a place may start them: events (`遵义会议`), people with titles (`…教授李明`). */
  notUnit: RegExp[];
  /** A name led by a foreign country (`巴西…`, `印度尼西亚…`): a unit abroad, not one of China's regions. */
  abroad: RegExp;
  /** The end of a project's or facility's name (`…大桥`, `…水电站`) that makes a lone line a unit heading. */
  project: RegExp;
  /** A heading's name that ends in a role and a person's name (…村第一书记刘文慧), and what a unit's name ends in instead. */
  person: { pattern: RegExp; notEnding: RegExp };
  /** Surnames (one character each, and compound ones) and how an employer's name starts, to read `冯小明四川大学` as a person. */
  surnames: { single: Set<string>; compound: string[]; unitHead: RegExp };
  /** An expert's or an executive's title and a name ending a heading (`某某集团董事长王某`): a voice, not a portrait. */
  voice: RegExp;
}

export function loadKnownUnits(file = dataPath('known-units.json')): KnownUnits {
  const data = loadDataFile(file, KnownUnitsFile);
  return {
    typePatterns: data.typePatterns.map((entry) => ({ type: entry.type, pattern: new RegExp(entry.pattern) })),
    byName: new Map(data.units.map((unit) => [unit.name, { type: unit.type, province: unit.province }])),
    facility: new RegExp(data.facilityPattern),
    aliases: aliasTable(data.units),
    shortForms: data.shortForms,
    notUnit: data.notUnitPatterns.map((pattern) => new RegExp(pattern)),
    abroad: new RegExp(data.abroadPattern),
    project: new RegExp(data.projectPattern),
    person: { pattern: new RegExp(data.person.pattern), notEnding: new RegExp(data.person.notEnding) },
    surnames: { single: new Set(data.person.surnames), compound: data.person.compoundSurnames, unitHead: new RegExp(data.person.unitHead) },
    voice: new RegExp(data.person.voicePattern),
  };
}

/** Each name of a unit with its other names, both ways. */
function aliasTable(units: ReadonlyArray<{ name: string; aliases?: string[] | undefined }>): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const add = (name: string, other: string) => table.set(name, [...(table.get(name) ?? []), other]);
  for (const unit of units) {
    for (const alias of unit.aliases ?? []) {
      add(unit.name, alias);
      add(alias, unit.name);
    }
  }
  return table;
}

/** What a section is about: the unit as written, what kind it is, and its province where known. */
export interface SectionUnit {
  unit: string;
  unitType: UnitType;
  region: Region | null;
}

/** The provinces a whole name can stand for, at province or prefecture level (or any level when `anyLevel`). */
function provincesOfName(name: string, gazetteer: Gazetteer, anyLevel: boolean): Set<string> {
  const [end, entries] = gazetteer.namesAt(name, 0)[0] ?? [];
  if (end !== name.length || !entries) return new Set();
  return new Set(
    entries.filter((entry) => anyLevel || entry.place.level === 'province' || entry.place.level === 'prefecture').map((entry) => entry.place.provinceCode),
  );
}

/** A unit that is a place of the gazetteer (a province, city or county), not a body or facility. */
export function isPlaceUnit(unit: SectionUnit): boolean {
  return unit.unitType === 'province' || unit.unitType === 'city' || unit.unitType === 'county';
}

const PLACED_UNIT_TYPES: ReadonlySet<UnitType> = new Set(['province', 'city', 'county', 'other']);

/**
 * Whether a unit's passage tells of the place it is named for: a province, a city, a county, or a site named by its
 * place (`湖北武汉大型商场——`). A university, a ministry or an enterprise acts wherever its passage says.
 */
export function isPlacedUnitType(unitType: UnitType): boolean {
  return PLACED_UNIT_TYPES.has(unitType);
}

function only<T>(values: Set<T>): T | undefined {
  return values.size === 1 ? [...values][0] : undefined;
}

/** A place unit: the token is a province, a city (`南京`, `南 京`), a county with its suffix, or a province and a place in it (`浙江杭州`). */
function placeUnit(token: string, gazetteer: Gazetteer): SectionUnit | undefined {
  const [end, entries] = gazetteer.namesAt(token, 0)[0] ?? [];
  if (end === undefined || !entries) return undefined;
  if (end === token.length) {
    const high = only(provincesOfName(token, gazetteer, false));
    if (high) {
      const isProvince = entries.some((entry) => entry.place.level === 'province' && entry.place.provinceCode === high);
      return { unit: token, unitType: isProvince ? 'province' : 'city', region: gazetteer.region(high)! };
    }
    // A county-level name is a unit only with its suffix written out (安吉县, 鼓楼区): bare, too many are words.
    const county = /[县区市旗]$/.test(token) ? only(provincesOfName(token, gazetteer, true)) : undefined;
    return county ? { unit: token, unitType: 'county', region: gazetteer.region(county)! } : undefined;
  }
  const head = only(provincesOfName(token.slice(0, end), gazetteer, false));
  if (!head) return undefined;
  const rest = token.slice(end);
  return isPlaceChainIn(rest, head, gazetteer, 2)
    ? { unit: token, unitType: /[县区旗]$/.test(rest) ? 'county' : 'city', region: gazetteer.region(head)! }
    : undefined;
}

/**
 * Whether `rest` is a place of the province `head`, written with or without its suffix, or a short chain of them
 * (`丽水庆元县` after `浙江`): `links` more places may stand before the last.
 */
function isPlaceChainIn(rest: string, head: string, gazetteer: Gazetteer, links: number): boolean {
  if (['', '区', '县', '市'].some((suffix) => provincesOfName(rest + suffix, gazetteer, true).has(head))) return true;
  if (links === 0) return false;
  const linked = gazetteer.namesAt(rest, 0).filter(([end]) => end < rest.length && provincesOfName(rest.slice(0, end), gazetteer, true).has(head));
  // An autonomous prefecture is usually written short with 州 or 盟 (海西州, 凉山州), a form the gazetteer does not hold.
  const shortPrefecture = /^[\u4e00-\u9fff]{2,4}?[州盟](?=[\u4e00-\u9fff]{2})/.exec(rest)?.[0].length;
  const ends = [...linked.map(([end]) => end), ...(shortPrefecture ? [shortPrefecture] : [])];
  return ends.some((end) => isPlaceChainIn(rest.slice(end), head, gazetteer, links - 1));
}

/** The province a unit's name starts with (郑州大学 → 河南, 浙江省委 → 浙江, 太仓港 → 江苏), if one. */
export function provinceInName(token: string, gazetteer: Gazetteer): Region | undefined {
  for (const anyLevel of [false, true]) {
    for (const [end] of gazetteer.namesAt(token, 0)) {
      if (end >= token.length) continue;
      const province = only(provincesOfName(token.slice(0, end), gazetteer, anyLevel));
      if (province) return gazetteer.region(province);
    }
  }
  return undefined;
}

/**
 * The unit a heading names, or undefined when the token is not one. A place comes first; then a unit whose
 * name says what it is (…大学, 国家…, …部, …集团) or one in the editable table of well-known units. Its
 * province comes from its own name where it starts with a place (郑州大学 → 河南), else from the table.
 */
export function headingUnit(token: string, gazetteer: Gazetteer, known: KnownUnits): SectionUnit | undefined {
  const place = placeUnit(token, gazetteer);
  if (place) return place;
  if (isNeverUnit(token, known)) return undefined;
  const full = fullForm(token, known);
  if (full) {
    const unit = headingUnit(full, gazetteer, known);
    return unit && { ...unit, unit: token };
  }
  const listed = known.byName.get(token);
  const patterned = known.typePatterns.find((entry) => entry.pattern.test(token))?.type;
  if (!listed && !patterned) return undefined;
  if (!listed && personBeforeEmployer(token, gazetteer, known)) return undefined;
  const named = provinceInName(token, gazetteer);
  // A body named after a province (浙江省委, 河南省教育厅) is that province's, not a central one.
  const unitType = listed?.type ?? (patterned === 'central-body' && named ? 'other' : patterned!);
  const region = unitType === 'central-body' ? null : (named ?? (listed?.province ? (gazetteer.region(listed.province) ?? null) : null));
  return { unit: token, unitType, region };
}

/**
 * An event (`遵义会议`), a person with a title (`浙江大学教授李明`) or a unit abroad (`巴西某大学孔子学院`): never a
 * unit of a roundup of China's regions, whatever place its passage names (a partner university in 四川).
 */
export function isNeverUnit(token: string, known: KnownUnits): boolean {
  return known.abroad.test(token) || known.notUnit.some((pattern) => pattern.test(token));
}

/** The full name a short one stands for (`华东师大` → `华东师范大学`), when it ends in a short form of the table. */
function fullForm(token: string, known: KnownUnits): string | undefined {
  if (known.byName.has(token)) return undefined;
  const form = known.shortForms.find((entry) => token.length > entry.short.length && token.endsWith(entry.short));
  return form && token.slice(0, -form.short.length) + form.full;
}

/** The forms a unit's name is written in: as given, its full or short form (`华东师大` ⇄ `华东师范大学`), its aliases. */
export function unitNameForms(name: string, known: KnownUnits): string[] {
  const forms = [name, ...(known.aliases.get(name) ?? [])];
  const full = fullForm(name, known);
  if (full) forms.push(full);
  for (const { short, full: ending } of known.shortForms) {
    if (name.length > ending.length && name.endsWith(ending)) forms.push(name.slice(0, -ending.length) + short);
  }
  return forms;
}

/**
 * Whether two names are one unit: a form of one is a form of the other or holds it (`云南玉溪顾芸` holds `云南玉溪`),
 * so a unit named short in a title and in full in its heading is found either way.
 */
export function sameUnitName(a: string, b: string, known: KnownUnits): boolean {
  const formsOfB = unitNameForms(b, known);
  return unitNameForms(a, known).some((form) => formsOfB.some((other) => form.includes(other) || other.includes(form)));
}

/** A name that ends in a role and a person's name (湖北黄冈市罗田县人民医院护士余康颖): a person, not a unit. */
export function namesPerson(token: string, known: KnownUnits): boolean {
  return known.person.pattern.test(token) && !known.person.notEnding.test(token);
}

/**
 * A person's name run into the employer after it, as rosters and awards lists print them (`冯小明  四川大学`,
 * `丁  健  中国科学院某研究所` with the spaces gone): a surname, one or two characters, then a unit whose name starts
 * as a unit's does (a place, `中国…`, `国家…`, a well-known unit). A name that itself starts with a place is a unit.
 */
export function personBeforeEmployer(token: string, gazetteer: Gazetteer, known: KnownUnits): boolean {
  if (gazetteer.namesAt(token, 0).length > 0 || known.byName.has(token) || known.aliases.has(token)) return false;
  const { single, compound } = known.surnames;
  const surname = compound.find((name) => token.startsWith(name))?.length ?? (single.has(token[0] ?? '') ? 1 : 0);
  if (surname === 0) return false;
  // A mark after the name (`（女）`, `（藏族）`) tells a person by itself: the employer need only be a unit.
  const marked = /^[\u4e00-\u9fff]{1,2}[（(][\u4e00-\u9fff]{1,4}[）)]/.exec(token.slice(surname));
  if (marked) return namesEmployer(token.slice(surname + marked[0].length), gazetteer, known);
  return [1, 2].some((given) => {
    const employer = token.slice(surname + given);
    return employer.length >= 4 && startsAsUnit(employer, gazetteer, known) && namesEmployer(employer, gazetteer, known);
  });
}

/** A unit by its name, or a body or facility by how its name ends (`…中心`, `…工程`, `…园区`). */
function namesEmployer(name: string, gazetteer: Gazetteer, known: KnownUnits): boolean {
  return headingUnit(name, gazetteer, known) !== undefined || known.project.test(name) || known.facility.test(name);
}

/** Whether a name starts as a unit's name does: with a place, a national word (`中国`, `国家`) or a well-known unit. */
function startsAsUnit(name: string, gazetteer: Gazetteer, known: KnownUnits): boolean {
  if (known.surnames.unitHead.test(name) || gazetteer.namesAt(name, 0).length > 0) return true;
  for (const unit of known.byName.keys()) if (name.startsWith(unit)) return true;
  return false;
}

/** How a roster prints a person: a name (padded with spaces to three), a mark such as （女）, two spaces, an employer. */
const ROSTER_LINE = /^([\u4e00-\u9fff])(?:[ \u3000]*[\u4e00-\u9fff]){1,3}(?:[（(][\u4e00-\u9fff]{1,4}[）)])?[ \u3000]{2,}[\u4e00-\u9fff]/;

/**
 * A line that presents a person rather than a unit: a roster's or awards list's line (a surname, a name, two spaces,
 * an employer), a name run into its employer, or an expert or executive after their title (`某某集团董事长王某——`).
 * People in everyday roles (`某村村民吉某——`) are left out: a page of them portrays regions side by side.
 */
export function presentsPerson(line: string, gazetteer: Gazetteer, known: KnownUnits): boolean {
  if (line.length > PERSON_LINE_MAX) return false;
  // A place before the spaces is a reader's signature (`江西南昌  杨某`), the other way round.
  const roster = ROSTER_LINE.exec(line);
  if (roster && known.surnames.single.has(roster[1]!) && gazetteer.namesAt(line, 0).length === 0) return true;
  const token = line.replace(/[ \u3000]+/g, '').replace(/(?:——|[：:])$/, '');
  return (known.voice.test(token) && !known.person.notEnding.test(token)) || personBeforeEmployer(token, gazetteer, known);
}

/** Longer lines are sentences, not a person's heading or a roster's line. */
const PERSON_LINE_MAX = 40;
