import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { createExtractor, extractArticle } from './extract.js';
import { classifyArticle } from './kinds.js';
import { matchPlaceNames } from './places.js';
import { sectionArticle } from './section-strategies.js';
import { loadSectionCues } from './sections.js';
import { loadKnownUnits } from './units.js';

const gazetteer = loadGazetteer();
const cues = loadSectionCues();
const known = loadKnownUnits();
const extractor = createExtractor();
const kindOf = (title: string, paragraphs: string[]) => {
  const { paragraphs: infos, sections } = sectionArticle(
    paragraphs,
    paragraphs.map((text, index) => matchPlaceNames(text, index, gazetteer)),
    matchPlaceNames(title, 0, gazetteer),
    gazetteer,
    cues,
    known,
  );
  return classifyArticle(title, infos, sections, cues, { gazetteer, known });
};
const sectionsOf = (paragraphs: string[]) =>
  sectionArticle(
    paragraphs,
    paragraphs.map((text, index) => matchPlaceNames(text, index, gazetteer)),
    [],
    gazetteer,
    cues,
    known,
  );
/** A passage of one province's story: a paragraph that names it as a province and two of its places. */
const story = (province: string, city: string, county: string) => `${province}${city}${county}开展活动，投入资金3亿元，群众满意。`;

