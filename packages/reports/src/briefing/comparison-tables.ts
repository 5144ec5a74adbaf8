// The comparison table: one roundup's regions side by side, or a corpus's regions by counts.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatMoney } from '../labels.js';
import { briefingTable, sharedColumnWidth } from './briefing-table.js';
import { cjk, leadingDomains, programmeNames, punctuation, regionLabel } from './blocks.js';
import type { RegionalContext } from './input.js';
import { CONTENT_WIDTH } from './page.js';


/** Width of the comparison table's programme column: what the fixed columns and every cell's padding leave, halved. */
export const ROUNDUP_COLUMNS = [44, 64, 26, 30, 30, 52];
export const PROGRAMME_COLUMN = sharedColumnWidth(CONTENT_WIDTH, ROUNDUP_COLUMNS, 2);

/** One roundup's comparison: headline, places, measures, figures, money (within one article a sum is meaningful). */
export function roundupComparisonTable({ input, labels, rows, materials }: RegionalContext): Content {
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
export function corpusComparisonTable({ input, labels, rows, materials }: RegionalContext): Content {
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

