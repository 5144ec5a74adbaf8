// The briefing in reading order: opening, summary, comparison, charts, region chapters, appendix.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { briefingLabels } from '../labels.js';
import { withLinesBroken } from './line-breaking.js';
import { unitRoundupInput } from './unit-roundup.js';
import { cjk, themeOf, keptTogether, punctuation, ROWS_ON_A_PAGE, regionLabel, sectionHeading, withHeading } from './blocks.js';
import { charts } from './charts.js';
import { corpusComparisonTable, roundupComparisonTable } from './comparison-tables.js';
import { roundupIndex } from './corpus-briefing.js';
import { textMeasure } from './fonts.js';
import type { BriefingInput, ComparisonTableRow, RegionalContext } from './input.js';
import { CONTENT_WIDTH, pageSetup, STYLES, TEXT_FONT_SIZE } from './page.js';
import { regionSection } from './region-chapter.js';
import { renderDocument, renderDocumentBytes } from './render.js';
import { appendix } from './appendix.js';
import { corpusFacts, singleArticleTitle, sourcesBlock, summaryBlock } from './summary.js';
import { domainSideBySide } from './domain-side-by-side.js';
import { programmesChapter } from './programmes-chapter.js';
import { tileMap } from './tile-map.js';

/** The comparison table, the index of roundups (for a corpus), the charts and a section per region with something quoted. */
export function regionalContent(context: RegionalContext): Content[] {
  const { input, labels, rows } = context;
  const { collector, language } = input;
  const corpus = collector.articleCount > 1;
  const content: Content[] = [];
  // A table that fits a page is kept whole with its heading: left to pageBreakBefore, the heading stayed at the foot
  // of the page the tile map fills while the table began on the next. A longer corpus table carries its heading as
  // its first header row, kept with its first rows (it once started a page of its own, leaving the map alone).
  if (corpus && rows.length > ROWS_ON_A_PAGE) content.push(corpusComparisonTable(context, labels.comparison));
  else {
    const comparisonTable = corpus ? corpusComparisonTable(context) : roundupComparisonTable(context);
    content.push(...withHeading(sectionHeading(labels.comparison, 1), comparisonTable, rows.length <= ROWS_ON_A_PAGE));
  }
  content.push(...domainSideBySide(context));
  if (corpus) content.push(...programmesChapter(context));
  if (corpus) {
    const index = collector.roundups.length > 0 ? roundupIndex(collector, labels, punctuation(language)) : { text: labels.none };
    content.push(...withHeading(sectionHeading(labels.roundupIndex, 1), index, collector.roundups.length <= ROWS_ON_A_PAGE / 2));
  }
  content.push(...charts(context));
  // A region with nothing quoted (香港 0, 台湾 0) is named in one line, not given a chapter of dashes.
  const quoted = (row: ComparisonTableRow) => {
    const material = context.materials.get(row.region);
    return material !== undefined && material.measures.length + material.results.length + material.figures.length > 0;
  };
  const chapters = rows.filter(quoted);
  const empty = rows.filter((row) => !quoted(row)).map((row) => regionLabel(row.region, row.region_en, language));
  content.push(...chapters.flatMap((row, index) => regionSection(context, row, index === 0 ? sectionHeading(labels.regionSections, 1) : undefined)));
  if (empty.length > 0) content.push(cjk(labels.emptyRegions(empty.join(punctuation(language).list)), { style: 'small', margin: [0, 8, 0, 0] }));
  if (corpus) content.push({ text: labels.moreInCsv, style: 'small' });
  return content;
}

/** China at a glance, on the first or second page: the tile map where there is a layout and something to count. */
function glance(context: RegionalContext): Content[] {
  const map = context.input.tiles && context.rows.length > 0 ? tileMap(context, context.input.tiles) : undefined;
  if (!map) return [];
  return [map];
}

/** The briefing as a pdfmake document definition: its opening, the regional comparison, and the appendix. */
export function briefingDocument(given: BriefingInput): TDocumentDefinitions {
  const input = unitRoundupInput(given);
  const { collector, comparison, language } = input;
  const labels = briefingLabels(language, input.units !== undefined);
  const rows = comparison.rows() as unknown as ComparisonTableRow[];
  const place = (name: string) => (language === 'en' && input.transliterate ? `${input.transliterate(name)} (${name})` : name);
  const single = collector.articleCount === 1 ? collector.topSources()[0] : undefined;
  // A unit roundup's own title: a list of four universities before it says nothing the table does not.
  const title = single
    ? input.units
      ? themeOf(single.title)
      : singleArticleTitle(single, rows, language, collector.roundups[0]?.units)
    : input.run.scope === 'roundups'
      ? labels.corpusRoundupsTitle(rows.length, collector.roundups.length)
      : labels.corpusTitle(rows.length, collector.regionalArticles);
  const materials = new Map(rows.map((row) => [row.region, collector.material(row.region)]));
  const content: Content[] = [
    { text: labels.briefing, style: 'kicker' },
    cjk(title, { style: 'title' }),
    single ? sourcesBlock([single], labels.source, labels, input.generatedAt) : corpusFacts(input, labels),
    ...summaryBlock(input, rows, materials, single !== undefined),
    ...glance({ input, labels, rows, materials, place }),
    ...(rows.length === 0
      ? [keptTogether(sectionHeading(labels.comparison, 1), { text: labels.noRegions })]
      : regionalContent({ input, labels, rows, materials, place })),
    ...appendix(input, labels),
  ];
  const setup = pageSetup(
    title,
    rows.map((row) => regionLabel(row.region, row.region_en, language)),
    input,
  );
  return {
    ...setup,
    content: withLinesBroken(content, { width: CONTENT_WIDTH, fontSize: TEXT_FONT_SIZE, bold: false, styles: STYLES, measure: textMeasure() }) as Content,
  };
}

/** Lays out the briefing and writes it to `file`. */
export async function renderBriefing(input: BriefingInput, file: string): Promise<void> {
  await renderDocument(briefingDocument(input), file);
}

/** Lays out the briefing; returns the PDF's bytes. */
export async function briefingBytes(input: BriefingInput): Promise<Uint8Array> {
  return renderDocumentBytes(briefingDocument(input));
}
