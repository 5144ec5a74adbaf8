// The parts of an .xlsx package (SpreadsheetML) as text: escaped cells, a sheet's head and tail, the styles that cells
// point at, and the workbook's own parts. The workbook writer streams rows between a sheet's head and tail into a zip.

/** Characters XML 1.0 cannot hold at all (controls but tab, LF, CR; U+FFFE, U+FFFF): Excel refuses a file with one. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for an XML element or a double-quoted attribute: markup escaped, characters XML cannot hold dropped. */
export function xmlText(text: string): string {
  // Most cells hold none of these: one test instead of a replace over every cell.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (character) => ESCAPES[character]!);
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** How a cell looks: the few styles the workbook uses, combined as a column and its header need them. */
export interface CellStyle {
  font?: 'bold' | 'link';
  date?: boolean;
  wrap?: boolean;
}

const BASE_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const FONTS = { normal: `<font>${BASE_FONT}</font>`, bold: `<font><b/>${BASE_FONT}</font>`, link: `<font><u/><color rgb="FF1F4E79"/>${BASE_FONT}</font>` };
const FONT_IDS = { normal: 0, bold: 1, link: 2 };
/** The first number format id free for a workbook's own formats (0–163 are built in). */
const DATE_FORMAT_ID = 164;

/** The cell formats (`cellXfs`) a workbook uses, each numbered on first use; index 0 is the plain default. */
export class StyleSheet {
  private readonly keys = new Map<string, number>([['normal||', 0]]);
  private readonly formats: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The `s` attribute of a cell of this style (0: no attribute needed). */
  id(style: CellStyle | undefined): number {
    const font = style?.font ?? 'normal';
    const key = `${font}|${style?.date ? 'd' : ''}|${style?.wrap ? 'w' : ''}`;
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.formats.length;
      this.keys.set(key, id);
      const applies = `${style?.date ? ' applyNumberFormat="1"' : ''}${font !== 'normal' ? ' applyFont="1"' : ''}`;
      const opening = `<xf numFmtId="${style?.date ? DATE_FORMAT_ID : 0}" fontId="${FONT_IDS[font]}" fillId="0" borderId="0" xfId="0"${applies}`;
      this.formats.push(style?.wrap ? `${opening} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : `${opening}/>`);
    }
    return id;
  }

  /** `xl/styles.xml`. */
  xml(): string {
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="${DATE_FORMAT_ID}" formatCode="yyyy-mm-dd"/></numFmts>` +
      `<fonts count="3">${FONTS.normal}${FONTS.bold}${FONTS.link}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.formats.length}">${this.formats.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const EDGE_SPACE = /^\s|\s$/;

/** A text cell, inline (no shared-strings table to hold in memory); edge spaces kept, as Excel drops them otherwise. */
export function textCell(ref: string, text: string, style: number): string {
  const space = EDGE_SPACE.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** A number cell (dates are numbers too: days since 1899-12-30, shown through a date format). */
export function numberCell(ref: string, value: number, style: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
}

/** An empty cell: written only where its column has a style, so that the cell looks like the column. */
export function emptyCell(ref: string, style: number): string {
  return style ? `<c r="${ref}" s="${style}"/>` : '';
}

/** Days since Excel's epoch (1899-12-30) of a UTC date. */
export function excelDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** A column's width (in characters) and the style of its cells. */
export interface SheetColumn {
  width: number;
  style: number;
}

/** A sheet up to its first row: a frozen header row and the column widths and styles. */
export function sheetHead(columns: readonly SheetColumn[]): string {
  const cols = columns.map(
    (column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"${column.style ? ` style="${column.style}"` : ''}/>`,
  );
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols.join('')}</cols><sheetData>`
  );
}

/** A sheet after its last row: an autofilter over the header and `rows` rows, and the links of its cells (`rId1`…). */
export function sheetTail(rows: number, columns: number, linkedCells: readonly string[]): string {
  const links = linkedCells.map((ref, index) => `<hyperlink ref="${ref}" r:id="rId${index + 1}"/>`).join('');
  return (
    `</sheetData><autoFilter ref="A1:${columnLetters(Math.max(columns, 1) - 1)}${rows + 1}"/>` +
    (links ? `<hyperlinks>${links}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/** A sheet's relationships: the external targets of its links, in the order `sheetTail` numbered them. */
export function sheetRelationships(targets: readonly string[]): string {
  const type = `${REL_NS}/hyperlink`;
  const relationships = targets.map((target, index) => `<Relationship Id="rId${index + 1}" Type="${type}" Target="${xmlText(target)}" TargetMode="External"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${relationships.join('')}</Relationships>`;
}

/** The parts that tie the sheets into a workbook, by path in the package. */
export function workbookParts(sheetNames: readonly string[], creator: string, created: Date): Array<[path: string, xml: string]> {
  const worksheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const overrides = sheetNames.map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${worksheet}"/>`).join('');
  const sheets = sheetNames.map((name, index) => `<sheet name="${xmlText(name)}" sheetId="${index + 1}" r:id="rId${index + 2}"/>`).join('');
  const sheetRels = sheetNames
    .map((_, index) => `<Relationship Id="rId${index + 2}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
    .join('');
  const stamp = created.toISOString().replace(/\.\d+Z$/, 'Z');
  const titles = sheetNames.map((name) => `<vt:lpstr>${xmlText(name)}</vt:lpstr>`).join('');
  return [
    [
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}` +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>${sheetRels}</Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'docProps/app.xml',
      `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${xmlText(creator)}</Application>` +
        `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts></Properties>`,
    ],
  ];
}
