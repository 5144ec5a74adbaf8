// What the briefing shows, collected on the way through a run and bounded per region, so a year of articles fits in memory.
import type { ArticleRow, ArticleTables, FigureRow, Instrument, MeasureRow, PlaceLevel, Qualifier } from '@roundup/model';
import { inScope, type ComparisonScope } from './comparison.js';
import { comparesUnits, measuresLeftOut } from './digest.js';
import { DomainMaterial, type DomainMaterialState } from './domain-material.js';

/** How much of each region the briefing prints: everything for one article, the top items for a corpus. */
export const BRIEFING_LIMITS = { headlines: 4, places: 16, measures: 16, results: 8, figures: 20, programmes: 12, sources: 10 } as const;
export const CORPUS_LIMITS = { headlines: 3, places: 12, measures: 6, results: 3, figures: 8, programmes: 8, sources: 10 } as const;

export interface BriefingPlace {
  name: string;
  level: PlaceLevel;
  mentions: number;
}
/** A sentence the briefing quotes: a measure (with its instrument) or a result. */
export interface BriefingMeasure {
  articleId: string;
  paragraph: number;
  text: string;
  domains: string[];
  /** A measure's policy instrument; null for a result. */
  instrument: Instrument | null;
  /** The figures printed in it, to be set in bold. */
  figures: string[];
  score: number;
  order: number;
}
export interface BriefingFigure {
  articleId: string;
  /** Its source, for a corpus briefing: where the reader finds it. */
  date: string;
  title: string;
  raw: string;
  value: number;
  unit: string;
  /** exact, more_than (余 多), approx (近 约), less_than (不到): printed with the value. */
  qualifier: Qualifier;
  quantity: string;
  subject: string;
  locality: string;
  /** The sentence it stands in: two rows of one amount in one sentence (`贷款5亿元和…贷款5亿元`) print as one. */
  sentence: string;
  /** How many times the sentence names this amount (1 but for such rows). */
  repeats: number;
  order: number;
}
export interface RegionMaterial {
  region: string;
  code: string;
  pinyin: string;
  headlines: string[];
  places: Map<string, BriefingPlace>;
  measures: BriefingMeasure[];
  /** Outcomes reached (result sentences), those with figures first. */
  results: BriefingMeasure[];
  figures: BriefingFigure[];
  moneyFigures: BriefingFigure[];
  /** Amounts in another currency (美元, 欧元): never converted, so listed apart from the yuan, in their currency. */
  otherMoney: BriefingFigure[];
  /** Programmes by programme_id (one programme however written): the spelling first read, and its mentions. */
  programmes: Map<string, { name: string; count: number }>;
  detections: Map<string, number>;
  /** Units below the region that have sections of their own (cities, universities …), in order, a few at most. */
  units: string[];
  /** The first compared articles with a section of the region, in input order, for the region's list of sources. */
  appearances: Array<{ articleId: string; date: string; title: string }>;
  /** Every compared article's date with a section of the region (one per article), for the region × period chart. */
  appearanceDates: string[];
}

/** A roundup of the run, for the briefing's index: when, what, and the regions or units it compares. */
export interface RoundupEntry {
  articleId: string;
  date: string;
  title: string;
  units: string[];
}
export interface SourceArticle {
  articleId: string;
  date: string;
  title: string;
  url: string;
  regions: string[];
  /** The article prints region headings: a roundup by design, not a story that names several places. */
  headed: boolean;
}

/** Keeps the best `limit` items of a growing list without holding them all: trims to the limit whenever it doubles. */
function keepBest<T>(items: T[], item: T, limit: number, better: (a: T, b: T) => number): void {
  items.push(item);
  if (items.length >= limit * 2) {
    items.sort(better);
    items.length = limit;
  }
}

/** Figures with one amount named twice in one sentence as one figure, its `repeats` counted; otherwise in order. */
function onceEach(figures: readonly BriefingFigure[]): BriefingFigure[] {
  const kept = new Map<string, BriefingFigure>();
  for (const figure of figures) {
    // Without its sentence a figure is its own: two rows of 100元 may be two payments in two sentences.
    const key = figure.sentence ? [figure.articleId, figure.sentence, figure.raw, figure.value, figure.unit].join('\u0000') : `#${figure.order}`;
    const first = kept.get(key);
    if (first) kept.set(key, { ...first, repeats: first.repeats + figure.repeats });
    else kept.set(key, figure);
  }
  return [...kept.values()];
}

/** The sources listed first are roundups by design (printed region headings), then the widest. */
const bySourceRank = (a: SourceArticle, b: SourceArticle) =>
  Number(b.headed) - Number(a.headed) || b.regions.length - a.regions.length || a.date.localeCompare(b.date);
const byScore = (a: BriefingMeasure, b: BriefingMeasure) => b.score - a.score || a.order - b.order;
const byValue = (a: BriefingFigure, b: BriefingFigure) => b.value - a.value || a.order - b.order;
const byOrder = (a: BriefingFigure, b: BriefingFigure) => a.order - b.order;

