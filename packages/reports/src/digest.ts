// What the comparison and the briefing read of an article, small enough to send between threads for every article.
import type { ArticleTables } from '@roundup/model';

/**
 * The rows of an article that `RegionComparison` and `BriefingCollector` read: its article row, its sections, and
 * the rows of the regions those sections name, paragraphs without their text (only their region is counted), and every
 * programme mention (for programmes.csv).
 * Both give the same result for an article's digest as for its whole tables; a worker thread sends this digest
 * instead of the tables, whose text is already formatted as CSV where it runs.
 */
export function regionalDigest(tables: ArticleTables): ArticleTables {
  const regions = new Set(tables.sections.map((section) => section.region).filter((region) => region !== ''));
  const regional = <T extends { region: string }>(rows: readonly T[]) => (regions.size === 0 ? [] : rows.filter((row) => regions.has(row.region)));
  return {
    articles: tables.articles,
    sections: tables.sections,
    paragraphs: regional(tables.paragraphs).map((row) => ({ ...row, text: '' })),
    figures: regional(tables.figures),
    localities: regional(tables.localities),
    // Every programme mention, whatever its region: programmes.csv covers all inputs.
    initiatives: tables.initiatives,
    measures: regional(tables.measures),
  };
}
