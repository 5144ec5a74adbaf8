// The PDF briefing: header block, comparison table, charts, a section per region and a method appendix, laid out by pdfmake.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Instrument } from '@roundup/model';
import type { BriefingCollector, BriefingMeasure, SourceArticle } from './briefing-data.js';
import { briefingTable, sharedColumnWidth } from './briefing-table.js';
import { chartTable, countCell, largestFiguresTable, PERIOD_CHART_ROWS, periodChart, regionAppearances, roundupIndex } from './corpus-briefing.js';
import type { DomainLabel, RegionComparison } from './comparison.js';
import { formatMoney, formatValue, LABELS, type Labels, type Language } from './labels.js';
import { TextMeasure, withLinesBroken, type TextRun } from './line-breaking.js';

const require = createRequire(import.meta.url);

export interface TaxonomyDomain extends DomainLabel {
  /** The cues that give the domain alone (data/taxonomy.json): the appendix prints the first of them. */
  strong: readonly string[];
}

export interface BriefingRunFacts {
  recordsRead: number;
  articles: number;
  rejects: number;
  rejectReasons: Record<string, number>;
  /** What the briefing compares: roundup sections only, or every article with a region (said on its first page). */
  scope: 'roundups' | 'all';
}

export interface BriefingInput {
  collector: BriefingCollector;
  comparison: RegionComparison;
  run: BriefingRunFacts;
  taxonomy: readonly TaxonomyDomain[];
  language: Language;
  generatedAt: Date;
  /** Pinyin for place names in English briefings. */
  transliterate?: (name: string) => string;
}

const FONT = 'NotoSansSC';
const ACCENT = '#1f4e79';
const MUTED = '#666666';
const BAR = '#2e75b6';
const CONTENT_WIDTH = 595.28 - 2 * 48;

/** Font files of Noto Sans SC (OFL), from the npm package; pdfmake embeds only the glyphs used. */
export function briefingFonts(): { normal: string; bold: string } {
  const directory = require.resolve('@expo-google-fonts/noto-sans-sc/package.json').replace(/package\.json$/, '');
  return { normal: `${directory}400Regular/NotoSansSC_400Regular.ttf`, bold: `${directory}700Bold/NotoSansSC_700Bold.ttf` };
}

/** The two font files' bytes, 10.5 MB each. */
export interface FontBytes {
  normal: Buffer;
  bold: Buffer;
}

let fontBytes: FontBytes | undefined;
/** The fonts read once per process: line breaking measures with them and pdfkit embeds them, in every briefing of a run. */
export function briefingFontBytes(): FontBytes {
  if (!fontBytes) {
    const files = briefingFonts();
    fontBytes = { normal: readFileSync(files.normal), bold: readFileSync(files.bold) };
  }
  return fontBytes;
}

const OPENING = '“‘「『（《【';
const CLOSING_OR_PAUSE = '”’」』）》】，。、；：！？…';

/**
 * Splits Chinese text into inline pieces before an opening quote and after a closing one. pdfmake's
 * UAX #14 breaker glues quotation marks to their neighbours and leaves ragged lines before a quoted
 * name; pdfmake may break between inline pieces, so quotes then break like the ideographs around them.
 * Never before a closing mark or a pause (，。), so punctuation stays off line starts.
 */
