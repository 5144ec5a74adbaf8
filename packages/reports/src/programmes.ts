// Programmes across regions and time: every initiatives.csv row grouped by programme_id into programmes.csv and
// programme_regions.csv. Memory grows with the distinct programmes and regions, not with the articles.
import type { ArticleTables, ProgrammeRegionRow, ProgrammeRow } from '@roundup/model';

interface RegionMentions {
  region: string;
  firstDate: string;
  firstArticleId: string;
  /** Input order of the first mention, to break ties between regions first named on one date. */
  firstOrder: number;
  /** Input order of the latest article that named it, so that two spellings in one article count one article. */
  lastOrder: number;
  articles: number;
  mentions: number;
}

interface ProgrammeTally {
  id: string;
  firstSeen: number;
  /** Spellings with their mentions, in the order they were first read. */
  variants: Map<string, number>;
  regions: Map<string, RegionMentions>;
  firstDate: string;
  articles: number;
  mentions: number;
}

/** A programme named in two or more regions, for the briefing: its regions in the order they took it up. */
export interface SpreadProgramme {
  programme: ProgrammeRow;
  regions: ProgrammeRegionRow[];
}

/** Earlier date first, then input order. */
const byFirstMention = (a: RegionMentions, b: RegionMentions) => a.firstDate.localeCompare(b.firstDate) || a.firstOrder - b.firstOrder;

/** A `ProgrammeIndex` as plain data, to be cloned to another thread (see `BriefingCollector.state`). */
export interface ProgrammeIndexState {
  programmes: Map<string, ProgrammeTally>;
  order: number;
}

export class ProgrammeIndex {
  private readonly programmes = new Map<string, ProgrammeTally>();
  private order = 0;

  state(): ProgrammeIndexState {
    return { programmes: this.programmes, order: this.order };
  }

  /** An index carrying on from `state()` as it was taken, in this thread or, cloned, in another. */
  static fromState(state: ProgrammeIndexState): ProgrammeIndex {
    return Object.assign(new ProgrammeIndex(), state);
  }

  /** Adds an article's initiatives rows; every row counts, whatever the article's kind (programmes.csv covers all inputs). */
  add(tables: ArticleTables): void {
    const article = tables.articles[0];
    if (!article || tables.initiatives.length === 0) return;
    const order = this.order++;
    const counted = new Set<string>();
    for (const row of tables.initiatives) {
      let tally = this.programmes.get(row.programme_id);
      if (!tally) {
        tally = {
          id: row.programme_id,
          firstSeen: this.programmes.size,
          variants: new Map(),
          regions: new Map(),
          firstDate: article.date,
          articles: 0,
          mentions: 0,
        };
        this.programmes.set(row.programme_id, tally);
      }
      tally.mentions += 1;
      tally.variants.set(row.name, (tally.variants.get(row.name) ?? 0) + 1);
      if (article.date < tally.firstDate) tally.firstDate = article.date;
      if (!counted.has(row.programme_id)) tally.articles += 1;
      counted.add(row.programme_id);
      if (row.region) this.addRegion(tally, row.region, article.article_id, article.date, order);
    }
  }

  private addRegion(tally: ProgrammeTally, region: string, articleId: string, date: string, order: number): void {
    const mentions = tally.regions.get(region);
    if (!mentions) {
      tally.regions.set(region, { region, firstDate: date, firstArticleId: articleId, firstOrder: order, lastOrder: order, articles: 1, mentions: 1 });
      return;
    }
    mentions.mentions += 1;
    // initiatives.csv has one row per article, region and name: a second spelling in one article is not a second article.
    if (mentions.lastOrder !== order) mentions.articles += 1;
    mentions.lastOrder = order;
    if (date < mentions.firstDate) Object.assign(mentions, { firstDate: date, firstArticleId: articleId, firstOrder: order });
  }

  /** programmes.csv and programme_regions.csv, programmes in the order they were first read. */
  tables(): { programmes: ProgrammeRow[]; programmeRegions: ProgrammeRegionRow[] } {
    const programmes: ProgrammeRow[] = [];
    const programmeRegions: ProgrammeRegionRow[] = [];
    for (const tally of this.programmes.values()) {
      const { programme, regions } = this.rowsOf(tally);
      programmes.push(programme);
      programmeRegions.push(...regions);
    }
    return { programmes, programmeRegions };
  }

  private rowsOf(tally: ProgrammeTally): SpreadProgramme {
    const regions = [...tally.regions.values()].sort(byFirstMention);
    // Most frequent first; a stable sort keeps the first read ahead of an equally frequent later spelling.
    const variants = [...tally.variants.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    const first = regions[0];
    const programme: ProgrammeRow = {
      programme_id: tally.id,
      name: variants[0]!,
      variants: variants.join(';'),
      region_count: regions.length,
      regions: regions.map((mentions) => mentions.region).join(';'),
      first_date: first ? first.firstDate : tally.firstDate,
      first_region: first ? first.region : '',
      articles: tally.articles,
      mentions: tally.mentions,
    };
    const rows = regions.map((mentions) => ({
      programme_id: tally.id,
      region: mentions.region,
      first_date: mentions.firstDate,
      first_article_id: mentions.firstArticleId,
      articles: mentions.articles,
      mentions: mentions.mentions,
    }));
    return { programme, regions: rows };
  }

  /** Programmes named in at least `minRegions` regions, in order of first appearance (then of first reading). */
  spread(minRegions = 2): SpreadProgramme[] {
    const firstOf = (tally: ProgrammeTally) => [...tally.regions.values()].sort(byFirstMention)[0]!;
    return [...this.programmes.values()]
      .filter((tally) => tally.regions.size >= minRegions && minRegions > 0)
      .sort((a, b) => byFirstMention(firstOf(a), firstOf(b)))
      .map((tally) => this.rowsOf(tally));
  }

  /** Distinct programmes; with `minRegions`, only those named in that many regions or more. */
  count(minRegions = 0): number {
    let count = 0;
    for (const tally of this.programmes.values()) if (tally.regions.size >= minRegions) count += 1;
    return count;
  }
}
