// @roundup/reports/tables: what turns extracted tables into CSV text and digests, without the briefing and the
// workbook. An extraction worker loads only this: the whole package index also loads fontkit, linebreak, yazl and the
// briefing's modules (about 0.25 CPU s at each worker's start) for work that worker never does.
export { formatCsvGroups, formatCsvPieces, formatCsvRows, tableShape, type TableShape } from './csv.js';
export { regionalDigest } from './digest.js';
