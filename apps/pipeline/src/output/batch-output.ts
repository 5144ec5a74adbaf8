// A batch of articles turned into what the run writes: CSV bytes per article and table, and the digests the
// briefing tallies. It runs where extraction runs (a worker thread with --jobs > 1), so the main thread only
// appends bytes in order, and the result cache can keep each article's output as it is.
import { ARTICLE_TABLES, TABLES, type Article, type ArticleTables } from '@roundup/model';
import { articleTables, extractArticle, type Extractor } from '@roundup/parser';
import { formatCsvPieces, regionalDigest, tableShape, type TableShape } from '@roundup/reports';

/** What one article contributes to the run's output. */
export interface ArticleOutput extends ArticleRows {
  /** What the comparison and the briefing read of it. */
  digest: ArticleTables;
}

/** An article's rows as CSV bytes, without its digest (a worker thread sends the digests apart, ahead of the bytes). */
export interface ArticleRows {
  /** The article id its rows were written with. */
  id: string;
  /** Byte length of its rows in each table, in `ARTICLE_TABLES` order; the rows are in the batch's `bytes`. */
  lengths: number[];
  /** Number of its rows in each table, in the same order. */
  rows: number[];
  /** The whole tables, only when they are written elsewhere too (--sqlite). */
  tables?: ArticleTables;
  /** Why extraction failed on this article (it then has no rows and becomes a reject); one article never ends a run. */
  failure?: string;
}

export interface BatchOutput {
  /** Every article's rows, UTF-8 encoded: article by article, each article's tables in `ARTICLE_TABLES` order. */
  bytes: Uint8Array;
  articles: ArticleOutput[];
}

/** A batch's bytes and rows before the digests are joined to them. */
export interface BatchRows {
  bytes: Uint8Array;
  articles: ArticleRows[];
}

/** Each article's tables, or why extraction failed on it: one article never ends a run. */
export type ExtractedBatch = Array<{ tables: ArticleTables } | { failure: string }>;

const shapes: TableShape[] = ARTICLE_TABLES.map((table) => tableShape(TABLES[table]));

export function batchOutput(articles: readonly Article[], extractor: Extractor, keepTables: boolean): BatchOutput {
  const extracted = extractBatch(articles, extractor);
  return withDigests(batchRows(articles, extracted, keepTables), batchDigests(extracted));
}

export function extractBatch(articles: readonly Article[], extractor: Extractor): ExtractedBatch {
  return articles.map((article) => {
    try {
      return { tables: articleTables(extractArticle(article, extractor), extractor.gazetteer) };
    } catch (error) {
      return { failure: `extraction failed on this article: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}

/** What the comparison and the briefing read of each article (nothing of one extraction failed on). */
export function batchDigests(extracted: ExtractedBatch): ArticleTables[] {
  return extracted.map((result) => ('tables' in result ? regionalDigest(result.tables) : emptyTables()));
}

export function withDigests(batch: BatchRows, digests: readonly ArticleTables[]): BatchOutput {
  return { bytes: batch.bytes, articles: batch.articles.map((article, index) => ({ ...article, digest: digests[index]! })) };
}

/**
 * The batch's rows as CSV bytes. Each table of the whole batch goes to papaparse at once; each article's text comes
 * back in pieces (one per papaparse call it has rows in), encoded piece by piece, never joined into one string.
 */
export function batchRows(articles: readonly Article[], extracted: ExtractedBatch, keepTables: boolean): BatchRows {
  const pieces = ARTICLE_TABLES.map((table, index) =>
    formatCsvPieces(
      extracted.map((result) => ('tables' in result ? result.tables[table] : [])),
      shapes[index]!,
    ),
  );
  let characters = 0;
  for (const table of pieces) for (const group of table) for (const piece of group) characters += piece.length;
  const bytes = new BatchBytes(characters);
  const outputs = extracted.map((result, article): ArticleRows => {
    const id = articles[article]!.articleId;
    if (!('tables' in result)) return { id, lengths: ARTICLE_TABLES.map(() => 0), rows: ARTICLE_TABLES.map(() => 0), failure: result.failure };
    const { tables } = result;
    const lengths = pieces.map((table) => bytes.append(table[article]!));
    const rows = ARTICLE_TABLES.map((table) => tables[table].length);
    return { id, lengths, rows, ...(keepTables ? { tables } : {}) };
  });
  return { bytes: bytes.finish(), articles: outputs };
}

const encoder = new TextEncoder();

/**
 * A batch's CSV text encoded as UTF-8 piece by piece into one buffer: no joined string of the whole batch, no second
 * pass to count each piece's bytes. The buffer is sized once for the batch's text and not zero-filled (growing and
 * clearing one buffer per batch took more time than encoding into it), and it is its own, not Node's shared pool, so
 * it can be transferred.
 */
class BatchBytes {
  private readonly buffer: Uint8Array;
  private length = 0;

  /** `characters`: the UTF-16 code units of all the text to come; each encodes to three bytes at most. */
  constructor(characters: number) {
    this.buffer = Buffer.allocUnsafeSlow(3 * characters);
  }

  /** Appends pieces of text; returns their length in bytes. */
  append(pieces: readonly string[]): number {
    const from = this.length;
    for (const piece of pieces) this.length += encoder.encodeInto(piece, this.buffer.subarray(this.length)).written;
    return this.length - from;
  }

  finish(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

function emptyTables(): ArticleTables {
  return Object.fromEntries(ARTICLE_TABLES.map((table) => [table, []])) as unknown as ArticleTables;
}

/** One article's rows of each table, as views into the batch's bytes. */
export function articleChunks(bytes: Uint8Array, offset: number, output: ArticleRows): Uint8Array[] {
  let at = offset;
  return output.lengths.map((length) => bytes.subarray(at, (at += length)));
}

/** Bytes of all of one article's rows. */
export function articleByteLength(output: ArticleRows): number {
  return output.lengths.reduce((sum, length) => sum + length, 0);
}
