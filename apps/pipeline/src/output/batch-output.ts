// A batch of articles turned into what the run writes: CSV bytes per article and table, and the digests the
// briefing tallies. It runs where extraction runs (a worker thread with --jobs > 1), so the main thread only
// appends bytes in order, and the result cache can keep each article's output as it is.
import { ARTICLE_TABLES, TABLES, type Article, type ArticleTables } from '@roundup/model';
import { articleTables, extractArticle, type Extractor } from '@roundup/parser';
import { formatCsvGroups, regionalDigest, tableShape, type TableShape } from '@roundup/reports';

/** What one article contributes to the run's output. */
export interface ArticleOutput {
  /** The article id its rows were written with. */
  id: string;
  /** Byte length of its rows in each table, in `ARTICLE_TABLES` order; the rows are in the batch's `bytes`. */
  lengths: number[];
  /** Number of its rows in each table, in the same order. */
  rows: number[];
  /** What the comparison and the briefing read of it. */
  digest: ArticleTables;
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

const shapes: TableShape[] = ARTICLE_TABLES.map((table) => tableShape(TABLES[table]));
const encoder = new TextEncoder();

export function batchOutput(articles: readonly Article[], extractor: Extractor, keepTables: boolean): BatchOutput {
  const extracted = articles.map((article) => extractedTables(article, extractor));
  // Each table of the whole batch goes to papaparse at once, then back into one text per article.
  const texts = ARTICLE_TABLES.map((table, index) =>
    formatCsvGroups(
      extracted.map((result) => ('tables' in result ? result.tables[table] : [])),
      shapes[index]!,
    ),
  );
  const bytes = new BatchBytes(texts.reduce((sum, table) => sum + table.reduce((chars, text) => chars + text.length, 0), 0));
  const outputs = extracted.map((result, article): ArticleOutput => {
    const id = articles[article]!.articleId;
    if (!('tables' in result))
      return { id, lengths: ARTICLE_TABLES.map(() => 0), rows: ARTICLE_TABLES.map(() => 0), digest: emptyTables(), failure: result.failure };
    const { tables } = result;
    const lengths = ARTICLE_TABLES.map((_, index) => bytes.append(texts[index]![article]!));
    const rows = ARTICLE_TABLES.map((table) => tables[table].length);
    return { id, lengths, rows, digest: regionalDigest(tables), ...(keepTables ? { tables } : {}) };
  });
  return { bytes: bytes.finish(), articles: outputs };
}

/** An article's tables, or why extraction failed on it: one article never ends a run. */
function extractedTables(article: Article, extractor: Extractor): { tables: ArticleTables } | { failure: string } {
  try {
    return { tables: articleTables(extractArticle(article, extractor), extractor.gazetteer) };
  } catch (error) {
    return { failure: `extraction failed on this article: ${error instanceof Error ? error.message : String(error)}` };
  }
}

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

  /** Appends a piece; returns its length in bytes. */
  append(text: string): number {
    const { written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
    this.length += written;
    return written;
  }

  finish(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

function emptyTables(): ArticleTables {
  return Object.fromEntries(ARTICLE_TABLES.map((table) => [table, []])) as unknown as ArticleTables;
}

/** One article's rows of each table, as views into the batch's bytes. */
export function articleChunks(bytes: Uint8Array, offset: number, output: ArticleOutput): Uint8Array[] {
  let at = offset;
  return output.lengths.map((length) => bytes.subarray(at, (at += length)));
}

/** Bytes of all of one article's rows. */
export function articleByteLength(output: ArticleOutput): number {
  return output.lengths.reduce((sum, length) => sum + length, 0);
}
