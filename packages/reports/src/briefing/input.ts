// What a briefing is made from: the run's collected material, the comparison, the taxonomy and the language.
import type { UnitType } from '@roundup/model';
import type { BriefingCollector } from '../briefing-data.js';
import type { DomainLabel, RegionComparison } from '../comparison.js';
import type { Labels, Language } from '../labels.js';
import type { MeasureWords } from './figure-text.js';
import type { ProgrammeIndex } from '../programmes.js';
import type { Tile } from './tile-layout.js';

export interface TaxonomyDomain extends DomainLabel {
  /** The cues that give the domain alone (data/taxonomy.json): the appendix prints the first of them. */
  strong: readonly string[];
}

export interface BriefingRunFacts {
  recordsRead: number;
  articles: number;
  rejects: number;
  rejectReasons: Record<string, number>;
  /** What the briefing compares: roundup sections only, or every article with a region (said on its first page). */
  scope: 'roundups' | 'all';
}

export interface BriefingInput {
  collector: BriefingCollector;
  comparison: RegionComparison;
  run: BriefingRunFacts;
  taxonomy: readonly TaxonomyDomain[];
  language: Language;
  generatedAt: Date;
  /** A single unit roundup's units, by name: its rows and chapters are units, not provinces (unit-roundup.ts). */
  units?: ReadonlyMap<string, ComparedUnit>;
  /** Measure words in English (data/measure-words-en.json), for an English briefing's figures. */
  measureWords?: MeasureWords;
  /** Pinyin for place names in English briefings. */
  transliterate?: (name: string) => string;
  /** Every programme mention of the run, grouped: a corpus briefing's chapter on programmes across regions. */
  programmes?: ProgrammeIndex;
  /** The tile map's layout (data/tile-map.json); without it the briefing has no map. */
  tiles?: readonly Tile[];
}

export type ComparisonTableRow = Record<string, unknown> & { region: string; region_en: string };

export interface RegionalContext {
  input: BriefingInput;
  labels: Labels;
  rows: ComparisonTableRow[];
  materials: Map<string, ReturnType<BriefingCollector['material']>>;
  place: (name: string) => string;
}

/** A compared unit: what it is and the province it belongs to (empty for a central body or where the text says none). */
export interface ComparedUnit {
  unit: string;
  type: UnitType;
  province: string;
  provinceEn: string;
}
