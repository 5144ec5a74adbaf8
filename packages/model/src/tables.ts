// One schema per CSV table: the header row is the schema's keys in order, and each field's description is the
// table dictionary (README, datapackage.json), so a column is added and documented in one place.
import { z } from 'zod';
import { ArticleKind, Instrument, KindEvidence, PlaceLevel, Qualifier, Quantity, ParagraphRole, SectionDetection, SentenceRole, UnitType } from './records.js';

const count = z.number().int().nonnegative();
const articleId = z.string().describe('the article: YYYYMMDD-PP-AA (date, page, article on the page) where the URL or file name gives it');
const region = z.string().describe('short name of the province-level region (浙江, 广西, 内蒙古); empty when none');
const programmeId = z
  .string()
  .describe(
    'the programme however it is written: its name without quote marks, spacing, punctuation, a year and a trailing programme noun (改革, 工程, 行动 …); see programmes.csv',
  );

export const ArticleRow = z.object({
  article_id: articleId,
  date: z.iso.date().describe('publication date, YYYY-MM-DD'),
  title: z.string().describe('the headline, title lines joined by a space'),
  url: z.string().describe('the article’s URL; empty for crawler .txt files'),
  source: z.string().describe('where it was read: the file, with :line for JSON lines'),
  paragraphs: count.describe('number of paragraphs (non-empty body lines)'),
  characters: count.describe('characters in the paragraphs'),
  regions: z.string().describe('regions with a section, `;`-separated, in order of appearance'),
  kind: ArticleKind.describe('roundup (several regions or units, each in passages of its own, framed that way), regional (one region) or general'),
  kind_evidence: KindEvidence.describe(
    "what decided the kind: headings, title-list, intro-list, 各地-passages, 综合-byline (a roundup's frame), places (the places named), no-region",
  ),
});

export const ParagraphRow = z.object({
  article_id: articleId,
  paragraph: count.describe('0-based index over the body’s non-empty lines; the title is not a paragraph'),
  region: region.describe('the region whose story the paragraph tells; empty for intros, summaries and bylines'),
  role: ParagraphRole.describe('heading (region line or headline), body, intro (before the first section) or byline'),
  text: z.string().describe('the paragraph, trimmed and cleaned of markup'),
  unit: z.string().describe('the section’s unit as its heading writes it (浙江, 清华大学, 国家发展改革委); empty outside sections'),
});

export const SectionRow = z.object({
  article_id: articleId,
  section: count.describe('0-based index of the section in the article'),
  region: region.describe('the province of the section’s unit where the text gives or implies one; empty for central bodies and where nothing says'),
  region_code: z.string().describe('GB/T 2260 code of the region (330000); empty without a region'),
  region_en: z.string().describe('the region in pinyin (Zhejiang); empty without a region'),
  heading: z.string().describe('the section’s printed headline; empty when the article prints none'),
  paragraph_from: count.describe('first paragraph of the section'),
  paragraph_to: count.describe('last paragraph of the section'),
  detected_by: SectionDetection.describe('heading-line, heading-inline, heading-name (printed headings) or inferred-places, inferred-single'),
  unit: z.string().describe('what the section is about, as the heading or intro writes it: 浙江, 南京, 清华大学, 国家发展改革委'),
  unit_type: UnitType.describe('province, city, county, university, central-body, enterprise, sector or other'),
});

export const FigureRow = z.object({
  article_id: articleId,
  paragraph: count.describe('paragraph the figure is in'),
  region: region.describe("region of that paragraph; empty in a sentence of a section placed by place names that names only another province's places"),
  locality: z.string().describe('the nearest place named before the figure in its paragraph'),
  raw: z.string().describe('the figure exactly as printed (2.7万余次)'),
  value: z.number().describe('the number with 万/亿 folded in (27000); percentages in percent'),
  unit: z.string().describe('the unit or measure word after folding (次, 元, 户, %)'),
  qualifier: Qualifier.describe('exact, more_than (余 多 以上 超过), approx (近 约 左右) or less_than (不到 不足)'),
  quantity: Quantity.describe('what kind of quantity: money, people, households, items, events, facilities, length, area, duration, percent …'),
  subject: z.string().describe('what is counted, where the text says it (城市书房)'),
  sentence: z.string().describe('the sentence the figure is in'),
  start: count.describe('offset of the figure in its paragraph (characters, UTF-16)'),
  end: count.describe('offset just past the figure'),
});

export const LocalityRow = z.object({
  article_id: articleId,
  region: region.describe('region of the paragraph where the place is first named; empty when the place lies in another province'),
  name: z.string().describe('the place as written (its longest written form in the article)'),
  canonical_name: z.string().describe('the gazetteer’s name for it; empty when the name is ambiguous'),
  level: PlaceLevel.describe('prefecture, county, township, village or zone'),
  admin_code: z.string().describe('GB/T 2260 code (9-digit statistical code for townships); empty for villages and unresolved names'),
  province: z.string().describe('the province it belongs to; empty when ambiguous'),
  mentions: count.describe('times it is named in the article'),
  first_paragraph: count.describe('paragraph where it is first named'),
});

