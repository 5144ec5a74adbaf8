// A batch of articles turned into what the run writes: CSV bytes per table, and the digests the briefing tallies.
// It runs where extraction runs (a worker thread with --jobs > 1), so the main thread only appends bytes in order.
import { ARTICLE_TABLES, TABLES, type Article, type ArticleTables } from '@roundup/model';
import { articleTables, extractArticle, type Extractor } from '@roundup/parser';
import { formatCsvRows, regionalDigest, tableShape, type TableShape } from '@roundup/reports';

export type ArticleTableName = (typeof ARTICLE_TABLES)[number];

export interface BatchOutput {
  /** The batch's rows of each table, formatted and UTF-8 encoded, articles in batch order. */
  csv: Record<ArticleTableName, Uint8Array>;
  rows: Record<ArticleTableName, number>;
  /** One per article, in batch order: what the comparison and the briefing read of it. */
  digests: ArticleTables[];
  /** The whole tables, only when they are written elsewhere too (--sqlite). */
  tables?: ArticleTables[];
}

const shapes = Object.fromEntries(ARTICLE_TABLES.map((table) => [table, tableShape(TABLES[table])])) as Record<ArticleTableName, TableShape>;
const encoder = new TextEncoder();

export function batchOutput(articles: readonly Article[], extractor: Extractor, keepTables: boolean): BatchOutput {
  const tables = articles.map((article) => articleTables(extractArticle(article, extractor), extractor.gazetteer));
  const csv = {} as Record<ArticleTableName, Uint8Array>;
  const rows = {} as Record<ArticleTableName, number>;
  for (const table of ARTICLE_TABLES) {
    const batchRows: object[] = tables.flatMap((article): readonly object[] => article[table]);
    rows[table] = batchRows.length;
    // TextEncoder gives each chunk its own ArrayBuffer (Buffer.from may share a pool), so it can be transferred.
    csv[table] = encoder.encode(formatCsvRows(batchRows, shapes[table]));
  }
  return { csv, rows, digests: tables.map(regionalDigest), tables: keepTables ? tables : undefined };
}

/** The buffers a batch's output can hand over to another thread without copying. */
export function transferables(output: BatchOutput): ArrayBuffer[] {
  return Object.values(output.csv).map((bytes) => bytes.buffer as ArrayBuffer);
}
