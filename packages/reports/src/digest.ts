// What the comparison and the briefing read of an article, small enough to send between threads for every article.
import type { ArticleTables, MeasureRow, SectionRow } from '@roundup/model';

/**
 * The rows of an article that `RegionComparison` and `BriefingCollector` read: its article row, its sections, and
 * the rows of the regions those sections name (of every unit in a roundup of units), paragraphs without their text,
 * and every programme mention (for programmes.csv).
 * Both give the same result for an article's digest as for its whole tables; a worker thread sends this digest
 * instead of the tables, whose text is already formatted as CSV where it runs.
 */
export function regionalDigest(tables: ArticleTables): ArticleTables {
  const regions = new Set(tables.sections.map((section) => section.region).filter((region) => region !== ''));
  // A roundup of units keeps the rows of units without a province (a ministry, an enterprise): its own briefing compares them.
  const units = comparesUnits(tables);
  const regional = <T extends { region: string }>(rows: readonly T[]) =>
    units ? [...rows] : regions.size === 0 ? [] : rows.filter((row) => regions.has(row.region));
  return {
    articles: tables.articles,
    sections: tables.sections,
    paragraphs: regional(tables.paragraphs).map((row) => ({ ...row, text: '' })),
    figures: regional(tables.figures),
    localities: regional(tables.localities),
    // Every programme mention, whatever its region: programmes.csv covers all inputs.
    initiatives: tables.initiatives,
    measures: [...regional(tables.measures), ...measuresLeftOut(tables.measures, tables.sections)],
  };
}

/**
 * The sentences of regions' sections that belong to no region: in a section placed by the places its paragraphs name,
 * a sentence that names only another province's places is left out (the briefing's appendix counts them).
 */
export function measuresLeftOut(measures: readonly MeasureRow[], sections: readonly SectionRow[]): MeasureRow[] {
  const regional = sections.filter((section) => section.region !== '');
  if (regional.length === 0) return [];
  return measures.filter(
    (measure) => measure.region === '' && regional.some((section) => section.paragraph_from <= measure.paragraph && measure.paragraph <= section.paragraph_to),
  );
}

/** Whether a roundup compares units rather than provinces: two or more sections, not all of them keyed by a province. */
export function comparesUnits(tables: ArticleTables): boolean {
  return tables.articles[0]?.kind === 'roundup' && tables.sections.length >= 2 && tables.sections.some((section) => section.unit_type !== 'province');
}
