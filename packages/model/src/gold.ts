// Hand-annotated gold files (shared/annotation-guide.md), against which `pnpm eval` measures extraction.
import { z } from 'zod';
import { Instrument, PlaceLevel, Qualifier, SentenceRole } from './records.js';

export const GoldFigure = z.object({
  p: z.number().int().nonnegative(),
  raw: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  qualifier: Qualifier,
  region: z.string().nullable(),
  optional: z.boolean().optional(),
});

export const GoldLocality = z.object({
  name: z.string().min(1),
  province: z.string(),
  level: PlaceLevel,
  p: z.number().int().nonnegative(),
});

export const GoldInitiative = z.object({
  name: z.string().min(1),
  region: z.string().nullable(),
  p: z.number().int().nonnegative(),
});

/** One sentence of a regional section: its role and, for a measure, its instrument. `s` is the sentence's index in paragraph `p`. */
export const GoldSentence = z.object({
  p: z.number().int().nonnegative(),
  s: z.number().int().nonnegative(),
  /**
   * The sentence's first characters and its length as annotated, so that a changed sentence splitter is noticed rather
   * than scored against the wrong sentence; no more of it, so that the corpus's text stays out of the project.
   */
  opens: z.string().min(1).max(8),
  length: z.number().int().positive(),
  role: SentenceRole,
  instrument: Instrument.optional(),
  optional: z.boolean().optional(),
  /** For a measure: its policy domains (data/taxonomy.json), the main one first; empty when it has none. Absent: not labelled. */
  domains: z.array(z.string().min(1)).optional(),
});
export type GoldSentence = z.infer<typeof GoldSentence>;

export const GoldArticle = z.object({
  id: z.string(),
  url: z.string(),
  /** Where the article's text is: `sample:<file>` in data/sample, or `corpus:<path>[#L<line>]` in ../shared/corpus. */
  source: z.string().regex(/^(sample|corpus):[^#]+(#L\d+)?$/),
  layout: z.string().describe('how the article prints its regions, for reading the results by layout'),
  regions: z.array(z.string()),
  headings: z.record(z.string(), z.string().nullable()),
  paragraph_regions: z.array(z.string().nullable()),
  /** Absent in a file annotated for other things (gold/holdout-roles): then not scored. */
  figures: z.array(GoldFigure).optional(),
  localities: z.array(GoldLocality).optional(),
  initiatives: z.array(GoldInitiative),
  /** Every sentence of the regional sections (annotation guide, "sentence role and policy instrument"); absent where not annotated. */
  sentences: z.array(GoldSentence).optional(),
});
export type GoldArticle = z.infer<typeof GoldArticle>;
export type GoldFigure = z.infer<typeof GoldFigure>;
export type GoldLocality = z.infer<typeof GoldLocality>;

/** A whole labelled month (gold/kinds/<month>.json): every article's kind, and the units of its unit roundups. */
export const GoldKinds = z.object({
  month: z.string(),
  /** The month's file or folder below the corpus folder. */
  source: z.string(),
  /** dev: labelled while the rules were written; holdout: after, reported before changes; unseen: after every rule, never tuned on. */
  split: z.enum(['dev', 'holdout', 'unseen']),
  labelled: z.string(),
  note: z.string(),
  labels: z.record(z.string(), z.enum(['roundup', 'regional', 'general', 'ambiguous'])),
  /** For unit roundups: each unit as the heading or intro writes it, with its province (null: the text never gives one). */
  units: z.record(z.string(), z.array(z.object({ unit: z.string(), province: z.string().nullable() }))),
});
export type GoldKinds = z.infer<typeof GoldKinds>;

/** Programmes alone (gold/programmes/<split>.json): every programme named in each article, as the guide's `initiatives` defines them. */
export const GoldProgrammes = z.object({
  split: z.enum(['dev', 'holdout', 'unseen']),
  note: z.string(),
  articles: z.array(
    z.object({
      id: z.string(),
      source: z.string().regex(/^(sample|corpus):[^#]+(#L\d+)?$/),
      programmes: z.array(z.string().min(1)),
    }),
  ),
});
export type GoldProgrammes = z.infer<typeof GoldProgrammes>;

/**
 * Programme groups of a month (gold/programme-groups/<month>.json): names that name one programme. Every pair of names
 * not in one group is a different programme, except `optional` pairs, which count neither way.
 */
export const GoldProgrammeGroups = z.object({
  month: z.string(),
  /** The month's file or folder below the corpus folder. */
  source: z.string(),
  split: z.enum(['dev', 'holdout', 'unseen']),
  note: z.string(),
  groups: z.array(z.array(z.string().min(1)).min(2)),
  optional: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
});
export type GoldProgrammeGroups = z.infer<typeof GoldProgrammeGroups>;
