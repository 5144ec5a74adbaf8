// @roundup/reports: the CSV tables and the PDF briefing.
export {
  CSV_BOM,
  CsvTableWriter,
  destroyWriteStream,
  FailureWatch,
  formatCsv,
  formatCsvPieces,
  formatCsvHeader,
  formatCsvRows,
  neutraliseFormula,
  tableShape,
  type TableShape,
} from './csv.js';
export { regionalDigest } from './digest.js';
export { inScope, RegionComparison, type ComparisonScope, type DomainLabel, type RegionComparisonState } from './comparison.js';
export {
  BRIEFING_LIMITS,
  BriefingCollector,
  CORPUS_LIMITS,
  type BriefingFigure,
  type BriefingMeasure,
  type BriefingPlace,
  type CollectorState,
  type RoundupEntry,
  type SourceArticle,
} from './briefing-data.js';
export { breakableText } from './briefing/blocks.js';
export { briefingBytes, briefingDocument, renderBriefing } from './briefing/document.js';
export { briefingFontBytes, briefingFonts } from './briefing/fonts.js';
export { TileLayoutFile, type Tile } from './briefing/tile-layout.js';
export type { BriefingInput, BriefingRunFacts, TaxonomyDomain } from './briefing/input.js';
export { figureText, MeasureWordsFile, type MeasureWords } from './briefing/figure-text.js';
export { plainParagraphsDocument, preloadBriefing, renderDocument } from './briefing/render.js';
export { dataPackage, tableResource, type TableField, type TableResource } from './datapackage.js';
export { ProgrammeIndex, type ProgrammeIndexState, type SpreadProgramme } from './programmes.js';
export { SqliteTableWriter } from './sqlite.js';
export { isRoundupDatabase, isRoundupWorkbook } from './recognise-outputs.js';
export { formatMoney, formatValue, LABELS, plural, type Labels, type Language } from './labels.js';
export { EXCEL_DATA_ROWS, WORKBOOK_SHEETS, writeWorkbook, type WorkbookOptions, type WorkbookSummary } from './workbook.js';
