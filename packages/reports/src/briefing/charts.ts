// The charts: bars, the region × domain matrix and the region × instrument matrix, drawn with pdfmake's tables and canvas.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Instrument } from '@roundup/model';
import { formatMoney, type Labels } from '../labels.js';
import { ROWS_KEPT_WITH_HEADER, sharedColumnWidth } from './briefing-table.js';
import { breakWords } from './line-breaking.js';
import { ROWS_ON_A_PAGE, regionLabel, sectionHeading, withHeading } from './blocks.js';
import { chartTable, countCell, PERIOD_CHART_ROWS, periodChart } from './corpus-briefing.js';
import type { BriefingInput, ComparisonTableRow, RegionalContext } from './input.js';
import { BAR, CONTENT_WIDTH } from './page.js';
import { labelColumnWidth } from './label-column.js';

/** The narrowest cell of the region × domain matrix: a dot and a three-digit count. */
export const MATRIX_CELL = 20;

/**
 * Horizontal bars drawn on pdfmake's canvas, one row per region, each labelled with its exact value: longest first, as
 * a reader compares bars (ties keep the order they came in: the comparison's, by roundups and administrative code).
 */
export function barChart(title: string, given: Array<{ label: string; value: number; text: string }>): Content {
  const bars = [...given].sort((a, b) => b.value - a.value);
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const barWidth = CONTENT_WIDTH - 160 - 24;
  // The title is the table's header row: it repeats where the bars continue, and stays with the first bars; no bar's
  // label is parted from its bar.
  const titleRow = [{ text: title, style: 'h3', colSpan: 3 }, { text: '' }, { text: '' }];
  return {
    stack: [
      {
        table: {
          widths: [80, barWidth, 80],
          headerRows: 1,
          keepWithHeaderRows: Math.min(bars.length, ROWS_KEPT_WITH_HEADER),
          dontBreakRows: true,
          body: [
            titleRow,
            ...bars.map((bar) => [
              { text: bar.label, alignment: 'right', margin: [0, 1, 4, 0] },
              { canvas: [{ type: 'rect', x: 0, y: 2, w: Math.max(1, (bar.value / max) * barWidth), h: 10, color: BAR }] },
              { text: bar.text, margin: [4, 1, 0, 0] },
            ]),
          ],
        },
        layout: 'noBorders',
      },
    ],
    unbreakable: bars.length <= 30,
    margin: [0, 4, 0, 10],
  } as Content;
}

/**
 * Region × domain matrix: a circle per cell, its area proportional to the count, with the count beside it. Every
 * domain with a measure is shown: as many as fit across the page in one chart, the rest in a second (and third) chart
 * below it, the domains in order of their measures; a region with nothing in a chart's domains is left out of that chart.
 */
export function domainMatrix(input: BriefingInput, rows: Array<Record<string, unknown>>, labels: Labels): Content[] {
  const count = (row: Record<string, unknown>, id: string) => Number(row[`domain_${id}`] ?? 0);
  const total = (id: string) => rows.reduce((sum, row) => sum + count(row, id), 0);
  const regionWidth = labelColumnWidth(rows.map((row) => regionLabel(String(row.region), String(row.region_en), input.language)));
  // A cell needs its dot and a three-digit count, and its header's longest word whole (Government, Rectification).
  const minimumCell = Math.max(MATRIX_CELL, ...input.taxonomy.map((domain) => longestWordWidth(input.language === 'zh' ? domain.zh : domain.en)));
  let fitting = 1;
  while (sharedColumnWidth(CONTENT_WIDTH, [regionWidth], fitting + 1) >= minimumCell) fitting += 1;
  const used = input.taxonomy.filter((domain) => total(domain.id) > 0).sort((a, b) => total(b.id) - total(a.id));
  if (used.length === 0) return [];
  const max = Math.max(...rows.flatMap((row) => used.map((domain) => count(row, domain.id))), 1);
  const parts = Math.ceil(used.length / fitting);
  const perPart = Math.ceil(used.length / parts);
  const charts = Array.from({ length: parts }, (_, part) => {
    const domains = used.slice(part * perPart, (part + 1) * perPart);
    const cellWidth = Math.min(46, sharedColumnWidth(CONTENT_WIDTH, [regionWidth], domains.length));
    const header: TableCell[] = [{ text: '' }, ...domains.map((domain) => ({ text: input.language === 'zh' ? domain.zh : domain.en, style: 'matrixHeader' }))];
    // A region with nothing in this part's domains is left out of it: its row of dots was blank, and the blank rows
    // pushed a part's last rows onto a page of their own.
    const partRows = rows.filter((row) => domains.some((domain) => count(row, domain.id) > 0));
    // Rows at line height 1: a chart of 32 regions then fits one page (at the text's 1.3 it ran three rows over).
    const body: TableCell[][] = partRows.map((row) => [
      { text: regionLabel(String(row.region), String(row.region_en), input.language), margin: [0, 3, 0, 0], lineHeight: 1 },
      ...domains.map((domain) => countCell(count(row, domain.id), max, BAR, 3)),
    ]);
    const title = parts > 1 ? `${labels.matrixTitle} ${part + 1}/${parts}` : labels.matrixTitle;
    const long = partRows.length > ROWS_ON_A_PAGE;
    return {
      stack: [chartTable(title, [regionWidth, ...domains.map(() => cellWidth)], header, body)],
      unbreakable: !long,
      // A chart longer than `ROWS_ON_A_PAGE` may still break between rows, but starts a page, where it fits whole.
      ...(long ? { pageBreak: 'before' } : {}),
      margin: [0, 4, 0, 10],
    } as Content;
  });
  return charts;
}