export const InitiativeRow = z.object({
  article_id: articleId,
  region: region.describe('region of the paragraph where it is first named'),
  name: z.string().describe('the programme’s quoted name, without the quote marks'),
  programme_id: programmeId,
  paragraph: count.describe('paragraph where it is first named in that region'),
  sentence: z.string().describe('the sentence it is named in'),
});

export const MeasureRow = z.object({
  article_id: articleId,
  region: region.describe("the section’s region; empty for a sentence of a section placed by place names that names only another province's places"),
  paragraph: count.describe('paragraph of the sentence'),
  sentence_index: count.describe('0-based index of the sentence in its paragraph'),
  locality: z.string().describe('the first place named in the sentence, else the nearest before it'),
  domain: z.string().describe('the main policy domain id (data/taxonomy.json): the first of `domains`; empty when there is none'),
  domains: z.string().describe('every policy domain id, `;`-separated, ranked: the best supported first (data/taxonomy.json)'),
  initiatives: z.string().describe('programmes named in the sentence, `;`-separated'),
  figures: z.string().describe('figures in the sentence as printed, `;`-separated'),
  text: z.string().describe('the sentence'),
  role: SentenceRole.describe('measure (something the region did), result (an outcome reached) or context (background, scene, quotation)'),
  instrument: Instrument.nullable().describe(
    'a measure’s policy instrument: supply, environment or demand (data/instruments.md); empty for results and context',
  ),
});

/**
 * The fixed columns of comparison.csv; one `domain_<id>` count column per taxonomy domain follows them. Figures of
 * different articles are never added up: a region in several roundups has counts and its largest figure, and
 * roundup_regions.csv gives each roundup's own totals.
 */
export const ComparisonRow = z.object({
  region: z.string().describe('the region'),
  region_code: z.string().describe('its GB/T 2260 code'),
  region_en: z.string().describe('its name in pinyin'),
  articles: count.describe('roundups with a section of the region (every article with one under --scope all)'),
  sections: count.describe('sections of the region'),
  paragraphs: count.describe('paragraphs attributed to the region'),
  localities: count.describe('distinct places named in its sections'),
  figures: count.describe('figures in its sections'),
  initiatives: count.describe('distinct programmes named in its sections (by programme_id: one programme however written)'),
  money_figures: count.describe('money figures in yuan (元) in its sections'),
  money_yuan: z
    .number()
    .nullable()
    .describe(
      'their sum where the region is in one article only (that article’s total); empty where it is in several, since money of different articles is never added up (see roundup_regions.csv)',
    ),
  money_largest_yuan: z.number().nullable().describe('the largest money figure in yuan; empty without one'),
  money_largest_article: z.string().describe('the article of the largest money figure'),
  people_figures: count.describe('figures that count people (人, 名, 位)'),
  people: z.number().nullable().describe('their sum where the region is in one article only; empty where it is in several'),
  people_largest: z.number().nullable().describe('the largest figure that counts people; empty without one'),
  people_largest_article: z.string().describe('the article of the largest figure of people'),
  household_figures: count.describe('figures that count households (户)'),
  households: z.number().nullable().describe('their sum where the region is in one article only; empty where it is in several'),
  households_largest: z.number().nullable().describe('the largest figure of households; empty without one'),
  households_largest_article: z.string().describe('the article of the largest figure of households'),
  instrument_supply: count.describe('measures in its sections coded supply (the state provides: money, facilities, staff, services)'),
  instrument_environment: count.describe('measures coded environment (plans, rules, supervision, reform, publicity)'),
  instrument_demand: count.describe('measures coded demand (procurement, subsidies to users, service purchase, pilots, markets)'),
});

/** One region in one compared article: that article's own totals, which a reader may add up knowing what they add. */
export const RoundupRegionRow = z.object({
  article_id: articleId,
  region: region,
  region_code: z.string().describe('GB/T 2260 code of the region'),
  region_en: z.string().describe('the region in pinyin'),
  sections: count.describe('sections of the region in the article'),
  paragraphs: count.describe('paragraphs of the article attributed to the region'),
  figures: count.describe('figures in those paragraphs'),
  measures: count.describe('sentences coded measure in the region’s sections'),
  money_figures: count.describe('money figures in yuan (元) in those paragraphs'),
  money_yuan: z.number().describe('their sum: the region’s money in this article'),
  people_figures: count.describe('figures that count people (人, 名, 位)'),
  people: z.number().describe('their sum (staff, residents, people served… as the article counts them: read the figures before adding)'),
  household_figures: count.describe('figures that count households (户)'),
  households: z.number().describe('their sum'),
});

