// Tallies per region across every article of a run: comparison.csv, roundup_regions.csv and the briefing's comparison
// table come from here. Figures of different articles are never added up: across articles a region has counts and its
// largest figure; each article's own totals are rows of roundup_regions.csv.
import type { ArticleTables, ComparisonRow, FigureRow, Instrument, RoundupRegionRow } from '@roundup/model';

export interface DomainLabel {
  id: string;
  zh: string;
  en: string;
}

/** The quantities whose figures are counted and compared: money in yuan, people, households. */
type Totalled = 'money' | 'people' | 'households';

/** A figure's totalled quantity; money only in yuan (元), as other currencies do not add to it. */
function totalledQuantity(figure: FigureRow): Totalled | undefined {
  if (figure.quantity === 'money') return figure.unit === '元' ? 'money' : undefined;
  return figure.quantity === 'people' || figure.quantity === 'households' ? figure.quantity : undefined;
}

/** The columns of roundup_regions.csv that count and add up each quantity's figures. */
const ARTICLE_COLUMNS = {
  money: { figures: 'money_figures', total: 'money_yuan' },
  people: { figures: 'people_figures', total: 'people' },
  households: { figures: 'household_figures', total: 'households' },
} as const satisfies Record<Totalled, { figures: keyof RoundupRegionRow; total: keyof RoundupRegionRow }>;

/** A region's figures of one quantity: how many, their sum (shown only within one article), the largest and where. */
interface QuantityTally {
  figures: number;
  total: number;
  largest: number | null;
  largestArticle: string;
}
const emptyQuantity = (): QuantityTally => ({ figures: 0, total: 0, largest: null, largestArticle: '' });

function addFigure(tally: QuantityTally, value: number, articleId: string): void {
  tally.figures += 1;
  tally.total += value;
  if (tally.largest === null || value > tally.largest) {
    tally.largest = value;
    tally.largestArticle = articleId;
  }
}

interface RegionTally {
  region: string;
  code: string;
  pinyin: string;
  articles: number;
  sections: number;
  paragraphs: number;
  localities: Set<string>;
  figures: number;
  initiatives: Set<string>;
  quantities: Record<Totalled, QuantityTally>;
  measures: number;
  domains: Map<string, number>;
  instruments: Record<Instrument, number>;
  /** When the region was first met: the last tie-break, so that the order never depends on the sort's stability. */
  firstSeen: number;
}

/**
 * Which articles the comparison counts: `roundups` (the default) compares regions over roundup sections only;
 * `all` counts every article with a section of a region, as a reader of a whole corpus may want.
 */
export type ComparisonScope = 'roundups' | 'all';

/** Whether an article's rows belong in a comparison of this scope. */
export function inScope(tables: ArticleTables, scope: ComparisonScope): boolean {
  return scope === 'all' || tables.articles[0]?.kind === 'roundup';
}

/** The comparison's order: see `RegionComparison.rows`. */
function byCountThenCode(a: RegionTally, b: RegionTally): number {
  return (
    b.articles - a.articles ||
    b.measures - a.measures ||
    b.sections - a.sections ||
    (a.code || '999999').localeCompare(b.code || '999999') ||
    a.firstSeen - b.firstSeen
  );
}

/** A `RegionComparison` as plain data, to be cloned to another thread (see `BriefingCollector.state`). */
export interface RegionComparisonState {
  domains: readonly DomainLabel[];
  scope: ComparisonScope;
  tallies: Map<string, RegionTally>;
  perArticle: RoundupRegionRow[];
}

/** Adds up each region's sections, places, figures, programmes and measures; memory grows with regions, not articles. */
export class RegionComparison {
  private readonly tallies = new Map<string, RegionTally>();
  /** Each compared article's regions with that article's totals: a few rows per roundup, in input order. */
  private readonly perArticle: RoundupRegionRow[] = [];

  constructor(
    readonly domains: readonly DomainLabel[],
    readonly scope: ComparisonScope = 'roundups',
  ) {}

  state(): RegionComparisonState {
    return { domains: this.domains, scope: this.scope, tallies: this.tallies, perArticle: this.perArticle };
  }

  /** A comparison carrying on from `state()` as it was taken, in this thread or, cloned, in another. */
  static fromState(state: RegionComparisonState): RegionComparison {
    return Object.assign(new RegionComparison(state.domains, state.scope), state);
  }

  private tally(region: string): RegionTally | undefined {
    return this.tallies.get(region);
  }

