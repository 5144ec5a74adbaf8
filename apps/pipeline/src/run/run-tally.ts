// What a run has read and written so far: its counts, reject reasons, the region comparison and the briefing's
// material. One object, added to as records are written, read once at the end for the summary.
import type { ArticleTables, RejectRow } from '@roundup/model';
import { BriefingCollector, ProgrammeIndex, RegionComparison, type ComparisonScope, type DomainLabel } from '@roundup/reports';

/** Groups reject reasons for the summary: the reason without the values and places it quotes. */
export function reasonKey(reason: string): string {
  return reason
    .replace(/^duplicate of article .*/, 'duplicate of an earlier article')
    .replace(/\s*\((?:got|found) [^)]*\)/g, '')
    .replace(/ at offset \d+/, '')
    .replace(/^(malformed JSON): .*/, '$1')
    .trim();
}

/** What a run is doing: reading and extracting, or one of the steps after the last record. */
export type RunStage = 'reading' | 'database' | 'workbook' | 'briefing' | 'publishing';

/** How far a run has got, for a progress line. */
export interface RunProgress {
  records: number;
  articles: number;
  rejects: number;
  /** Characters of article text read so far. */
  characters: number;
  stage: RunStage;
  /** Briefings of single roundups written (--per-article). */
  briefings: number;
}

export class RunTally {
  readonly comparison: RegionComparison;
  readonly collector: BriefingCollector;
  /** Every programme mention of every article, grouped: programmes.csv and programme_regions.csv. */
  readonly programmes = new ProgrammeIndex();
  records = 0;
  articles = 0;
  rejects = 0;
  readonly rejectReasons: Record<string, number> = {};
  articlesWithSections = 0;
  multiRegionArticles = 0;
  roundups = 0;
  /** Characters of article text read (or replayed from the cache). */
  characters = 0;
  inputFiles = 0;
  reusedFiles = 0;
  reusedRecords = 0;
  briefings = 0;
  private stage: RunStage = 'reading';

  constructor(
    domains: readonly DomainLabel[],
    scope: ComparisonScope,
    private readonly onProgress?: (progress: RunProgress) => void,
  ) {
    this.comparison = new RegionComparison(domains, scope);
    this.collector = new BriefingCollector(scope);
  }

  /** A record read, with the characters of its article text (0 for a reject); progress is reported every 50. */
  recordRead(characters: number): void {
    this.records += 1;
    this.characters += characters;
    if (this.onProgress && this.records % 50 === 0) this.onProgress(this.progress());
  }

  /** A record of a file the cache holds (its characters were counted when the file's entry was replayed). */
  recordReused(): void {
    this.reusedRecords += 1;
    this.recordRead(0);
  }

  reject(row: RejectRow): void {
    this.rejects += 1;
    const key = reasonKey(row.reason);
    this.rejectReasons[key] = (this.rejectReasons[key] ?? 0) + 1;
  }

  /** Adds an article to the counts, the comparison and the briefing; true when it is a roundup. */
  article(digest: ArticleTables): boolean {
    this.comparison.add(digest);
    this.collector.add(digest);
    this.programmes.add(digest);
    this.articles += 1;
    if (digest.sections.length > 0) this.articlesWithSections += 1;
    if (new Set(digest.sections.map((section) => section.region).filter(Boolean)).size >= 2) this.multiRegionArticles += 1;
    const roundup = digest.articles[0]?.kind === 'roundup';
    if (roundup) this.roundups += 1;
    return roundup;
  }

  /** A step after the last record begins: the progress line names it rather than stand still while it works. */
  enterStage(stage: RunStage): void {
    this.stage = stage;
    this.onProgress?.(this.progress());
  }

  /** A roundup's own briefing is written (--per-article); each takes long enough to be shown. */
  briefingWritten(): void {
    this.briefings += 1;
    this.onProgress?.(this.progress());
  }

  /** The counts the progress line shows. */
  progress(): RunProgress {
    return { records: this.records, articles: this.articles, rejects: this.rejects, characters: this.characters, stage: this.stage, briefings: this.briefings };
  }
}
