// The width of a chart's first column, the region labels: wide enough for each label's longest word.
import { breakWords } from './line-breaking.js';
import { textMeasure } from './fonts.js';
import { TEXT_FONT_SIZE } from './page.js';

/** The narrowest label column: four ideographs, which every Chinese region name fits on two lines at most. */
export const LABEL_COLUMN = 48;

/**
 * A label column as narrow as `LABEL_COLUMN` but never narrower than a label's longest word at the charts' text size:
 * at 48 pt English names broke inside a word (`Guangdon/g`, `Heilongjia/ng`). A label of several words still
 * breaks between them (`Inner / Mongolia`).
 */
export function labelColumnWidth(labels: readonly string[], fontSize = TEXT_FONT_SIZE, bold = false): number {
  const measure = textMeasure();
  const widest = Math.max(0, ...labels.flatMap((label) => breakWords(label, 'words').map((word) => measure.width(word.trim(), fontSize, bold))));
  return Math.max(LABEL_COLUMN, Math.ceil(widest + 1));
}
