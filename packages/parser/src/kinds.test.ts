import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { classifyArticle } from './kinds.js';
import { matchPlaceNames } from './places.js';
import { sectionArticle } from './section-strategies.js';
import { loadSectionCues } from './sections.js';
import { loadKnownUnits } from './units.js';

const gazetteer = loadGazetteer();
const cues = loadSectionCues();
const known = loadKnownUnits();
const kindOf = (title: string, paragraphs: string[]) => {
  const { paragraphs: infos, sections } = sectionArticle(paragraphs, paragraphs.map((text, index) => matchPlaceNames(text, index, gazetteer)), matchPlaceNames(title, 0, gazetteer), gazetteer, cues, known);
  return classifyArticle(title, infos, sections, cues);
};
/** A passage of one province's story: a paragraph that names it as a province and two of its places. */
const story = (province: string, city: string, county: string) => `${province}${city}${county}开展活动，投入资金3亿元，群众满意。`;

describe('classifyArticle', () => {
  it('takes printed region headings for a roundup', () => {
    expect(kindOf('扎实开展主题教育', ['各地开展主题教育。', '浙江：', '结合实际 注重实效', story('浙江', '温州市', '苍南县'), '河南：', '上下联动 抓实整改', story('河南', '洛阳市', '嵩县')])).toEqual({ kind: 'roundup', evidence: 'headings' });
  });
  it('reads a place and a headline on one line (济南 曲径通幽) as a heading, a place and a signature not', () => {
    const parks = ['编者按：口袋公园走进城市。', '济南 曲径通幽', story('山东', '济南市', '历下区'), '北京 留白增绿', story('北京', '东城区', '西城区')];
    expect(kindOf('口袋公园 推窗观景', parks)).toEqual({ kind: 'roundup', evidence: 'headings' });
    const letters = ['办证跑了四个部门，希望简化。', '浙江桐乡 姚平', '小区应设限速标志。', '江苏南通 杨祥'];
    expect(kindOf('身边事', letters).kind).not.toBe('roundup');
  });
  it('takes unit headings for a roundup of units', () => {
    expect(kindOf('今年寒假怎么过', ['北京交通大学', '关爱基金报销路费', '学校为留校学生准备年夜饭。', '西安交通大学', '春节年货带回家', '学校实施春节返乡团聚计划。'])).toEqual({ kind: 'roundup', evidence: 'headings' });
  });
  it('takes passages inferred from places for a roundup only where something frames them', () => {
    const passages = [story('安徽', '合肥市', '肥西县'), story('安徽', '六安市', '金寨县'), story('河北', '保定市', '阜平县'), story('河北', '张家口市', '张北县'), story('山东', '临沂市', '沂南县')];
    expect(kindOf('村子大家管', ['春节期间，记者走进安徽、河北、山东三地的村庄。', ...passages])).toEqual({ kind: 'roundup', evidence: 'intro-list' });
    expect(kindOf('过节，这些干部没闲着', ['节日里，各地干部坚守岗位。', ...passages])).toEqual({ kind: 'roundup', evidence: '各地-passages' });
    expect(kindOf('一位学者的足迹', ['他一生走南闯北，留下许多故事。', ...passages]).kind).not.toBe('roundup');
  });
  it('does not take a directive to every region (各地区各部门) for passages per place', () => {
    const passages = [story('广东', '广州市', '番禺区'), story('广东', '深圳市', '南山区'), story('香港', '', ''), story('澳门', '', '')];
    expect(kindOf('规划纲要', ['要求各地区各部门结合实际认真贯彻落实。', ...passages]).kind).not.toBe('roundup');
  });
  it('keeps an article one region tells most of a regional one, whatever frames it', () => {
    const passages = [story('天津', '滨海新区', '塘沽'), story('天津', '武清区', ''), story('天津', '宝坻区', ''), story('天津', '静海区', ''), story('北京', '通州区', '')];
    expect(kindOf('天津、北京协同发展', ['天津、北京携手。', ...passages])).toEqual({ kind: 'regional', evidence: 'places' });
  });
  it('calls an article with no region of its own general', () => {
    expect(kindOf('全国春运平稳', ['全国铁路发送旅客1000万人次。'])).toEqual({ kind: 'general', evidence: 'no-region' });
  });
});
