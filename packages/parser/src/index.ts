// @roundup/parser: reading articles and extracting what roundups compare.
export { cleanText, excerptOf, splitParagraphs, trimLine } from './text.js';
export { decodeBytes, UndecodableTextError, type DecodedText, type TextEncodingName } from './decode.js';
export { articleFromJson, articleIdFromUrl, InputError, MAX_ARTICLE_CHARACTERS, MAX_LINE_BYTES, type InputRecord } from './input-records.js';
export {
  filesBelow,
  inputSources,
  readCrawlerText,
  readFileWithin,
  readInputs,
  readSource,
  readWholeFile,
  SMALL_FILE_BYTES,
  type FoundFile,
  type InputSource,
} from './inputs.js';
export { jsonShape, MAX_WHOLE_FILE_BYTES, readJsonArray, readJsonText } from './json-files.js';
export { readJsonLines } from './json-lines.js';
export { DEFAULT_DATA_DIR, dataPath, loadDataFile } from './data-files.js';
export { Gazetteer, loadGazetteer, shortNameOf, type NameEntry, type PlaceAliases } from './gazetteer.js';
export { matchPlaceNames, resolvePlace, resolvePlaceMatches, type PlaceContext, type PlaceMatch } from './places.js';
export { multiplierPower, normaliseArabic, parseChineseNumeral, scaleDecimal } from './chinese-numerals.js';
export { extractFigures, loadFigureRules, sentenceAround, type FigureRules } from './figures.js';
export { findQuotedSpans, type QuotedSpan } from './quotes.js';
export { extractInitiatives, isInitiative, loadInitiativeCues, type InitiativeCues } from './initiatives.js';
export { articleProgrammeIds, isNationalSlogan, loadProgrammeNaming, programmeKey, type ProgrammeNaming } from './programme-names.js';
export { classifyDomains, loadTaxonomy, Taxonomy, type Domain } from './domains.js';
export { EXCERPT_REACH, MAX_SENTENCE_CHARACTERS, ParagraphSentences, splitSentences, type SentenceSpan } from './sentences.js';
export { codeSentence, loadSentenceCoder, type InstrumentCodebook, type SentenceCode, type SentenceCoder } from './roles.js';
export { findHeadings, isByline, loadSectionCues, provinceVotes, type SectionCues, type SectionedArticle } from './sections.js';
export { sectionArticle } from './section-strategies.js';
export { headingUnit, loadKnownUnits, sameUnitName, unitNameForms, type KnownUnits, type SectionUnit } from './units.js';
export { classifyArticle, type KindDecision, type NameTables } from './kinds.js';
export {
  articleTables,
  createExtractor,
  EXTRACTOR_DATA_FILES,
  extractArticle,
  localityRows,
  type ArticleExtraction,
  type Extractor,
  type RegionalFigure,
  type RegionalInitiative,
  type RegionalPlace,
} from './extract.js';
export { STRESS_PATTERNS, stressParagraph, type StressPattern } from './stress-text.js';
