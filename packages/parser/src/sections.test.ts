import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { matchPlaceNames } from './places.js';
import { sectionArticle } from './section-strategies.js';
import { loadSectionCues } from './sections.js';
import { loadKnownUnits } from './units.js';

const gazetteer = loadGazetteer();
const section = (paragraphs: string[], title = '') =>
  sectionArticle(
    paragraphs,
    paragraphs.map((text, index) => matchPlaceNames(text, index, gazetteer)),
    matchPlaceNames(title, 0, gazetteer),
    gazetteer,
    loadSectionCues(),
    loadKnownUnits(),
  );
const summary = (paragraphs: string[], title = '') => {
  const result = section(paragraphs, title);
  return {
    sections: result.sections.map((s) => [s.region?.short ?? '', s.heading, s.paragraphFrom, s.paragraphTo, s.detectedBy]),
    regions: result.paragraphs.map((p) => p.region),
  };
};

describe('sectionArticle', () => {
  it('reads a region line followed by a headline line', () => {
    expect(
      summary(['浙江、河南等地开展主题教育。', '浙江：', '结合实际 注重实效', '在温州，苍南县开展学习。', '河南：', '上下联动 抓实整改', '洛阳市办好实事。']),
    ).toEqual({
      sections: [
        ['浙江', '结合实际 注重实效', 1, 3, 'heading-line'],
        ['河南', '上下联动 抓实整改', 4, 6, 'heading-line'],
      ],
      regions: [null, '浙江', '浙江', '浙江', '河南', '河南', '河南'],
    });
  });
  it('reads region and headline on one line', () => {
    expect(summary(['浙江：项目化管理，整治结果接受群众评判', '杭州市推行清单管理。', '四川：聚焦短板 补齐弱项', '成都市开展行动。']).sections).toEqual([
      ['浙江', '项目化管理，整治结果接受群众评判', 0, 1, 'heading-inline'],
      ['四川', '聚焦短板 补齐弱项', 2, 3, 'heading-inline'],
    ]);
  });
  it('reads spaced region names alone, a headline and a byline, which belongs to no region', () => {
    const result = summary(['河 北', '为民办实事', '本报记者 张三', '石家庄市开展行动。', '黑龙江', '冰雪里的温暖', '哈尔滨市开展行动。']);
    expect(result.sections).toEqual([
      ['河北', '为民办实事', 0, 3, 'heading-name'],
      ['黑龙江', '冰雪里的温暖', 4, 6, 'heading-name'],
    ]);
    expect(result.regions).toEqual(['河北', '河北', null, '河北', '黑龙江', '黑龙江', '黑龙江']);
  });
  it('reads a province-and-city heading line (浙江杭州, 北京丰台) as its province', () => {
    const result = summary([
      '河 北',
      '树立导向',
      '保定市开展行动。',
      '浙江杭州',
      '不搞简单机械式问责',
      '下城区开展监督。',
      '北京丰台',
      '温暖十条 激励担当',
      '丰台区推出措施。',
    ]);
    expect(result.sections.map((s) => [s[0], s[1]])).toEqual([
      ['河北', '树立导向'],
      ['浙江', '不搞简单机械式问责'],
      ['北京', '温暖十条 激励担当'],
    ]);
  });
  it('attributes paragraphs without headings from the places they name, quotations inheriting', () => {
    const result = summary([
      '各地积极推进基层减负工作。',
      '河南省郑州市金水区推行清单管理，减少报表。',
      '“现在轻松多了。”一位社区干部说。',
      '贵州省遵义市开展专项整治，精简会议。',
      '（本报记者 李四）',
    ]);
    expect(result.regions).toEqual([null, '河南', '河南', '贵州', null]);
    expect(result.sections.map((s) => [s[0], s[4]])).toEqual([
      ['河南', 'inferred-places'],
      ['贵州', 'inferred-places'],
    ]);
  });
  it('finds a roundup whose paragraphs open with quotations rather than places', () => {
    const result = summary([
      '“有了助学贷款，家里再不用为我上大学发愁了。”广西桂平市江口镇胡村罗雨婷说。',
      '扶贫先扶智。习近平总书记在陕西考察时强调，要推进城乡义务教育一体化发展。',
      '“以前孩子上学每天要走两个小时山路。”在贵州省紫云苗族布依族自治县城东的易地搬迁小区，罗幺妹说。',
      '“控辍保学是块硬骨头。”四川通江县副县长万学成说。',
    ]);
    expect(result.regions).toEqual(['广西', null, '贵州', '四川']);
  });
  it('makes an article about one region a single inferred section', () => {
    const result = summary(['杭州市推出新举措。', '市民办事更方便了。'], '浙江杭州：办事不用跑');
    expect(result.sections).toEqual([['浙江', '', 0, 1, 'inferred-single']]);
  });
  it('gives a national story no section', () => {
    expect(summary(['国务院常务会议部署工作。', '会议指出，要加大支持力度。']).sections).toEqual([]);
  });
});

