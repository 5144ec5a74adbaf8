import { describe, expect, it } from 'vitest';
import { extractArticle, createExtractor } from './extract.js';

const extractor = createExtractor();
const article = (paragraphs: string[]) =>
  extractArticle({ articleId: 't', date: '2020-02-01', title: '各地开展行动', url: '', source: 't', paragraphs }, extractor);

describe('sentences of a section placed by place names', () => {
  const extraction = article([
    '各地积极推进审计工作。',
    '山东省济南市推行清单管理，减少报表。江西省主动开展联合审计，追回资金8.32亿元。济南市还精简了会议。',
    '贵州省遵义市开展专项整治，精简会议，节约经费300万元。',
  ]);
  const shandong = extraction.measures.filter((measure) => measure.paragraph === 1);

  it('keeps the region’s own sentences in it', () => {
    expect(shandong.map((measure) => measure.region)).toEqual(['山东', '', '山东']);
  });
  it('leaves a sentence naming only another province’s places, and its figures, out of every region', () => {
    expect(extraction.figures.map((figure) => [figure.raw, figure.region])).toEqual([
      ['8.32亿元', null],
      ['300万元', '贵州'],
    ]);
  });
  it('gives no region a place of another province', () => {
    const places = extraction.places.filter((place) => place.level !== 'province').map((place) => [place.name, place.region]);
    expect(places).toEqual([
      ['济南市', '山东'],
      ['济南市', '山东'],
      ['遵义市', '贵州'],
    ]);
  });
});

describe('sentences of a section under a printed heading', () => {
  const headed = (heading: string) =>
    article([
      heading,
      '深化改革 扎实推进',
      '济南市推行清单管理，减少报表。江西省主动开展联合审计，追回资金8.32亿元。',
      '河南：',
      '狠抓落实',
      '郑州市精简会议。',
    ]);

  it('leaves a sentence naming only another province’s places out of a place heading’s region', () => {
    expect(headed('山东：').figures.map((figure) => [figure.raw, figure.region])).toEqual([['8.32亿元', null]]);
    expect(
      headed('山东：')
        .measures.filter((measure) => measure.paragraph === 2)
        .map((measure) => measure.region),
    ).toEqual(['山东', '']);
  });
  it('keeps a university’s deeds elsewhere its own', () => {
    expect(headed('山东大学：').figures.map((figure) => [figure.raw, figure.region])).toEqual([['8.32亿元', '山东']]);
  });
});