describe('classifyArticle', () => {
  it('takes printed region headings for a roundup', () => {
    expect(
      kindOf('扎实开展主题教育', [
        '各地开展主题教育。',
        '浙江：',
        '结合实际 注重实效',
        story('浙江', '温州市', '苍南县'),
        '河南：',
        '上下联动 抓实整改',
        story('河南', '洛阳市', '嵩县'),
      ]),
    ).toEqual({ kind: 'roundup', evidence: 'headings' });
  });
  it('reads a place and a headline on one line (济南 曲径通幽) as a heading, a place and a signature not', () => {
    const parks = ['编者按：口袋公园走进城市。', '济南 曲径通幽', story('山东', '济南市', '历下区'), '北京 留白增绿', story('北京', '东城区', '西城区')];
    expect(kindOf('口袋公园 推窗观景', parks)).toEqual({ kind: 'roundup', evidence: 'headings' });
    const glued = [...parks, '广州一园一景', story('广东', '广州市', '越秀区')];
    expect(sectionsOf(glued).sections.map((section) => section.unit)).toEqual(['济南', '北京', '广州']);
    const letters = ['办证跑了四个部门，希望简化。', '浙江桐乡 姚平', '小区应设限速标志。', '江苏南通 杨祥'];
    expect(kindOf('身边事', letters).kind).not.toBe('roundup');
  });
  it('takes unit headings for a roundup of units', () => {
    expect(
      kindOf('今年寒假怎么过', [
        '北京交通大学',
        '关爱基金报销路费',
        '学校为留校学生准备年夜饭。',
        '西安交通大学',
        '春节年货带回家',
        '学校实施春节返乡团聚计划。',
      ]),
    ).toEqual({ kind: 'roundup', evidence: 'headings' });
  });
  it('takes passages inferred from places for a roundup only where something frames them', () => {
    const passages = [
      story('安徽', '合肥市', '肥西县'),
      story('安徽', '六安市', '金寨县'),
      story('河北', '保定市', '阜平县'),
      story('河北', '张家口市', '张北县'),
      story('山东', '临沂市', '沂南县'),
    ];
    expect(kindOf('村子大家管', ['春节期间，记者走进安徽、河北、山东三地的村庄。', ...passages])).toEqual({ kind: 'roundup', evidence: 'intro-list' });
    expect(kindOf('过节，这些干部没闲着', ['节日里，各地干部坚守岗位。', ...passages])).toEqual({ kind: 'roundup', evidence: '各地-passages' });
    expect(kindOf('一位学者的足迹', ['他一生走南闯北，留下许多故事。', ...passages]).kind).not.toBe('roundup');
  });
  it('does not take a directive to every region (各地区各部门) for passages per place', () => {
    const passages = [story('广东', '广州市', '番禺区'), story('广东', '深圳市', '南山区'), story('香港', '', ''), story('澳门', '', '')];
    expect(kindOf('规划纲要', ['要求各地区各部门结合实际认真贯彻落实。', ...passages]).kind).not.toBe('roundup');
  });
  it('keeps an article one region tells most of a regional one, whatever frames it', () => {
    const passages = [
      story('天津', '滨海新区', '塘沽'),
      story('天津', '武清区', ''),
      story('天津', '宝坻区', ''),
      story('天津', '静海区', ''),
      story('北京', '通州区', ''),
    ];
    expect(kindOf('天津、北京协同发展', ['天津、北京携手。', ...passages])).toEqual({ kind: 'regional', evidence: 'places' });
  });
  it('takes a lone name with its headline under it for a heading beside headings of another form', () => {
    const article = [
      '湖北宜昌西陵街道',
      '跑腿小队 送菜上门',
      '本报记者 王五',
      story('湖北', '宜昌市', '西陵区'),
      '江西：',
      '线上问诊 暖心服务',
      story('江西', '九江市', '修水县'),
      '四川成都：',
      '扫码出入 群防群控',
      story('四川', '成都市', '郫都区'),
    ];
    const { sections } = sectionsOf(article);
    expect(sections.map((section) => section.unit)).toEqual(['湖北宜昌西陵街道', '江西', '四川成都']);
  });
  it('reads passages headed by a place-led line and a reporter’s byline as a roundup', () => {
    const article = [
      '编者按：基层干部坚守一线。',
      '河北保定市东风社区',
      '志愿服务队守好门',
      '本报记者 张三',
      story('河北', '保定市', '竞秀区'),
      '贵州遵义团结村',
      '关键时刻 党员带头',
      '本报记者 王五',
      story('贵州', '遵义市', '汇川区'),
    ];
    expect(kindOf('守好社区防线', article)).toEqual({ kind: 'roundup', evidence: 'headings' });
    expect(sectionsOf(article).sections.map((section) => [section.unit, section.region?.short])).toEqual([
      ['河北保定市东风社区', '河北'],
      ['贵州遵义团结村', '贵州'],
    ]);
  });
  it('reads lone lines naming projects (…大桥, …水电站) with headlines under them as unit headings', () => {
    const article = [
      '各地重大项目陆续复工。',
      '长江东岭大桥',
      '抢抓工期',
      '本报记者 张三',
      '大桥项目位于湖北宜昌，工人陆续返岗。',
      '金沙江梨园水电站',
      '保障物资',
      '本报记者 王五',
      '水电站位于云南丽江，施工有序推进。',
    ];
    expect(kindOf('重大项目加快建设', article)).toEqual({ kind: 'roundup', evidence: 'headings' });
    expect(sectionsOf(article).sections.map((section) => section.unit)).toEqual(['长江东岭大桥', '金沙江梨园水电站']);
    const mixed = [
      ...article.slice(0, 4),
      '大桥项目位于湖北宜昌市夷陵区，工人陆续返岗。',
      '工人大多来自四川达州，项目部派车接回。',
      '项目部为工人准备了宿舍。',
      ...article.slice(5),
    ];
    expect(sectionsOf(mixed).sections.map((section) => section.region?.short)).toEqual(['湖北', '云南']);
  });
  it('reads lines that open with a unit and end with a dash (…博物院，scene——) as unit headings', () => {
    const article = [
      '新春去博物馆过年。',
      '河南博物院，孩子们学做花馍——',
      '展厅里，孩子们围坐桌旁。',
      '苏州博物馆，评弹声声入耳——',
      '馆内的评弹演出吸引游客。',
    ];
    expect(sectionsOf(article).sections.map((section) => [section.unit, section.region?.short])).toEqual([
      ['河南博物院', '河南'],
      ['苏州博物馆', '江苏'],
    ]);
    expect(kindOf('博物馆里过大年', article)).toEqual({ kind: 'roundup', evidence: 'headings' });
  });
  it('reads unit headings written short', () => {
    const article = ['高校积极应对疫情。', '南京农大', '云课堂开课', '学校推出线上课程。', '华中科大', '科研攻关不停', '学校组织专家攻关。'];
    expect(sectionsOf(article).sections.map((section) => [section.unit, section.unitType, section.region?.short])).toEqual([
      ['南京农大', 'university', '江苏'],
      ['华中科大', 'university', '湖北'],
    ]);
  });
  it('compares sectors where the title lists them, not where one enterprise presents what it supplies', () => {
    const sectors = [
      '春运期间，各系统保障旅客出行。',
      '铁路系统',
      '增开列车 保障返程',
      '铁路部门增开临客。',
      '民航系统',
      '加密航班 有序运输',
      '各航空公司加密航班。',
    ];
    expect(kindOf('交通运输各系统全力保障春运', sectors)).toEqual({ kind: 'roundup', evidence: 'headings' });
    expect(sectionsOf(sectors).sections.map((section) => section.unitType)).toEqual(['sector', 'sector']);
    const supplier = ['某钢铁公司研发新材料。', '核电行业', '堆内构件用钢', '公司研发核电用钢。', '建筑行业', '螺纹钢筋', '公司开发建筑用钢。'];
    expect(kindOf('某钢铁公司勇攀高峰', supplier).kind).not.toBe('roundup');
  });
  it('takes a guide to one province’s places, headed by its districts, for a regional article', () => {
    const guide = [
      '南京城里年味浓。',
      '玄武区：',
      '玄武湖畔赏灯',
      '南京玄武区举办灯会。',
      '秦淮区：',
      '夫子庙里逛庙会',
      '南京秦淮区举办庙会。',
      '鼓楼区：',
      '老街新韵',
      '南京鼓楼区老街改造完成。',
    ];
    expect(kindOf('南京过年去哪儿', guide).kind).toBe('regional');
  });
  it('does not take experts, events or the institutes of a ranking for units compared', () => {
    const voices = ['代表委员热议高质量发展。', '浙江大学教授李明——', '“创新是第一动力。”', '四川大学研究员王红——', '“要稳住就业。”'];
    expect(kindOf('专家谈发展', voices).kind).not.toBe('roundup');
    const delegates = [
      '代表委员建言。',
      '北京某中学校长王欢委员',
      '推进家庭教育',
      '本报记者 张三',
      '“家庭教育很重要。”',
      '重庆某小学校长刘娅代表',
      '呵护视力',
      '本报记者 王五',
      '“要保护孩子视力。”',
    ];
    expect(kindOf('议民生', delegates).kind).not.toBe('roundup');
    const portraits = [
      '新春里的奋斗者。',
      '四川凉山某村村民吉某',
      '日子越过越红火',
      '本报记者 张三',
      '“今年养了二十头猪。”',
      '陕西西安跨境电商创业者元某',
      '把年货卖到海外',
      '本报记者 王五',
      '“订单越来越多。”',
    ];
    expect(sectionsOf(portraits).sections.filter((section) => section.detectedBy.startsWith('heading'))).toEqual([]);
    const history = ['党史上的重要时刻。', '南昌起义——', '1927年8月1日，南昌起义打响第一枪。', '遵义会议——', '1935年1月，遵义会议召开。'];
    expect(kindOf('红色记忆', history).kind).not.toBe('roundup');
    const ranking = [
      '创新指数报告发布。',
      '上海科学技术研究院',
      '上海科技创新指数位居前列',
      '报告显示指数上升。',
      '广东省科学院',
      '广东研发投入居首',
      '报告显示投入增加。',
    ];
    expect(kindOf('2019年区域创新指数报告发布', ranking).kind).not.toBe('roundup');
  });
  // Rosters and awards lists, generated: surnames × given names × employers of several provinces, printed as
  // newspapers print them (a name padded to three characters, a mark such as （女）, two spaces, the employer).
  const surnames = ['王', '李', '欧阳', '陈', '江', '黄'];
  const given = ['明', '晓东', '丽', '建国'];
  const employers = ['浙江大学', '四川大学', '中国科学院化学研究所', '华东理工大学', '上海交通大学', '江苏省人民医院', '湖南大学', '国家电网有限公司'];
  const rosterLine = (index: number) => {
    const name = surnames[index % surnames.length]! + given[index % given.length]!;
    const padded = name.length === 2 ? `${name[0]}  ${name[1]}` : name;
    return `${padded}${index % 5 === 0 ? '（女）' : ''}  ${employers[index % employers.length]}`;
  };
  it.each([8, 24])('takes an awards list of %i names and employers for no roundup', (count) => {
    const list = [
      '关于表彰先进工作者的决定',
      '各地区各部门要向获奖者学习。',
      '获奖者名单',
      '（按姓氏笔画排序）',
      ...Array.from({ length: count }, (_, index) => rosterLine(index)),
    ];
    expect(kindOf('表彰决定', list).kind).not.toBe('roundup');
    // Its lines run together are people, not units: no line heads a passage (`王明四川大学` is no unit of 四川).
    expect(sectionsOf(list).sections.filter((section) => section.detectedBy.startsWith('heading'))).toEqual([]);
  });
  it('gives a list of people printed with unit headings among them no sections and no measures', () => {
    const teams = ['获奖团队名单', '浙江大学', '某某研发团队', '四川大学', '某某攻关团队', '获奖者名单'];
    const list = [...teams, ...Array.from({ length: 12 }, (_, index) => rosterLine(index)), '各地区各部门要向获奖者学习，推动科技创新。'];
    expect(sectionsOf(list).sections.length).toBeGreaterThan(1);
    const extraction = extractArticle({ articleId: 't', date: '2020-05-30', title: '表彰决定', url: '', source: 't', paragraphs: list }, extractor);
    expect([extraction.kind.kind, extraction.sections, extraction.measures]).toEqual(['general', [], []]);
  });
  it('takes a page of executives’ and experts’ voices for no roundup, people in everyday roles across provinces still one', () => {
    const voice = (place: string, body: string, title: string, name: string) => [
      `${place}${body}${title}${name}——`,
      '行业会更好',
      `${name}说：“我们一直在准备。”`,
    ];
    const voices = [
      '主持人语：行业如何复苏？',
      ...voice('陕西西安', '演艺集团', '董事长', '张某某'),
      ...voice('浙江杭州', '文化公司', '总经理', '李某'),
      ...voice('北京', '剧院管理有限公司', '总经理', '王某'),
    ];
    expect(kindOf('演艺行业：复苏在即（圆桌）', voices).kind).not.toBe('roundup');
    const portraits = [
      '新春里的奋斗者。',
      ...voice('四川凉山', '某村', '村民', '吉某'),
      story('四川', '凉山州', '昭觉县'),
      ...voice('浙江湖州', '某村', '党总支书记', '孙某'),
      story('浙江', '湖州市', '安吉县'),
      ...voice('安徽六安', '某村', '第一书记', '曹某'),
      story('安徽', '六安市', '金寨县'),
    ];
    expect(kindOf('新春走基层', portraits)).toEqual({ kind: 'roundup', evidence: 'headings' });
  });
  it('gives units abroad no passage of a region', () => {
    const institutes = [
      '孔子学院开设网课。',
      '巴西某州立大学孔子学院',
      '课堂搬到线上',
      '学院与四川某大学合作，在成都录制课程。',
      '意大利某国立大学孔子学院',
      '学生在家上课',
      '学院与浙江某大学合作，在杭州录制课程。',
    ];
    expect(sectionsOf(institutes).sections.filter((section) => section.detectedBy.startsWith('heading'))).toEqual([]);
    expect(kindOf('孔子学院停课不停学', institutes).kind).not.toBe('roundup');
  });
  it('calls an article with no region of its own general', () => {
    expect(kindOf('全国春运平稳', ['全国铁路发送旅客1000万人次。'])).toEqual({ kind: 'general', evidence: 'no-region' });
  });
});