export function breakableText(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    const previous = text[i - 1]!;
    const breakBeforeOpening = char === '“' && !OPENING.includes(previous);
    const breakAfterClosing = previous === '”' && !CLOSING_OR_PAUSE.includes(char) && char !== '”';
    if (breakBeforeOpening || breakAfterClosing) {
      pieces.push(text.slice(start, i));
      start = i;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

function cjk(text: string, style: Record<string, unknown> = {}): Content {
  return { text: breakableText(text).map((piece) => ({ text: piece })), ...style } as Content;
}

/** The theme of a roundup: its title without the series name in brackets. */
function themeOf(title: string): string {
  return title.replace(/[（(][^（）()]*[）)]\s*$/, '').trim();
}

function leadingDomains(row: Record<string, unknown>, taxonomy: readonly TaxonomyDomain[], language: Language, count = 2): string[] {
  return taxonomy
    .map((domain) => ({ domain, n: Number(row[`domain_${domain.id}`] ?? 0) }))
    .filter((entry) => entry.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map((entry) => (language === 'zh' ? entry.domain.zh : entry.domain.en));
}

/** Width of the comparison table's programme column: what the fixed columns and every cell's padding leave, halved. */
const ROUNDUP_COLUMNS = [44, 64, 26, 30, 30, 52];
const PROGRAMME_COLUMN = sharedColumnWidth(CONTENT_WIDTH, ROUNDUP_COLUMNS, 2);
/** Font size of table text (the `table` style). */
const TABLE_FONT_SIZE = 8;

/**
 * Quoted programme names that break between names, never inside one, where a name fits the column (an ideograph
 * is one em wide; a longer name still breaks, or it would run out of its cell). pdfmake follows the Unicode line
 * breaking rules, which allow no break between `”` and `“`; a space between names is where a line may break.
 */
export function programmeNames(names: readonly string[], columnWidth: number, fontSize = TABLE_FONT_SIZE): Content {
  const pieces = names.flatMap((name, index) => [
    ...(index > 0 ? [{ text: ' ' }] : []),
    { text: `“${name}”`, ...((name.length + 2) * fontSize <= columnWidth ? { noWrap: true } : {}) },
  ]);
  return { text: pieces } as Content;
}

/**
 * Table rows that surely fit one page with a heading and a chart title (about 25 pt a row): a block this long is
 * kept whole. pdfmake silently drops an unbreakable block taller than a page, so this errs short.
 */
const ROWS_ON_A_PAGE = 24;
/** The narrowest cell of the region × domain matrix: a dot and a three-digit count. */
const MATRIX_CELL = 20;

/**
 * A chapter heading never ends a page. A block that fits a page is kept with its heading as one unbreakable group;
 * a longer one would not fit any page that way, so its heading relies on `pageBreakBefore` (a level-1 heading with
 * nothing after it on its page moves on).
 */
function withHeading(heading: Content, block: Content, fitsPage: boolean): Content[] {
  return fitsPage ? [keptTogether(heading, block)] : [heading, block];
}

/** A heading and the block after it, never split by a page break (small blocks only: a figures table, a list's first item). */
function keptTogether(...blocks: Content[]): Content {
  return { stack: blocks, unbreakable: true } as Content;
}

function sectionHeading(text: string, level: 1 | 2): Content {
  return level === 1
    ? { text, style: 'h1', headlineLevel: 1, tocItem: false }
    : { text, style: 'h2', headlineLevel: 2 };
}

/** Horizontal bars drawn on pdfmake's canvas, one row per region, each labelled with its exact value. */
function barChart(title: string, bars: Array<{ label: string; value: number; text: string }>): Content {
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const barWidth = CONTENT_WIDTH - 160 - 24;
  return {
    stack: [
      { text: title, style: 'h3' },
      {
        table: {
          widths: [80, barWidth, 80],
          body: bars.map((bar) => [
            { text: bar.label, alignment: 'right', margin: [0, 1, 4, 0] },
            { canvas: [{ type: 'rect', x: 0, y: 2, w: Math.max(1, (bar.value / max) * barWidth), h: 10, color: BAR }] },
            { text: bar.text, margin: [4, 1, 0, 0] },
          ]),
        },
        layout: 'noBorders',
      },
    ],
    unbreakable: bars.length <= 30,
    margin: [0, 4, 0, 10],
  } as Content;
}

/** Region × domain matrix: a circle per cell, its area proportional to the count, with the count beside it. */
function domainMatrix(input: BriefingInput, rows: Array<Record<string, unknown>>, labels: Labels): Content {
  const count = (row: Record<string, unknown>, id: string) => Number(row[`domain_${id}`] ?? 0);
  const total = (id: string) => rows.reduce((sum, row) => sum + count(row, id), 0);
  const regionWidth = 48;
  // A cell needs its dot and a three-digit count, and its header's longest word whole (Government, Rectification):
  // more domains than fit are left to comparison.csv.
  const minimumCell = Math.max(MATRIX_CELL, ...input.taxonomy.map((domain) => longestWordWidth(input.language === 'zh' ? matrixHeading(domain.zh) : domain.en)));
  let fitting = 1;
  while (sharedColumnWidth(CONTENT_WIDTH, [regionWidth], fitting + 1) >= minimumCell) fitting += 1;
  const used = input.taxonomy.filter((domain) => total(domain.id) > 0);
  // The leading domains get a column each; when more are used than fit, the last column is "other", the rest together.
  const ranked = [...used].sort((a, b) => total(b.id) - total(a.id));
  const tail = ranked.length > fitting ? ranked.slice(fitting - 1) : [];
  const shown = new Set(ranked.slice(0, ranked.length - tail.length).map((domain) => domain.id));
  const domains = used.filter((domain) => shown.has(domain.id));
  if (domains.length === 0) return { text: '' };
  const other = (row: Record<string, unknown>) => tail.reduce((sum, domain) => sum + count(row, domain.id), 0);
  const columns = domains.length + (tail.length > 0 ? 1 : 0);
  const max = Math.max(...rows.flatMap((row) => [...domains.map((domain) => count(row, domain.id)), other(row)]), 1);
  const cellWidth = Math.min(46, sharedColumnWidth(CONTENT_WIDTH, [regionWidth], columns));
  const name = (domain: TaxonomyDomain) => (input.language === 'zh' ? domain.zh : domain.en);
  const header: TableCell[] = [
    { text: '' },
    ...domains.map((domain) => ({ text: input.language === 'zh' ? matrixHeading(domain.zh) : domain.en, style: 'matrixHeader' })),
    ...(tail.length > 0 ? [{ text: labels.otherDomains, style: 'matrixHeader' }] : []),
  ];
  const body: TableCell[][] = rows.map((row) => [
    { text: regionLabel(String(row.region), String(row.region_en), input.language), margin: [0, 3, 0, 0] },
    ...domains.map((domain) => countCell(count(row, domain.id), max, BAR, 3)),
    ...(tail.length > 0 ? [countCell(other(row), max, MUTED, 3)] : []),
  ]);
  return {
    stack: [
      chartTable(labels.matrixTitle, [regionWidth, ...Array.from({ length: columns }, () => cellWidth)], header, body),
      ...(tail.length > 0 ? [{ text: labels.moreDomains(tail.map(name)), style: 'small' }] : []),
    ],
    unbreakable: rows.length <= ROWS_ON_A_PAGE,
    margin: [0, 4, 0, 10],
  } as Content;
}

const INSTRUMENTS: readonly Instrument[] = ['supply', 'environment', 'demand'];

/** Region × policy instrument: the same dots as the domain matrix, one column per instrument, then the note on the coding. */
function instrumentMatrix(input: BriefingInput, rows: ComparisonTableRow[], labels: Labels): Content {
  const count = (row: ComparisonTableRow, instrument: Instrument) => Number(row[`instrument_${instrument}`] ?? 0);
  const max = Math.max(...rows.flatMap((row) => INSTRUMENTS.map((instrument) => count(row, instrument))), 1);
  if (rows.every((row) => INSTRUMENTS.every((instrument) => count(row, instrument) === 0))) return { text: '' };
  const header: TableCell[] = [{ text: '' }, ...INSTRUMENTS.map((instrument) => ({ text: labels.instruments[instrument], style: 'matrixHeader' }))];
  const body: TableCell[][] = rows.map((row) => [
    { text: regionLabel(row.region, row.region_en, input.language), margin: [0, 3, 0, 0] },
    ...INSTRUMENTS.map((instrument) => countCell(count(row, instrument), max, BAR, 3)),
  ]);
  return {
    stack: [chartTable(labels.instrumentTitle, [48, 70, 70, 70], header, body), { text: labels.instrumentNote, style: 'small' }],
    unbreakable: rows.length <= ROWS_ON_A_PAGE,
    margin: [0, 4, 0, 10],
  } as Content;
}

/**
 * How wide a matrix header's longest unbreakable word is at its 6.5 pt bold: Latin letters about 0.6 em each; Chinese
 * breaks between any two ideographs, so two of them (a line of 政务 / 服务) are its widest piece.
 */
/**
 * A Chinese domain name on two lines, broken where a reader would (`学习与` `党建`, `政务` `服务`) rather than where the
 * cell runs out (`政务服` `务`).
 */
export function matrixHeading(label: string): string {
  if (label.length <= 3) return label;
  const and = label.indexOf('与');
  const at = and > 0 ? (and >= label.length - 1 - and ? and : and + 1) : Math.ceil(label.length / 2);
  return `${label.slice(0, at)}\n${label.slice(at)}`;
}

function longestWordWidth(label: string): number {
  if (/[\u4e00-\u9fff]/.test(label)) return Math.max(2, ...label.split('\n').map((line) => line.length)) * 6.5;
  return Math.max(...label.split(/\s+/).map((word) => word.length)) * 6.5 * 0.6;
}

/** Punctuation between the briefing's own words: Chinese marks in Chinese, ASCII ones in English. */
function punctuation(language: Language) {
  return language === 'zh'
    ? { list: '、', colon: '：', open: '（', close: '）', comma: '，', semi: '；' }
    : { list: ', ', colon: ': ', open: ' (', close: ')', comma: ', ', semi: '; ' };
}

function regionLabel(region: string, pinyin: string, language: Language): string {
  return language === 'zh' ? region : pinyin;
}

type ComparisonTableRow = Record<string, unknown> & { region: string; region_en: string };

interface RegionalContext {
  input: BriefingInput;
  labels: Labels;
  rows: ComparisonTableRow[];
  materials: Map<string, ReturnType<BriefingCollector['material']>>;
  place: (name: string) => string;
}

/** The comparison table, the index of roundups (for a corpus), the charts and one section per region. */
function regionalContent(context: RegionalContext): Content[] {
  const { input, labels, rows } = context;
  const { collector, language } = input;
  const corpus = collector.articleCount > 1;
  const content: Content[] = [];
  const comparisonTable = corpus ? corpusComparisonTable(context) : roundupComparisonTable(context);
  content.push(...withHeading(sectionHeading(labels.comparison, 1), comparisonTable, rows.length <= ROWS_ON_A_PAGE));
  if (corpus) {
    const index = collector.roundups.length > 0 ? roundupIndex(collector, labels, punctuation(language)) : { text: labels.none };
    content.push(...withHeading(sectionHeading(labels.roundupIndex, 1), index, collector.roundups.length <= ROWS_ON_A_PAGE / 2));
  }
  content.push(...charts(context));
  content.push(...rows.flatMap((row, index) => regionSection(context, row, index === 0 ? sectionHeading(labels.regionSections, 1) : undefined)));
  if (corpus) content.push({ text: labels.moreInCsv, style: 'small' });
  return content;
}

/** One roundup's comparison: headline, places, measures, figures, money (within one article a sum is meaningful). */
function roundupComparisonTable({ input, labels, rows, materials }: RegionalContext): Content {
  const { comparison, language, taxonomy } = input;
  const mark = punctuation(language);
  const header = [labels.region, labels.headline, labels.places, labels.measures, labels.figures, labels.money, labels.domains, labels.programmes];
  return briefingTable(header, [...ROUNDUP_COLUMNS, '*', '*'], rows.map((row) => {
    const material = materials.get(row.region);
    return [
      { text: regionLabel(row.region, row.region_en, language), bold: true },
      cjk(material?.headlines.join(' / ') || labels.none),
      { text: String(row.localities), alignment: 'right' },
      { text: String(comparison.measuresOf(row.region)), alignment: 'right' },
      { text: String(row.figures), alignment: 'right' },
      { text: Number(row.money_yuan) > 0 ? formatMoney(Number(row.money_yuan), language) : labels.none, alignment: 'right' },
      cjk(leadingDomains(row, taxonomy, language, 3).join(mark.list) || labels.none),
      material && material.programmes.length > 0 ? programmeNames(material.programmes.slice(0, 3).map(([name]) => name), PROGRAMME_COLUMN) : { text: labels.none },
    ] as TableCell[];
  }));
}

/** A corpus's comparison: counts only, the roundups each region appears in first; no money added up across articles. */
function corpusComparisonTable({ input, labels, rows, materials }: RegionalContext): Content {
  const { comparison, language, taxonomy } = input;
  const mark = punctuation(language);
  const header = [labels.region, input.run.scope === 'all' ? labels.articlesKept : labels.roundupCount, labels.places, labels.measures, labels.figures, labels.domains, labels.programmes];
  const column = sharedColumnWidth(CONTENT_WIDTH, [44, 40, 30, 38, 34], 2);
  return briefingTable(header, [44, 40, 30, 38, 34, '*', '*'], rows.map((row) => {
    const material = materials.get(row.region);
    return [
      { text: regionLabel(row.region, row.region_en, language), bold: true },
      { text: String(row.articles), alignment: 'right' },
      { text: String(row.localities), alignment: 'right' },
      { text: String(comparison.measuresOf(row.region)), alignment: 'right' },
      { text: String(row.figures), alignment: 'right' },
      cjk(leadingDomains(row, taxonomy, language, 3).join(mark.list) || labels.none),
      material && material.programmes.length > 0 ? programmeNames(material.programmes.slice(0, 3).map(([name]) => name), column) : { text: labels.none },
    ] as TableCell[];
  }));
}


/** The charts: (for a corpus) roundups per region and period, the region × domain matrix, measures and (for one roundup) money per region. */
function charts({ input, labels, rows }: RegionalContext): Content[] {
  const { comparison, collector, language } = input;
  const label = (row: ComparisonTableRow) => regionLabel(row.region, row.region_en, language);
  const content: Content[] = [];
  const matrix = domainMatrix(input, rows, labels);
  if (collector.articleCount > 1) {
    const chart = periodChart(collector, rows.map((row) => ({ region: row.region, label: label(row) })), labels, CONTENT_WIDTH, BAR);
    content.push(...withHeading(sectionHeading(labels.charts, 1), chart, rows.length <= PERIOD_CHART_ROWS));
    content.push(matrix);
  } else {
    content.push(...withHeading(sectionHeading(labels.charts, 1), matrix, rows.length <= ROWS_ON_A_PAGE));
  }
  content.push(instrumentMatrix(input, rows, labels));
  content.push(barChart(labels.barsTitle, rows.map((row) => ({ label: label(row), value: comparison.measuresOf(row.region), text: String(comparison.measuresOf(row.region)) }))));
  const moneyRows = rows.filter((row) => Number(row.money_yuan) > 0);
  if (collector.articleCount === 1 && moneyRows.length > 0) {
    content.push(barChart(labels.moneyBarsTitle, moneyRows.map((row) => ({ label: label(row), value: Number(row.money_yuan), text: formatMoney(Number(row.money_yuan), language) }))));
  }
  return content;
}

/** One region's section: its heading and places, the articles it appears in (corpus), measures, figures, programmes. */
function regionSection(context: RegionalContext, row: ComparisonTableRow, chapterHeading: Content | undefined): Content[] {
  const { input, labels, materials, place } = context;
  const { collector, language } = input;
  const material = materials.get(row.region);
  const collected = collector.regions.get(row.region);
  if (!material || !collected) return chapterHeading ? [chapterHeading] : [];
  const mark = punctuation(language);
  const corpus = collector.articleCount > 1;
  // A region of a unit roundup is headed by its units (西安交通大学、陕西师范大学), of a province roundup by its headline.
  const subtitle = material.units.length > 0 ? material.units.join(mark.list) : !corpus ? material.headlines[0] : undefined;
  const heading = `${regionLabel(row.region, row.region_en, language)}${subtitle ? ` · ${subtitle}` : ''}`;
  const places = material.places.map((entry) => `${place(entry.name)}${mark.open}${labels.levels[entry.level] ?? entry.level}${mark.close}`).join(mark.list);
  const content: Content[] = [{
    stack: [
      ...(chapterHeading ? [chapterHeading] : []),
      { ...(cjk(heading) as object), style: 'h2', headlineLevel: 2 } as Content,
      ...(corpus ? regionAppearances(collected, labels, 8, mark.colon) : []),
      { text: labels.placesNamed, style: 'h4' },
      cjk(places || labels.none),
    ],
    unbreakable: true,
  }];
  content.push(...measuresByInstrument(material.measures, input.taxonomy, labels, language));
  if (material.results.length > 0) content.push(...listUnder(labels.resultsList, sentenceBullets(material.results, input.taxonomy, language), 'h4'));
  if (corpus && material.moneyFigures.length > 0) {
    content.push(keptTogether({ text: labels.largestFigures, style: 'h4' }, largestFiguresTable(material.moneyFigures.slice(0, 6), labels, language)));
  } else if (!corpus && material.figures.length > 0) {
    content.push(keptTogether({ text: labels.figuresTable, style: 'h4' }, briefingTable([labels.raw, labels.value, labels.subject, labels.place], [70, 90, '*', 80], material.figures.map((figure) => [
      { text: figure.raw },
      { text: formatValue(figure.value, figure.unit, language), alignment: 'right' },
      cjk(figure.subject || labels.none),
      { text: figure.locality ? place(figure.locality) : labels.none },
    ] as TableCell[]))));
  }
  content.push(keptTogether(
    { text: labels.programmes, style: 'h4' },
    cjk(material.programmes.map(([name, count]) => `“${name}”${count > 1 ? `×${count}` : ''}`).join(mark.list) || labels.noProgrammes, { margin: [0, 0, 0, 8] }),
  ));
  return content;
}

/** A list under its heading: the heading kept with the first item, the rest free to run onto the next page. */
function listUnder(heading: string, bullets: Content[], style: 'h4' | 'h5'): Content[] {
  const first = keptTogether({ text: heading, style }, { ul: bullets.slice(0, 1) } as Content);
  return bullets.length > 1 ? [first, { ul: bullets.slice(1) } as Content] : [first];
}

/** “主要措施”: a region's measures grouped by policy instrument (supply, environment, demand), each group under its name. */
function measuresByInstrument(measures: readonly BriefingMeasure[], taxonomy: readonly TaxonomyDomain[], labels: Labels, language: Language): Content[] {
  if (measures.length === 0) return [{ text: labels.measuresList, style: 'h4' }, { text: labels.none }];
  const groups = INSTRUMENTS.map((instrument) => ({ instrument, items: measures.filter((measure) => measure.instrument === instrument) })).filter((group) => group.items.length > 0);
  return groups.flatMap((group, index) => {
    const list = listUnder(labels.instruments[group.instrument], sentenceBullets(group.items, taxonomy, language), 'h5');
    return index === 0 ? [keptTogether({ text: labels.measuresList, style: 'h4' }, list[0]!), ...list.slice(1)] : list;
  });
}

/** Sentences as list items: the figures in them in bold, each tagged with its policy domains. */
function sentenceBullets(measures: readonly BriefingMeasure[], taxonomy: readonly TaxonomyDomain[], language: Language): Content[] {
  const mark = punctuation(language);
  return measures.map((measure) => ({
    text: [
      ...withFiguresInBold(measure.text, measure.figures),
      ...(measure.domains.length > 0
        ? [{ text: `  [${measure.domains.map((id) => taxonomy.find((domain) => domain.id === id)?.[language] ?? id).join(mark.list)}]`, color: ACCENT, fontSize: 7.5 }]
        : []),
    ],
    margin: [0, 0, 0, 2],
  }) as Content);
}

/** A sentence as breakable pieces, each figure it prints (14亿元) a bold piece of its own. */
function withFiguresInBold(text: string, figures: readonly string[]): TextRun[] {
  const pieces: TextRun[] = [];
  let at = 0;
  for (const raw of figures) {
    const start = text.indexOf(raw, at);
    if (start === -1) continue;
    pieces.push(...breakableText(text.slice(at, start)).filter(Boolean).map((piece) => ({ text: piece })), { text: raw, bold: true });
    at = start + raw.length;
  }
  pieces.push(...breakableText(text.slice(at)).filter(Boolean).map((piece) => ({ text: piece })));
  return pieces;
}

/**
 * A single roundup's title: the regions or units it compares in the order the article presents them (units where
 * they are not provinces: `北京交通大学、西安交通大学…`), then its theme; a headline that already names every region
 * (`辽宁、浙江、河南扎实开展…`) is the title by itself.
 */
export function singleArticleTitle(source: SourceArticle, rows: readonly ComparisonTableRow[], language: Language, units: readonly string[] = []): string {
  const theme = themeOf(source.title);
  if (source.regions.length > 0 && source.regions.every((region) => theme.includes(region))) return theme;
  const byUnit = units.some((unit) => !source.regions.includes(unit));
  const names = byUnit
    ? [...units]
    : source.regions.map((region) => {
        const row = rows.find((candidate) => candidate.region === region);
        return row ? regionLabel(row.region, row.region_en, language) : region;
      });
  return LABELS[language].roundupOf(names.join(language === 'zh' ? '、' : ', '), theme);
}

/** The articles a briefing is drawn from, and when it was made. */
function sourcesBlock(sources: readonly SourceArticle[], heading: string, labels: Labels, generatedAt: Date): Content {
  return {
    stack: [
      { text: heading, bold: true, margin: [0, 4, 0, 1] },
      ...sources.map((source) => cjk(`${source.date}  ${source.title}${source.url ? `  ${source.url}` : ''}`, { style: 'small' })),
      { text: `${labels.generated}: ${generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, style: 'small', margin: [0, 3, 0, 0] },
    ],
  };
}

/** A corpus briefing's first facts: its span, what was read and how many roundups, and what the comparison counts. */
function corpusFacts(input: BriefingInput, labels: Labels): Content {
  const { collector } = input;
  return {
    stack: [
      cjk(labels.span(collector.firstDate || '—', collector.lastDate || '—', collector.articleCount, collector.roundups.length), { margin: [0, 4, 0, 2] }),
      cjk(input.run.scope === 'all' ? labels.scopeAll : labels.scopeRoundups, input.run.scope === 'all' ? { bold: true, color: ACCENT } : { style: 'small' }),
      cjk(labels.noMoneySums, { style: 'small' }),
      { text: `${labels.generated}: ${input.generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, style: 'small', margin: [0, 3, 0, 0] },
    ],
  };
}

/** The briefing as a pdfmake document definition: its opening, the regional comparison, and the appendix. */
export function briefingDocument(input: BriefingInput): TDocumentDefinitions {
  const { collector, comparison, language } = input;
  const labels = LABELS[language];
  const rows = comparison.rows() as unknown as ComparisonTableRow[];
  const place = (name: string) => (language === 'en' && input.transliterate ? `${input.transliterate(name)} (${name})` : name);
  const single = collector.articleCount === 1 ? collector.topSources()[0] : undefined;
  const title = single
    ? singleArticleTitle(single, rows, language, collector.roundups[0]?.units)
    : input.run.scope === 'roundups' ? labels.corpusRoundupsTitle(rows.length, collector.roundups.length) : labels.corpusTitle(rows.length, collector.regionalArticles);
  const materials = new Map(rows.map((row) => [row.region, collector.material(row.region)]));
  const content: Content[] = [
    { text: labels.briefing, style: 'kicker' },
    cjk(title, { style: 'title' }),
    single ? sourcesBlock([single], labels.source, labels, input.generatedAt) : corpusFacts(input, labels),
    ...summaryBlock(input, rows, materials, single !== undefined),
    ...(rows.length === 0 ? [keptTogether(sectionHeading(labels.comparison, 1), { text: labels.noRegions })] : regionalContent({ input, labels, rows, materials, place })),
    ...appendix(input, labels),
  ];
  const setup = pageSetup(title, rows.map((row) => regionLabel(row.region, row.region_en, language)), input);
  return { ...setup, content: withLinesBroken(content, { width: CONTENT_WIDTH, fontSize: TEXT_FONT_SIZE, bold: false, styles: STYLES, measure: textMeasure() }) as Content };
}

/** Font size of running text (the default style). */
const TEXT_FONT_SIZE = 9;
let measure: TextMeasure | undefined;
/** The briefing's fonts measured once per process: lines are broken before pdfmake lays them out (see line-breaking.ts). */
function textMeasure(): TextMeasure {
  return (measure ??= new TextMeasure(briefingFontBytes()));
}

/** The summary: what the briefing covers, the largest money figures, and each region's leading domains. */
function summaryBlock(input: BriefingInput, rows: ComparisonTableRow[], materials: RegionalContext['materials'], single: boolean): Content[] {
  const { collector, comparison, language, taxonomy } = input;
  const labels = LABELS[language];
  const mark = punctuation(language);
  const sum = (value: (row: ComparisonTableRow) => number) => rows.reduce((total, row) => total + value(row), 0);
  const totals = {
    regions: rows.length,
    places: sum((row) => Number(row.localities)),
    measures: sum((row) => comparison.measuresOf(row.region)),
    figures: sum((row) => Number(row.figures)),
    programmes: sum((row) => Number(row.initiatives)),
    articles: collector.regionalArticles,
  };
  const largestMoney = rows
    .flatMap((row) => (materials.get(row.region)?.moneyFigures ?? []).map((figure) => ({ figure, region: row })))
    .sort((a, b) => b.figure.value - a.figure.value)
    .slice(0, 3)
    .map(({ figure, region }) => `${figure.raw}${mark.open}${regionLabel(region.region, region.region_en, language)}${figure.subject ? `${mark.comma}${figure.subject}` : ''}${single ? '' : `${mark.comma}${figure.date}`}${mark.close}`);
  const domainSummary = rows
    .map((row) => `${regionLabel(row.region, row.region_en, language)}${mark.colon}${leadingDomains(row, taxonomy, language).join(mark.list) || labels.none}`)
    .join(mark.semi);
  return [
    { text: labels.summary, style: 'h3' },
    cjk(labels.summaryText(totals)),
    ...(largestMoney.length > 0 ? [cjk(labels.largestMoney + largestMoney.join(mark.semi), { margin: [0, 3, 0, 0] })] : []),
    cjk(labels.leadingDomains + domainSummary, { margin: [0, 3, 0, 6] }),
  ];
}

/** The appendix: what the run read and rejected, how sections were found, and the taxonomy. */
function appendix(input: BriefingInput, labels: Labels): Content[] {
  const { collector, language, taxonomy, run } = input;
  const counts = briefingTable(undefined, [160, 80], [
    [labels.inputsRead, { text: String(run.recordsRead), alignment: 'right' }],
    [labels.articlesKept, { text: String(run.articles), alignment: 'right' }],
    [labels.rejected, { text: String(run.rejects), alignment: 'right' }],
  ] as TableCell[][]);
  const reasons = Object.entries(run.rejectReasons).sort((a, b) => b[1] - a[1]).slice(0, 15);
  const detections = new Map<string, number>();
  for (const material of collector.regions.values()) for (const [how, count] of material.detections) detections.set(how, (detections.get(how) ?? 0) + count);
  return [
    keptTogether(sectionHeading(labels.appendix, 1), counts),
    keptTogether({ text: labels.rejected, style: 'h3' }, reasons.length === 0
      ? { text: labels.noRejects }
      : briefingTable([labels.reason, labels.count], ['*', 50], reasons.map(([reason, count]) => [cjk(reason), { text: String(count), alignment: 'right' }] as TableCell[]))),
    keptTogether({ text: labels.detection, style: 'h3' }, briefingTable([labels.detection, labels.count], ['*', 50],
      [...detections.entries()].map(([how, count]) => [{ text: labels.detections[how] ?? how }, { text: String(count), alignment: 'right' }] as TableCell[]))),
    keptTogether({ text: labels.taxonomy, style: 'h3' }, briefingTable([labels.domains, labels.keywords], [90, '*'],
      taxonomy.map((domain) => [{ text: language === 'zh' ? domain.zh : domain.en }, cjk(domain.strong.slice(0, 10).join('、'))] as TableCell[]))),
  ];
}

/** The briefing's named styles (also what line breaking needs to know of them). */
const STYLES = {
  kicker: { fontSize: 9, color: MUTED },
  title: { fontSize: 17, bold: true, color: ACCENT, margin: [0, 2, 0, 4] },
  h1: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 12, 0, 5] },
  h2: { fontSize: 11.5, bold: true, color: ACCENT, margin: [0, 10, 0, 3] },
  h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
  h4: { fontSize: 9, bold: true, color: MUTED, margin: [0, 5, 0, 2] },
  h5: { fontSize: 8.5, bold: true, color: ACCENT, margin: [6, 2, 0, 1] },
  small: { fontSize: 8, color: MUTED },
  table: { fontSize: 8, margin: [0, 2, 0, 8] },
  tableHeader: { bold: true, fontSize: 8, color: ACCENT },
  matrixHeader: { bold: true, fontSize: 6.5, color: ACCENT, alignment: 'center' },
  pageHeader: { fontSize: 7.5, color: MUTED },
} satisfies TDocumentDefinitions['styles'];

/** Page size, document info, running header and footer, and the styles. */
function pageSetup(title: string, regionNames: string[], input: BriefingInput): Omit<TDocumentDefinitions, 'content'> {
  const labels = LABELS[input.language];
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 52],
    info: { title, subject: labels.briefing, author: 'roundup', creator: 'roundup', producer: 'roundup (pdfmake)', creationDate: input.generatedAt, keywords: regionNames.join(', ') },
    header: (currentPage: number) =>
      currentPage === 1 ? null : { text: `${labels.briefing} · ${title}`.slice(0, 90), style: 'pageHeader', margin: [48, 24, 48, 0] },
    footer: (currentPage: number, pageCount: number) => ({ text: labels.page(currentPage, pageCount), alignment: 'center', style: 'pageHeader', margin: [0, 20, 0, 0] }),
    // A chapter heading with nothing after it on its page moves on. Each such break makes pdfmake lay the whole
    // document out again, so smaller headings are kept with what follows them by unbreakable groups instead.
    pageBreakBefore: (node, queries) => node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: FONT, fontSize: TEXT_FONT_SIZE, lineHeight: 1.3 },
    styles: STYLES,
  };
}