  add(tables: ArticleTables): void {
    if (!inScope(tables, this.scope)) return;
    const articleId = tables.articles[0]?.article_id ?? '';
    const inArticle = new Map<string, RoundupRegionRow>();
    for (const section of tables.sections) {
      // A unit without a province (a ministry, a central enterprise) has its rows in the tables, not in a region's tally.
      if (!section.region) continue;
      let tally = this.tallies.get(section.region);
      if (!tally) {
        tally = {
          region: section.region,
          code: section.region_code,
          pinyin: section.region_en,
          firstSeen: this.tallies.size,
          articles: 0,
          sections: 0,
          paragraphs: 0,
          localities: new Set(),
          figures: 0,
          initiatives: new Set(),
          quantities: { money: emptyQuantity(), people: emptyQuantity(), households: emptyQuantity() },
          measures: 0,
          domains: new Map(),
          instruments: { supply: 0, environment: 0, demand: 0 },
        };
        this.tallies.set(section.region, tally);
      }
      // Articles are counted as they pass, not remembered: memory grows with regions, not with the corpus.
      let own = inArticle.get(section.region);
      if (!own) {
        tally.articles += 1;
        own = {
          article_id: articleId,
          region: section.region,
          region_code: section.region_code,
          region_en: section.region_en,
          sections: 0,
          paragraphs: 0,
          figures: 0,
          measures: 0,
          money_figures: 0,
          money_yuan: 0,
          people_figures: 0,
          people: 0,
          household_figures: 0,
          households: 0,
        };
        inArticle.set(section.region, own);
      }
      tally.sections += 1;
      own.sections += 1;
    }
    this.addRows(tables, articleId, inArticle);
    this.perArticle.push(...inArticle.values());
  }

  /** Adds an article's paragraphs, places, figures, programmes and measures to its regions' tallies and own rows. */
  private addRows(tables: ArticleTables, articleId: string, inArticle: Map<string, RoundupRegionRow>): void {
    for (const paragraph of tables.paragraphs) {
      const tally = this.tally(paragraph.region);
      if (!tally) continue;
      tally.paragraphs += 1;
      inArticle.get(paragraph.region)!.paragraphs += 1;
    }
    for (const locality of tables.localities) {
      this.tally(locality.region)?.localities.add(locality.admin_code ? `${locality.admin_code}:${locality.canonical_name}` : locality.name);
    }
    for (const figure of tables.figures) {
      const tally = this.tally(figure.region);
      if (!tally) continue;
      const own = inArticle.get(figure.region)!;
      tally.figures += 1;
      own.figures += 1;
      const quantity = totalledQuantity(figure);
      if (!quantity) continue;
      addFigure(tally.quantities[quantity], figure.value, articleId);
      const columns = ARTICLE_COLUMNS[quantity];
      own[columns.figures] += 1;
      own[columns.total] += figure.value;
    }
    for (const initiative of tables.initiatives) this.tally(initiative.region)?.initiatives.add(initiative.programme_id);
    // Results and context are not measures: only what a region did counts towards its domains and instruments.
    for (const measure of tables.measures) {
      const tally = this.tally(measure.region);
      if (!tally || measure.role !== 'measure') continue;
      tally.measures += 1;
      inArticle.get(measure.region)!.measures += 1;
      if (measure.instrument) tally.instruments[measure.instrument] += 1;
      for (const domain of measure.domains ? measure.domains.split(';') : []) tally.domains.set(domain, (tally.domains.get(domain) ?? 0) + 1);
    }
  }

  /** The extra columns of comparison.csv, one per taxonomy domain. */
  get domainColumns(): string[] {
    return this.domains.map((domain) => `domain_${domain.id}`);
  }

  /** Regions by the roundups naming them (most first), then by measures, then by sections, ties by GB/T 2260 code. */
  rows(): ComparisonRow[] {
    return [...this.tallies.values()].sort(byCountThenCode).map((tally) => {
      // A sum is shown only within one article: money or people of different roundups do not add up to anything.
      const single = tally.articles === 1;
      const { money, people, households } = tally.quantities;
      const row: ComparisonRow = {
        region: tally.region,
        region_code: tally.code,
        region_en: tally.pinyin,
        articles: tally.articles,
        sections: tally.sections,
        paragraphs: tally.paragraphs,
        localities: tally.localities.size,
        figures: tally.figures,
        initiatives: tally.initiatives.size,
        money_figures: money.figures,
        money_yuan: single ? money.total : null,
        money_largest_yuan: money.largest,
        money_largest_article: money.largestArticle,
        people_figures: people.figures,
        people: single ? people.total : null,
        people_largest: people.largest,
        people_largest_article: people.largestArticle,
        household_figures: households.figures,
        households: single ? households.total : null,
        households_largest: households.largest,
        households_largest_article: households.largestArticle,
        instrument_supply: tally.instruments.supply,
        instrument_environment: tally.instruments.environment,
        instrument_demand: tally.instruments.demand,
      };
      for (const domain of this.domains) row[`domain_${domain.id}`] = tally.domains.get(domain.id) ?? 0;
      return row;
    });
  }

  /** Each compared article's regions with that article's own totals: articles in input order, regions in the article's. */
  roundupRegionRows(): readonly RoundupRegionRow[] {
    return this.perArticle;
  }

  measuresOf(region: string): number {
    return this.tallies.get(region)?.measures ?? 0;
  }
}
