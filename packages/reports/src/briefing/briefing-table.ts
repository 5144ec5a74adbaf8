// Every table of the briefing is set up here once, so that all of them look alike.
import type { Content, TableCell } from 'pdfmake/interfaces.js';

/** Body rows a table's or chart's header never leaves at a page's foot without: a header with one row looks orphaned. */
export const ROWS_KEPT_WITH_HEADER = 3;

/**
 * A briefing table: a bold header row repeated on every page it continues on (and kept with the first row), rows
 * never split across pages, light rules, table text. `header` is the column titles; omit it for a table of facts.
 * `title` heads the table (in the h4 style, or a chapter's h1) as its first header row.
 */
export function briefingTable(
  header: readonly string[] | undefined,
  widths: Array<number | string>,
  body: TableCell[][],
  title?: string,
  titleStyle: 'h4' | 'h1' = 'h4',
): Content {
  // A column of numbers has its title over the numbers, right-aligned as they are.
  const alignment = (column: number) => (body[0]?.[column] as { alignment?: string } | undefined)?.alignment;
  const headerRow: TableCell[][] = header
    ? [header.map((text, column) => ({ text, style: 'tableHeader', ...(alignment(column) === 'right' ? { alignment: 'right' } : {}) }))]
    : [];
  // A titled table carries its title as a header row: repeated where it continues, never alone at a page's foot,
  // and a long table no longer moves whole to the next page to stay with a heading.
  if (title) headerRow.unshift([{ text: title, style: titleStyle, colSpan: widths.length }, ...widths.slice(1).map(() => ({ text: '' }))]);
  return {
    table: {
      headerRows: headerRow.length,
      keepWithHeaderRows: headerRow.length > 0 ? Math.min(body.length, ROWS_KEPT_WITH_HEADER) : 0,
      dontBreakRows: true,
      widths,
      body: [...headerRow, ...body],
    },
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

/**
 * A table's last row with a note under it, as one row: pdfmake never splits a row, so the note cannot stand alone at
 * the top of the next page (a note left free did). The row spans the table and holds the two in a table of the same
 * columns, ruled and padded alike, so that it lines up with the rows above.
 */
export function withNote(row: TableCell[], note: Record<string, unknown>, widths: ReadonlyArray<number | string>): TableCell[] {
  const filler = widths.slice(1).map(() => ({ text: '' }));
  const inner = { table: { widths: [...widths], body: [row, [{ ...note, colSpan: widths.length }, ...filler]] }, layout: NOTE_RULES, margin: [0, -2, 0, -2] };
  return [{ ...inner, colSpan: widths.length } as unknown as TableCell, ...filler];
}

/** The rules of a table's last row with its note: none, as the outer table draws the row's; padding as `lightHorizontalLines`. */
const NOTE_RULES = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (column: number) => (column === 0 ? 0 : 8),
  paddingRight: (column: number, node: { table: { widths: unknown[] } }) => (column === node.table.widths.length - 1 ? 0 : 8),
};
