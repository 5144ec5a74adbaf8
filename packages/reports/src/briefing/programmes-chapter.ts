// Programmes across regions and time: the programmes named in two or more regions, where each appeared first and
// which regions followed, and a timeline of first appearances (regions down, time across).
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { SpreadProgramme } from '../programmes.js';
import { cjk, punctuation, sectionHeading } from './blocks.js';
import { CHAPTER_LABELS } from './chapter-labels.js';
import type { RegionalContext } from './input.js';
import { ACCENT, CONTENT_WIDTH, MUTED } from './page.js';

/** Programmes listed at most: those in most regions, shown in order of first appearance. */
const LISTED = 40;
/** Regions a listed programme names before "and n more". */
const REGIONS_NAMED = 8;
const LABEL_WIDTH = 56;
const ROW_HEIGHT = 11;
/** Timeline rows that surely fit a page with the chapter's heading. */
const TIMELINE_ROWS = 40;

/** The chapter, for a corpus briefing; the programmes come from the run's programme index (all inputs). */
export function programmesChapter(context: RegionalContext): Content[] {
  const { input } = context;
  const words = CHAPTER_LABELS[input.language];
  const index = input.programmes;
  if (!index) return [];
  const spread = index.spread(2);
  const heading = sectionHeading(words.spread, 1);
  if (spread.length === 0) return [{ stack: [heading, { text: words.spreadNone }], unbreakable: true } as Content];
  const listed = [...spread].sort((a, b) => b.regions.length - a.regions.length).slice(0, LISTED);
  const shown = spread.filter((programme) => listed.includes(programme));
  const regionName = regionNamer(context);
  const content: Content[] = [
    {
      stack: [heading, { text: words.spreadIntro(spread.length, index.count()), margin: [0, 0, 0, 4] }, timeline(shown, regionName, words.timeline)],
      unbreakable: true,
    } as Content,
    ...shown.map((programme, position) => programmeLine(programme, position + 1, regionName, context)),
  ];
  if (shown.length < spread.length) content.push({ text: words.spreadLeftOut(spread.length - shown.length), style: 'small' });
  return content;
}

/** A region's name in the briefing's language: pinyin from the comparison or the gazetteer in English. */
function regionNamer({ input, rows }: RegionalContext): (region: string) => string {
  if (input.language === 'zh') return (region) => region;
  const pinyin = new Map(rows.map((row) => [row.region, row.region_en]));
  return (region) => pinyin.get(region) || input.transliterate?.(region) || region;
}

/** `3. “最多跑一次” 浙江 2019-02-03 → 河南 2019-02-10 → …`: the programme, then its regions in the order they took it up. */
function programmeLine(spread: SpreadProgramme, number: number, regionName: (region: string) => string, { input }: RegionalContext): Content {
  const mark = punctuation(input.language);
  const regions = spread.regions
    .slice(0, REGIONS_NAMED)
    .map((row) => `${regionName(row.region)} ${row.first_date}`)
    .join(' → ');
  const more = spread.regions.length > REGIONS_NAMED ? ` → …${mark.open}+${spread.regions.length - REGIONS_NAMED}${mark.close}` : '';
  const variants = spread.programme.variants.split(';').filter((name) => name !== spread.programme.name);
  return {
    text: [
      { text: `${number}. `, bold: true, color: ACCENT },
      { text: `“${spread.programme.name}”`, bold: true },
      ...(variants.length > 0
        ? [
            {
              text: `${mark.open}${variants
                .slice(0, 2)
                .map((name) => `“${name}”`)
                .join(mark.list)}${mark.close}`,
              color: MUTED,
            },
          ]
        : []),
      { text: '  ' },
      ...(cjk(`${regions}${more}`) as { text: Content[] }).text,
    ],
    margin: [0, 0, 0, 2],
  } as Content;
}

/** Regions down the side in order of their first mark, time across: a dot per region's first appearance of a programme. */
function timeline(programmes: readonly SpreadProgramme[], regionName: (region: string) => string, title: string): Content {
  const marks = programmes.flatMap((spread) => spread.regions.map((row, position) => ({ region: row.region, date: row.first_date, first: position === 0 })));
  const regions = [...new Set([...marks].sort((a, b) => a.date.localeCompare(b.date)).map((mark) => mark.region))].slice(0, TIMELINE_ROWS);
  const dates = marks.map((mark) => mark.date).sort();
  const start = day(dates[0]!);
  const span = Math.max(1, day(dates[dates.length - 1]!) - start);
  const width = CONTENT_WIDTH - LABEL_WIDTH - 8;
  const x = (date: string) => 4 + ((day(date) - start) / span) * (width - 8);
  const body = regions.map(
    (region) =>
      [
        { text: regionName(region), fontSize: 7, alignment: 'right', margin: [0, 1, 4, 0] },
        {
          canvas: [
            { type: 'line', x1: 0, y1: ROW_HEIGHT / 2, x2: width, y2: ROW_HEIGHT / 2, lineWidth: 0.3, lineColor: '#cccccc' },
            ...marks
              .filter((mark) => mark.region === region)
              .map((mark) => ({
                type: 'ellipse',
                x: x(mark.date),
                y: ROW_HEIGHT / 2,
                r1: 2.6,
                r2: 2.6,
                lineWidth: 0.8,
                lineColor: ACCENT,
                ...(mark.first ? { color: ACCENT } : {}),
              })),
          ],
        },
      ] as TableCell[],
  );
  const axis: TableCell[] = [
    { text: '' },
    {
      columns: [
        { text: dates[0]!, fontSize: 7 },
        { text: dates[dates.length - 1]!, fontSize: 7, alignment: 'right' },
      ],
    },
  ];
  return {
    stack: [
      { text: title, style: 'h3' },
      { table: { widths: [LABEL_WIDTH, width], heights: ROW_HEIGHT, body: [...body, axis] }, layout: 'noBorders' },
    ],
    margin: [0, 0, 0, 8],
  } as Content;
}

/** Days since the epoch of a YYYY-MM-DD date. */
function day(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}
