import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from './data-files.js';
import { Gazetteer, loadGazetteer, loadPlaceAliases, type GazetteerSnapshot, type NameEntry } from './gazetteer.js';
import { gazetteerIndexKey, packGazetteer, readGazetteerIndex, unpackGazetteer, writeGazetteerIndex } from './gazetteer-index.js';
import { matchPlaceNames } from './places.js';

const aliasesFile = dataPath('place-aliases.json');
const built = Gazetteer.build(loadPlaceAliases(aliasesFile));
const sample = '浙江温州苍南县开展学习，湖南怀化市鹤城区城中街道，内蒙古呼和浩特市，广西壮族自治区南宁市。';
const found = (gazetteer: Gazetteer) => matchPlaceNames(sample, 0, gazetteer).map((match) => [match.name, match.candidates.map((entry) => entry.place.code)]);

describe('place names in English', () => {
  it('writes the proper part in pinyin and the level in English, never run together', () => {
    expect(built.englishName('苍南县')).toBe('Cangnan County');
    expect(built.englishName('崖州湾科技城')).toBe('Yazhouwan Science City');
    expect(built.englishName('宁乡高新技术产业开发区')).toBe('Ningxiang High-tech Industrial Development Zone');
    expect(built.englishName('苏州工业园')).toBe('Suzhou Industrial Park');
    expect(built.englishName('西安市')).toBe("Xi'an City");
    expect(built.englishName('雅安市')).toBe("Ya'an City");
    expect(built.englishName('淳安县')).toBe("Chun'an County");
    expect(built.englishName('哈尔滨市')).toBe('Harbin City');
  });

  it("uses a zone's English name in use where the alias table gives one, from the table itself", () => {
    const aliases = loadPlaceAliases(aliasesFile);
    const named = aliases.zones.filter((zone) => zone.english);
    expect(named.length).toBeGreaterThan(5);
    for (const zone of named) expect(built.englishName(zone.name)).toBe(zone.english);
    expect(built.englishName('钱江世纪城')).toBe('Qianjiang Century City');
  });

  it('splits a village from its township, not an everyday word, and reads no name off the prototype', () => {
    expect(built.englishName('中坛乡双石村')).toBe('Zhongtan Township Shuangshi Village');
    expect(built.englishName('美丽乡村示范村')).toBe('Meilixiangcunshifan Village');
    expect(built.englishName('constructor')).toBe('Constructor');
  });
});

describe('the saved gazetteer index', () => {
  it('gives back the gazetteer it saved: the same names, places and regions', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roundup-gazetteer-')), 'index.bin');
    const key = gazetteerIndexKey(readFileSync(aliasesFile));
    writeGazetteerIndex(key, built.snapshot(), file);
    const loaded = Gazetteer.fromSnapshot(readGazetteerIndex(key, file)!);
    expect(found(loaded)).toEqual(found(built));
    expect(found(loaded).length).toBeGreaterThan(5);
    expect(loaded.regions).toEqual(built.regions);
    expect(loaded.englishName('苍南县')).toBe(built.englishName('苍南县'));
    expect(loaded.englishName('钱江世纪城')).toBe(built.englishName('钱江世纪城'));
  });

  it('packs a snapshot into columns and back into the same places, entries and trie, places shared as before', () => {
    const snapshot = built.snapshot();
    const unpacked = unpackGazetteer(structuredClone(packGazetteer(snapshot)));
    // Every field of every place, named, so that a field left out or added (even undefined) shows.
    const fields = (place: object) =>
      Object.entries(place)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(',');
    const entries = (values: ReadonlyArray<NameEntry[] | undefined>) =>
      values.map((list) => list?.map((entry) => `${fields(entry.place)};${entry.short};${entry.needsContext}`).join('|'));
    // Compared as one text each: equality of 80,000-element arrays element by element takes seconds.
    const places = (list: GazetteerSnapshot['places']) => list.map(([code, place]) => `${code}:${fields(place)}`).join('\n');
    expect(places(unpacked.places)).toBe(places(snapshot.places));
    expect(entries(unpacked.names.values).join('\n')).toBe(entries(snapshot.names.values).join('\n'));
    expect(unpacked.names.values.length).toBe(snapshot.names.values.length);
    expect(unpacked.regions).toStrictEqual(snapshot.regions);
    const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    for (const array of ['firstUnit', 'childStart', 'edgeUnit', 'edgeNode'] as const)
      expect(bytes(unpacked.names[array]).equals(bytes(snapshot.names[array]))).toBe(true);
    // A place named several ways is one object, as in the gazetteer built from the tables.
    const byCode = new Map(unpacked.places);
    expect(unpacked.names.values.some((list) => list?.some((entry) => byCode.get(entry.place.code) === entry.place))).toBe(true);
  });

  it('is not served for another alias table, which is built instead', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roundup-gazetteer-')), 'index.bin');
    writeGazetteerIndex(gazetteerIndexKey(readFileSync(aliasesFile)), built.snapshot(), file);
    const edited = Buffer.concat([readFileSync(aliasesFile), Buffer.from('\n')]);
    expect(readGazetteerIndex(gazetteerIndexKey(edited), file)).toBeUndefined();
    // A user's own table with a zone the bundled one lacks: loadGazetteer builds it, and the zone is found.
    const folder = mkdtempSync(join(tmpdir(), 'roundup-aliases-'));
    const aliases = JSON.parse(readFileSync(aliasesFile, 'utf8')) as { zones: Array<Record<string, string>> };
    aliases.zones.push({ name: '测试示范园区', province: '浙江', parent: '杭州市', code: '330100', note: 'test' });
    writeFileSync(join(folder, 'place-aliases.json'), JSON.stringify(aliases));
    const own = loadGazetteer(join(folder, 'place-aliases.json'));
    expect(matchPlaceNames('在测试示范园区开展活动', 0, own).map((match) => match.name)).toContain('测试示范园区');
  });
});
