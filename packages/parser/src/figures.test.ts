import { describe, expect, it } from 'vitest';
import { extractFigures, loadFigureRules } from './figures.js';

const rules = loadFigureRules();
const pick = (text: string) => extractFigures(text, 0, rules).map(({ raw, value, unit, qualifier, quantity }) => ({ raw, value, unit, qualifier, quantity }));

describe('extractFigures', () => {
  it.each([
    ['目前已实现投资额14亿元', { raw: '14亿元', value: 1400000000, unit: '元', qualifier: 'exact', quantity: 'money' }],
    ['开展精准服务2.7万余次，', { raw: '2.7万余次', value: 27000, unit: '次', qualifier: 'more_than', quantity: 'events' }],
    ['投入80多万元，', { raw: '80多万元', value: 800000, unit: '元', qualifier: 'more_than', quantity: 'money' }],
    ['占纳税人日常涉税业务的八成以上。', { raw: '八成以上', value: 80, unit: '%', qualifier: 'more_than', quantity: 'percent' }],
    ['投入资金2.19亿元', { raw: '2.19亿元', value: 219000000, unit: '元', qualifier: 'exact', quantity: 'money' }],
    ['一条长约130米的公共通道', { raw: '130米', value: 130, unit: '米', qualifier: 'approx', quantity: 'length' }],
    ['与辖区7万多户常住居民家庭', { raw: '7万多户', value: 70000, unit: '户', qualifier: 'more_than', quantity: 'households' }],
    ['审批时限缩短到15天', { raw: '15天', value: 15, unit: '天', qualifier: 'exact', quantity: 'duration' }],
    ['排查十余个村', { raw: '十余个', value: 10, unit: '个', qualifier: 'more_than', quantity: 'items' }],
    ['增长42.8%', { raw: '42.8%', value: 42.8, unit: '%', qualifier: 'exact', quantity: 'percent' }],
    ['提高百分之三十', { raw: '百分之三十', value: 30, unit: '%', qualifier: 'exact', quantity: 'percent' }],
    ['用了3个多月', { raw: '3个多月', value: 3, unit: '个月', qualifier: 'more_than', quantity: 'duration' }],
    ['共计１２，３４５人', { raw: '１２，３４５人', value: 12345, unit: '人', qualifier: 'exact', quantity: 'people' }],
    ['静宁县开展活动，1.5万名党员助力果农', { raw: '1.5万名', value: 15000, unit: '名', qualifier: 'exact', quantity: 'people' }],
    ['不到5%的企业', { raw: '5%', value: 5, unit: '%', qualifier: 'less_than', quantity: 'percent' }],
    ['65岁以上老人', { raw: '65岁以上', value: 65, unit: '岁', qualifier: 'more_than', quantity: 'age' }],
  ])('normalises %s', (text, expected) => {
    expect(pick(text)).toEqual([expected]);
  });

  it('finds adjacent figures as two (9类175项)', () => {
    expect(pick('涵盖9类175项业务').map((figure) => [figure.raw, figure.value, figure.unit])).toEqual([
      ['9类', 9, '类'],
      ['175项', 175, '项'],
    ]);
  });

  it('reads 五大类 as five 类', () => {
    expect(pick('等五大类295项服务事项').map((figure) => [figure.raw, figure.value, figure.unit])).toEqual([
      ['五大类', 5, '类'],
      ['295项', 295, '项'],
    ]);
  });

  it.each([
    ['dates', '1月20日召开'],
    ['years', '2019年以来'],
    ['decades', '建于上世纪七八十年代的小区'],
    ['anniversaries', '庆祝新中国成立70周年'],
    ['ordinals', '在第二批主题教育中'],
    ['numbers inside quoted names', '推行“24小时不打烊”模式'],
    ['一 as an article', '一辆载满食物的面包车'],
    ['idioms', '由“一把手”率领，深入一线'],
    ['clock times', '每天10点开门'],
    ['bare 千 and 万 in idioms', '走进千家万户'],
    ['numbers glued to letters', '建设5G基站和G20峰会'],
  ])('ignores %s', (_kind, text) => {
    expect(pick(text)).toEqual([]);
  });

  it('takes the counted noun after the unit as the subject', () => {
    expect(extractFigures('城北街道35个铁路小区', 0, rules)[0]?.subject).toBe('铁路小区');
  });
  it('takes a quoted name just before the number as the subject', () => {
    expect(extractFigures('建成“城市书房”167座、小游园200个。', 0, rules)[0]?.subject).toBe('城市书房');
  });
  it('takes the noun phrase after the verb before the number as the subject', () => {
    expect(extractFigures('办好惠民实事2451件，', 0, rules)[0]?.subject).toBe('惠民实事');
  });
  it('records positions that give back the raw text', () => {
    const text = '投入资金2.19亿元，建成市民服务中心，35个部门1300多项政务服务事项进驻中心';
    for (const figure of extractFigures(text, 0, rules)) expect(text.slice(figure.start, figure.end)).toBe(figure.raw);
  });
});

describe('numbers that name rather than count', () => {
  it.each([
    ['office numbers', '云南省委组织部组织二处副处长彭鉴说'],
    ['department numbers', '设备总部六部部长徐鼎说'],
    ['project phases', '7号线二期、14号线二期等6条新线'],
    ['vague amounts', '连续组织数千人投入联防联控'],
  ])('ignores %s', (_kind, text) => {
    expect(pick(text).map((figure) => figure.raw)).toEqual(text.includes('6条') ? ['6条'] : []);
  });
  it('reads 上 before a bare multiplier as more than', () => {
    expect(pick('每天，上千万人在地铁里交会')).toEqual([{ raw: '千万人', value: 10000000, unit: '人', qualifier: 'more_than', quantity: 'people' }]);
    expect(pick('募集了价值上万元的医护物资')).toEqual([{ raw: '万元', value: 10000, unit: '元', qualifier: 'more_than', quantity: 'money' }]);
  });
});
