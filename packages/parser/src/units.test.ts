import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { headingUnit, loadKnownUnits, namesPerson, sameUnitName } from './units.js';

const gazetteer = loadGazetteer();
const known = loadKnownUnits();
const unit = (token: string) => {
  const found = headingUnit(token, gazetteer, known);
  return found && [found.unit, found.unitType, found.region?.short ?? null];
};

describe('headingUnit', () => {
  it.each([
    ['浙江', ['浙江', 'province', '浙江']],
    ['南京', ['南京', 'city', '江苏']],
    ['浙江杭州', ['浙江杭州', 'city', '浙江']],
    ['安吉县', ['安吉县', 'county', '浙江']],
  ])('reads a place heading %s with its level and province', (token, expected) => {
    expect(unit(token)).toEqual(expected);
  });
  it.each([
    ['郑州大学', ['郑州大学', 'university', '河南']],
    ['厦门大学', ['厦门大学', 'university', '福建']],
    ['清华大学', ['清华大学', 'university', '北京']],
    ['国家发展改革委', ['国家发展改革委', 'central-body', null]],
    ['交通运输部', ['交通运输部', 'central-body', null]],
    ['浙江省委', undefined],
    ['中国石油', ['中国石油', 'enterprise', null]],
    ['民航', ['民航', 'sector', null]],
  ])('reads a unit heading %s: its name first, the table of well-known units second', (token, expected) => {
    expect(unit(token)).toEqual(expected);
  });
  it.each([
    ['浙江丽水庆元县', ['浙江丽水庆元县', 'county', '浙江']],
    ['湖北武汉江岸区', ['湖北武汉江岸区', 'county', '湖北']],
    ['四川凉山州昭觉县', ['四川凉山州昭觉县', 'county', '四川']],
  ])('reads a chain of places of one province %s', (token, expected) => {
    expect(unit(token)).toEqual(expected);
  });
  // Titles and headings often write units short: the short form says what the unit is as well as the full one.
  it.each([
    ['南京农大', ['南京农大', 'university', '江苏']],
    ['华东师大', ['华东师大', 'university', '上海']],
    ['华中科大', ['华中科大', 'university', '湖北']],
    ['大连理工', ['大连理工', 'university', '辽宁']],
    ['东航', ['东航', 'enterprise', '上海']],
    ['中联重工', ['中联重工', 'enterprise', null]],
    ['南方电网', ['南方电网', 'enterprise', null]],
    ['国家林草局', ['国家林草局', 'central-body', null]],
    ['应急管理部', ['应急管理部', 'central-body', null]],
  ])('reads a unit written short %s', (token, expected) => {
    expect(unit(token)).toEqual(expected);
  });
  it.each([
    ['交通运输系统', ['交通运输系统', 'sector', null]],
    ['能源行业', ['能源行业', 'sector', null]],
    ['航空', ['航空', 'sector', null]],
  ])('reads a sector or national system %s as a sector', (token, expected) => {
    expect(unit(token)).toEqual(expected);
  });
  it('never takes an event or a person with a title for a unit', () => {
    for (const token of ['遵义会议', '南昌起义', '平津战役', '清华大学教授李明', '浙江大学副校长王红', '中国社科院研究员张华'])
      expect(unit(token)).toBeUndefined();
  });
  it('never takes a topic or a sentence for a unit', () => {
    for (const token of ['谁来种地', '钱从哪来', '第三章空间布局', '形成全面开放新格局', '创造家门口就业机会', '全国检察机关共立案'])
      expect(unit(token)).toBeUndefined();
  });
  it.each([
    ['华东师大', '华东师范大学', true],
    ['南京农业大学', '南京农大', true],
    ['东航', '中国东方航空', true],
    ['云南玉溪顾芸', '云南玉溪', true],
    ['华东师大', '华中师范大学', false],
    ['东航', '南航', false],
  ])('knows %s and %s for one unit: %s', (a, b, same) => {
    expect(sameUnitName(a, b, known)).toBe(same);
    expect(sameUnitName(b, a, known)).toBe(same);
  });
});

describe('namesPerson', () => {
  it.each(['浙江湖州港口村党总支书记孙根法', '湖北黄冈市罗田县人民医院护士余康颖', '北京市东城区健身操舞协会会员李秀花', '江西南昌工务段道口工董贵琴夫妇'])(
    'reads %s as a person',
    (token) => {
      expect(namesPerson(token, known)).toBe(true);
    },
  );
  it.each(['西安市长安区', '陕西师范大学', '湖南长沙市望城区妇联志愿服务队', '北京香山革命纪念地', '宁波舟山港'])('reads %s as no person', (token) => {
    expect(namesPerson(token, known)).toBe(false);
  });
});