let fontsRegistered = false;
/** Names of the fonts in pdfmake's virtual file system, where they are given as bytes already read. */
const VIRTUAL_FONT_FILES = { normal: 'roundup/NotoSansSC-Regular.ttf', bold: 'roundup/NotoSansSC-Bold.ttf' };

/** Lays out any pdfmake document with the briefing's fonts and writes it to `file`. */
export async function renderDocument(definition: TDocumentDefinitions, file: string): Promise<void> {
  const pdfmake = require('pdfmake') as typeof import('pdfmake') & { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
  if (!fontsRegistered) {
    const bytes = briefingFontBytes();
    // pdfmake's types leave out its server-side virtual file system, which pdfkit's font loading reads first.
    pdfmake.virtualfs.writeFileSync(VIRTUAL_FONT_FILES.normal, bytes.normal);
    pdfmake.virtualfs.writeFileSync(VIRTUAL_FONT_FILES.bold, bytes.bold);
    const { normal, bold } = VIRTUAL_FONT_FILES;
    pdfmake.setFonts({ [FONT]: { normal, bold, italics: normal, bolditalics: bold } });
    // The briefing loads nothing from the network or the disk: its fonts are already in memory.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    fontsRegistered = true;
  }
  await pdfmake.createPdf(definition).write(file);
}

/** Lays out the briefing and writes it to `file`. */
export async function renderBriefing(input: BriefingInput, file: string): Promise<void> {
  await renderDocument(briefingDocument(input), file);
}

/**
 * Every paragraph a document definition prints, in order: a text of several runs (pieces of a sentence, or lines
 * broken in advance) is one paragraph.
 */
function printedStrings(node: unknown, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) for (const item of node) printedStrings(item, into);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.text)) into.push(printedStrings(record.text).filter((piece) => piece !== '\n').join(''));
    else printedStrings(record.text, into);
    for (const key of ['stack', 'ul', 'columns', 'table', 'body']) printedStrings(record[key], into);
  }
  return into;
}

/**
 * The same text as plain paragraphs in the same font: the baseline the briefing's layout cost is measured against
 * (tables, charts and styles are what the briefing adds).
 */
export function plainParagraphsDocument(definition: TDocumentDefinitions): TDocumentDefinitions {
  const paragraphs = printedStrings(definition.content).filter((text) => text.trim() !== '');
  return { pageSize: 'A4', pageMargins: [48, 56, 48, 52], defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.3 }, content: paragraphs.map((text) => ({ text })) };
}
