// Write tables, then tally: each extracted unit's steps in input order, into the tables, the cache's new entries and
// the run's tally (and, with --per-article, a roundup's own briefing).
import type { ArticleTables, RejectRow } from '@roundup/model';
import { articleByteLength, type ArticleOutput } from './batch-output.js';
import type { ArticleBriefings } from '../run/finish-run.js';
import type { ResultCache } from '../cache/result-cache.js';
import { rejectRow, type CacheNote, type ExtractedUnit, type Work } from '../run/run-stages.js';
import type { RunTally } from '../run/run-tally.js';
import type { TableSink } from './table-sink.js';

export class RecordWriter {
  constructor(
    private readonly sink: TableSink,
    private readonly tally: RunTally,
    private readonly cache: ResultCache | undefined,
    private readonly briefings: ArticleBriefings | undefined,
  ) {}

  async write(unit: ExtractedUnit): Promise<void> {
    // The nth article step's output is the batch's nth; its rows start where the ones before it end.
    let index = 0;
    let offset = 0;
    for (const item of unit.items) {
      if (item.kind !== 'article') {
        await this.writeStep(item);
        continue;
      }
      const output = unit.batch!.articles[index++]!;
      await this.writeArticle(item, output, unit.batch!.bytes, offset);
      offset += articleByteLength(output);
    }
  }

  private async writeStep(item: Exclude<Work, { kind: 'article' }>): Promise<void> {
    switch (item.kind) {
      case 'reject':
        await this.reject(item.row, item.note);
        break;
      case 'reused':
        await this.copyReused(item.key, item.entry);
        break;
      case 'file-start':
        item.builder.begin(this.sink.targets);
        break;
      case 'file-end':
        await item.builder.finish(this.sink.targets);
        break;
    }
  }

  private async writeArticle(item: Extract<Work, { kind: 'article' }>, output: ArticleOutput, bytes: Uint8Array, offset: number): Promise<void> {
    if (output.failure !== undefined) {
      await this.reject(rejectRow(item.article, output.failure), item.note);
      return;
    }
    await this.sink.writeArticle(bytes, offset, output);
    await this.tallyArticle(output.id, output.digest);
    await item.note?.builder.add(item.note.key, { id: output.id, digest: output.digest });
  }

  private async reject(row: RejectRow, note: CacheNote | undefined): Promise<void> {
    await this.sink.writeReject(row);
    this.tally.reject(row);
    await note?.builder.add(note.key, { reject: row });
  }

  /** A cached file: its stretch of every table copied in, then its records tallied from the cache. */
  private async copyReused(key: string, entry: Extract<Work, { kind: 'reused' }>['entry']): Promise<void> {
    await this.cache!.reuse(key, entry, this.sink.targets);
    for await (const outcomes of this.cache!.outcomeRecords(entry)) {
      for (const outcome of outcomes) {
        this.tally.recordReused();
        if ('reject' in outcome) {
          await this.sink.writeReject(outcome.reject);
          this.tally.reject(outcome.reject);
        } else {
          await this.tallyArticle(outcome.id, outcome.digest);
        }
      }
    }
  }

  private async tallyArticle(id: string, digest: ArticleTables): Promise<void> {
    const roundup = this.tally.article(digest);
    if (roundup && this.briefings) {
      await this.briefings.render(id, digest);
      this.tally.briefingWritten();
    }
  }
}
