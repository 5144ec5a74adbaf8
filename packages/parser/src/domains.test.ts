import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyDomains, loadTaxonomy } from './domains.js';

const taxonomy = loadTaxonomy();

describe('classifyDomains', () => {
  it.each([
    ['a strong cue decides alone', '开展夜间经济促消费活动。', ['commerce_consumption']],
    ['a weak cue decides alone in the main clause', '加强社区管理。', ['housing_community']],
    ['a leaders’ visit to a community is not about housing', '区领导深入社区走访调研。', []],
    ['a cue inside a longer cue is the longer cue’s word (教育 in 主题教育)', '全县党员干部开展主题教育学习研讨。', ['study_party_building']],
    ['a study session is not education', '组织全体干部开展学习研讨。', ['study_party_building']],
    ['pairing for Party-building guidance is not poverty work', '结对帮扶，指导村党支部开展党建工作。', ['study_party_building']],
    ['what a company does is not the business environment by itself', '当地企业捐赠口罩5万只。', ['health']],
    ['a word holding a cue that means none (市政府 is not 市政)', '西安市政府将拨付3亿元资金建设文化旅游设施。', ['culture', 'tourism']],
    [
      'firms a measure helps add the business environment beside its sector',
      '西安市政府将拨付3亿元资金扶持文化旅游企业。',
      ['culture', 'tourism', 'business_environment'],
    ],
    ['firms helped never lead: what is done for them does', '指导督促企业做好疫情防控工作。', ['health', 'business_environment']],
    ['a help verb reaches its firms through a count (为1400多家旅行社)', '预计将为1400多家旅行社暂退质保金5亿元。', ['tourism', 'business_environment']],
    ['a verb inside another word helps nobody (作为)', '作为龙头企业带动农户种植。', ['agriculture']],
    ['为 as a copula helps nobody (认定为)', '全省新增认定为高新技术企业500家。', ['science_technology']],
    ['firms named beside the public are everyone, not firms', '推行全自助办证模式，为群众和企业提供便利。', ['government_services']],
    ['a cue in a framing clause yields to the main clause', '受疫情影响，景区暂停开放。', ['tourism']],
    ['a purpose clause frames the sentence', '为方便群众出行，地铁延长运营时间。', ['transport']],
    ['the actor named by a cue yields to what is done', '扶贫干部帮他申请了医疗救助。', ['health']],
    ['elderly care is civil affairs', '重阳节当天，社区为80岁以上老人送上慰问品。', ['civil_affairs']],
    [
      'a list in one clause is ranked by the item named first',
      '推动解决学校学位、小区梯位、医院床位不足等难题。',
      ['education', 'housing_community', 'health'],
    ],
    ['the clause where a cue stands last ranks its domain first', '医院开展义诊，成立临时党支部。', ['study_party_building', 'health']],
    [
      'a clause added by 一边…一边 ranks as the one before: the item named first leads',
      '街道一边组织核酸检测，一边为困难家庭发放救助金。',
      ['health', 'civil_affairs'],
    ],
    ['without an additive word the later clause leads', '街道组织核酸检测，为困难家庭发放救助金。', ['civil_affairs', 'health']],
    [
      'a campaign frame (在…中) adds its strong cue’s domain beside the deed',
      '在疫情防控工作中，对表现突出的干部予以提拔。',
      ['study_party_building', 'health'],
    ],
    ['a time frame (…期间) sets the scene and gives no domain beside the deed', '疫情防控期间，民政局摸排低保对象。', ['civil_affairs']],
    ['a cause frame (受…影响) gives no domain beside the deed', '受疫情影响，景区推出线上游览。', ['tourism']],
    ['a strong cue of a clause of its own gives its domain beside the main one', '全面落实减税降费政策，同时加强疫情防控。', ['taxation', 'health']],
    ['a cue naming who acts gives no domain beside what is done', '医疗队的5名医护人员成立临时党支部，发挥党支部的战斗堡垒作用。', ['study_party_building']],
    ['two weak words do not add a domain beside a strong one', '民警检查商家的销售台账。', ['public_safety']],
    ['a weak word qualifying the next cue word yields to it (帮扶企业)', '帮扶企业破解难题。', ['business_environment']],
    ['a weak word qualifying the next cue word yields to it (社区医院)', '社区医院开展义诊。', ['health']],
    ['the means named in 通过…等方式 yield to what they support', '通过减免税款、缓缴社会保险费、返还失业保险费等方式支持中小企业。', ['business_environment']],
    ['a means named by its technology is not about it (信息化手段)', '运用信息化手段开展疫情排查。', ['health']],
    ['burdens laid on the grassroots are formalism, to be rectified', '防止层层加码，切实减轻基层负担。', ['rectification_enforcement']],
    ['a public-welfare post is a job', '村里为他安排了公益岗。', ['employment_social_security']],
    ['a bridge named by its kind is transport', '市区新建两座立交桥。', ['transport']],
    ['officials forgoing leave is not a labour right', '干部放弃休假，坚守防控一线。', ['health']],
    ['a means of help ranks after the sector it serves', '新增专项债券额度，重点投向交通基础设施。', ['transport', 'infrastructure', 'finance']],
    ['a means of help leads where no sector is named with a strong cue', '向企业发放贷款。', ['finance']],
    ['a bank named for farming is a bank (农业银行)', '农业银行北海分行加强资金监管。', ['finance']],
    ['parks and green space are the environment', '新建口袋公园和小微绿地50处。', ['environment']],
    ['a sentence with no cue has no domain', '他们一起吃了顿饭。', []],
  ])('%s', (_, sentence, domains) => {
    expect(classifyDomains(sentence, taxonomy)).toEqual(domains);
  });

  it('a place gone to takes weight off a weak cue, not a strong one', () => {
    expect(classifyDomains('市委书记来到社区。', taxonomy)).toEqual([]);
    expect(classifyDomains('市委书记来到医院。', taxonomy)).toEqual(['health']);
  });

  it('reads a taxonomy of the first format (one keyword list), each keyword deciding alone wherever it stands', () => {
    const folder = mkdtempSync(join(tmpdir(), 'taxonomy-'));
    const file = join(folder, 'taxonomy.json');
    writeFileSync(
      file,
      JSON.stringify({
        domains: [
          { id: 'culture', zh: '文化', en: 'Culture', keywords: ['文化', '书房'] },
          { id: 'health', zh: '医疗卫生', en: 'Health', keywords: ['疫情'] },
        ],
      }),
    );
    const old = loadTaxonomy(file);
    expect(classifyDomains('受疫情影响，城市书房暂停开放。', old)).toEqual(['culture', 'health']);
    expect(classifyDomains('他们一起吃了顿饭。', old)).toEqual([]);
  });

  it('rejects a taxonomy whose domain has no cue, naming the file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'taxonomy-'));
    const file = join(folder, 'taxonomy.json');
    writeFileSync(file, JSON.stringify({ domains: [{ id: 'culture', zh: '文化', en: 'Culture' }] }));
    expect(() => loadTaxonomy(file)).toThrow(/taxonomy\.json.*needs at least one cue/);
  });

  it('gives every domain of the bundled taxonomy a definition, its classification source and cues', () => {
    expect(taxonomy.domains.length).toBeGreaterThanOrEqual(20);
    for (const domain of taxonomy.domains) {
      expect(domain.definition, domain.id).not.toBe('');
      expect(domain.source, domain.id).not.toBe('');
      expect(domain.strong.length, domain.id).toBeGreaterThan(0);
    }
  });
});
