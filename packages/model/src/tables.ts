// One schema per CSV table: the header row is the schema's keys in order, so a column is added in one place.
import { z } from 'zod';
import { PlaceLevel, Qualifier, Quantity, ParagraphRole, SectionDetection } from './records.js';

const count = z.number().int().nonnegative();

export const ArticleRow = z.object({
  article_id: z.string(),
  date: z.string(),
  title: z.string(),
  url: z.string(),
  source: z.string(),
  paragraphs: count,
  characters: count,
  regions: z.string().describe('regions with a section, `;`-separated, in order of appearance'),
});

export const ParagraphRow = z.object({
  article_id: z.string(),
  paragraph: count,
  region: z.string(),
  role: ParagraphRole,
  text: z.string(),
});

export const SectionRow = z.object({
  article_id: z.string(),
  section: count,
  region: z.string(),
  region_code: z.string(),
  region_en: z.string(),
  heading: z.string(),
  paragraph_from: count,
  paragraph_to: count,
  detected_by: SectionDetection,
});

export const FigureRow = z.object({
  article_id: z.string(),
  paragraph: count,
  region: z.string(),
  locality: z.string(),
  raw: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: Qualifier,
  quantity: Quantity,
  subject: z.string(),
  sentence: z.string(),
  start: count,
  end: count,
});

export const LocalityRow = z.object({
  article_id: z.string(),
  region: z.string(),
  name: z.string(),
  canonical_name: z.string(),
  level: PlaceLevel,
  admin_code: z.string(),
  province: z.string(),
  mentions: count,
  first_paragraph: count,
});

export const InitiativeRow = z.object({
  article_id: z.string(),
  region: z.string(),
  name: z.string(),
  paragraph: count,
  sentence: z.string(),
});

export const MeasureRow = z.object({
  article_id: z.string(),
  region: z.string(),
  paragraph: count,
  sentence_index: count,
  locality: z.string(),
  domains: z.string(),
  initiatives: z.string(),
  figures: z.string(),
  text: z.string(),
});

/** The fixed columns of comparison.csv; one `domain_<id>` count column per taxonomy domain follows them. */
export const ComparisonRow = z.object({
  region: z.string(),
  region_code: z.string(),
  region_en: z.string(),
  articles: count,
  sections: count,
  paragraphs: count,
  localities: count,
  figures: count,
  initiatives: count,
  money_yuan: z.number(),
  people: z.number(),
  households: z.number(),
});

export const RejectRow = z.object({
  source: z.string(),
  line: z.number().int().nonnegative().nullable(),
  reason: z.string(),
  excerpt: z.string(),
});

export type ArticleRow = z.infer<typeof ArticleRow>;
export type ParagraphRow = z.infer<typeof ParagraphRow>;
export type SectionRow = z.infer<typeof SectionRow>;
export type FigureRow = z.infer<typeof FigureRow>;
export type LocalityRow = z.infer<typeof LocalityRow>;
export type InitiativeRow = z.infer<typeof InitiativeRow>;
export type MeasureRow = z.infer<typeof MeasureRow>;
export type ComparisonRow = z.infer<typeof ComparisonRow> & Record<`domain_${string}`, number>;
export type RejectRow = z.infer<typeof RejectRow>;

/** Every table roundup writes, by file stem, with the schema that defines its columns. */
export const TABLES = {
  articles: ArticleRow,
  paragraphs: ParagraphRow,
  sections: SectionRow,
  figures: FigureRow,
  localities: LocalityRow,
  initiatives: InitiativeRow,
  measures: MeasureRow,
  comparison: ComparisonRow,
  rejects: RejectRow,
} as const;
export type TableName = keyof typeof TABLES;

/** The header of a table, from its schema's shape. */
export function columnsOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}

/** Rows of the per-article tables, as one article's extraction produces them. */
export interface ArticleTables {
  articles: ArticleRow[];
  paragraphs: ParagraphRow[];
  sections: SectionRow[];
  figures: FigureRow[];
  localities: LocalityRow[];
  initiatives: InitiativeRow[];
  measures: MeasureRow[];
}
export const ARTICLE_TABLES = [
  'articles',
  'paragraphs',
  'sections',
  'figures',
  'localities',
  'initiatives',
  'measures',
] as const satisfies readonly (keyof ArticleTables)[];
