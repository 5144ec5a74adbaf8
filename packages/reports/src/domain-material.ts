// What each region did in each policy domain, for the briefing's side-by-side chapter: per domain and region, the
// sentences counted and the best two kept, and the programmes named in them. Bounded by domains × regions.
import type { ArticleRow, ArticleTables, MeasureRow } from '@roundup/model';

/** A sentence quoted side by side, with its source for a corpus briefing. */
export interface DomainSentence {
  text: string;
  figures: string[];
  role: 'measure' | 'result';
  score: number;
  order: number;
  date: string;
  title: string;
}

export interface DomainRegion {
  region: string;
  pinyin: string;
  /** Sentences of the region in the domain: measures, then results. */
  measures: number;
  results: number;
  best: DomainSentence[];
  /** Programme names in the domain's sentences, by programme_id (one programme however written). */
  programmes: Map<string, string>;
  order: number;
}

/** How many sentences each region keeps per domain, and programmes at most. */
const KEPT_SENTENCES = 2;
const KEPT_PROGRAMMES = 6;

/** Measures before results; then sentences with figures and programmes; then reading order. */
const byStrength = (a: DomainSentence, b: DomainSentence) =>
  Number(a.role === 'result') - Number(b.role === 'result') || b.score - a.score || a.order - b.order;

const count = (list: string) => (list ? list.split(';').length : 0);

/** A `DomainMaterial` as plain data, to be cloned to another thread (see `BriefingCollector.state`). */
export interface DomainMaterialState {
  domains: Map<string, Map<string, DomainRegion>>;
  order: number;
}

export class DomainMaterial {
  /** domain id → region → what it did there. */
  readonly domains = new Map<string, Map<string, DomainRegion>>();
  private order = 0;

  state(): DomainMaterialState {
    return { domains: this.domains, order: this.order };
  }

  static fromState(state: DomainMaterialState): DomainMaterial {
    return Object.assign(new DomainMaterial(), state);
  }

  add(article: ArticleRow, tables: ArticleTables): void {
    const pinyin = new Map(tables.sections.map((section) => [section.region, section.region_en]));
    const programmeIds = new Map(tables.initiatives.map((row) => [`${row.region}\u0000${row.name}`, row.programme_id]));
    for (const measure of tables.measures) {
      if (measure.role === 'context' || !measure.region || !measure.domains) continue;
      for (const domain of measure.domains.split(';')) this.addSentence(domain, measure, article, pinyin.get(measure.region) ?? '', programmeIds);
    }
  }

  private addSentence(domain: string, measure: MeasureRow, article: ArticleRow, pinyin: string, programmeIds: Map<string, string>): void {
    let regions = this.domains.get(domain);
    if (!regions) this.domains.set(domain, (regions = new Map()));
    let entry = regions.get(measure.region);
    if (!entry)
      regions.set(measure.region, (entry = { region: measure.region, pinyin, measures: 0, results: 0, best: [], programmes: new Map(), order: this.order }));
    const role = measure.role === 'result' ? 'result' : 'measure';
    if (role === 'measure') entry.measures += 1;
    else entry.results += 1;
    const score = 3 * count(measure.figures) + 2 * count(measure.initiatives) + (measure.locality ? 1 : 0);
    entry.best.push({
      text: measure.text,
      figures: measure.figures ? measure.figures.split(';') : [],
      role,
      score,
      order: this.order++,
      date: article.date,
      title: article.title,
    });
    entry.best.sort(byStrength);
    entry.best.length = Math.min(entry.best.length, KEPT_SENTENCES);
    for (const name of measure.initiatives ? measure.initiatives.split(';') : []) {
      const id = programmeIds.get(`${measure.region}\u0000${name}`) ?? name;
      if (!entry.programmes.has(id) && entry.programmes.size < KEPT_PROGRAMMES) entry.programmes.set(id, name);
    }
  }

  /** The domains with their sentence counts (measures, results), most measures first; regions of each, most first. */
  ranked(): Array<{ domain: string; measures: number; results: number; regions: DomainRegion[] }> {
    return [...this.domains.entries()]
      .map(([domain, regions]) => ({
        domain,
        measures: [...regions.values()].reduce((sum, entry) => sum + entry.measures, 0),
        sentences: [...regions.values()].reduce((sum, entry) => sum + entry.measures + entry.results, 0),
        regions: [...regions.values()].sort((a, b) => b.measures - a.measures || b.results - a.results || a.order - b.order),
      }))
      .sort((a, b) => b.measures - a.measures || b.sentences - a.sentences)
      .map(({ domain, measures, sentences, regions }) => ({ domain, measures, results: sentences - measures, regions }));
  }
}
