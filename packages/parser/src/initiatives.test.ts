import { describe, expect, it } from 'vitest';
import { extractInitiatives, loadInitiativeCues } from './initiatives.js';

const cues = loadInitiativeCues();
const names = (text: string) => extractInitiatives(text, 0, cues).map((initiative) => initiative.name);

describe('extractInitiatives', () => {
  it.each([
    ['a name that reads like a programme', '推进“最多跑一次”改革', ['最多跑一次']],
    ['a name followed closely by a programme noun', '浙江省文化礼堂“我们的村晚”主场活动在杭州启幕', ['我们的村晚']],
    ['a name after a launching verb', '全面落实疫情防控“十条措施”', ['十条措施']],
    ['a numbered package of measures', '浙江：出台“暖心八条”，关爱防疫一线工作者', ['暖心八条']],
    ['an edition of an event', '参加第二届“传统民俗庆团圆·南昌味道南昌年”新春文艺汇演', ['传统民俗庆团圆·南昌味道南昌年']],
    ['a run of names sharing a cue', '推行“一线工作”“上门代办”等工作法', ['一线工作', '上门代办']],
    ['both ends of 从…到…', '纳税人实现从“最多跑一次”到“不来即享”', ['最多跑一次', '不来即享']],
  ])('finds %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['quoted speech', '他说：“这点小伤不碍事，还好伤在左手！”'],
    ['a quoted problem', '制定“中心城区幼儿园入园难”问题的整治方案'],
    ['a manner', '实行“一站式”即时结算，开展“一对一”连线心理疏导'],
    ['a quoted word', '硬是在这“豆腐”里打造出了一条又一条雄伟的地下“钢铁长龙”'],
    ['an instruction', '出台“大胆提拔使用”“开展表彰奖励”等11条措施'],
  ])('ignores %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });

  // Names found by their form alone: nothing around them says “programme”.
  it.each([
    ['a numbered formula', '“两学一做”深入人心，“三会一课”坚持不懈', ['两学一做', '三会一课']],
    ['a count of named things', '实现范围、事项、人员“三个全覆盖”', ['三个全覆盖']],
    ['a digit formula', '“1+N”越来越完善', ['1+N']],
    ['a campaign of a year', '今年的“护苗2019”取得实效', ['护苗2019']],
    ['a dotted title', '“春风行动·就业援助”成效明显', ['春风行动·就业援助']],
    ['three parallel parts', '做到“早发现、早报告、早处置”，用好“送、免、贴、贷”', ['早发现、早报告、早处置', '送、免、贴、贷']],
    ['a short name with a programme noun after it', '“清朗”专项行动成效明显', ['清朗']],
    ['the parts a programme lists', '实施“三个一”暖心行动，即“每天一个暖心电话”：安排专人打电话', ['三个一', '每天一个暖心电话']],
    ['a platform named by the noun before it', '依托扶贫项目“真旺香包专业合作社”带动就业', ['真旺香包专业合作社']],
  ])('finds %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  // Classes of programme that unlabelled months showed missed: short numeric formulas, a practice's short nickname,
  // named platforms and channels, campaigns named with a year or a season.
  it.each([
    ['a numbered rule of two characters', '全面落实“六不”要求，窗口服务更暖心', ['六不']],
    ['a numbered rule with a count word', '干部做到“四个不”：不推诿、不拖延', ['四个不']],
    ['a numbered rule standing alone', '“三清”让村容村貌焕然一新', ['三清']],
    ['a conversion written X改Y', '全村完成“煤改电”，告别烧煤取暖', ['煤改电']],
    ['a practice’s nickname after a naming verb', '这种做法被群众称为“码上办”，办事更方便', ['码上办']],
    ['a practice’s nickname with 叫作', '村里把这套办法叫作“板凳会”', ['板凳会']],
    ['a name followed by 做法 or 经验', '推广“门前三包”做法，总结“浦东经验”', ['门前三包', '浦东经验']],
    ['a formula of counts ending in a numeral', '坚持“三个一”，干部天天在村', ['三个一']],
    ['a formula of a number plus N', '构建“1+N”政策体系', ['1+N']],
    ['a hotline', '“暖心热线”24小时接听群众来电', ['暖心热线']],
    ['a message board', '开通“书记留言板”，群众诉求直达', ['书记留言板']],
    ['a channel', '开辟“返岗绿色通道”，为企业招工', ['返岗绿色通道']],
    ['a service line', '“助企专线”24小时接听', ['助企专线']],
    ['a campaign with its year inside', '“2020网络护苗”专项打击成效明显；“2019春暖农民工”服务周走进社区', ['2020网络护苗', '2019春暖农民工']],
    ['a campaign named for its season', '“冬春消防百日安全”检查全面铺开，“暑期护学”覆盖全县', ['冬春消防百日安全', '暑期护学']],
  ])('finds %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['a person’s nickname', '大家亲切地称他为“活地图”'],
    ['a numbered word that is no rule', '关心“三农”发展，坚持“一刀切”不可取'],
    ['a season in a quoted feeling', '心里像“春天”一样温暖'],
    ['a quoted season phrase that is a sentence', '他说“今年春节过得特别有意义，大家都很满意”'],
    ['a season inside a phrase', '横批写着“喜迎新春”，“海峡今年春节没闹堵”'],
    ['a numbered kind of product', '查处“三无”产品'],
  ])('ignores %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['the theme of a meeting', '以“致敬、反思、奋进”为主题开展主题党日'],
    ['the platform a reported case is about', '查处“萝莉吧论坛”网站传播淫秽物品牟利案'],
    ['a quoted word that modifies the thing launched', '发布30条“治愈系”精品旅游线路，以“五五折”的价格上线'],
    ['a short word used as a metaphor', '全员进入“充电”模式，探索“转型”之路'],
    ['a sentence quoted from a message', '跳出“今日外出回家业主全部体温筛查，均无异常”的消息'],
    ['two parts only', '做到“周周有检查、月月有通报”'],
    ['a description with 的', '打造全域“没有围墙的养老院”'],
    ['a repeated word', '开启“买买买”模式'],
  ])('ignores %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });

  // A programme noun further on, and a series' dated edition (issue 23: programmes missed on unlabelled months).
  it.each([
    ['a long programme noun after words that describe it', '出版社将“人教点读”数字教学资源库免费开放', ['人教点读']],
    ['a series title before its dated edition', '“童心向党”2020年全省少儿书画大赛正式启动', ['童心向党']],
  ])('finds %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['a long noun that is another thing’s', '这个由“土专家”主持研发的APP已推广到12个省份'],
    ['a year that dates what the name did', '这个“穷山沟”2016年实现整体脱贫'],
    ['a year that dates a deed ending in a programme noun', '“穷寨子”2016年完成安置房建设，“老大难”2020年列入整治范围'],
    ['the theme of an event written before it', '联合开展主题为“学思践悟·奋进青春”的网络党课；口号是“人人参与，共建共享”'],
    ['a list that trails off', '“‘三保障’、产业及收入、人居环境……”手机小程序里一应俱全'],
    ['a report that opens with a time', '群里跳出“今日小区所有楼道均完成两次消毒工作”的通知'],
    ['a negated verb used as a state', '多地图书馆线上“不打烊”，推出系列服务'],
    ['a generation', '这群“90后”“00后”“九零后”“９０后”医护人员坚守一线'],
    ['a quoted idiom used as an adverb', '各类主体“你追我赶”地出台活动方案，不搞“一刀切”地关停'],
  ])('ignores %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });

  it('drops a platform wherever the paragraph reports a case about it', () => {
    const text = '查处“快乐作业帮”学习类APP传播有害信息案。该公司开发的学习类APP“快乐作业帮”内的滚动广告进行推广。';
    expect(names(text)).toEqual([]);
  });

  it('gives the name’s position without its quote marks', () => {
    const [initiative] = extractInitiatives('开展“千村万户大走访”活动。', 3, cues);
    expect(initiative).toMatchObject({ paragraph: 3, start: 3, end: 10, name: '千村万户大走访', sentence: '开展“千村万户大走访”活动。' });
  });
});
