// A roundup of units (universities, central bodies, enterprises, cities) compared as units: one row and one chapter
// per unit, with its type and province beside it, instead of rows of provinces that merge two universities of 北京
// into one row and leave a ministry out altogether.
import type { ArticleTables, SectionRow, UnitType } from '@roundup/model';
import { BriefingCollector } from '../briefing-data.js';
import { RegionComparison } from '../comparison.js';
import type { BriefingInput, ComparedUnit } from './input.js';

/**
 * The article's rows keyed by unit: every row's `region` becomes the unit of the section its paragraph lies in, so the
 * comparison and the collector tally units. A unit keeps its province's code, which orders units of equal counts.
 */
export function keyedByUnit(tables: ArticleTables, language: 'zh' | 'en'): { tables: ArticleTables; units: Map<string, ComparedUnit> } {
  const units = new Map<string, ComparedUnit>();
  for (const section of tables.sections) {
    if (!units.has(section.unit))
      units.set(section.unit, { unit: section.unit, type: section.unit_type, province: section.region, provinceEn: section.region_en });
  }
  const unitOf = paragraphUnits(tables.sections);
  const rekey = <T extends { region: string }>(row: T, paragraph: number): T => ({ ...row, region: unitOf.get(paragraph) ?? '' });
  const label = (unit: string) => (language === 'en' ? unitLabelEn(units.get(unit)!) : unit);
  return {
    units,
    tables: {
      articles: tables.articles.map((article) => ({ ...article, regions: [...units.keys()].join(';') })),
      paragraphs: tables.paragraphs.map((row) => rekey(row, row.paragraph)),
      sections: tables.sections.map((section) => ({ ...section, region: section.unit, region_en: label(section.unit) })),
      figures: tables.figures.map((row) => rekey(row, row.paragraph)),
      localities: tables.localities.map((row) => rekey(row, row.first_paragraph)),
      initiatives: tables.initiatives.map((row) => rekey(row, row.paragraph)),
      measures: tables.measures.map((row) => rekey(row, row.paragraph)),
    },
  };
}

/** Each paragraph of a section and the section's unit. */
function paragraphUnits(sections: readonly SectionRow[]): Map<number, string> {
  const units = new Map<number, string>();
  for (const section of sections) {
    for (let paragraph = section.paragraph_from; paragraph <= section.paragraph_to; paragraph++) units.set(paragraph, section.unit);
  }
  return units;
}

export const UNIT_TYPE_NAMES: Record<'zh' | 'en', Record<UnitType, string>> = {
  zh: { province: '省级地区', city: '城市', county: '县区', university: '高校', 'central-body': '中央单位', enterprise: '企业', sector: '行业', other: '单位' },
  en: {
    province: 'province',
    city: 'city',
    county: 'county',
    university: 'university',
    'central-body': 'central body',
    enterprise: 'enterprise',
    sector: 'sector',
    other: 'unit',
  },
};

/** A unit in an English briefing: what it is, its name in brackets (`University (电子科技大学)`). */
export function unitLabelEn(unit: ComparedUnit): string {
  const type = UNIT_TYPE_NAMES.en[unit.type];
  return `${type[0]!.toUpperCase()}${type.slice(1)} (${unit.unit})`;
}

/** What stands beside a unit's name: its type and province (`高校 · 四川`, `central body`). */
export function unitDescription(unit: ComparedUnit, language: 'zh' | 'en'): string {
  const province = language === 'zh' ? unit.province : unit.provinceEn;
  return [UNIT_TYPE_NAMES[language][unit.type], province].filter(Boolean).join(' · ');
}

/**
 * A single unit roundup's briefing input: its collector and comparison rebuilt from the article's rows keyed by unit.
 * Anything else (a corpus, a roundup of provinces) is returned as it is: a corpus keeps comparing provinces.
 */
export function unitRoundupInput(input: BriefingInput): BriefingInput {
  const tables = input.collector.articleCount === 1 ? input.collector.unitRoundup : undefined;
  if (!tables) return input;
  const keyed = keyedByUnit(tables, input.language);
  const collector = new BriefingCollector(input.collector.scope);
  const comparison = new RegionComparison(input.comparison.domains, input.comparison.scope);
  collector.add(keyed.tables);
  comparison.add(keyed.tables);
  return { ...input, collector, comparison, units: keyed.units };
}
