import { describe, expect, it } from 'vitest';
import type { ArticleTables, InitiativeRow } from '@roundup/model';
import { ProgrammeIndex } from './programmes.js';

/** An article's tables with only what the index reads: its row and its programme mentions. */
function article(id: string, date: string, mentions: Array<[region: string, name: string, programmeId: string]>): ArticleTables {
  const initiatives: InitiativeRow[] = mentions.map(([region, name, programmeId]) => ({
    article_id: id,
    region,
    name,
    programme_id: programmeId,
    paragraph: 0,
    sentence: name,
  }));
  return {
    articles: [{ article_id: id, date, title: id, url: '', source: '', paragraphs: 1, characters: 1, regions: '', kind: 'roundup', kind_evidence: 'headings' }],
    paragraphs: [],
    sections: [],
    figures: [],
    localities: [],
    initiatives,
    measures: [],
  };
}

describe('ProgrammeIndex', () => {
  const index = new ProgrammeIndex();
  index.add(
    article('20200510-01-01', '2020-05-10', [
      ['浙江', '最多跑一次', '最多跑一次'],
      ['', '一带一路沿线', '一带一路沿线'],
    ]),
  );
  index.add(article('20200502-01-01', '2020-05-02', [['河南', '“最多跑一次”改革', '最多跑一次']]));
  index.add(
    article('20200512-01-01', '2020-05-12', [
      ['浙江', '最多跑一次改革', '最多跑一次'],
      ['浙江', '最多跑一次', '最多跑一次'],
    ]),
  );
  const { programmes, programmeRegions } = index.tables();

  it('gives one row per programme with its spellings, regions in order of first appearance and its first date', () => {
    expect(programmes[0]).toEqual({
      programme_id: '最多跑一次',
      name: '最多跑一次',
      variants: '最多跑一次;“最多跑一次”改革;最多跑一次改革',
      region_count: 2,
      regions: '河南;浙江',
      first_date: '2020-05-02',
      first_region: '河南',
      articles: 3,
      mentions: 4,
    });
  });

  it('counts a region’s articles once however many spellings an article has', () => {
    expect(programmeRegions.filter((row) => row.programme_id === '最多跑一次')).toEqual([
      { programme_id: '最多跑一次', region: '河南', first_date: '2020-05-02', first_article_id: '20200502-01-01', articles: 1, mentions: 1 },
      { programme_id: '最多跑一次', region: '浙江', first_date: '2020-05-10', first_article_id: '20200510-01-01', articles: 2, mentions: 3 },
    ]);
  });

  it('keeps a programme no region names, with its first date and no region', () => {
    expect(programmes[1]).toMatchObject({ programme_id: '一带一路沿线', region_count: 0, regions: '', first_region: '', first_date: '2020-05-10' });
    expect(index.spread(2).map((spread) => spread.programme.programme_id)).toEqual(['最多跑一次']);
    expect(index.count(2)).toBe(1);
  });
});
