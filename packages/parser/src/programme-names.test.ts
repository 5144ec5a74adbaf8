import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleProgrammeIds, isNationalSlogan, loadProgrammeNaming, programmeKey } from './programme-names.js';

const naming = loadProgrammeNaming();
const key = (name: string) => programmeKey(name, naming);

describe('programmeKey', () => {
  it.each([
    ['quote marks and a programme noun', '“最多跑一次”改革', '最多跑一次'],
    ['spacing and enumeration commas', '马上办 网上办、就近办', key('马上办、网上办、就近办')],
    ['full-width Latin and case', 'ＡＰＰ服务', key('app服务')],
    ['a year an edition is labelled with', '2019年春风行动', key('春风行动')],
    ['brackets around a word of the name', '河（湖）长制', key('河湖长制')],
    ['a year after the name', '净网2018', key('净网')],
    ['a year in brackets', '数字化转型伙伴行动（2020）', key('数字化转型伙伴行动')],
    ['a title before its subtitle', '贺岁迎祥——紫禁城里过大年', key('紫禁城里过大年')],
    ['a series title before a colon', '上法兰西：我与中国有个约会', key('我与中国有个约会')],
    ['a name quoted inside a longer one', '建立社区工作者‘全岗通’工作机制', key('全岗通')],
    ['the parts of an enumeration in another order', '特事特办、急事急办', key('急事急办，特事特办')],
    ['a campaign noun', '光盘行动', '光盘'],
    ['the longest noun first', '蓝天保卫战专项行动', key('蓝天保卫战')],
  ])('groups %s', (_case, name, expected) => {
    expect(key(name)).toBe(expected);
  });

  it.each([
    ['a programme with one more character', '三个一', '三个一批'],
    ['two counted packages of different kinds', '三大行动', '三大工程'],
    ['a numbered project and its number', '一号工程', '一号'],
    ['different nouns that are the name itself', '河长制', '湖长制'],
    ['a place the programme is named for', '健康码', '杭州健康码'],
    ['enumerations with one part more', '外防输入、内防反弹', '外防输入'],
  ])('keeps apart %s', (_case, first, second) => {
    expect(key(first)).not.toBe(key(second));
  });

  it('keeps a noun that would leave less than two characters', () => {
    expect(key('新工程')).toBe('新工程');
  });

  it('never returns an empty key', () => {
    for (const name of ['“”', '、', ' ', '改革']) expect(key(name)).not.toBe('');
  });
});

describe('articleProgrammeIds', () => {
  it('takes a longer name that adds a place or a description in the same article for the shorter', () => {
    const isPlace = (text: string) => text === '巴州区';
    const ids = articleProgrammeIds(
      ['巴州区民心通', '民心通', '顶梁柱健康扶贫公益保险项目', '顶梁柱', '三会一课', '三会', '五个一批', '五个一'],
      naming,
      isPlace,
    );
    expect(Object.fromEntries(ids)).toEqual({
      巴州区民心通: '民心通',
      民心通: '民心通',
      顶梁柱健康扶贫公益保险项目: '顶梁柱',
      顶梁柱: '顶梁柱',
      三会一课: '三会一课',
      三会: '三会',
      五个一批: '五个一批',
      五个一: '五个一',
    });
  });

  it.each([
    ['a word before a generic name', ['春节不打烊', '不打烊']],
    ['a series and one of its events', ['欢乐春节·魅力阿根廷', '欢乐春节']],
    ['a numbered formula and its first part', ['六平台三模式一体系', '六平台']],
    ['a combination and its first term', ['互联网+农业', '互联网+']],
  ])('keeps apart %s', (_case, names) => {
    const ids = articleProgrammeIds(names, naming);
    expect(ids.get(names[0]!)).not.toBe(ids.get(names[1]!));
  });

  it('gives what comparing every name with every shorter key gives', () => {
    const points = (text: string) => [...text].length;
    // The rule stated pair by pair: each short key in the order its name came, the shortest that fits winning.
    const everyPair = (names: string[], isPlace: (text: string) => boolean) => {
      const keys = new Map(names.map((name) => [name, key(name)]));
      const ownName = (name: string) => /^[0-9一二三四五六七八九十百千万两双]|[+＋·•・—：:]/u.test(name) || /[、，,；;]/u.test(name);
      const shortKeys = [...new Set([...keys].filter(([name, found]) => !ownName(name) && points(found) >= 3).map(([, found]) => found))];
      const ids = new Map<string, string>();
      for (const [name, found] of keys) {
        let id = found;
        for (const short of ownName(name) ? [] : shortKeys) {
          if (points(found) - points(short) < 2 || points(short) >= points(id)) continue;
          if (found.startsWith(short) || (found.endsWith(short) && isPlace(found.slice(0, found.length - short.length)))) id = short;
        }
        ids.set(name, id);
      }
      return ids;
    };
    // Few words, so that names share prefixes and suffixes; 𠀀 is two code units, 区 ends a "place".
    const word = fc.constantFrom('民心通', '心通民', '巴州区', '区', '𠀀', '通', '服务', '工程');
    const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const isPlace = (text: string) => text.endsWith('区');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (names) => {
        expect(articleProgrammeIds(names, naming, isPlace)).toEqual(everyPair(names, isPlace));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves an enumeration that holds the shorter name as it is', () => {
    expect(articleProgrammeIds(['十美村、十差村', '十差村'], naming).get('十美村、十差村')).toBe(key('十美村、十差村'));
  });
});

describe('isNationalSlogan', () => {
  it.each(['不忘初心、牢记使命', '不忘初心 牢记使命', '“一带一路”倡议', '我和我的祖国', '脱贫攻坚'])('knows %s', (name) => {
    expect(isNationalSlogan(name, naming)).toBe(true);
  });

  it.each(['最多跑一次', '一带一路沿线产业园', '我们的村晚'])('leaves %s to the region', (name) => {
    expect(isNationalSlogan(name, naming)).toBe(false);
  });
});
