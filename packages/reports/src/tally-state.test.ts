import { describe, expect, it } from 'vitest';
import type { ArticleTables, MeasureRow } from '@roundup/model';
import { BriefingCollector } from './briefing-data.js';
import { RegionComparison } from './comparison.js';
import { DomainMaterial } from './domain-material.js';
import { ProgrammeIndex } from './programmes.js';

const REGIONS = [
  { region: '四川', code: '510000', pinyin: 'Sichuan' },
  { region: '浙江', code: '330000', pinyin: 'Zhejiang' },
];

/** A roundup of both regions on `date`: a section, a place, a money figure, a programme and a measure each. */
function roundup(id: string, date: string, yuan: number): ArticleTables {
  const measure = (region: string, index: number): MeasureRow => ({
    article_id: id,
    region,
    paragraph: index + 1,
    sentence_index: 0,
    locality: '',
    domain: 'economy',
    domains: 'economy;employment',
    initiatives: '最多跑一次',
    figures: `${yuan}元`,
    text: `${region}投入${yuan}元推进“最多跑一次”。`,
    role: index === 0 ? 'measure' : 'result',
    instrument: index === 0 ? 'supply' : null,
  });
  return {
    articles: [
      {
        article_id: id,
        date,
        title: `${id}标题`,
        url: `https://example.com/${id}`,
        source: 't',
        paragraphs: 3,
        characters: 90,
        regions: '四川;浙江',
        kind: 'roundup',
        kind_evidence: 'headings',
      },
    ],
    paragraphs: REGIONS.map(({ region }, index) => ({ article_id: id, paragraph: index + 1, region, role: 'body', text: '', unit: region })),
    sections: REGIONS.map(({ region, code, pinyin }, index) => ({
      article_id: id,
      section: index,
      region,
      region_code: code,
      region_en: pinyin,
      heading: region,
      paragraph_from: index + 1,
      paragraph_to: index + 1,
      detected_by: 'heading-name',
      unit: region,
      unit_type: 'province',
    })),
    figures: REGIONS.map(({ region }, index) => ({
      article_id: id,
      paragraph: index + 1,
      region,
      locality: '',
      raw: `${yuan}元`,
      value: yuan,
      unit: '元',
      qualifier: 'exact',
      quantity: 'money',
      subject: '投入',
      sentence: `${region}投入${yuan}元推进“最多跑一次”。`,
      start: 2,
      end: 4,
    })),
    localities: REGIONS.map(({ region }, index) => ({
      article_id: id,
      region,
      name: `${region}某市`,
      canonical_name: '',
      level: 'prefecture',
      admin_code: '',
      province: region,
      mentions: 1,
      first_paragraph: index + 1,
    })),
    initiatives: REGIONS.map(({ region }, index) => ({
      article_id: id,
      region,
      name: '最多跑一次',
      programme_id: '最多跑一次',
      paragraph: index + 1,
      sentence: '',
    })),
    measures: REGIONS.map(({ region }, index) => measure(region, index)),
  } as unknown as ArticleTables;
}

const ARTICLES = [roundup('a', '2020-05-02', 500), roundup('b', '2020-05-01', 200), roundup('c', '2020-05-03', 800)];

/** What each tally keeps, built from its state: equal when the tallies hold the same. */
const tallies = () => [
  { name: 'BriefingCollector', make: () => new BriefingCollector(), restore: BriefingCollector.fromState },
  { name: 'RegionComparison', make: () => new RegionComparison([{ id: 'economy', zh: '经济', en: 'economy' }]), restore: RegionComparison.fromState },
  { name: 'ProgrammeIndex', make: () => new ProgrammeIndex(), restore: ProgrammeIndex.fromState },
];

describe('the tallies as plain data for another thread', () => {
  it.each(tallies())('$name: its state names every field it keeps', ({ make }) => {
    const tally = make();
    tally.add(ARTICLES[0]!);
    expect(Object.keys(tally.state()).sort()).toEqual(Object.keys(tally).sort());
  });

  it('DomainMaterial: its state names every field it keeps', () => {
    const material = new DomainMaterial();
    expect(Object.keys(material.state()).sort()).toEqual(Object.keys(material).sort());
  });

  it.each(tallies())('$name: cloned as postMessage clones and restored, carries on as if never moved', ({ make, restore }) => {
    const whole = make();
    for (const tables of ARTICLES) whole.add(tables);
    const first = make();
    first.add(ARTICLES[0]!);
    // structuredClone is the algorithm postMessage uses: a class instance would lose its methods, plain data does not.
    const moved = (restore as (state: unknown) => typeof whole)(structuredClone(first.state()));
    for (const tables of ARTICLES.slice(1)) moved.add(tables);
    expect(moved).toBeInstanceOf(whole.constructor);
    expect(structuredClone(moved.state())).toEqual(structuredClone(whole.state()));
  });

  it('a restored collector gives the briefing what the original gives', () => {
    const collector = new BriefingCollector();
    for (const tables of ARTICLES) collector.add(tables);
    const restored = BriefingCollector.fromState(structuredClone(collector.state()));
    expect(restored.material('四川')).toEqual(collector.material('四川'));
    expect(restored.topSources()).toEqual(collector.topSources());
    expect(restored.domainMaterial.ranked()).toEqual(collector.domainMaterial.ranked());
    expect(restored.material('四川')!.moneyFigures.map((figure) => figure.value)).toEqual([800, 500, 200]);
  });
});
