// The page: size, margins, colours, named styles, running header and footer.
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { LABELS } from '../labels.js';
import { FONT, textMeasure } from './fonts.js';
import { breakWords } from './line-breaking.js';
import type { BriefingInput } from './input.js';

export const ACCENT = '#1f4e79';
export const MUTED = '#666666';
export const BAR = '#2e75b6';
export const CONTENT_WIDTH = 595.28 - 2 * 48;

/** Font size of table text (the `table` style). */
export const TABLE_FONT_SIZE = 8;
/** Font size of running text (the default style). */
export const TEXT_FONT_SIZE = 9;

/** The briefing's named styles (also what line breaking needs to know of them). */
export const STYLES = {
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

/**
 * The running header: the briefing's title on one line across the page at its 7.5 pt, cut with an ellipsis where it
 * is longer, between words (`across 30 ro…` read as a misprint).
 */
export function runningHeader(text: string, width = CONTENT_WIDTH): string {
  const measure = textMeasure();
  const size = STYLES.pageHeader.fontSize;
  if (measure.width(text, size) <= width) return text;
  let kept = '';
  for (const word of breakWords(text, 'words')) {
    if (measure.width(`${kept}${word}`.trimEnd() + '…', size) > width) break;
    kept += word;
  }
  // A first word wider than the line (a Chinese title jieba cannot split) is cut where it must be.
  if (kept.trim() === '') kept = [...text].filter((_, index, all) => measure.width(all.slice(0, index + 1).join('') + '…', size) <= width).join('');
  return `${kept.trimEnd().replace(/[\s·:：,，、;；]+$/u, '')}…`;
}

/** Page size, document info, running header and footer, and the styles. */
export function pageSetup(title: string, regionNames: string[], input: BriefingInput): Omit<TDocumentDefinitions, 'content'> {
  const labels = LABELS[input.language];
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 52],
    info: {
      title,
      subject: labels.briefing,
      author: 'roundup',
      creator: 'roundup',
      producer: 'roundup (pdfmake)',
      creationDate: input.generatedAt,
      keywords: regionNames.join(', '),
    },
    header: (currentPage: number) =>
      currentPage === 1 ? null : { text: runningHeader(`${labels.briefing} · ${title}`), style: 'pageHeader', margin: [48, 24, 48, 0] },
    footer: (currentPage: number, pageCount: number) => ({
      text: labels.page(currentPage, pageCount),
      alignment: 'center',
      style: 'pageHeader',
      margin: [0, 20, 0, 0],
    }),
    // A chapter heading with nothing after it on its page moves on. Each such break makes pdfmake lay the whole
    // document out again, so smaller headings are kept with what follows them by unbreakable groups instead.
    pageBreakBefore: (node, queries) => node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: FONT, fontSize: TEXT_FONT_SIZE, lineHeight: 1.3 },
    styles: STYLES,
  };
}
