import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { matchPlaceNames } from './places.js';
import { sectionArticle } from './section-strategies.js';
import { loadSectionCues } from './sections.js';
import { loadKnownUnits } from './units.js';

const gazetteer = loadGazetteer();
const cues = loadSectionCues();
const known = loadKnownUnits();
const summary = (paragraphs: string[]) => {
  const result = sectionArticle(
    paragraphs,
    paragraphs.map((text, index) => matchPlaceNames(text, index, gazetteer)),
    [],
    gazetteer,
    cues,
    known,
  );
  return {
    sections: result.sections.map((s) => [s.region?.short ?? '', s.paragraphFrom, s.paragraphTo, s.detectedBy]),
    regions: result.paragraphs.map((p) => p.region),
  };
};

describe('a heading vouches only for the report it heads', () => {
  it.each([
    ['a dateline', '本报北京3月2日电 （记者李四）文化和旅游部发布数据，全国接待游客1亿人次。'],
    ['a Xinhua dateline', '新华社北京3月2日电 文化和旅游部发布数据，全国接待游客1亿人次。'],
  ])('ends a section at %s past its body, with the title lines above it; a national report goes to no region', (_, dateline) => {
    const result = summary([
      '浙江：',
      '景区复苏',
      '本报记者 张三',
      '杭州市西湖景区游客增多，酒店入住率上升。',
      '全国旅游收入增长',
      dateline,
      '甘肃省推出主题旅游产品。江苏启动主题游活动。',
    ]);
    expect(result.regions).toEqual(['浙江', '浙江', null, '浙江', null, null, null]);
    expect(result.sections).toEqual([['浙江', 0, 3, 'heading-line']]);
  });
  it("gives a report opened by a reporter's line the province its own places tell of", () => {
    const result = summary([
      '四川：',
      '美了乡村',
      '本报记者 张三',
      '成都市郊的农家乐迎来游客。',
      '购物节遇上新经济',
      '“这个假期，很开心！”',
      '本报记者 王五',
      '记者从上海市商务委获悉，购物节启动后消费增长。',
      '线上消费热情高涨',
      '在长宁区，顾客一早排队等待开门。',
    ]);
    expect(result.regions).toEqual(['四川', '四川', null, '四川', '上海', '上海', null, '上海', '上海', '上海']);
    expect(result.sections).toEqual([
      ['四川', 0, 3, 'heading-line'],
      ['上海', 4, 9, 'inferred-places'],
    ]);
  });
  it('keeps the byline under a heading and the subheadings of its body in the section', () => {
    const result = summary(['河北：', '为民办实事', '本报记者 张三', '石家庄市开展行动。', '线下消费回暖', '保定市商场客流回升。']);
    expect(result.regions).toEqual(['河北', '河北', null, '河北', '河北', '河北']);
  });
  it('leaves list entries after a one-line heading to no region', () => {
    const result = summary(['杭州市：数字平台助力防控', '南京市：线上课堂停课不停学', '十大服务类成功案例', '在线教育平台', '智能测温系统']);
    expect(result.regions).toEqual(['浙江', '江苏', null, null, null]);
    expect(result.sections).toEqual([
      ['浙江', 0, 0, 'heading-inline'],
      ['江苏', 1, 1, 'heading-inline'],
    ]);
  });
  it("leaves a paragraph whose places all lie in another province out of a place heading's section", () => {
    const result = summary([
      '浙江：',
      '景区复苏',
      '杭州市西湖景区游客增多。',
      '江苏启动主题游活动，南京市发布精品线路。',
      '宁波市酒店客房已满，游客与江苏游客同游。',
      '游客们纷纷点赞。',
    ]);
    expect(result.regions).toEqual(['浙江', '浙江', '浙江', null, '浙江', '浙江']);
    expect(result.sections).toEqual([['浙江', 0, 5, 'heading-line']]);
  });
});
