// What a corpus briefing adds to a single roundup's: the span and scope, an index of the roundups, a region ×
// period chart, and for each region the articles it appears in and its largest figures with their sources.
// Money is never added up across articles: their figures are unrelated.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { BriefingCollector, BriefingFigure, RegionMaterial } from '../briefing-data.js';
import { briefingTable, ROWS_KEPT_WITH_HEADER, sharedColumnWidth, withNote } from './briefing-table.js';
import type { Labels, Language } from '../labels.js';
import { figureText, type MeasureWords } from './figure-text.js';
import { labelColumnWidth } from './label-column.js';

/** How the region × period chart groups dates: by week under two months, by month up to two years, then coarser. */
export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

/** A chart column: its label and the dates it holds (YYYY-MM-DD keys map to it through `periodKey`). */
export interface Periods {
  unit: PeriodUnit;
  keys: string[];
  keyOf: (date: string) => string;
}

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The Monday that starts a date's week, as YYYY-MM-DD. */
function weekStart(date: string): string {
  const time = utc(date);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - weekday * DAY).toISOString().slice(0, 10);
}

const KEY_OF: Record<PeriodUnit, (date: string) => string> = {
  week: weekStart,
  month: (date) => date.slice(0, 7),
  quarter: (date) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`,
  year: (date) => date.slice(0, 4),
};

/** Every period from the first date's to the last's, so that quiet periods show as gaps. */
export function periodsBetween(first: string, last: string): Periods {
  const days = (utc(last) - utc(first)) / DAY;
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
  const unit: PeriodUnit = days < 60 ? 'week' : months <= 24 ? 'month' : months <= 72 ? 'quarter' : 'year';
  const keyOf = KEY_OF[unit];
  const keys: string[] = [];
  // Stepping a week at a time reaches every week, month, quarter and year between the two dates.
  for (let time = utc(first); time <= utc(last) + 7 * DAY; time += 7 * DAY) {
    const key = keyOf(new Date(Math.min(time, utc(last))).toISOString().slice(0, 10));
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return { unit, keys, keyOf };
}

/**
 * A count drawn as a dot whose area grows with it, the number beside it: one text line of a dot glyph (●) and the
 * count, so the cell is as narrow as its text (canvas columns inside table cells made pdfmake widen every column).
 */
/** A chart cell: the count's dot, or a faint point where it is zero, set `top` points down to sit on the row's line. */
/**
 * A chart's cell: a dot sized by the count, or a grey point for none. At line height 1 (the text's is 1.3), so that a
 * chart of 32 to 36 regions fits one page.
 */
export function countCell(n: number, max: number, colour: string, top: number): TableCell {
  return n === 0 ? ({ text: '·', color: '#bbbbbb', alignment: 'center', margin: [0, top, 0, 0], lineHeight: 1 } as TableCell) : countDot(n, max, colour);
}

function countDot(n: number, max: number, colour: string): TableCell {
  const size = 3.5 + 6.5 * Math.sqrt(n / Math.max(max, 1));
  return {
    text: [
      { text: '●', fontSize: size, color: colour },
      { text: ` ${n}`, fontSize: 6.5 },
    ],
    alignment: 'center',
    noWrap: true,
    lineHeight: 1,
  } as TableCell;
}

/**
 * A chart drawn as a table, its title the first header row: the title repeats where the chart continues on the next
 * page, and never stands at a page's foot with its header and a row or two (pdfmake keeps header rows with the first
 * `keepWithHeaderRows` body rows).
 */
export function chartTable(title: string, widths: number[], header: TableCell[], body: TableCell[][]): Content {
  const titleRow: TableCell[] = [{ text: title, style: 'h3', colSpan: widths.length, margin: [0, 4, 0, 2] }, ...widths.slice(1).map(() => ({ text: '' }))];
  return {
    table: { headerRows: 2, keepWithHeaderRows: Math.min(body.length, ROWS_KEPT_WITH_HEADER), dontBreakRows: true, widths, body: [titleRow, header, ...body] },
    layout: CHART_RULES,
  } as Content;
}

interface LaidOutTable {
  table: { headerRows?: number; widths: unknown[]; body: unknown[] };
}

/** pdfmake's `lightHorizontalLines`, with no rule above a chart's title row or between it and the column headers. */
const CHART_RULES = {
  hLineWidth: (line: number, node: LaidOutTable) => (line <= 1 || line === node.table.body.length ? 0 : line === node.table.headerRows ? 2 : 1),
  vLineWidth: () => 0,
  hLineColor: (line: number, node: LaidOutTable) => (line === node.table.headerRows ? 'black' : '#aaa'),
  paddingLeft: (column: number) => (column === 0 ? 0 : 8),
  paddingRight: (column: number, node: LaidOutTable) => (column === node.table.widths.length - 1 ? 0 : 8),
};

/**
 * Characters of units an index row shows (about eight lines of its 150 pt column): a roundup of 28 units made a row
 * taller than a page, and pdfmake silently drops an unbreakable row that does not fit one.
 */
export const INDEX_UNIT_CHARACTERS = 150;

/** The units an index row names: whole names up to `limit` characters, then how many more (`+N more`). */
export function indexUnits(units: readonly string[], labels: Labels, separator: string, limit = INDEX_UNIT_CHARACTERS): string {
  const shown: string[] = [];
  let length = 0;
  for (const unit of units) {
    if (shown.length > 0 && length + separator.length + unit.length > limit) break;
    shown.push(unit);
    length += (shown.length > 1 ? separator.length : 0) + unit.length;
  }
  const more = units.length - shown.length;
  return `${shown.join(separator)}${more > 0 ? labels.moreUnits(more) : ''}`;
}

/** The index of roundups: date, title and the regions or units each compares, in input order. */
export function roundupIndex(collector: BriefingCollector, labels: Labels, mark: { list: string }): Content {
  const body = collector.roundups.map(
    (roundup) =>
      [
        { text: roundup.date, noWrap: true },
        { text: roundup.title.length > 60 ? `${roundup.title.slice(0, 60)}…` : roundup.title },
        { text: indexUnits(roundup.units, labels, mark.list) },
      ] as TableCell[],
  );
  return briefingTable([labels.date, labels.title, labels.units], [52, '*', 150], body);
}

/**
 * Regions whose rows of the region × period chart fit one page with its headings (rows are about 18 pt high).
 * pdfmake silently drops an unbreakable block taller than a page, so this errs short.
 */
export const PERIOD_CHART_ROWS = 30;

/** Region × period: how many compared articles give each region a section, per period, a circle per cell. */
export function periodChart(
  collector: BriefingCollector,
  regions: Array<{ region: string; label: string }>,
  labels: Labels,
  width: number,
  colour: string,
): Content {
  const periods = periodsBetween(collector.firstDate, collector.lastDate);
  const counts = new Map<string, Map<string, number>>();
  for (const { region } of regions) {
    const perPeriod = new Map<string, number>();
    for (const date of collector.regions.get(region)?.appearanceDates ?? []) perPeriod.set(periods.keyOf(date), (perPeriod.get(periods.keyOf(date)) ?? 0) + 1);
    counts.set(region, perPeriod);
  }
  const max = Math.max(1, ...[...counts.values()].flatMap((perPeriod) => [...perPeriod.values()]));
  const regionWidth = labelColumnWidth(regions.map(({ label }) => label));
  const cellWidth = Math.max(10, sharedColumnWidth(width, [regionWidth], periods.keys.length));
  const shortKey = (key: string) => (periods.unit === 'week' ? key.slice(5) : periods.unit === 'month' ? key.slice(2) : key);
  const header: TableCell[] = [{ text: '' }, ...periods.keys.map((key) => ({ text: shortKey(key), style: 'matrixHeader' }))];
  const body: TableCell[][] = regions.map(({ region, label }) => [
    // At line height 1 (as the domain matrix): 36 regions then fit one page under the chapter's heading.
    { text: label, margin: [0, 1, 0, 0], lineHeight: 1 },
    ...periods.keys.map((key) => countCell(counts.get(region)?.get(key) ?? 0, max, colour, 1)),
  ]);
  return {
    stack: [chartTable(labels.periodTitle(labels.periods[periods.unit] ?? periods.unit), [regionWidth, ...periods.keys.map(() => cellWidth)], header, body)],
    // Kept on one page where it fits; a longer chart breaks between rows and repeats its header.
    unbreakable: regions.length <= PERIOD_CHART_ROWS,
    margin: [0, 4, 0, 10],
  } as Content;
}

/** The articles a region appears in: date and title, the first few, and how many more. */
export function regionAppearances(material: RegionMaterial, labels: Labels, shown: number, colon: string): Content[] {
  const lines = material.appearances.slice(0, shown).map((appearance) => ({ text: `${appearance.date}  ${appearance.title}`, style: 'small' }) as Content);
  const more = material.appearanceDates.length - Math.min(shown, material.appearances.length);
  return [
    { text: `${labels.appearsIn}${colon}${material.appearanceDates.length}`, style: 'h4' },
    ...lines,
    ...(more > 0 ? [{ text: labels.andMore(more), style: 'small' }] : []),
  ];
}

/**
 * A region's largest money figures, each with the article it comes from: never a sum across articles. Amounts in
 * another currency follow the yuan, in their own currency, unconverted (the note under the table says so).
 */
export function largestFiguresTable(figures: readonly BriefingFigure[], labels: Labels, language: Language, words?: MeasureWords, note?: string): Content {
  const widths = [66, 70, 74, '*'];
  const body = figures.map(
    (figure) =>
      [
        // An amount a sentence names twice (`贷款5亿元和项目建设贷款5亿元`) is one row, marked with how often.
        { text: `${quotedRaw(figure.raw, language)}${figure.repeats > 1 ? ` ×${figure.repeats}` : ''}` },
        { text: figureText(figure, language, words), alignment: 'right' },
        { text: figure.subject || labels.none },
        { text: `${figure.date}  ${figure.title}` },
      ] as TableCell[],
  );
  if (note && body.length > 0) body.push(withNote(body.pop()!, { text: note, style: 'small' }, widths));
  return briefingTable([labels.raw, labels.value, labels.subject, labels.sourceOf], widths, body, labels.largestFigures);
}

/** A figure's original text: as it is in a Chinese briefing, quoted in an English one (`“2.7万余次”`). */
export function quotedRaw(raw: string, language: Language): string {
  return language === 'zh' ? raw : `“${raw}”`;
}
