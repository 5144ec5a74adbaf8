import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { matchPlaceNames, resolvePlaceMatches } from './places.js';

const gazetteer = loadGazetteer();
const resolve = (text: string, province?: string) =>
  resolvePlaceMatches(matchPlaceNames(text, 0, gazetteer), province ? gazetteer.region(province)?.code : undefined).map((mention) => [mention.name, mention.place?.code ?? null, mention.level]);

describe('places', () => {
  it('splits compounds into prefecture and county (衢州衢江区, 嘉兴桐乡市)', () => {
    expect(resolve('衢州衢江区打通断头路，嘉兴桐乡市开展协作', '浙江')).toEqual([
      ['衢州', '330800', 'prefecture'], ['衢江区', '330803', 'county'], ['嘉兴', '330400', 'prefecture'], ['桐乡市', '330483', 'county'],
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
    expect(resolve('郑州市郑东新区众意路小学', '河南')).toEqual([['郑州市', '410100', 'prefecture'], ['郑东新区', '410100', 'zone']]);
  });
  it('never reads a province out of the middle of another (浙江西部 is not 江西)', () => {
    expect(resolve('浙江西部山区').map(([name]) => name)).toEqual(['浙江']);
  });
  it('reads everyday words that are also place names only in full (幸福安康, 安康市)', () => {
    expect(resolve('祝福祖国幸福安康').length).toBe(0);
    expect(resolve('安康市')).toEqual([['安康市', '610900', 'prefecture']]);
  });
});
