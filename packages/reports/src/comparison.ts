// Tallies per region across every article of a run: comparison.csv and the briefing's comparison table come from here.
import type { ArticleTables, ComparisonRow, Instrument } from '@roundup/model';

export interface DomainLabel {
  id: string;
  zh: string;
  en: string;
}

interface RegionTally {
  region: string;
  code: string;
  pinyin: string;
  firstSeen: number;
  articles: number;
  sections: number;
  paragraphs: number;
  localities: Set<string>;
  figures: number;
  initiatives: Set<string>;
  moneyYuan: number;
  people: number;
  households: number;
  measures: number;
  domains: Map<string, number>;
  instruments: Record<Instrument, number>;
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

/** Adds up each region's sections, places, figures, programmes and measures; memory grows with regions, not articles. */
export class RegionComparison {
  private readonly tallies = new Map<string, RegionTally>();

  constructor(
    readonly domains: readonly DomainLabel[],
    readonly scope: ComparisonScope = 'roundups',
  ) {}

  private tally(region: string): RegionTally | undefined {
    return this.tallies.get(region);
  }

  add(tables: ArticleTables): void {
    if (!inScope(tables, this.scope)) return;
    const counted = new Set<string>();
    for (const section of tables.sections) {
      // A unit without a province (a ministry, a central enterprise) has its rows in the tables, not in a region's tally.
      if (!section.region) continue;
      let tally = this.tallies.get(section.region);
      if (!tally) {
        tally = {
          region: section.region, code: section.region_code, pinyin: section.region_en, firstSeen: this.tallies.size,
          articles: 0, sections: 0, paragraphs: 0, localities: new Set(), figures: 0, initiatives: new Set(),
          moneyYuan: 0, people: 0, households: 0, measures: 0, domains: new Map(), instruments: { supply: 0, environment: 0, demand: 0 },
        };
        this.tallies.set(section.region, tally);
      }
      // Articles are counted as they pass, not remembered: memory grows with regions, not with the corpus.
      if (!counted.has(section.region)) tally.articles += 1;
      counted.add(section.region);
      tally.sections += 1;
    }
    for (const paragraph of tables.paragraphs) {
      const tally = this.tally(paragraph.region);
      if (tally) tally.paragraphs += 1;
    }
    for (const locality of tables.localities) {
      this.tally(locality.region)?.localities.add(locality.admin_code ? `${locality.admin_code}:${locality.canonical_name}` : locality.name);
    }
    for (const figure of tables.figures) {
      const tally = this.tally(figure.region);
      if (!tally) continue;
      tally.figures += 1;
      if (figure.quantity === 'money' && figure.unit === '元') tally.moneyYuan += figure.value;
      if (figure.quantity === 'people') tally.people += figure.value;
      if (figure.quantity === 'households') tally.households += figure.value;
    }
    for (const initiative of tables.initiatives) this.tally(initiative.region)?.initiatives.add(initiative.programme_id);
    // Results and context are not measures: only what a region did counts towards its domains and instruments.
    for (const measure of tables.measures) {
      const tally = this.tally(measure.region);
      if (!tally || measure.role !== 'measure') continue;
      tally.measures += 1;
      if (measure.instrument) tally.instruments[measure.instrument] += 1;
      for (const domain of measure.domains ? measure.domains.split(';') : []) tally.domains.set(domain, (tally.domains.get(domain) ?? 0) + 1);
    }
  }

  /** The extra columns of comparison.csv, one per taxonomy domain. */
  get domainColumns(): string[] {
    return this.domains.map((domain) => `domain_${domain.id}`);
  }

  /** Regions in the order they first appear in the inputs. */
  rows(): ComparisonRow[] {
    return [...this.tallies.values()]
      .sort((a, b) => a.firstSeen - b.firstSeen)
      .map((tally) => {
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
          money_yuan: tally.moneyYuan,
          people: tally.people,
          households: tally.households,
          instrument_supply: tally.instruments.supply,
          instrument_environment: tally.instruments.environment,
          instrument_demand: tally.instruments.demand,
        };
        for (const domain of this.domains) row[`domain_${domain.id}`] = tally.domains.get(domain.id) ?? 0;
        return row;
      });
  }

  measuresOf(region: string): number {
    return this.tallies.get(region)?.measures ?? 0;
  }
}