describe('sectioning strategies and their thresholds', () => {
  const withoutHeadings = ['浙江杭州市开展行动，投入资金2亿元。', '河南郑州市新建学校3所。', '湖南长沙市开通热线。'];
  const sectionWith = (paragraphs: string[], change: (cues: ReturnType<typeof loadSectionCues>) => void) => {
    const cues = loadSectionCues();
    change(cues);
    return sectionArticle(
      paragraphs,
      paragraphs.map((text, index) => matchPlaceNames(text, index, gazetteer)),
      [],
      gazetteer,
      cues,
      loadKnownUnits(),
    );
  };

  it('tries printed headings first, then the places each paragraph opens with, then a single region', () => {
    expect(section(['浙江：', '杭州市开展行动。', '河南：', '郑州市开展行动。']).sections.map((s) => s.detectedBy)).toEqual(['heading-line', 'heading-line']);
    expect(section(withoutHeadings).sections.map((s) => [s.region?.short, s.detectedBy])).toEqual([
      ['浙江', 'inferred-places'],
      ['河南', 'inferred-places'],
      ['湖南', 'inferred-places'],
    ]);
    expect(section(['杭州市开展行动。', '宁波市新建学校。'], '浙江：实干').sections.map((s) => [s.region?.short, s.detectedBy])).toEqual([
      ['浙江', 'inferred-single'],
    ]);
  });

  it('gives a passage headed by a name and a dash the province its first place-naming paragraph tells of', () => {
    const paragraphs = [
      '各地精准帮扶困难群众。',
      '驻村第一书记盛君——',
      '帮困难户找工作',
      '“郭大姐，新工作感觉怎么样？”',
      '郭红玲是江苏省徐州市贾汪区临运村的贫困户。',
      '民政干部张智——',
      '给低保户送温暖',
      '湖南省长沙市岳麓区含浦街道社会事务办主任张智来到九丰村。',
    ];
    expect(section(paragraphs).paragraphs.map((p) => p.region)).toEqual([null, '江苏', '江苏', '江苏', '江苏', '湖南', '湖南', '湖南']);
  });

  it('reads its thresholds from section-cues.json', () => {
    expect(sectionWith(withoutHeadings, () => undefined).sections).toHaveLength(3);
    // More opening provinces than the article has: still a roundup, each paragraph a strong story (a province and a city).
    expect(sectionWith(withoutHeadings, (cues) => (cues.sectioning.openingProvinces = 4)).sections).toHaveLength(3);
    // Neither opening nor strong stories enough: not a roundup, and no one region is the article's.
    const neither = sectionWith(withoutHeadings, (cues) => {
      cues.sectioning.openingProvinces = 4;
      cues.sectioning.strongVotes = 10;
    });
    expect(neither.sections).toEqual([]);
  });

  it('refuses a cues file without the sectioning thresholds', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { dataPath } = await import('./data-files.js');
    const file = join(mkdtempSync(join(tmpdir(), 'roundup-cues-')), 'section-cues.json');
    const cues = JSON.parse(readFileSync(dataPath('section-cues.json'), 'utf8')) as Record<string, unknown>;
    delete cues.sectioning;
    writeFileSync(file, JSON.stringify(cues));
    expect(() => loadSectionCues(file)).toThrow(/sectioning/);
  });
  it('gives a passage headed by a person its province as unit, never the person', () => {
    const result = section([
      '各地医护人员坚守一线。',
      '湖北黄冈市罗田县人民医院护士余康颖——',
      '看到患者出院最开心',
      '她每天护理十余名患者。',
      '甘肃省人民医院重症医学科护士长伍严骏——',
      '危急时刻就要站出来',
      '他主动请缨驰援武汉。',
    ]);
    expect(result.sections.map((s) => [s.region?.short, s.unit, s.unitType, s.heading])).toEqual([
      ['湖北', '湖北', 'province', '看到患者出院最开心'],
      ['甘肃', '甘肃', 'province', '危急时刻就要站出来'],
    ]);
  });
});
