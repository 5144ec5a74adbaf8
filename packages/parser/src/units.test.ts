import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { headingUnit, loadKnownUnits, namesPerson, personBeforeEmployer, presentsPerson, sameUnitName } from './units.js';

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

// Names and employers generated from classes: surnames (one character and compound), given names of one and two
// characters, employers led by a province, by 中国/国家, by a region of the country (华东), or by a well-known unit.
const people = ['王明', '李晓东', '欧阳丽', '江建国', '黄海', '华强'];
const employersLed = ['四川大学', '浙江省人民医院', '中国科学院物理研究所', '国家电网有限公司', '华东理工大学', '天津中医药大学'];

describe('personBeforeEmployer', () => {
  it.each(people.flatMap((person) => employersLed.map((employer) => [person, employer])))(
    'reads %s%s run together as a person, not a unit',
    (person, employer) => {
      expect(personBeforeEmployer(person + employer, gazetteer, known)).toBe(true);
      expect(unit(person + employer)).toBeUndefined();
      expect(presentsPerson(`${person}  ${employer}`, gazetteer, known)).toBe(true);
    },
  );
  it.each(['华为技术有限公司', '黄河科技学院', '江南大学', '海南大学', '云南师范大学', '安徽大学', '中国科学院', '江苏省人民医院', '万科企业股份有限公司'])(
    'keeps %s, which a surname may start, a unit',
    (token) => {
      expect(personBeforeEmployer(token, gazetteer, known)).toBe(false);
      expect(unit(token)).toBeDefined();
    },
  );
  it('reads a marked name (（女）, （藏族）) before any unit as a person', () => {
    expect(personBeforeEmployer('王丽（女）东华大学', gazetteer, known)).toBe(true);
    expect(personBeforeEmployer('李明（藏族）某某航天工程中心', gazetteer, known)).toBe(true);
  });
});

describe('presentsPerson', () => {
  it.each([
    '某某演艺集团董事长张某某——',
    '浙江某文化有限公司总经理李某——',
    '某院线执行董事王某——',
    '清华大学教授李明',
    '王  明  浙江大学',
    '欧阳丽（女）  中国科学院化学研究所',
  ])('reads %s as a person presented', (line) => {
    expect(presentsPerson(line, gazetteer, known)).toBe(true);
  });
  it.each(['四川凉山某村村民吉某——', '安徽六安某村第一书记曹某——', '浙江大学', '北京市东城区', '王明说，今年的订单比去年多了三成，工人们都很忙。'])(
    'reads %s as no person presented',
    (line) => {
      expect(presentsPerson(line, gazetteer, known)).toBe(false);
    },
  );
});

describe('units abroad', () => {
  it.each(['巴西某州立大学孔子学院', '印度尼西亚某燃煤电厂', '意大利某国立大学', '泰国中资产业园'])('never takes %s, abroad, for a unit', (token) => {
    expect(unit(token)).toBeUndefined();
  });
  it.each(['徐工巴西制造有限公司', '中老铁路项目部', '内蒙古大学'])('keeps %s, a Chinese unit working abroad or at home, a unit', (token) => {
    expect(unit(token)).toBeDefined();
  });
});
