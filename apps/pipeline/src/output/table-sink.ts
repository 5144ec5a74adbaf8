// The tables a run writes as records stream through it: one CSV per table (and the SQLite file with --sqlite),
// appended in input order. It owns the byte offsets and row counts the result cache notes for each input file.
import { ARTICLE_TABLES, TABLES, type RejectRow, type TableName } from '@roundup/model';
import { CsvTableWriter, type SqliteTableWriter, tableShape } from '@roundup/reports';
import { articleChunks, type ArticleOutput } from './batch-output.js';
import type { TableTarget } from '../cache/result-cache.js';

export class TableSink {
  private readonly writers = new Map<TableName, CsvTableWriter>();
  /** The per-article tables as the cache sees them: where each stands, and a way to copy a cached stretch in. */
  readonly targets: readonly TableTarget[];

  constructor(
    path: (name: string) => string,
    private database: SqliteTableWriter | undefined,
  ) {
    for (const table of [...ARTICLE_TABLES, 'rejects'] as const) this.writers.set(table, new CsvTableWriter(path(`${table}.csv`), tableShape(TABLES[table])));
    this.targets = ARTICLE_TABLES.map((name) => {
      const writer = this.writers.get(name)!;
      return {
        name,
        get bytes() {
          return writer.bytes;
        },
        get rows() {
          return writer.rows;
        },
        append: (bytes: Uint8Array) => writer.writeFormatted(bytes, 0),
        countRows: (rows: number) => writer.countRows(rows),
      };
    });
  }

  /** One article's rows of every table, from its batch's bytes (and its whole tables for the database). */
  async writeArticle(bytes: Uint8Array, offset: number, output: ArticleOutput): Promise<void> {
    const chunks = articleChunks(bytes, offset, output);
    for (const [index, table] of ARTICLE_TABLES.entries()) await this.writers.get(table)!.writeFormatted(chunks[index]!, output.rows[index]!);
    if (output.tables) for (const table of ARTICLE_TABLES) this.database?.write(table, output.tables[table]);
  }

  async writeReject(row: RejectRow): Promise<void> {
    await this.writers.get('rejects')!.write([row]);
    this.database?.write('rejects', [row]);
  }

  /** Rows written so far, per table. */
  rows(): Record<string, number> {
    return Object.fromEntries([...this.writers].map(([table, writer]) => [table, writer.rows]));
  }

  /** Finishes every CSV (the database stays open for the comparison); returns each CSV's SHA-1. */
  async close(): Promise<Record<string, string>> {
    const hashes: Record<string, string> = {};
    for (const [table, writer] of this.writers) hashes[table] = await writer.close();
    return hashes;
  }

  /**
   * Adds the tables known only at the end (the comparison and each roundup's regions, the programmes) to the database
   * and closes it; their CSVs are written with the other finished files.
   */
  finishDatabase(
    rows: readonly object[],
    domainColumns: readonly string[],
    roundupRegions: readonly object[],
    finished: ReadonlyArray<[TableName, readonly object[]]> = [],
  ): void {
    for (const [table, tableRows] of finished) this.database?.write(table, tableRows);
    this.database?.writeComparison(rows, domainColumns, roundupRegions);
    this.database?.close();
    this.database = undefined;
  }

  /** Stops writing after a failure; the files go with the temporary folder. */
  async destroy(): Promise<void> {
    await Promise.all([...this.writers.values()].map((writer) => writer.destroy()));
    this.database?.close();
    this.database = undefined;
  }
}
