// The comparison table: one roundup's regions side by side, or a corpus's regions by counts.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatMoney } from '../labels.js';
import { labelColumnWidth } from './label-column.js';
import { briefingTable, sharedColumnWidth } from './briefing-table.js';
import { cjk, leadingDomains, programmeNames, punctuation, regionLabel } from './blocks.js';
import type { RegionalContext } from './input.js';
import { CONTENT_WIDTH, TABLE_FONT_SIZE } from './page.js';
import { textMeasure } from './fonts.js';
import { breakWords } from './line-breaking.js';
import { unitDescription } from './unit-roundup.js';

/** The fixed columns of one roundup's comparison (region, headline, four counts); domains and programmes share the rest. */
export const ROUNDUP_COLUMNS = [44, 64, 26, 30, 30, 52];
export const UNIT_COLUMNS = [76, 56, 26, 30, 30, 44];

/**
 * Fixed columns widened where a header's words are wider (`Measures` in bold is 34 pt): a title broken inside a word
 * (`Measur/es`) reads badly. The shared columns (domains, programmes) give up what is added.
 */
export function columnsFitting(columns: readonly number[], header: readonly string[]): number[] {
  return columns.map((width, column) =>
    Math.max(width, ...breakWords(header[column] ?? '', 'words').map((word) => Math.ceil(textMeasure().width(word.trim(), TABLE_FONT_SIZE, true)))),
  );
}

/** One roundup's comparison: headline, places, measures, figures, money (within one article a sum is meaningful). */
export function roundupComparisonTable({ input, labels, rows, materials }: RegionalContext): Content {
  const { comparison, language, taxonomy } = input;
  const mark = punctuation(language);
  const header = [labels.region, labels.headline, labels.places, labels.measures, labels.figures, labels.money, labels.domains, labels.programmes];
  // A unit's name (巴基斯坦卡西姆港电站) needs a wider first column than a province's.
  const columns = columnsFitting(input.units ? UNIT_COLUMNS : ROUNDUP_COLUMNS, header);
  const programmeColumn = sharedColumnWidth(CONTENT_WIDTH, columns, 2);
  return briefingTable(
    header,
    [...columns, '*', '*'],
    rows.map((row) => {
      const material = materials.get(row.region);
      return [
        regionCell(input, row),
        cjk(material?.headlines.join(' / ') || labels.none),
        { text: String(row.localities), alignment: 'right' },
        { text: String(comparison.measuresOf(row.region)), alignment: 'right' },
        { text: String(row.figures), alignment: 'right' },
        { text: Number(row.money_yuan) > 0 ? formatMoney(Number(row.money_yuan), language) : labels.none, alignment: 'right' },
        cjk(leadingDomains(row, taxonomy, language, 3).join(mark.list) || labels.none),
        material && material.programmes.length > 0
          ? programmeNames(
              material.programmes.slice(0, 3).map(([name]) => name),
              programmeColumn,
            )
          : { text: labels.none },
      ] as TableCell[];
    }),
  );
}

/** A region's name in bold; a unit's with its type and province under it (`高校 · 四川`). */
function regionCell(input: RegionalContext['input'], row: RegionalContext['rows'][number]): TableCell {
  const name = { text: regionLabel(row.region, row.region_en, input.language), bold: true };
  const unit = input.units?.get(row.region);
  return (unit ? { stack: [name, { text: unitDescription(unit, input.language), style: 'small' }] } : name) as TableCell;
}

/**
 * A corpus's comparison: counts only, the roundups each region appears in first; no money added up across articles.
 * `title` (the chapter's heading) is its first header row: it starts under the tile map with its first rows, and
 * repeats where the table continues.
 */
export function corpusComparisonTable({ input, labels, rows, materials }: RegionalContext, title?: string): Content {
  const { comparison, language, taxonomy } = input;
  const mark = punctuation(language);
  const header = [
    labels.region,
    input.run.scope === 'all' ? labels.articlesKept : labels.roundupCount,
    labels.places,
    labels.measures,
    labels.figures,
    labels.domains,
    labels.programmes,
  ];
  // Region names are set in bold: the column holds the longest whole (`Heilongjiang`, not `Heilongjia/ng`).
  const regionWidth = labelColumnWidth(
    rows.map((row) => regionLabel(row.region, row.region_en, language)),
    TABLE_FONT_SIZE,
    true,
  );
  const fixed = columnsFitting([Math.max(44, regionWidth), 40, 30, 38, 34], header);
  const column = sharedColumnWidth(CONTENT_WIDTH, fixed, 2);
  return briefingTable(
    header,
    [...fixed, '*', '*'],
    rows.map((row) => {
      const material = materials.get(row.region);
      return [
        { text: regionLabel(row.region, row.region_en, language), bold: true },
        { text: String(row.articles), alignment: 'right' },
        { text: String(row.localities), alignment: 'right' },
        { text: String(comparison.measuresOf(row.region)), alignment: 'right' },
        { text: String(row.figures), alignment: 'right' },
        cjk(leadingDomains(row, taxonomy, language, 3).join(mark.list) || labels.none),
        material && material.programmes.length > 0
          ? programmeNames(
              material.programmes.slice(0, 3).map(([name]) => name),
              column,
            )
          : { text: labels.none },
      ] as TableCell[];
    }),
    title,
    'h1',
  );
}
