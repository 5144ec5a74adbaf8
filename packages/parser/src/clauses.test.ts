import { describe, expect, it } from 'vitest';
import { SentenceClauses } from './clauses.js';
import { loadTaxonomy } from './domains.js';

const cues = loadTaxonomy().clauses;
/** The characters of the sentence that stand in a frame. */
const framed = (text: string) => [...text].filter((_, index) => new SentenceClauses(text, cues).isFramed(index)).join('');

describe('SentenceClauses', () => {
  it.each([
    ['a clause closing with 期间', '疫情防控期间，社区开展排查。', '疫情防控期间'],
    ['a clause opening with 受', '受疫情影响，景区暂停开放。', '受疫情影响'],
    ['never the last clause', '景区暂停开放期间', ''],
    ['an ending that only looks like a closing word (集中)', '各部门集中，办理业务。', ''],
    ['a frame opened inside a clause runs to its end', '各地针对困难群体，完善长效机制。', '针对困难群体'],
    ['a pair enclosing a frame inside a clause', '对在疫情防控工作中表现突出的干部予以提拔。', '在疫情防控工作中'],
    ['以…为契机', '以主题教育为契机推动整改。', '以主题教育为契机'],
    ['a word opening with a closing word closes nothing (中心)', '村民在调解中心达成协议，院方承担社保费用。', ''],
    ['a pair closes at its closing word after such a word', '在调解中心的工作中化解纠纷。', '在调解中心的工作中'],
    [
      'a pair closing a list reaches past the usual span (通过…等方式)',
      '通过减免税款、缓缴社会保险费、返还失业保险费等方式支持企业。',
      '通过减免税款、缓缴社会保险费、返还失业保险费等方式',
    ],
  ])('frames %s', (_, text, expected) => {
    expect(framed(text)).toBe(expected);
  });

  it('tells a campaign frame from a time frame', () => {
    const campaign = '主题教育中，湖南省推进整改。';
    const time = '疫情防控期间，民政局摸排低保户。';
    expect(new SentenceClauses(campaign, cues).inCampaign(0)).toBe(true);
    expect(new SentenceClauses(time, cues).inCampaign(0)).toBe(false);
    expect(new SentenceClauses(time, cues).isFramed(0)).toBe(true);
  });

  it('tells a place gone to from what is done there', () => {
    const text = '书记来到皇冠社区，看望居民。';
    const clauses = new SentenceClauses(text, cues);
    expect(clauses.isPlaceGoneTo(text.indexOf('社区'))).toBe(true);
    expect(clauses.isPlaceGoneTo(text.indexOf('居民'))).toBe(false);
  });

  it('tells an actor’s name from what is done', () => {
    const text = '扶贫干部帮他申请扶贫贷款。';
    const clauses = new SentenceClauses(text, cues);
    expect(clauses.namesActor(text.indexOf('扶贫') + 2)).toBe(true);
    expect(clauses.namesActor(text.lastIndexOf('扶贫') + 2)).toBe(false);
  });

  it('counts a clause opened by an additive word as the clause it adds to', () => {
    const text = '一边排查，一边消毒；开会。';
    const clauses = new SentenceClauses(text, cues);
    expect([0, 5, 10].map((position) => clauses.coordinateClauseOf(position))).toEqual([0, 0, 2]);
  });

  it('takes a word that opens with an additive character for the word it is (并购, 还款), not an added deed', () => {
    const text = '开展核酸检测，并购企业获得贷款，还款期限延长，并开展消毒。';
    const clauses = new SentenceClauses(text, cues);
    const at = (word: string) => clauses.coordinateClauseOf(text.indexOf(word));
    expect([at('开展核酸'), at('并购'), at('还款'), at('并开展')]).toEqual([0, 1, 2, 2]);
  });

  it('numbers clauses by the breaks before a position', () => {
    const text = '甲，乙；丙。';
    const clauses = new SentenceClauses(text, cues);
    expect([0, 2, 4].map((position) => clauses.clauseOf(position))).toEqual([0, 1, 2]);
  });
});
