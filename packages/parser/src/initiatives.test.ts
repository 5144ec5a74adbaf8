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

  it('gives the name’s position without its quote marks', () => {
    const [initiative] = extractInitiatives('开展“千村万户大走访”活动。', 3, cues);
    expect(initiative).toMatchObject({ paragraph: 3, start: 3, end: 10, name: '千村万户大走访', sentence: '开展“千村万户大走访”活动。' });
  });
});
