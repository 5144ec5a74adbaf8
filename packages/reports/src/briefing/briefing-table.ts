// Every table of the briefing is set up here once, so that all of them look alike.
import type { Content, TableCell } from 'pdfmake/interfaces.js';

/**
 * A briefing table: a bold header row repeated on every page it continues on (and kept with the first row), rows
 * never split across pages, light rules, table text. `header` is the column titles; omit it for a table of facts.
 */
export function briefingTable(header: readonly string[] | undefined, widths: Array<number | string>, body: TableCell[][]): Content {
  const headerRow = header ? [header.map((text) => ({ text, style: 'tableHeader' }))] : [];
  return {
    table: { headerRows: headerRow.length, keepWithHeaderRows: headerRow.length, dontBreakRows: true, widths, body: [...headerRow, ...body] },
    layout: 'lightHorizontalLines',
    style: 'table',
  } as Content;
}

/**
 * The width each of `shared` columns gets in a table of `lightHorizontalLines` layout beside columns of the given
 * fixed widths: that layout pads every cell by 8 pt on each side but the table's outer edges.
 */
export function sharedColumnWidth(totalWidth: number, fixed: readonly number[], shared: number): number {
  const columns = fixed.length + shared;
  const padding = 16 * columns - 16;
  return (totalWidth - fixed.reduce((sum, width) => sum + width, 0) - padding) / shared;
}
