// The words of the comparison chapters (side by side by domain, programmes across regions, China at a glance), in
// Chinese and English.
import { plural, type Language } from '../labels.js';

export const CHAPTER_LABELS = {
  zh: {
    sideBySide: '按领域并列：各地做了什么',
    sideBySideIntro: '按措施数量排列的政策领域；每个领域一行一个地区，列出该地区在这一领域最有代表性的措施（粗体为数字）和专项。',
    // A region whose only sentences in the domain are results has a row too: the heading counts both.
    domainHeading: (domain: string, regions: number, measures: number, results: number) =>
      `${domain}（${regions}个地区，${measures}条措施${results > 0 ? `，${results}条成效` : ''}）`,
    whatItDid: '措施',
    programmes: '专项',
    source: '出处',
    moreRegions: (count: number) => `另有 ${count} 个地区在这一领域有措施或成效，未列出（见 measures.csv）。`,
    moreDomains: (count: number) => `另有 ${count} 个领域未列出（见 measures.csv 与地区 × 政策领域图）。`,
    result: '成效',
    spread: '跨地区专项：首次出现与跟进',
    spreadIntro: (spread: number, programmes: number) =>
      `在全部输入中，${programmes} 个专项名称里有 ${spread} 个出现在两个或更多地区（同一专项的不同写法已合并，见 programmes.csv）。按首次出现的日期排列，地区按出现先后。`,
    spreadNone: '没有专项出现在两个或更多地区。',
    spreadLeftOut: (count: number) => `另有 ${count} 个跨地区专项未列出（见 programmes.csv）。`,
    timeline: '专项首次出现时间线（实心：首个地区；空心：跟进地区）',
    tileMap: '全国一览',
    tileCaptionCorpus: '各地区出现的综述篇数（灰色：未出现）',
    tileCaptionSingle: '各地区的措施句数（灰色：未涉及）',
  },
  en: {
    sideBySide: 'Side by side by domain: what each region did',
    sideBySideIntro:
      'Policy domains in order of measures; in each, one row per region with its most telling measures (figures in bold) and programmes in that domain.',
    domainHeading: (domain: string, regions: number, measures: number, results: number) =>
      `${domain} (${plural(regions, 'region')}, ${plural(measures, 'measure')}${results > 0 ? `, ${plural(results, 'result')}` : ''})`,
    whatItDid: 'Measures',
    programmes: 'Programmes',
    source: 'Source',
    moreRegions: (count: number) =>
      `${plural(count, 'more region')} with sentences in this domain ${count === 1 ? 'is' : 'are'} not listed (see measures.csv).`,
    moreDomains: (count: number) =>
      `${plural(count, 'more domain')} ${count === 1 ? 'is' : 'are'} not listed (see measures.csv and the region × domain chart).`,
    result: 'Result',
    spread: 'Programmes across regions: first appearance and followers',
    spreadIntro: (spread: number, programmes: number) =>
      `Over all inputs, ${spread} of ${plural(programmes, 'programme')} ${spread === 1 ? 'appears' : 'appear'} in two or more regions (spellings of one programme grouped, see programmes.csv). Ordered by first appearance; regions in the order they took it up.`,
    spreadNone: 'No programme appears in two or more regions.',
    spreadLeftOut: (count: number) =>
      `${plural(count, 'more programme')} found in two or more regions ${count === 1 ? 'is' : 'are'} not listed (see programmes.csv).`,
    timeline: 'Timeline of first appearances (filled: the first region; hollow: followers)',
    tileMap: 'China at a glance',
    tileCaptionCorpus: 'Roundups each region appears in (grey: none)',
    tileCaptionSingle: 'Measures per region (grey: none)',
  },
} satisfies Record<Language, Record<string, unknown>>;
export type ChapterLabels = (typeof CHAPTER_LABELS)['zh'];
