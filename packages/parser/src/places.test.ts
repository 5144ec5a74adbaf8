import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { matchPlaceNames, resolvePlaceMatches } from './places.js';

const gazetteer = loadGazetteer();
const resolve = (text: string, province?: string) =>
  resolvePlaceMatches(matchPlaceNames(text, 0, gazetteer), province ? gazetteer.region(province)?.code : undefined).map((mention) => [
    mention.name,
    mention.place?.code ?? null,
    mention.level,
  ]);

describe('the words around a place name', () => {
  const flags = (text: string) => matchPlaceNames(text, 0, gazetteer).map((match) => [match.name, match.demonym, match.destination, match.dateline] as const);
  it.each([
    [
      'an origin after a province',
      '江苏人在湖北',
      [
        ['江苏', true, false, false],
        ['湖北', false, false, false],
      ],
    ],
    ['an origin of two characters, the name at the end', '来自湖北旅客', [['湖北', true, false, false]]],
    ['not 人民 after a province', '江苏人民', [['江苏', false, false, false]]],
    ['help going there, at the start of the text', '援湖北', [['湖北', false, true, false]]],
    ['help going there, two characters before', '医疗队驰援武汉', [['武汉', false, true, false]]],
    ['a dateline with its date', '本报北京2月23日电', [['北京', false, false, true]]],
    ['a dateline without one', '新华社武汉电', [['武汉', false, false, true]]],
    ['a newspaper without a dateline', '本报北京讯', [['北京', false, false, false]]],
  ] as const)('marks %s', (_case, text, expected) => {
    expect(flags(text)).toEqual(expected);
  });
});

describe('places', () => {
  it('splits compounds into prefecture and county (衢州衢江区, 嘉兴桐乡市)', () => {
    expect(resolve('衢州衢江区打通断头路，嘉兴桐乡市开展协作', '浙江')).toEqual([
      ['衢州', '330800', 'prefecture'],
      ['衢江区', '330803', 'county'],
      ['嘉兴', '330400', 'prefecture'],
      ['桐乡市', '330483', 'county'],
    ]);
  });
  it('knows districts abolished since (江干区, merged in 2021)', () => {
    expect(resolve('江干区开展活动', '浙江')).toEqual([['江干区', '330104', 'county']]);
  });
  it('resolves an ambiguous name by the section’s province and the place named before it', () => {
    const [, , , street] = resolve('湖南怀化市鹤城区城北街道', '湖南');
    expect(street).toEqual(['城北街道', expect.stringMatching(/^431202/), 'township']);
  });
  it('does not guess an ambiguous name without context', () => {
    expect(resolve('朝阳区')).toEqual([['朝阳区', null, 'county']]);
  });
  it('drops an ambiguous name none of whose places lie in the section’s province', () => {
    expect(resolve('城北街道的居民', '澳门')).toEqual([]);
  });
  it('knows functional zones from the alias table', () => {
    expect(resolve('郑州市郑东新区众意路小学', '河南')).toEqual([
      ['郑州市', '410100', 'prefecture'],
      ['郑东新区', '410100', 'zone'],
    ]);
  });
  it('never reads a province out of the middle of another (浙江西部 is not 江西)', () => {
    expect(resolve('浙江西部山区').map(([name]) => name)).toEqual(['浙江']);
  });
  it('reads everyday words that are also place names only in full (幸福安康, 安康市)', () => {
    expect(resolve('祝福祖国幸福安康').length).toBe(0);
    expect(resolve('安康市')).toEqual([['安康市', '610900', 'prefecture']]);
  });
});

describe('villages and zones', () => {
  it('reads a village or community written after its township or county', () => {
    expect(resolve('河南南阳市红泥湾镇石灰窑村贫困户', '河南').map(([name, , level]) => [name, level])).toEqual([
      ['河南', 'province'],
      ['南阳市', 'prefecture'],
      ['红泥湾镇', 'township'],
      ['石灰窑村', 'village'],
    ]);
    expect(resolve('浏阳市淮川街道城西社区党总支', '湖南').map(([name]) => name)).toEqual(['浏阳市', '淮川街道', '城西社区']);
  });
  it('takes a street office’s 办 as part of the township', () => {
    expect(resolve('山东胶州市胶北街道办和睦屯村', '山东').map(([name]) => name)).toEqual(['山东', '胶州市', '胶北街道', '和睦屯村']);
  });
  it('does not read words ending in 村 as villages (乡村, 各村)', () => {
    expect(resolve('开江县乡村振兴，潜口镇以各村党员为骨干', '四川').map(([, , level]) => level)).not.toContain('village');
  });
  it('reads zones after a place, as one name when the zone is named after it', () => {
    expect(resolve('山东烟台开发区工委', '山东').map(([name, , level]) => [name, level])).toEqual([
      ['山东', 'province'],
      ['烟台开发区', 'zone'],
    ]);
    expect(resolve('黑龙江哈尔滨市双城经开区', '黑龙江').map(([name, , level]) => [name, level])).toEqual([
      ['黑龙江', 'province'],
      ['哈尔滨市', 'prefecture'],
      ['双城经开区', 'zone'],
    ]);
  });
  it('reads gazetteer zones without the province their entry is prefixed with', () => {
    expect(resolve('河北邢台经济开发区一纺织企业', '河北').map(([name, code, level]) => [name, code, level])).toEqual([
      ['河北', '130000', 'province'],
      ['邢台经济开发区', '130571', 'zone'],
    ]);
  });
  it('skips a short name that is part of another name (抚顺社区, 江苏饭店)', () => {
    expect(resolve('道里区抚顺社区街道办事处', '黑龙江').map(([name, , level]) => [name, level])).toEqual([
      ['道里区', 'county'],
      ['抚顺社区', 'village'],
    ]);
  });
  it('does not read a two-character county out of a phrase (县委和县政府)', () => {
    expect(resolve('盐池县委和县政府连续印发方案', '宁夏').map(([name]) => name)).toEqual(['盐池县']);
  });
});
