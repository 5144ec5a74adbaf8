// The cache's index: per input file, where its records are in the packs and its one stretch of each CSV; and the
// SHA-1 each CSV had when the run that wrote the entries finished. Pure: no files, so its rules are unit-tested.
import { z } from 'zod';

/** Changes whenever the layout of the cache changes. */
export const CACHE_FORMAT = 3;

const Range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).refine(([start, end]) => start <= end, 'a range ends before it starts');

/**
 * One input file's stretch of a CSV: [start, end) in bytes, and its rows. Rows are written in input order, so a file's
 * rows of a table are always one unbroken stretch; a file with no rows in a table has an empty one.
 */
const TableStretch = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), rows: z.number().int().nonnegative() })
  .refine((stretch) => stretch.start <= stretch.end && (stretch.rows === 0) === (stretch.start === stretch.end), 'rows without bytes, or bytes without rows');
export type TableStretch = z.infer<typeof TableStretch>;

/** Where an input file's records are in the packs, and its stretch of each table. */
const CacheEntry = z.object({ keys: Range, outcomes: Range, tables: z.record(z.string(), TableStretch) });
export type CacheEntry = z.infer<typeof CacheEntry>;

const IndexFile = z.object({
  format: z.literal(CACHE_FORMAT),
  /** SHA-1 of each CSV the entries point into, as the run that wrote them left it. */
  tables: z.record(z.string(), z.string()),
  entries: z.record(z.string(), CacheEntry),
  /** The run's fingerprint (version, code, data tables), so that a rerun can say why none of its entries fit. */
  fingerprint: z.string().optional(),
});

export class CacheIndex {
  private constructor(
    private readonly tableHashes: Record<string, string>,
    private readonly entries: Map<string, CacheEntry>,
    /** The fingerprint of the run that wrote the index, when it noted one. */
    readonly fingerprint?: string,
  ) {}

  static empty(fingerprint?: string): CacheIndex {
    return new CacheIndex({}, new Map(), fingerprint);
  }

  /** An index read back; undefined for one of another format or one that breaks the rules above (it is then ignored). */
  static parse(text: string): CacheIndex | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = IndexFile.safeParse(json);
    return parsed.success ? new CacheIndex(parsed.data.tables, new Map(Object.entries(parsed.data.entries)), parsed.data.fingerprint) : undefined;
  }

  lookup(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  /** The SHA-1 a CSV must still have for this index's stretches of it to be copied. */
  tableHash(table: string): string | undefined {
    return this.tableHashes[table];
  }

  /** Records a file's entry; a stretch that breaks the rules is a bug in the run, so it throws. */
  record(key: string, entry: CacheEntry): void {
    this.entries.set(key, CacheEntry.parse(entry));
  }

  get size(): number {
    return this.entries.size;
  }

  /** The index file for a run whose CSVs finished with these SHA-1s. */
  serialise(tableHashes: Record<string, string>): string {
    return JSON.stringify({ format: CACHE_FORMAT, tables: tableHashes, entries: Object.fromEntries(this.entries), fingerprint: this.fingerprint });
  }
}
