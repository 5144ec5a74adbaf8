// The same tables in one SQLite database (--sqlite FILE), with keys and indexes, for analysts who query rather than scroll.
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { TABLE_KEYS, TABLE_NAMES, TABLES, type TableName } from '@roundup/model';
import { z } from 'zod';

interface JsonSchemaProperty {
  type?: string;
  anyOf?: JsonSchemaProperty[];
}

function sqlType(property: JsonSchemaProperty): 'INTEGER' | 'REAL' | 'TEXT' {
  const core = property.anyOf?.find((option) => option.type !== 'null') ?? property;
  return core.type === 'integer' ? 'INTEGER' : core.type === 'number' ? 'REAL' : 'TEXT';
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes rows into a new SQLite file table by table, in one transaction per batch. */
export class SqliteTableWriter {
  private readonly db: Database.Database;
  private readonly inserts = new Map<TableName, { statement: Database.Statement; columns: string[] }>();

  constructor(readonly path: string) {
    // The native module is loaded by the first database a run opens, not by every run that imports this package.
    const open = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    this.db = new open(path);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('foreign_keys = ON');
    // comparison and roundup_regions are created at the end, when the taxonomy's domain columns are known (writeComparison).
    for (const table of TABLE_NAMES.filter((name) => name !== 'comparison' && name !== 'roundup_regions')) this.createTable(table);
  }

  private createTable(table: TableName, extraIntegerColumns: readonly string[] = []): void {
    const properties = (z.toJSONSchema(TABLES[table]) as { properties: Record<string, JsonSchemaProperty> }).properties;
    const columns = [...Object.keys(properties), ...extraIntegerColumns];
    const definitions = columns.map((name) => `${quote(name)} ${properties[name] ? sqlType(properties[name]) : 'INTEGER'}`);
    const { primaryKey } = TABLE_KEYS[table];
    if (primaryKey.length > 0) definitions.push(`PRIMARY KEY (${primaryKey.map(quote).join(', ')})`);
    if (columns.includes('article_id') && table !== 'articles') definitions.push('FOREIGN KEY ("article_id") REFERENCES "articles" ("article_id")');
    this.db.exec(`CREATE TABLE ${quote(table)} (${definitions.join(', ')})`);
    if (columns.includes('article_id') && table !== 'articles') this.db.exec(`CREATE INDEX ${quote(`${table}_article`)} ON ${quote(table)} ("article_id")`);
    if (columns.includes('region') && table !== 'comparison') this.db.exec(`CREATE INDEX ${quote(`${table}_region`)} ON ${quote(table)} ("region")`);
    const statement = this.db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    this.inserts.set(table, { statement, columns });
  }

  write(table: TableName, rows: readonly object[]): void {
    const insert = this.inserts.get(table);
    if (!insert || rows.length === 0) return;
    const run = this.db.transaction((batch: readonly object[]) => {
      for (const row of batch) insert.statement.run(insert.columns.map((column) => (row as Record<string, unknown>)[column] ?? null));
    });
    run(rows);
  }

  /** comparison has a column per taxonomy domain, known only once the taxonomy is loaded; roundup_regions comes with it. */
  writeComparison(rows: readonly object[], domainColumns: readonly string[], roundupRegions: readonly object[] = []): void {
    this.createTable('comparison', domainColumns);
    this.write('comparison', rows);
    this.createTable('roundup_regions');
    this.write('roundup_regions', roundupRegions);
  }

  close(): void {
    this.db.close();
  }
}