export const INSTRUMENTS: readonly Instrument[] = ['supply', 'environment', 'demand'];

/** Region × policy instrument: the same dots as the domain matrix, one column per instrument, then the note on the coding. */
export function instrumentMatrix(input: BriefingInput, rows: ComparisonTableRow[], labels: Labels): Content {
  const count = (row: ComparisonTableRow, instrument: Instrument) => Number(row[`instrument_${instrument}`] ?? 0);
  const max = Math.max(...rows.flatMap((row) => INSTRUMENTS.map((instrument) => count(row, instrument))), 1);
  if (rows.every((row) => INSTRUMENTS.every((instrument) => count(row, instrument) === 0))) return { text: '' };
  const header: TableCell[] = [{ text: '' }, ...INSTRUMENTS.map((instrument) => ({ text: labels.instruments[instrument], style: 'matrixHeader' }))];
  const body: TableCell[][] = rows.map((row) => [
    { text: regionLabel(row.region, row.region_en, input.language), margin: [0, 3, 0, 0], lineHeight: 1 },
    ...INSTRUMENTS.map((instrument) => countCell(count(row, instrument), max, BAR, 3)),
  ]);
  const regionWidth = labelColumnWidth(rows.map((row) => regionLabel(row.region, row.region_en, input.language)));
  return {
    stack: [chartTable(labels.instrumentTitle, [regionWidth, 70, 70, 70], header, body), { text: labels.instrumentNote, style: 'small' }],
    unbreakable: rows.length <= ROWS_ON_A_PAGE,
    margin: [0, 4, 0, 10],
  } as Content;
}

/**
 * How wide a matrix header's longest unbreakable word is at its 6.5 pt bold: an ideograph is an em, a Latin letter
 * about 0.6 em; Chinese words are the dictionary's (医疗卫生 is one, 政务 / 服务 two), as the header's lines break.
 */
export function longestWordWidth(label: string): number {
  const width = (word: string) => [...word.trim()].reduce((sum, character) => sum + (/[\u3400-\u9fff]/.test(character) ? 1 : 0.6), 0) * 6.5;
  return Math.max(...breakWords(label, 'words').map(width));
}

/** The charts: (for a corpus) roundups per region and period, the region × domain matrix, measures and (for one roundup) money per region. */
export function charts({ input, labels, rows: allRows }: RegionalContext): Content[] {
  const { comparison, collector, language } = input;
  // A region with no measure has an empty row in every chart but the period chart: it is left out of them.
  const rows = allRows.filter((row) => comparison.measuresOf(row.region) > 0);
  const label = (row: ComparisonTableRow) => regionLabel(row.region, row.region_en, language);
  const content: Content[] = [];
  const matrix = domainMatrix(input, rows, labels);
  if (collector.articleCount > 1) {
    const chart = periodChart(
      collector,
      allRows.map((row) => ({ region: row.region, label: label(row) })),
      labels,
      CONTENT_WIDTH,
      BAR,
    );
    const fitsPage = allRows.length <= PERIOD_CHART_ROWS;
    // A chart longer than a page starts the chapter on a page of its own: pdfmake's pageBreakBefore cannot see that the
    // chart's kept-together title and first rows will move on, and left the heading alone at a page's foot.
    const heading = sectionHeading(labels.charts, 1);
    if (!fitsPage) Object.assign(heading as object, { pageBreak: 'before' });
    content.push(...withHeading(heading, chart, fitsPage));
    content.push(...matrix);
  } else {
    // The heading is kept with the matrix's first chart only: kept with all of them, it took a page of its own.
    const [first, ...rest] = matrix;
    content.push(...withHeading(sectionHeading(labels.charts, 1), first ?? { text: '' }, rows.length <= ROWS_ON_A_PAGE), ...rest);
  }
  content.push(instrumentMatrix(input, rows, labels));
  if (rows.length > 0)
    content.push(
      barChart(
        labels.barsTitle,
        rows.map((row) => ({ label: label(row), value: comparison.measuresOf(row.region), text: String(comparison.measuresOf(row.region)) })),
      ),
    );
  const moneyRows = rows.filter((row) => Number(row.money_yuan) > 0);
  if (collector.articleCount === 1 && moneyRows.length > 0) {
    content.push(
      barChart(
        labels.moneyBarsTitle,
        moneyRows.map((row) => ({ label: label(row), value: Number(row.money_yuan), text: formatMoney(Number(row.money_yuan), language) })),
      ),
    );
  }
  return content;
}
