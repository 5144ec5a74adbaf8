// Sentence roles and policy instruments against the gold files' `sentences`: accuracy, per-instrument recall, confusion.
import type { GoldSentence, Instrument, MeasureRow, SentenceRole } from '@roundup/model';
import { scoreWithCounts } from './score.js';

const INSTRUMENTS: readonly Instrument[] = ['supply', 'environment', 'demand'];
const ROLES: readonly SentenceRole[] = ['measure', 'result', 'context'];
/** What the tool said of a gold sentence: a role or instrument, or `absent` when it wrote no measures row for it. */
type Said = string;

/** Counts of (gold, predicted) pairs over the scored (not optional) sentences. */
export class SentenceScores {
  readonly roles = new Map<string, number>();
  readonly instruments = new Map<string, number>();
  readonly errors: string[] = [];

  private static bump(table: Map<string, number>, gold: string, said: Said): void {
    const key = `${gold}\u0000${said}`;
    table.set(key, (table.get(key) ?? 0) + 1);
  }

  /** Scores an article's measures rows against its gold sentences. */
  add(id: string, gold: readonly GoldSentence[], measures: readonly MeasureRow[]): void {
    const rows = new Map(measures.map((row) => [`${row.paragraph}:${row.sentence_index}`, row]));
    for (const sentence of gold) {
      const row = rows.get(`${sentence.p}:${sentence.s}`);
      if (row && (!row.text.startsWith(sentence.opens) || row.text.length !== sentence.length)) {
        this.errors.push(
          `${id} ${sentence.p}:${sentence.s}: not the sentence the gold annotates (${row.text.slice(0, 20)}…, ${row.text.length} characters; gold ${sentence.opens}…, ${sentence.length})`,
        );
      }
      if (sentence.optional) continue;
      const role = row?.role ?? 'absent';
      SentenceScores.bump(this.roles, sentence.role, role);
      if (role !== sentence.role)
        this.errors.push(`${id} ${sentence.p}:${sentence.s} role: got ${role}, gold ${sentence.role} — ${row?.text.slice(0, 40) ?? sentence.opens}`);
      if (sentence.role !== 'measure' || !sentence.instrument) continue;
      const instrument = row?.instrument ?? `not a measure`;
      SentenceScores.bump(this.instruments, sentence.instrument, instrument);
      if (instrument !== sentence.instrument)
        this.errors.push(
          `${id} ${sentence.p}:${sentence.s} instrument: got ${instrument}, gold ${sentence.instrument} — ${row?.text.slice(0, 40) ?? sentence.opens}`,
        );
    }
  }

  private static total(table: Map<string, number>, match: (gold: string, said: string) => boolean): number {
    let sum = 0;
    for (const [key, count] of table) {
      const [gold = '', said = ''] = key.split('\u0000');
      if (match(gold, said)) sum += count;
    }
    return sum;
  }

  get sentences(): number {
    return SentenceScores.total(this.roles, () => true);
  }

  /** Over every scored gold sentence; one in no section of the tool's (`absent`) counts as wrong. */
  roleAccuracy(): { hits: number; total: number } {
    return { hits: SentenceScores.total(this.roles, (gold, said) => gold === said), total: this.sentences };
  }

  /** Over the gold sentences the tool coded: the coder's own accuracy, apart from what sectioning missed. */
  roleAccuracyCoded(): { hits: number; total: number } {
    return { hits: SentenceScores.total(this.roles, (gold, said) => gold === said), total: SentenceScores.total(this.roles, (_, said) => said !== 'absent') };
  }

  /** Over gold measures: the instrument must be right, and a sentence the tool did not call a measure is wrong. */
  instrumentAccuracy(): { hits: number; total: number } {
    return { hits: SentenceScores.total(this.instruments, (gold, said) => gold === said), total: SentenceScores.total(this.instruments, () => true) };
  }

  /** The same, over the gold measures the tool also called measures: the codebook's own accuracy. */
  instrumentAccuracyGivenMeasure(): { hits: number; total: number } {
    const coded = (said: string) => (INSTRUMENTS as readonly string[]).includes(said);
    return {
      hits: SentenceScores.total(this.instruments, (gold, said) => gold === said),
      total: SentenceScores.total(this.instruments, (_, said) => coded(said)),
    };
  }

  recallOf(instrument: Instrument): { hits: number; total: number } {
    return {
      hits: SentenceScores.total(this.instruments, (gold, said) => gold === instrument && said === instrument),
      total: SentenceScores.total(this.instruments, (gold) => gold === instrument),
    };
  }

  /** Lines of the report: accuracies, per-instrument recall, and both confusion tables (rows gold, columns predicted). */
  format(): string[] {
    if (this.sentences === 0) return [];
    const share = (r: { hits: number; total: number }) => scoreWithCounts(r.hits, r.total).join('  ');
    const lines = [
      `sentence role accuracy (all)        ${share(this.roleAccuracy())}`,
      `sentence role accuracy (coded)      ${share(this.roleAccuracyCoded())}`,
      `instrument accuracy (gold measures) ${share(this.instrumentAccuracy())}`,
      `instrument accuracy (both measures) ${share(this.instrumentAccuracyGivenMeasure())}`,
      ...INSTRUMENTS.map((instrument) => `  recall ${instrument.padEnd(27)} ${share(this.recallOf(instrument))}`),
      'role confusion (rows gold, columns predicted):',
      ...confusion(this.roles, ROLES, [...ROLES, 'absent']),
      'instrument confusion (rows gold, columns predicted):',
      ...confusion(this.instruments, INSTRUMENTS, [...INSTRUMENTS, 'not a measure']),
    ];
    return lines;
  }
}

function confusion(table: Map<string, number>, rows: readonly string[], columns: readonly string[]): string[] {
  const cell = (text: string) => text.padStart(14);
  return [
    `${''.padEnd(14)}${columns.map(cell).join('')}`,
    ...rows.map((gold) => `${gold.padEnd(14)}${columns.map((said) => cell(String(table.get(`${gold}\u0000${said}`) ?? 0))).join('')}`),
  ];
}
