// The side-by-side chapter: for each leading policy domain, one row per region with what it did there, so that a
// reader sees "on 政务服务: 浙江 did this, 河南 that" without turning pages.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { DomainRegion } from '../domain-material.js';
import { quotedInEnglish } from './region-chapter.js';
import { cjk, keptTogether, programmeNames, punctuation, regionLabel, sectionHeading, withFiguresInBold } from './blocks.js';
import { CHAPTER_LABELS } from './chapter-labels.js';
import type { RegionalContext } from './input.js';
import { MUTED, TABLE_FONT_SIZE } from './page.js';
import { withNote } from './briefing-table.js';
import { labelColumnWidth } from './label-column.js';

/** Domains always shown (in order of measures), then any other domain with measures from two or more regions. */
const LEADING_DOMAINS = 5;
/** A corpus briefing's limits, so that the chapter stays a few pages: domains, regions per domain (those with most
 * measures there) and sentences per region. */
const CORPUS_DOMAINS = 8;
const CORPUS_REGIONS = 6;
const CORPUS_SENTENCES = 1;
const REGION_COLUMN = 44;
/** Rows a domain's table may have and still be kept whole with its heading. */
const KEPT_WITH_HEADING = 5;
const PROGRAMME_COLUMN = 86;
const SOURCE_COLUMN = 78;

/** The chapter; empty when no measure has a domain. */
export function domainSideBySide(context: RegionalContext): Content[] {
  const { input } = context;
  const words = CHAPTER_LABELS[input.language];
  const ranked = input.collector.domainMaterial.ranked().filter((entry) => input.taxonomy.some((domain) => domain.id === entry.domain));
  const corpus = input.collector.articleCount > 1;
  const shown = ranked.filter((entry, index) => index < LEADING_DOMAINS || entry.regions.length >= 2).slice(0, corpus ? CORPUS_DOMAINS : undefined);
  if (shown.length === 0) return [];
  const content: Content[] = [];
  const leftOut = ranked.length - shown.length;
  shown.forEach((entry, index) => {
    const domain = input.taxonomy.find((candidate) => candidate.id === entry.domain)!;
    const title = words.domainHeading(input.language === 'zh' ? domain.zh : domain.en, entry.regions.length, entry.measures, entry.results);
    const opening = index === 0 ? [sectionHeading(words.sideBySide, 1), { text: words.sideBySideIntro, style: 'small', margin: [0, 0, 0, 4] } as Content] : [];
    // The chapter's closing note rides in its last table, so that it never opens a page alone.
    const closing = index === shown.length - 1 && leftOut > 0 ? [words.moreDomains(leftOut)] : [];
    const table = domainTable(context, title, entry.regions, closing);
    // A short table stays with the chapter's opening; a long one could outgrow a page, which pdfmake would silently drop.
    if (opening.length > 0 && entry.regions.length <= KEPT_WITH_HEADING) content.push(keptTogether(...opening, table));
    else content.push(...opening, table);
  });
  return content;
}

/** One domain's table, its title the first header row, and notes (the regions left out, then `notes`) under its last row. */
function domainTable(context: RegionalContext, title: string, regions: readonly DomainRegion[], notes: readonly string[]): Content {
  const { input } = context;
  const words = CHAPTER_LABELS[input.language];
  const corpus = input.collector.articleCount > 1;
  const rows = corpus ? regions.slice(0, CORPUS_REGIONS) : regions;
  const header = [context.labels.region, words.whatItDid, words.programmes, ...(corpus ? [words.source] : [])];
  const widths: Array<number | string> = [regionColumn(context), '*', PROGRAMME_COLUMN, ...(corpus ? [SOURCE_COLUMN] : [])];
  const body = rows.map((entry) => regionRow(context, entry, corpus));
  const leftOut = regions.length - rows.length;
  const allNotes = [...(leftOut > 0 ? [words.moreRegions(leftOut)] : []), ...notes];
  if (allNotes.length > 0) body.push(withNote(body.pop()!, { stack: allNotes.map((text) => ({ text, style: 'small' })) }, widths));
  return titledTable(title, header, widths, body);
}

/** The region column: `REGION_COLUMN`, wider where a region's name is a longer word (`Heilongjiang`). */
function regionColumn(context: RegionalContext): number {
  const labels = context.rows.map((row) => regionLabel(row.region, row.region_en, context.input.language));
  return Math.max(REGION_COLUMN, labelColumnWidth(labels, TABLE_FONT_SIZE, true));
}

function regionRow(context: RegionalContext, entry: DomainRegion, corpus: boolean): TableCell[] {
  const { input, labels } = context;
  const words = CHAPTER_LABELS[input.language];
  const mark = punctuation(input.language);
  const sentences = entry.best.slice(0, corpus ? CORPUS_SENTENCES : undefined).map((sentence) => ({
    // An English briefing quotes the article's Chinese sentences, as its region chapters do.
    text: [
      ...(sentence.role === 'result' ? [{ text: `${words.result}${mark.colon}`, color: MUTED }] : []),
      ...(input.language === 'en' ? quotedInEnglish(withFiguresInBold(sentence.text, sentence.figures)) : withFiguresInBold(sentence.text, sentence.figures)),
    ],
    margin: [0, 0, 0, 2],
  }));
  const programmes = [...entry.programmes.values()];
  const sources = [
    ...new Map(entry.best.slice(0, corpus ? CORPUS_SENTENCES : undefined).map((sentence) => [`${sentence.date}${sentence.title}`, sentence])).values(),
  ];
  return [
    { text: regionLabel(entry.region, entry.pinyin || entry.region, input.language), bold: true },
    { stack: sentences } as TableCell,
    programmes.length > 0 ? (programmeNames(programmes, PROGRAMME_COLUMN) as TableCell) : { text: labels.none },
    ...(corpus ? [{ stack: sources.map((sentence) => cjk(`${sentence.date} ${sentence.title}`, { fontSize: 7, color: MUTED })) } as TableCell] : []),
  ];
}

/**
 * A briefing table whose title is its first header row: the title never ends a page without the table's first row
 * (pdfmake keeps header rows with the first body row), and it repeats where the table continues.
 */
function titledTable(title: string, header: readonly string[], widths: Array<number | string>, body: TableCell[][]): Content {
  const titleRow: TableCell[] = [{ text: title, style: 'h3', colSpan: widths.length, margin: [0, 6, 0, 0] }, ...widths.slice(1).map(() => ({ text: '' }))];
  const headerRow: TableCell[] = header.map((text) => ({ text, style: 'tableHeader' }));
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [titleRow, headerRow, ...body] },
    layout: { ...TITLED_RULES },
    style: 'table',
  } as Content;
}

/** pdfmake's `lightHorizontalLines` without a rule above or below the title row. */
const TITLED_RULES = {
  hLineWidth: (line: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
    line <= 1 || line === node.table.body.length ? 0 : line === node.table.headerRows ? 1 : 0.5,
  vLineWidth: () => 0,
  hLineColor: (line: number, node: { table: { headerRows?: number } }) => (line === node.table.headerRows ? 'black' : '#aaa'),
  paddingLeft: (column: number) => (column === 0 ? 0 : 8),
  paddingRight: (column: number, node: { table: { widths: unknown[] } }) => (column === node.table.widths.length - 1 ? 0 : 8),
};
