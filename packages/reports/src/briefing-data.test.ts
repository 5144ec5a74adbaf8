import { describe, expect, it } from 'vitest';
import type { ArticleTables, FigureRow } from '@roundup/model';
import { BriefingCollector } from './briefing-data.js';

const SENTENCE = '国开行迅速发放流动资金贷款5亿元和项目建设贷款5亿元，全力支持高速公路复工建设。';

function figure(raw: string, value: number, unit: string, start: number, sentence = SENTENCE): FigureRow {
  return {
    article_id: 'a',
    paragraph: 1,
    region: '四川',
    locality: '',
    raw,
    value,
    unit,
    qualifier: 'exact',
    quantity: 'money',
    subject: '',
    sentence,
    start,
    end: start + raw.length,
  };
}

/** One article with one 四川 section and the given figures. */
function tablesWith(figures: FigureRow[]): ArticleTables {
  return {
    articles: [
      {
        article_id: 'a',
        date: '2020-05-07',
        title: '标题',
        url: '',
        source: 'test',
        paragraphs: 2,
        characters: 100,
        regions: '四川',
        kind: 'roundup',
        kind_evidence: 'headings',
      },
    ],
    paragraphs: [{ article_id: 'a', paragraph: 1, region: '四川', role: 'body', text: SENTENCE, unit: '四川' }],
    sections: [
      {
        article_id: 'a',
        section: 0,
        region: '四川',
        region_code: '510000',
        region_en: 'Sichuan',
        heading: '四川',
        paragraph_from: 0,
        paragraph_to: 1,
        detected_by: 'heading-name',
        unit: '四川',
        unit_type: 'region',
      },
    ],
    figures,
    localities: [],
    initiatives: [],
    measures: [],
  } as unknown as ArticleTables;
}

describe('BriefingCollector money figures', () => {
  it('prints an amount a sentence names twice as one figure, counted twice', () => {
    const collector = new BriefingCollector();
    collector.add(tablesWith([figure('5亿元', 5e8, '元', 13), figure('5亿元', 5e8, '元', 24), figure('2亿元', 2e8, '元', 3, '另一句话投入2亿元。')]));
    const money = collector.material('四川')!.moneyFigures;
    expect(money.map((entry) => [entry.raw, entry.repeats])).toEqual([
      ['5亿元', 2],
      ['2亿元', 1],
    ]);
  });
  it('keeps amounts in another currency apart from the yuan, never dropped', () => {
    const collector = new BriefingCollector();
    collector.add(tablesWith([figure('62.11亿美元', 6.211e9, '美元', 0, '实际使用外资62.11亿美元。'), figure('5亿元', 5e8, '元', 13)]));
    const material = collector.material('四川')!;
    expect(material.moneyFigures.map((entry) => entry.raw)).toEqual(['5亿元']);
    expect(material.otherMoney.map((entry) => entry.raw)).toEqual(['62.11亿美元']);
  });
});
