// The opening: a single roundup's title and source, or a corpus's span and scope, then the summary.
import type { Content } from 'pdfmake/interfaces.js';
import type { SourceArticle } from '../briefing-data.js';
import { briefingLabels, LABELS, type Labels, type Language } from '../labels.js';
import { cjk, leadingDomains, punctuation, regionLabel, themeOf } from './blocks.js';
import type { BriefingInput, ComparisonTableRow, RegionalContext } from './input.js';
import { ACCENT } from './page.js';
import { figureText } from './figure-text.js';

/**
 * A single roundup's title: the regions or units it compares in the order the article presents them (units where
 * they are not provinces: `北京交通大学、西安交通大学…`), then its theme; a headline that already names every region
 * (`辽宁、浙江、河南扎实开展…`) is the title by itself.
 */
export function singleArticleTitle(source: SourceArticle, rows: readonly ComparisonTableRow[], language: Language, units: readonly string[] = []): string {
  const theme = themeOf(source.title);
  if (source.regions.length > 0 && source.regions.every((region) => theme.includes(region))) return theme;
  const byUnit = units.some((unit) => !source.regions.includes(unit));
  const names = byUnit
    ? [...units]
    : source.regions.map((region) => {
        const row = rows.find((candidate) => candidate.region === region);
        return row ? regionLabel(row.region, row.region_en, language) : region;
      });
  return LABELS[language].roundupOf(names.join(language === 'zh' ? '、' : ', '), theme);
}

/** The articles a briefing is drawn from, and when it was made. */
export function sourcesBlock(sources: readonly SourceArticle[], heading: string, labels: Labels, generatedAt: Date): Content {
  return {
    stack: [
      { text: heading, bold: true, margin: [0, 4, 0, 1] },
      ...sources.map((source) => cjk(`${source.date}  ${source.title}${source.url ? `  ${source.url}` : ''}`, { style: 'small' })),
      { text: `${labels.generated}: ${generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, style: 'small', margin: [0, 3, 0, 0] },
    ],
  };
}

/** A corpus briefing's first facts: its span, what was read and how many roundups, and what the comparison counts. */
export function corpusFacts(input: BriefingInput, labels: Labels): Content {
  const { collector } = input;
  return {
    stack: [
      cjk(labels.span(collector.firstDate || '—', collector.lastDate || '—', collector.articleCount, collector.roundups.length), { margin: [0, 4, 0, 2] }),
      cjk(input.run.scope === 'all' ? labels.scopeAll : labels.scopeRoundups, input.run.scope === 'all' ? { bold: true, color: ACCENT } : { style: 'small' }),
      cjk(labels.noMoneySums, { style: 'small' }),
      { text: `${labels.generated}: ${input.generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, style: 'small', margin: [0, 3, 0, 0] },
    ],
  };
}

/** The summary: what the briefing covers, the largest money figures, and each region's leading domains. */
export function summaryBlock(input: BriefingInput, rows: ComparisonTableRow[], materials: RegionalContext['materials'], single: boolean): Content[] {
  const { collector, comparison, language, taxonomy } = input;
  const labels = briefingLabels(language, input.units !== undefined);
  const mark = punctuation(language);
  const sum = (value: (row: ComparisonTableRow) => number) => rows.reduce((total, row) => total + value(row), 0);
  const totals = {
    regions: rows.length,
    places: sum((row) => Number(row.localities)),
    measures: sum((row) => comparison.measuresOf(row.region)),
    figures: sum((row) => Number(row.figures)),
    programmes: sum((row) => Number(row.initiatives)),
    articles: collector.regionalArticles,
  };
  const largestMoney = rows
    .flatMap((row) => (materials.get(row.region)?.moneyFigures ?? []).map((figure) => ({ figure, region: row })))
    .sort((a, b) => b.figure.value - a.figure.value)
    .slice(0, 3)
    .map(
      ({ figure, region }) =>
        `${language === 'zh' ? figure.raw : figureText(figure, language, input.measureWords)}${mark.open}${regionLabel(region.region, region.region_en, language)}${figure.subject ? `${mark.comma}${figure.subject}` : ''}${single ? '' : `${mark.comma}${figure.date}`}${mark.close}`,
    );
  const domainSummary = rows
    .map((row) => `${regionLabel(row.region, row.region_en, language)}${mark.colon}${leadingDomains(row, taxonomy, language).join(mark.list) || labels.none}`)
    .join(mark.semi);
  return [
    { text: labels.summary, style: 'h3' },
    cjk(labels.summaryText(totals)),
    // The title counts every roundup read; the summary those with a provincial-level region: it says why they differ.
    ...(!single && input.run.scope === 'roundups' && collector.roundups.length > totals.articles
      ? [cjk(labels.roundupsWithoutRegion(collector.roundups.length - totals.articles), { style: 'small' })]
      : []),
    ...(largestMoney.length > 0 ? [cjk(labels.largestMoney + largestMoney.join(mark.semi), { margin: [0, 3, 0, 0] })] : []),
    cjk(labels.leadingDomains + domainSummary, { margin: [0, 3, 0, 6] }),
  ];
}
