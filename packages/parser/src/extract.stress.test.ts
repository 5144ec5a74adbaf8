// Extraction stays linear in a paragraph's length whatever the paragraph holds: the CPU time per character of one
// paragraph stays within a small factor of the same text as eight paragraphs of an eighth of its length (a quadratic
// step would make it about eight times as much). The same characters either way, so the same records to keep: the
// comparison is of paragraph length alone. Against a paragraph of an eighth of the characters it would also measure
// the collector's step from records that die young to records that outlive a collection: the percent pattern took
// 0.32 CPU µs per character at 10,000 characters, 1.09 at 80,000 in one paragraph and 1.14 in eight (one loaded run).
// At full size (a million characters) the same patterns run in `pnpm bench`.
import { describe, expect, it } from 'vitest';
import { articleTables, createExtractor, extractArticle } from './extract.js';
import { MAX_SENTENCE_CHARACTERS } from './sentences.js';
import { STRESS_PATTERNS, stressParagraph, type StressPattern } from './stress-text.js';

const extractor = createExtractor();
const SMALL = 10_000;
const LARGE = 80_000;
/** How much more CPU per character the large paragraph may take: linear code gives about 1, quadratic about 8. */
const MOST_GROWTH = 3;
/** Seconds of a few on a quiet machine; a busy one (shared by a full `pnpm test`) takes several times as long. */
const TIME_LIMIT = 120_000;

/** An article of `characters` characters of a pattern, cut into `paragraphs` paragraphs of equal length. */
function article(pattern: StressPattern, characters: number, paragraphs = 1) {
  const text = stressParagraph(pattern, characters);
  const length = characters / paragraphs;
  const texts = Array.from({ length: paragraphs }, (_, index) => text.slice(index * length, (index + 1) * length));
  return { articleId: pattern, date: '2020-01-01', title: '测试', url: '', source: 'stress', paragraphs: texts };
}

/** CPU measured per pattern and size before the least is taken: a fast pattern's round (numerals: about 1 ms at 80,000
 * characters) is within one collection or timer tick of the machine's noise, so it is repeated until this much was
 * measured. */
const LEAST_MEASURED_MICROSECONDS = 100_000;

/** The least CPU time per character over enough rounds (the least is the least disturbed by other work on the machine). */
function cpuPerCharacter(input: ReturnType<typeof article>, characters: number, rounds: number): number {
  let least = Infinity;
  let measured = 0;
  for (let round = 0; round < rounds || (measured < LEAST_MEASURED_MICROSECONDS && round < 200); round++) {
    const before = process.cpuUsage();
    articleTables(extractArticle(input, extractor), extractor.gazetteer);
    const used = process.cpuUsage(before);
    measured += used.user + used.system;
    least = Math.min(least, (used.user + used.system) / characters);
  }
  return least;
}

describe('extraction of one long paragraph', () => {
  it.each(Object.keys(STRESS_PATTERNS) as StressPattern[])(
    '%s: costs about as much CPU per character in one paragraph of 80,000 characters as in paragraphs of 10,000',
    (pattern) => {
      cpuPerCharacter(article(pattern, SMALL), SMALL, 1);
      const short = cpuPerCharacter(article(pattern, LARGE, LARGE / SMALL), LARGE, 5);
      const long = cpuPerCharacter(article(pattern, LARGE), LARGE, 3);
      expect(long / Math.max(short, 1e-3)).toBeLessThan(MOST_GROWTH);
    },
    TIME_LIMIT,
  );

  it(
    'stores no sentence longer than the cap, nor a measure',
    () => {
      for (const pattern of ['place-money', 'percent', 'mixed'] as const) {
        const tables = articleTables(extractArticle(article(pattern, LARGE), extractor), extractor.gazetteer);
        expect(tables.figures.length).toBeGreaterThan(0);
        for (const figure of tables.figures) expect(figure.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARACTERS);
        for (const measure of tables.measures) expect(measure.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARACTERS);
      }
    },
    TIME_LIMIT,
  );
});
