import { describe, expect, it } from 'vitest';
import { isNationalSlogan, loadProgrammeNaming, programmeKey } from './programme-names.js';

const naming = loadProgrammeNaming();
const key = (name: string) => programmeKey(name, naming);

describe('programmeKey', () => {
  it.each([
    ['quote marks and a programme noun', '“最多跑一次”改革', '最多跑一次'],
    ['spacing and enumeration commas', '马上办 网上办、就近办', key('马上办、网上办、就近办')],
    ['full-width Latin and case', 'ＡＰＰ服务', key('app服务')],
    ['a year an edition is labelled with', '2019年春风行动', key('春风行动')],
    ['an aside in brackets', '一河（湖）一策', '一河一策'],
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

describe('isNationalSlogan', () => {
  it.each(['不忘初心、牢记使命', '不忘初心 牢记使命', '“一带一路”倡议', '我和我的祖国', '脱贫攻坚'])('knows %s', (name) => {
    expect(isNationalSlogan(name, naming)).toBe(true);
  });

  it.each(['最多跑一次', '一带一路沿线产业园', '我们的村晚'])('leaves %s to the region', (name) => {
    expect(isNationalSlogan(name, naming)).toBe(false);
  });
});