export const ProgrammeRow = z.object({
  programme_id: programmeId,
  name: z.string().describe('the programme’s most frequent spelling (the earliest of equally frequent ones)'),
  variants: z.string().describe('every spelling found, `;`-separated, most frequent first'),
  region_count: count.describe('regions whose passages name it (its rows in programme_regions.csv)'),
  regions: z.string().describe('those regions, `;`-separated, in order of first appearance'),
  first_date: z.iso
    .date()
    .describe('the earliest date a region’s passage names it; for a programme no region’s passage names, the earliest date it is named at all'),
  first_region: z.string().describe('the region named with it first (the earliest date, then input order); empty when no region’s passage names it'),
  articles: count.describe('articles that name it'),
  mentions: count.describe('rows of initiatives.csv that name it (one per article and region)'),
});

export const ProgrammeRegionRow = z.object({
  programme_id: programmeId,
  region: z.string().describe('a region whose passages name the programme'),
  first_date: z.iso.date().describe('the earliest date a passage of that region names it'),
  first_article_id: articleId.describe('the article of that first mention (the first in input order on that date)'),
  articles: count.describe('articles in which a passage of that region names it'),
  mentions: count.describe('rows of initiatives.csv for that programme and region'),
});

export const RejectRow = z.object({
  source: z.string().describe('the file (or -, standard input) the record came from; [n] marks the n-th item of a JSON array'),
  line: z.number().int().nonnegative().nullable().describe('line number for JSON lines; empty otherwise'),
  reason: z.string().describe('why the record was not processed'),
  excerpt: z.string().describe('the start of the record, for finding it'),
});

export type ArticleRow = z.infer<typeof ArticleRow>;
export type ParagraphRow = z.infer<typeof ParagraphRow>;
export type SectionRow = z.infer<typeof SectionRow>;
export type FigureRow = z.infer<typeof FigureRow>;
export type LocalityRow = z.infer<typeof LocalityRow>;
export type InitiativeRow = z.infer<typeof InitiativeRow>;
export type MeasureRow = z.infer<typeof MeasureRow>;
export type ComparisonRow = z.infer<typeof ComparisonRow> & Record<`domain_${string}`, number>;
export type RoundupRegionRow = z.infer<typeof RoundupRegionRow>;
export type RejectRow = z.infer<typeof RejectRow>;
export type ProgrammeRow = z.infer<typeof ProgrammeRow>;
export type ProgrammeRegionRow = z.infer<typeof ProgrammeRegionRow>;

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
  roundup_regions: RoundupRegionRow,
  programmes: ProgrammeRow,
  programme_regions: ProgrammeRegionRow,
  rejects: RejectRow,
} as const;
export type TableName = keyof typeof TABLES;
/** Every table roundup writes, in the order of TABLES: the data package lists them so. */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** What identifies a row of each table, for data packages and databases. */
export interface TableKeys {
  primaryKey: string[];
  description: string;
  /** References besides article_id → articles (which every table with an article_id has). */
  references?: Array<{ fields: string[]; resource: TableName; resourceFields: string[] }>;
}
export const TABLE_KEYS: Record<TableName, TableKeys> = {
  articles: { primaryKey: ['article_id'], description: 'One row per article read.' },
  paragraphs: { primaryKey: ['article_id', 'paragraph'], description: 'One row per paragraph, with the region whose story it tells.' },
  sections: { primaryKey: ['article_id', 'section'], description: 'One row per regional section of an article.' },
  figures: { primaryKey: ['article_id', 'paragraph', 'start'], description: 'One row per figure found in the text, normalised.' },
  localities: {
    primaryKey: ['article_id', 'name', 'canonical_name', 'admin_code'],
    description: 'One row per distinct place below province level named in an article.',
  },
  initiatives: {
    primaryKey: ['article_id', 'region', 'name'],
    description: 'One row per named programme and region of an article.',
    references: [{ fields: ['programme_id'], resource: 'programmes', resourceFields: ['programme_id'] }],
  },
  measures: { primaryKey: ['article_id', 'paragraph', 'sentence_index'], description: 'One row per sentence of a regional section.' },
  comparison: {
    primaryKey: ['region'],
    description:
      'One row per region over the compared articles, by roundups (most first), then sections, ties by region code; a domain_<id> count of measures per policy domain follows the fixed columns. Figures of different articles are never added up: across articles it gives counts and the largest figure with its article.',
  },
  roundup_regions: {
    primaryKey: ['article_id', 'region'],
    description:
      "One row per compared article and region with a section in it: that article's own totals (money, people, households), in input order, regions in the article's order; adding them up across articles is the user's informed choice.",
  },
  programmes: {
    primaryKey: ['programme_id'],
    description: 'One row per programme over all inputs, its spellings grouped: where and when it was first named, and in how many regions.',
  },
  programme_regions: {
    primaryKey: ['programme_id', 'region'],
    description: 'One row per programme and region that names it: when and where first, how often.',
    references: [
      { fields: ['programme_id'], resource: 'programmes', resourceFields: ['programme_id'] },
      { fields: ['first_article_id'], resource: 'articles', resourceFields: ['article_id'] },
    ],
  },
  rejects: { primaryKey: [], description: 'One row per input record not processed, and why.' },
};

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