/** A measure with figures and programmes says more than one without. */
function measureScore(measure: MeasureRow): number {
  const count = (list: string) => (list ? list.split(';').length : 0);
  return 3 * count(measure.figures) + 2 * count(measure.initiatives) + count(measure.domains) + (measure.locality ? 1 : 0);
}

/**
 * A `BriefingCollector` as plain data: Maps, arrays, strings and numbers, which structured cloning (postMessage) copies
 * to another thread, where `fromState` makes a collector of it again; a class instance would arrive as a bare object.
 */
export interface CollectorState {
  scope: ComparisonScope;
  regions: Map<string, RegionMaterial>;
  sources: SourceArticle[];
  roundups: RoundupEntry[];
  articleCount: number;
  regionalArticles: number;
  multiRegionArticles: number;
  sentencesLeftOut: number;
  firstDate: string;
  lastDate: string;
  unitRoundup: ArticleTables | undefined;
  domainMaterial: DomainMaterialState;
  order: number;
}

export class BriefingCollector {
  readonly regions = new Map<string, RegionMaterial>();
  readonly sources: SourceArticle[] = [];
  /** Every roundup read, in input order: a year of a national paper holds a few hundred. */
  readonly roundups: RoundupEntry[] = [];
  /** Articles read, whatever their kind. */
  articleCount = 0;
  /** Articles with at least one regional section: the ones the briefing compares. */
  regionalArticles = 0;
  multiRegionArticles = 0;
  /** Sentences of regions' sections left out of every region: they name only another province's places. */
  sentencesLeftOut = 0;
  firstDate = '';
  lastDate = '';
  /** The run's one article when it is a roundup of units: its briefing compares the units (briefing/unit-roundup.ts). */
  unitRoundup: ArticleTables | undefined;
  /** What each region did in each policy domain, for the side-by-side chapter. */
  readonly domainMaterial = new DomainMaterial();
  private order = 0;

  /** `scope` says which articles the briefing compares: roundups only (the default) or every article with a region. */
  constructor(readonly scope: ComparisonScope = 'roundups') {}

  state(): CollectorState {
    const { scope, regions, sources, roundups, articleCount, regionalArticles, multiRegionArticles, sentencesLeftOut, firstDate, lastDate } = this;
    const counts = { articleCount, regionalArticles, multiRegionArticles, sentencesLeftOut, firstDate, lastDate };
    return { scope, regions, sources, roundups, ...counts, unitRoundup: this.unitRoundup, domainMaterial: this.domainMaterial.state(), order: this.order };
  }

  /** A collector carrying on from `state()` as it was taken, in this thread or, cloned, in another. */
  static fromState(state: CollectorState): BriefingCollector {
    return Object.assign(new BriefingCollector(state.scope), state, { domainMaterial: DomainMaterial.fromState(state.domainMaterial) });
  }

  add(tables: ArticleTables): void {
    const article = tables.articles[0];
    if (!article) return;
    this.articleCount += 1;
    // One article's rows at most: a second article makes the run a corpus, which compares provinces.
    this.unitRoundup = this.articleCount === 1 && comparesUnits(tables) ? tables : undefined;
    if (!this.firstDate || article.date < this.firstDate) this.firstDate = article.date;
    if (!this.lastDate || article.date > this.lastDate) this.lastDate = article.date;
    if (article.kind === 'roundup') {
      const units = [...new Set(tables.sections.map((section) => section.unit))];
      this.roundups.push({ articleId: article.article_id, date: article.date, title: article.title, units });
    }
    if (inScope(tables, this.scope)) this.addRegional(article, tables);
  }

