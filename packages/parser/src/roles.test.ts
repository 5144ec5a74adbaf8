import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from './data-files.js';
import { findQuotedSpans } from './quotes.js';
import { codeSentence, loadSentenceCoder } from './roles.js';

const coder = loadSentenceCoder();
const code = (text: string, hasProgramme = false) => codeSentence(text, findQuotedSpans(text), hasProgramme, coder);

describe('codeSentence: role', () => {
  it.each([
    ['what a unit set up', '贺州市投入80多万元，开发使用企业自助登记系统。'],
    ['a rule a policy lays down', '职工看护未成年子女期间，企业不得解除劳动合同；'],
    ['a measure that states its effect after it', '红泥湾镇建起20个村级幸福大院，让特困老人集中居住，生活有了保障。'],
    ['a measure after a dateline', '本报长春2月23日电  （记者孟海鹰）近日，吉林省委组织部出台8方面22项具体措施。'],
    ['an authority writing of its own region', '我市投入资金2000万元，改造老旧小区12个。'],
    ['officials telling what they did', '我们推行“一窗受理”，办事时间压缩一半。'],
  ])('measure: %s', (_case, text) => {
    expect(code(text).role).toBe('measure');
  });

  it.each([
    ['where things stand now', '截至目前，该区基层党员干部入户走访累计办理实事11904件。'],
    ['an outcome before any action', '2018年底北京轨道交通运营里程达到636.8公里，稳居世界第一位。'],
    ['a data callout', '年客运量38.5亿人次'],
  ])('result: %s', (_case, text) => {
    expect(code(text).role).toBe('result');
  });

  it.each([
    ['a quotation', '“这点小伤不碍事，还好伤在左手，右手还可以看病开处方！”'],
    ['the tail of a quotation', '现在村里也能看病，太方便了！”'],
    ['an opinion in indirect speech', '他认为，这些政策能够切实帮助文化企业减负。'],
    ['a question', '特殊时期的工资待遇怎么发放？'],
    ['a photo caption', '图①：2月10日，河北邢台经济开发区一纺织企业员工在车间检查布面。'],
    ['a sentence about the one before', '这是郑州市在主题教育期间实施的民生工程之一。'],
    ['scene-setting', '中午时分，一辆载满食物的面包车驶入郑州市郑东新区众意路小学。'],
    ['a resident’s memory in the first person', '我是在1996年购买的房改房，当时办理了产权登记。'],
    ['an opinion introduced by 看来', '在一家旅行社负责人看来，暂退质保金政策解了燃眉之急。'],
    ['a programme line of a date, a time and a venue', '11.3 15:00 周浦镇文化中心剧场'],
    ['a programme line of a time and a venue', '19:30 市民文化广场'],
  ])('context: %s', (_case, text) => {
    expect(code(text)).toEqual({ role: 'context', instrument: null });
  });
});

describe('codeSentence: instrument', () => {
  it.each([
    ['supply', 'money and a facility', '投入资金2.19亿元，建成市民服务中心。'],
    ['supply', 'training', '组织全市所有A级景区开展线上培训活动。'],
    ['environment', 'a plan and supervision', '平凉市专题研究制定7个方面突出问题的整治方案，限期整改。'],
    ['environment', 'finance and tax relief', '通过减免或延期缴纳税款、缓缴社会保险费等手段加大对中小企业的支持。'],
    ['demand', 'subsidies to users', '对符合条件的中小微文化企业通过“房租通”政策给予补贴；'],
    ['demand', 'procurement', '加大政府采购力度，对优秀演出剧目给予场租和演出补贴。'],
  ])('%s: %s', (instrument, _case, text) => {
    expect(code(text)).toEqual({ role: 'measure', instrument });
  });

  it('reads a programme’s name for its instrument but not for its role', () => {
    expect(code('唐国徽还把村里的“假日课堂”利用起来。', true)).toEqual({ role: 'measure', instrument: 'supply' });
  });

  it('gives a measure without cues the codebook’s default', () => {
    expect(code('江干区推出“走村进企”。', true)).toEqual({ role: 'measure', instrument: 'environment' });
  });
});

describe('loadSentenceCoder', () => {
  it('refuses a codebook that leaves an instrument out of its tie order', () => {
    const folder = mkdtempSync(join(tmpdir(), 'roundup-codebook-'));
    const codebook = JSON.parse(readFileSync(dataPath('instruments.json'), 'utf8')) as { tieOrder: string[] };
    codebook.tieOrder = ['supply', 'supply', 'demand'];
    writeFileSync(join(folder, 'instruments.json'), JSON.stringify(codebook));
    expect(() => loadSentenceCoder(dataPath('sentence-roles.json'), join(folder, 'instruments.json'))).toThrow(/tieOrder/);
  });
});
