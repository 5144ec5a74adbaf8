// What the extractors find in an article, each with its position so it can be checked against the text.
import { z } from 'zod';

export const ParagraphRole = z.enum(['heading', 'body', 'intro', 'byline']);
export type ParagraphRole = z.infer<typeof ParagraphRole>;

/** How a section was found: from a printed heading of some form, or inferred from the places named. */
export const SectionDetection = z.enum(['heading-line', 'heading-inline', 'heading-name', 'inferred-places', 'inferred-single']);

/** What a section is keyed by: a province, or a unit that is not one (a city, a university, a ministry …). */
export const UnitType = z.enum(['province', 'city', 'county', 'university', 'central-body', 'enterprise', 'sector', 'other']);
export type UnitType = z.infer<typeof UnitType>;

/** What an article is, as the annotation guide defines it: a roundup compares several regions or units in passages of their own. */
export const ArticleKind = z.enum(['roundup', 'regional', 'general']);
export type ArticleKind = z.infer<typeof ArticleKind>;

/**
 * What decided an article's kind. A roundup is framed by `headings` (printed region or unit headings), a
 * `title-list` or `intro-list` naming its regions, `各地-passages` (各地/多地 with one passage per place) or a
 * `综合-byline` (（综合本报记者…报道）); `places` means the places named decided it (a story of one region, or
 * several regions without a frame: not a roundup); `no-region` means no region has a passage of its own.
 */
export const KindEvidence = z.enum(['headings', 'title-list', 'intro-list', '各地-passages', '综合-byline', 'places', 'no-region']);
export type KindEvidence = z.infer<typeof KindEvidence>;
export type SectionDetection = z.infer<typeof SectionDetection>;

/** What a sentence of a regional section is (annotation guide, "sentence role"): something done, an outcome reached, or neither. */
export const SentenceRole = z.enum(['measure', 'result', 'context']);
export type SentenceRole = z.infer<typeof SentenceRole>;

/** A measure's policy instrument, after Rothwell & Zegveld: the state provides, shapes the conditions, or pulls demand. */
export const Instrument = z.enum(['supply', 'environment', 'demand']);
export type Instrument = z.infer<typeof Instrument>;

export const PlaceLevel = z.enum(['province', 'prefecture', 'county', 'township', 'village', 'zone']);
export type PlaceLevel = z.infer<typeof PlaceLevel>;

export const Qualifier = z.enum(['exact', 'more_than', 'approx', 'less_than']);
export type Qualifier = z.infer<typeof Qualifier>;

export const Quantity = z.enum([
  'money',
  'people',
  'households',
  'items',
  'events',
  'facilities',
  'organisations',
  'length',
  'area',
  'weight',
  'volume',
  'duration',
  'age',
  'percent',
  'percent_points',
  'ratio',
  'count',
]);
export type Quantity = z.infer<typeof Quantity>;

/** A provincial-level unit: the regions roundups compare. */
export const Region = z.object({
  short: z.string(),
  full: z.string(),
  code: z.string().regex(/^\d{6}$/),
  pinyin: z.string(),
});
export type Region = z.infer<typeof Region>;

export const ParagraphInfo = z.object({
  index: z.number().int().nonnegative(),
  text: z.string(),
  /** The province whose story the paragraph tells (its unit's province); null for none or a unit without one. */
  region: z.string().nullable(),
  /** The section's unit as its heading writes it (浙江, 清华大学, 国家发展改革委); null outside sections. */
  unit: z.string().nullable(),
  role: ParagraphRole,
});
export type ParagraphInfo = z.infer<typeof ParagraphInfo>;

export const Section = z.object({
  index: z.number().int().nonnegative(),
  /** The unit's province; null for central bodies and units whose province the text does not give. */
  region: Region.nullable(),
  unit: z.string().min(1),
  unitType: UnitType,
  heading: z.string(),
  paragraphFrom: z.number().int().nonnegative(),
  paragraphTo: z.number().int().nonnegative(),
  detectedBy: SectionDetection,
});
export type Section = z.infer<typeof Section>;

export const Figure = z.object({
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  raw: z.string().min(1),
  value: z.number().finite(),
  unit: z.string(),
  qualifier: Qualifier,
  quantity: Quantity,
  subject: z.string(),
});
export type Figure = z.infer<typeof Figure>;

/** A gazetteer entry a name resolved to; `code` is the 6-digit GB/T 2260 code (9 digits for townships). */
export const Place = z.object({
  name: z.string(),
  level: PlaceLevel,
  code: z.string(),
  provinceCode: z.string(),
  prefecture: z.string().optional(),
});
export type Place = z.infer<typeof Place>;

export const PlaceMention = z.object({
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  name: z.string(),
  /** Null when the name is ambiguous and the context does not settle it. */
  place: Place.nullable(),
  level: PlaceLevel,
});
export type PlaceMention = z.infer<typeof PlaceMention>;

export const Initiative = z.object({
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  name: z.string().min(1),
  sentence: z.string(),
});
export type Initiative = z.infer<typeof Initiative>;

export const Measure = z.object({
  paragraph: z.number().int().nonnegative(),
  sentenceIndex: z.number().int().nonnegative(),
  region: z.string(),
  locality: z.string(),
  /** Ranked: the main domain first. */
  domains: z.array(z.string()),
  initiatives: z.array(z.string()),
  figures: z.array(z.string()),
  text: z.string(),
  role: SentenceRole,
  /** Only a measure has one. */
  instrument: Instrument.nullable(),
});
export type Measure = z.infer<typeof Measure>;