  private addRegional(article: ArticleRow, tables: ArticleTables): void {
    const counted = new Set<string>();
    this.sentencesLeftOut += measuresLeftOut(tables.measures, tables.sections).length;
    const regions = article.regions ? article.regions.split(';') : [];
    if (regions.length >= 2) this.multiRegionArticles += 1;
    if (regions.length > 0) {
      this.regionalArticles += 1;
      const headed = tables.sections.some((section) => section.detected_by.startsWith('heading'));
      const source = { articleId: article.article_id, date: article.date, title: article.title, url: article.url, regions, headed };
      keepBest(this.sources, source, BRIEFING_LIMITS.sources, bySourceRank);
    }
    for (const section of tables.sections) {
      if (!section.region) continue;
      let material = this.regions.get(section.region);
      if (!material) {
        material = {
          region: section.region,
          code: section.region_code,
          pinyin: section.region_en,
          headlines: [],
          places: new Map(),
          measures: [],
          results: [],
          figures: [],
          moneyFigures: [],
          otherMoney: [],
          programmes: new Map(),
          detections: new Map(),
          units: [],
          appearances: [],
          appearanceDates: [],
        };
        this.regions.set(section.region, material);
      }
      if (!counted.has(section.region)) {
        counted.add(section.region);
        material.appearanceDates.push(article.date);
        if (material.appearances.length < BRIEFING_LIMITS.sources * 2)
          material.appearances.push({ articleId: article.article_id, date: article.date, title: article.title });
      }
      if (section.unit !== section.region && material.units.length < BRIEFING_LIMITS.headlines * 2 && !material.units.includes(section.unit))
        material.units.push(section.unit);
      if (section.heading && material.headlines.length < BRIEFING_LIMITS.headlines && !material.headlines.includes(section.heading))
        material.headlines.push(section.heading);
      material.detections.set(section.detected_by, (material.detections.get(section.detected_by) ?? 0) + 1);
    }
    for (const locality of tables.localities) {
      const material = this.regions.get(locality.region);
      if (!material) continue;
      const key = locality.canonical_name || locality.name;
      const place = material.places.get(key);
      if (place) place.mentions += locality.mentions;
      else if (material.places.size < BRIEFING_LIMITS.places * 8)
        material.places.set(key, { name: locality.name, level: locality.level, mentions: locality.mentions });
    }
    this.domainMaterial.add(article, tables);
    // What a region did and what it achieved; context (scene, background, quotations) is left to measures.csv.
    for (const measure of tables.measures) {
      const material = this.regions.get(measure.region);
      if (!material || measure.role === 'context') continue;
      const quoted: BriefingMeasure = {
        articleId: measure.article_id,
        paragraph: measure.paragraph,
        text: measure.text,
        domains: measure.domains ? measure.domains.split(';') : [],
        instrument: measure.instrument,
        figures: measure.figures ? measure.figures.split(';') : [],
        score: measureScore(measure),
        order: this.order++,
      };
      if (measure.role === 'measure') keepBest(material.measures, quoted, BRIEFING_LIMITS.measures, byScore);
      else keepBest(material.results, quoted, BRIEFING_LIMITS.results, byScore);
    }
    for (const figure of tables.figures) this.addFigure(figure, article);
    for (const initiative of tables.initiatives) {
      const material = this.regions.get(initiative.region);
      const programme = material?.programmes.get(initiative.programme_id);
      if (programme) programme.count += 1;
      else if (material && material.programmes.size < BRIEFING_LIMITS.programmes * 20)
        material.programmes.set(initiative.programme_id, { name: initiative.name, count: 1 });
    }
  }

  private addFigure(row: FigureRow, article: ArticleRow): void {
    const material = this.regions.get(row.region);
    if (!material) return;
    const figure: BriefingFigure = {
      articleId: row.article_id,
      date: article.date,
      title: article.title,
      raw: row.raw,
      value: row.value,
      unit: row.unit,
      qualifier: row.qualifier,
      quantity: row.quantity,
      subject: row.subject,
      locality: row.locality,
      sentence: row.sentence,
      repeats: 1,
      order: this.order++,
    };
    if (row.quantity === 'money') keepBest(row.unit === '元' ? material.moneyFigures : material.otherMoney, figure, BRIEFING_LIMITS.figures, byValue);
    // An age (88岁) describes a person, not what the region did: figures.csv keeps it, the region's figure table does not.
    if (row.quantity === 'age') return;
    // For one article every figure in text order; for a corpus the first ones of each region.
    if (material.figures.length < BRIEFING_LIMITS.figures * 2) material.figures.push(figure);
  }

  /** The print limits: everything an article has, or the top items of each region for a corpus. */
  get limits(): typeof BRIEFING_LIMITS | typeof CORPUS_LIMITS {
    return this.articleCount > 1 ? CORPUS_LIMITS : BRIEFING_LIMITS;
  }

  /** The region's material, trimmed and sorted for printing. */
  material(region: string):
    | {
        headlines: string[];
        units: string[];
        places: BriefingPlace[];
        measures: BriefingMeasure[];
        results: BriefingMeasure[];
        figures: BriefingFigure[];
        moneyFigures: BriefingFigure[];
        otherMoney: BriefingFigure[];
        programmes: Array<[string, number]>;
      }
    | undefined {
    const material = this.regions.get(region);
    if (!material) return undefined;
    const limits = this.limits;
    const best = (items: BriefingMeasure[], limit: number) =>
      [...items]
        .sort(byScore)
        .slice(0, limit)
        .sort((a, b) => a.order - b.order);
    return {
      headlines: material.headlines.slice(0, limits.headlines),
      units: material.units.slice(0, limits.headlines * 2),
      places: [...material.places.values()].sort((a, b) => b.mentions - a.mentions).slice(0, limits.places),
      measures: best(material.measures, limits.measures),
      results: best(material.results, limits.results),
      figures: [...material.figures].sort(byOrder).slice(0, limits.figures),
      moneyFigures: onceEach([...material.moneyFigures].sort(byValue)).slice(0, limits.figures),
      otherMoney: onceEach([...material.otherMoney].sort((a, b) => a.unit.localeCompare(b.unit) || byValue(a, b))).slice(0, limits.figures),
      programmes: [...material.programmes.values()]
        .sort((a, b) => b.count - a.count)
        .slice(0, limits.programmes)
        .map(({ name, count }): [string, number] => [name, count]),
    };
  }

  topSources(): SourceArticle[] {
    return [...this.sources].sort(bySourceRank).slice(0, this.limits.sources);
  }
}
