// Policy domains against the gold files' labelled measures (main-domain accuracy, label precision and recall), and how
// many measures of a labelled month's roundups get no domain at all.
import type { GoldSentence, Measure, MeasureRow } from '@roundup/model';
import { scoreWithCounts } from './score.js';

interface Ratio {
  hits: number;
  total: number;
}

/** Counts over the gold sentences that label domains (every labelled measure, optional roles included: its domains are still known). */
export class DomainScores {
  readonly main: Ratio = { hits: 0, total: 0 };
  readonly labels = { tp: 0, fp: 0, fn: 0 };
  readonly errors: string[] = [];

  /** Scores an article's measures rows against its gold sentences; a sentence with no row has no domains. */
  add(id: string, gold: readonly GoldSentence[], measures: readonly MeasureRow[]): void {
    const rows = new Map(measures.map((row) => [`${row.paragraph}:${row.sentence_index}`, row]));
    for (const sentence of gold) {
      if (!sentence.domains) continue;
      const row = rows.get(`${sentence.p}:${sentence.s}`);
      const said = row?.domains ? row.domains.split(';') : [];
      const expected = sentence.domains;
      this.main.total += 1;
      if ((said[0] ?? '') === (expected[0] ?? '')) this.main.hits += 1;
      const extra = said.filter((domain) => !expected.includes(domain));
      const missed = expected.filter((domain) => !said.includes(domain));
      this.labels.tp += said.length - extra.length;
      this.labels.fp += extra.length;
      this.labels.fn += missed.length;
      if (said[0] !== expected[0] || extra.length > 0 || missed.length > 0) {
        this.errors.push(
          `${id} ${sentence.p}:${sentence.s} domains: got ${said.join(',') || 'none'}, gold ${expected.join(',') || 'none'} — ${row?.text ?? sentence.opens}`,
        );
      }
    }
  }

  format(): string[] {
    if (this.main.total === 0) return [];
    const { tp, fp, fn } = this.labels;
    return [
      `main-domain accuracy                ${scoreWithCounts(this.main.hits, this.main.total).join('  ')}`,
      `domain label precision              ${scoreWithCounts(tp, tp + fp).join('  ')}`,
      `domain label recall                 ${scoreWithCounts(tp, tp + fn).join('  ')}`,
    ];
  }
}

/** Over a month's labelled roundups: the measures (role `measure`) that got no domain, so vanish from every comparison by theme. */
export class DomainCoverage {
  measures = 0;
  withoutDomain = 0;

  add(measures: readonly Pick<Measure, 'role' | 'domains'>[]): void {
    for (const measure of measures) {
      if (measure.role !== 'measure') continue;
      this.measures += 1;
      if (measure.domains.length === 0) this.withoutDomain += 1;
    }
  }

  format(): string[] {
    return [`roundup measures with no domain       ${scoreWithCounts(this.withoutDomain, this.measures).join('  ')}`];
  }
}
