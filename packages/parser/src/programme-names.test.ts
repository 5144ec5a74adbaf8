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
    ['a system noun written long or short', '日沟通制度', key('日沟通制')],
    ['an enumerated name and the clause that glosses it', '比学习、赶先进，争当新时代的奋斗者', key('比学习、赶先进')],
    [
      'a parallel slogan with another verb before the shared ending',
      '红旗插在一线、干部站在一线、党员冲在一线',
      key('红旗飘在一线、干部守在一线、党员冲在一线'),
    ],
    ['bracket and title marks', '《百姓宣讲》【进万家】', key('百姓宣讲进万家')],
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
    ['a last part after a comma that is a part, not a gloss', '送政策、帮企业，送服务、解难题', '送政策、帮企业'],
    ['a short clause after a comma', '早发现、早报告，早处置', '早发现、早报告'],
    ['parallel slogans that open differently', '党旗飘在一线、堡垒建在一线、党员冲在一线', '党旗飘在一线、堡垒建在一线、群众冲在一线'],
    ['parallel parts too short to hold a verb', '预约开放、限量开放、有序开放', '预约开放、限量开放、错峰开放'],
  ])('keeps apart %s', (_case, first, second) => {
    expect(key(first)).not.toBe(key(second));
  });

  it.each(['改革', '工程', '行动', '活动', '模式', '机制', '计划', '试点'])('groups a name with and without %s', (noun) => {
    expect(key(`春雨润苗${noun}`)).toBe(key('春雨润苗'));
    expect(key(`“春雨润苗”${noun}`)).toBe(key('春雨润苗'));
  });

  it('keeps a noun that would leave less than two characters', () => {
    expect(key('新工程')).toBe('新工程');
  });

  it('never returns an empty key', () => {
    for (const name of ['“”', '、', ' ', '改革']) expect(key(name)).not.toBe('');
  });
});

describe('programmeKey of a folded noun before a programme noun', () => {
  it('gives 首问负责制度建设 and 首问负责制建设 one key', () => {
    expect(programmeKey('首问负责制度建设', naming)).toBe(programmeKey('首问负责制建设', naming));
  });
});

describe('articleProgrammeIds', () => {
  it('gives a chain of names, each writing out the next shorter one, one id', () => {
    const names = ['全国博物馆十大精品陈列展览公益巡回推介', '全国博物馆十大精品陈列展览', '博物馆精品展览'];
    const ids = articleProgrammeIds(names, naming);
    expect(new Set(ids.values()).size).toBe(1);
    expect(ids.get(names[0]!)).toBe(ids.get(names[2]!));
  });

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

  it.each([
    ['a domain before a name', ['环保便民回收站', '便民回收站']],
    ['a venue before a name', ['故宫上元之夜', '上元之夜']],
    ['a description before a programme noun', ['数字化转型伙伴行动（2020）', '伙伴行动']],
    ['a long name abbreviated by leaving words out', ['全省中小学优秀传统文化讲堂', '中小学传统文化讲堂']],
  ])('takes a longer name for the shorter one it writes out: %s', (_case, names) => {
    const ids = articleProgrammeIds(names, naming);
    expect(ids.get(names[0]!)).toBe(key(names[1]!));
  });

  it.each([
    ['a time before a name', ['周末不打烊', '不打烊']],
    ['a channel before a name', ['线上博物馆', '博物馆']],
    ['a place with a locative before a name', ['公园里过大年', '过大年']],
    ['a short name whose characters stand in a longer one', ['文明实践中心站', '文明中心']],
    ['a name with more than twice its words', ['全省中小学优秀传统文化暨红色经典诵读讲堂', '小学文化讲堂']],
  ])('keeps apart %s', (_case, names) => {
    const ids = articleProgrammeIds(names, naming);
    expect(ids.get(names[0]!)).not.toBe(ids.get(names[1]!));
  });

  it('leaves an enumeration that holds the shorter name as it is', () => {
    expect(articleProgrammeIds(['十美村、十差村', '十差村'], naming).get('十美村、十差村')).toBe(key('十美村、十差村'));
  });
});

describe('isNationalSlogan', () => {
  it.each(['不忘初心、牢记使命', '不忘初心 牢记使命', '“一带一路”倡议', '我和我的祖国', '脱贫攻坚', '“互联网+”'])('knows %s', (name) => {
    expect(isNationalSlogan(name, naming)).toBe(true);
  });

  it.each(['最多跑一次', '一带一路沿线产业园', '我们的村晚'])('leaves %s to the region', (name) => {
    expect(isNationalSlogan(name, naming)).toBe(false);
  });
});
