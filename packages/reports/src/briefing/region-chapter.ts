// One region's chapter: its heading and places, the articles it appears in, measures by instrument, results, figures, programmes.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { BriefingMeasure } from '../briefing-data.js';
import type { Labels, Language } from '../labels.js';
import { figureText } from './figure-text.js';
import { briefingTable } from './briefing-table.js';
import { cjk, keptTogether, listUnder, punctuation, regionLabel, withFiguresInBold } from './blocks.js';
import { INSTRUMENTS } from './charts.js';
import { largestFiguresTable, quotedRaw, regionAppearances } from './corpus-briefing.js';
import type { ComparisonTableRow, RegionalContext, TaxonomyDomain } from './input.js';
import { ACCENT } from './page.js';
import { unitDescription } from './unit-roundup.js';
import type { TextRun } from './line-breaking.js';

/** One region's section: its heading and places, the articles it appears in (corpus), measures, figures, programmes. */
export function regionSection(context: RegionalContext, row: ComparisonTableRow, chapterHeading: Content | undefined): Content[] {
  const { input, labels, materials, place } = context;
  const { collector, language } = input;
  const material = materials.get(row.region);
  const collected = collector.regions.get(row.region);
  if (!material || !collected) return chapterHeading ? [chapterHeading] : [];
  const mark = punctuation(language);
  const corpus = collector.articleCount > 1;
  // A region of a unit roundup is headed by its units (西安交通大学、陕西师范大学), of a province roundup by its headline.
  const unit = input.units?.get(row.region);
  const subtitle = unit
    ? [unitDescription(unit, language), material.headlines[0]].filter(Boolean).join(' · ')
    : material.units.length > 0
      ? material.units.join(mark.list)
      : !corpus
        ? material.headlines[0]
        : undefined;
  const heading = `${regionLabel(row.region, row.region_en, language)}${subtitle ? ` · ${subtitle}` : ''}`;
  // One bracket per place: `Yiwu City (义乌市), county` in English, `义乌市（县级）` in Chinese.
  const level = (name: string) => labels.levels[name] ?? name;
  const morePlaces = Math.max(0, Number(row.localities) - material.places.length);
  const places = material.places
    .map((entry) => (language === 'en' ? `${place(entry.name)}, ${level(entry.level)}` : `${entry.name}${mark.open}${level(entry.level)}${mark.close}`))
    .join(language === 'en' ? '; ' : mark.list);
  const content: Content[] = [
    {
      stack: [
        ...(chapterHeading ? [chapterHeading] : []),
        { ...(cjk(heading) as object), style: 'h2', headlineLevel: 2 } as Content,
        ...(corpus ? regionAppearances(collected, labels, 8, mark.colon) : []),
        { text: labels.placesNamed, style: 'h4' },
        cjk(places ? `${places}${morePlaces > 0 ? labels.morePlaces(morePlaces) : ''}` : labels.none),
      ],
      unbreakable: true,
    },
  ];
  content.push(...measuresByInstrument(material.measures, input.taxonomy, labels, language));
  if (material.results.length > 0) content.push(...listUnder(labels.resultsList, sentenceBullets(material.results, input.taxonomy, language), 'h4'));
  if (corpus && material.moneyFigures.length + material.otherMoney.length > 0) {
    const other = material.otherMoney.slice(0, 3);
    const note = other.length > 0 ? labels.otherCurrencies : undefined;
    content.push(largestFiguresTable([...material.moneyFigures.slice(0, 6), ...other], labels, language, input.measureWords, note));
  } else if (!corpus && material.figures.length > 0) {
    content.push(
      briefingTable(
        [labels.raw, labels.value, labels.subject, labels.place],
        [70, 90, '*', 80],
        material.figures.map(
          (figure) =>
            [
              { text: quotedRaw(figure.raw, language) },
              { text: figureText(figure, language, input.measureWords), alignment: 'right' },
              cjk(figure.subject || labels.none),
              { text: figure.locality ? place(figure.locality) : labels.none },
            ] as TableCell[],
        ),
        labels.figuresTable,
      ),
    );
  }
  content.push(
    keptTogether(
      { text: labels.programmes, style: 'h4' },
      cjk(programmeList(material.programmes, Number(row.initiatives), labels, mark.list), { margin: [0, 0, 0, 8] }),
    ),
  );
  return content;
}

/** A region's programmes, quoted, each with how often it is named, and how many more there are than are listed. */
function programmeList(programmes: ReadonlyArray<[string, number]>, total: number, labels: Labels, separator: string): string {
  if (programmes.length === 0) return labels.noProgrammes;
  const more = Math.max(0, total - programmes.length);
  return `${programmes.map(([name, count]) => `“${name}”${count > 1 ? `×${count}` : ''}`).join(separator)}${more > 0 ? labels.moreProgrammes(more) : ''}`;
}

/** “主要措施”: a region's measures grouped by policy instrument (supply, environment, demand), each group under its name. */
export function measuresByInstrument(measures: readonly BriefingMeasure[], taxonomy: readonly TaxonomyDomain[], labels: Labels, language: Language): Content[] {
  if (measures.length === 0) return [{ text: labels.measuresList, style: 'h4' }, { text: labels.none }];
  const groups = INSTRUMENTS.map((instrument) => ({ instrument, items: measures.filter((measure) => measure.instrument === instrument) })).filter(
    (group) => group.items.length > 0,
  );
  return groups.flatMap((group, index) => {
    const list = listUnder(labels.instruments[group.instrument], sentenceBullets(group.items, taxonomy, language), 'h5');
    return index === 0 ? [keptTogether({ text: labels.measuresList, style: 'h4' }, list[0]!), ...list.slice(1)] : list;
  });
}

/**
 * A quoted sentence in an English briefing: in double quotes, the quotes inside it made single (`“推行‘最多跑一次’”`),
 * so a reader sees at once that the Chinese is the article's own words.
 */
export function quotedInEnglish(runs: readonly TextRun[]): TextRun[] {
  const inner = runs.map((run) => ({ ...run, text: run.text.replace(/“/g, '‘').replace(/”/g, '’') }));
  if (inner.length === 0) return inner;
  inner[0] = { ...inner[0]!, text: `“${inner[0]!.text}` };
  inner[inner.length - 1] = { ...inner[inner.length - 1]!, text: `${inner[inner.length - 1]!.text}”` };
  return inner;
}

/** Sentences as list items: the figures in them in bold, each tagged with its policy domains. */
export function sentenceBullets(measures: readonly BriefingMeasure[], taxonomy: readonly TaxonomyDomain[], language: Language): Content[] {
  const mark = punctuation(language);
  return measures.map(
    (measure) =>
      ({
        text: [
          ...(language === 'en' ? quotedInEnglish(withFiguresInBold(measure.text, measure.figures)) : withFiguresInBold(measure.text, measure.figures)),
          ...(measure.domains.length > 0
            ? [
                {
                  text: `  [${measure.domains.map((id) => taxonomy.find((domain) => domain.id === id)?.[language] ?? id).join(mark.list)}]`,
                  color: ACCENT,
                  fontSize: 7.5,
                },
              ]
            : []),
        ],
        margin: [0, 0, 0, 2],
      }) as Content,
  );
}
