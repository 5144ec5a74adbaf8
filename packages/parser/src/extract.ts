// One article through every extractor: sections, places, figures, programmes and measures, then its table rows.
import type { Article, ArticleTables, Figure, Initiative, LocalityRow, Measure, ParagraphInfo, Place, PlaceMention, Section } from '@roundup/model';
import { classifyArticle, presentsPeople, type KindDecision } from './kinds.js';
import { loadKnownUnits, type KnownUnits } from './units.js';
import { classifyDomains, loadTaxonomy, type Taxonomy } from './domains.js';
import { dataPath } from './data-files.js';
import { extractFigures, loadFigureRules, type FigureRules } from './figures.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { extractInitiatives, loadInitiativeCues, type InitiativeCues } from './initiatives.js';
import { articleProgrammeIds, isNationalSlogan, loadProgrammeNaming, type ProgrammeNaming } from './programme-names.js';
import { eachPlaceMention, matchPlaceNames } from './places.js';
import { NumberedNames } from './numbered-names.js';
import { findQuotedSpans, type QuotedSpan } from './quotes.js';
import { sectionArticle } from './section-strategies.js';
import { loadSectionCues, type SectionCues } from './sections.js';
import { ParagraphSentences, splitSentences } from './sentences.js';
import { placeRegion, regionAt, sentencesElsewhere, type ElsewhereSpans } from './sentences-elsewhere.js';
import { codePointLength } from './text.js';
import { lastIndexStartingBefore, SentenceItems } from './text-order.js';
import { codeSentence, loadSentenceCoder, type SentenceCoder } from './roles.js';

/** The knowledge tables every extractor uses, loaded once and shared by all articles. */
export interface Extractor {
  gazetteer: Gazetteer;
  figureRules: FigureRules;
  initiativeCues: InitiativeCues;
  programmeNaming: ProgrammeNaming;
  taxonomy: Taxonomy;
  sectionCues: SectionCues;
  knownUnits: KnownUnits;
  sentenceCoder: SentenceCoder;
}

/** The files of a data folder that extraction reads: what it finds depends on their content and on nothing else there. */
export const EXTRACTOR_DATA_FILES = [
  'place-aliases.json',
  'units.json',
  'initiative-cues.json',
  'taxonomy.json',
  'section-cues.json',
  'known-units.json',
  'sentence-roles.json',
  'instruments.json',
  'programme-names.json',
] as const;

/** Loads the tables from a data folder (the workspace's data/ by default). */
export function createExtractor(dataDir?: string): Extractor {
  const file = (name: string) => dataPath(name, dataDir);
  return {
    gazetteer: loadGazetteer(file('place-aliases.json')),
    figureRules: loadFigureRules(file('units.json')),
    initiativeCues: loadInitiativeCues(file('initiative-cues.json')),
    programmeNaming: loadProgrammeNaming(file('programme-names.json')),
    taxonomy: loadTaxonomy(file('taxonomy.json')),
    sectionCues: loadSectionCues(file('section-cues.json')),
    knownUnits: loadKnownUnits(file('known-units.json')),
    sentenceCoder: loadSentenceCoder(file('sentence-roles.json'), file('instruments.json')),
  };
}

export interface RegionalFigure extends Figure {
  region: string | null;
  /** The place the figure is about: the nearest place named before it in its paragraph (empty: the region as a whole). */
  locality: string;
  sentence: string;
}
export interface RegionalPlace extends PlaceMention {
  region: string | null;
}
export interface RegionalInitiative extends Initiative {
  region: string | null;
  /** The programme it names, however written (programmeKey): the same in every article. */
  programmeId: string;
}

export interface ArticleExtraction {
  article: Article;
  kind: KindDecision;
  paragraphs: ParagraphInfo[];
  sections: Section[];
  places: RegionalPlace[];
  figures: RegionalFigure[];
  initiatives: RegionalInitiative[];
  measures: Measure[];
}

const isLocality = (mention: PlaceMention) => mention.level !== 'province';

/** The paragraphs of an article read as one without sections: no region, no unit, no headings. */
function unsectioned(paragraphs: readonly ParagraphInfo[]): { paragraphs: ParagraphInfo[]; sections: Section[] } {
  return { paragraphs: paragraphs.map((info) => ({ ...info, region: null, unit: null, role: info.role === 'byline' ? 'byline' : 'body' })), sections: [] };
}

/** Runs every extractor over one article. Pure: the same article and tables give the same result. */
export function extractArticle(article: Article, extractor: Extractor): ArticleExtraction {
  const { gazetteer, figureRules, initiativeCues, sectionCues, knownUnits } = extractor;
  const texts = article.paragraphs;
  const matches = texts.map((text, index) => matchPlaceNames(text, index, gazetteer));
  const titleMatches = matchPlaceNames(article.title, 0, gazetteer);
  const names = { gazetteer, known: knownUnits };
  const sectioned = sectionArticle(texts, matches, titleMatches, gazetteer, sectionCues, knownUnits);
  // A roster, an awards list or a page of executives' voices presents people: no line of it gives a region a
  // passage, so neither its names and employers nor its people's words become a region's measures.
  const { paragraphs, sections } = presentsPeople(sectioned.paragraphs, sectioned.sections, sectionCues, names) ? unsectioned(sectioned.paragraphs) : sectioned;
  const kind = classifyArticle(article.title, paragraphs, sections, sectionCues, names);

  // A sentence of a place-inferred section that names only another province's places is no region's.
  const elsewhere = sentencesElsewhere(paragraphs, sections, matches, gazetteer);
  // Names are resolved in the context of their section: its province and the places named before.
  const places: RegionalPlace[] = [];
  let recent: Place[] = [];
  let previousRegion: string | null | undefined;
  for (const info of paragraphs) {
    if (info.region !== previousRegion) recent = [];
    previousRegion = info.region;
    const provinceCode = info.region ? gazetteer.region(info.region)?.code : undefined;
    eachPlaceMention(matches[info.index]!, provinceCode, recent, ({ paragraph, start, end, name, place, level }) => {
      places.push({ paragraph, start, end, name, place, level, region: placeRegion(info.region, elsewhere[info.index]!, start, place?.provinceCode) });
    });
  }

  const quotedSpans = texts.map((text) => findQuotedSpans(text));
  const numberedNames = NumberedNames.of(quotedSpans);
  // Grouped once: looking them up per paragraph keeps long articles linear.
  const localitiesByParagraph = new Map<number, RegionalPlace[]>();
  for (const place of places) {
    if (!isLocality(place)) continue;
    const list = localitiesByParagraph.get(place.paragraph);
    if (list) list.push(place);
    else localitiesByParagraph.set(place.paragraph, [place]);
  }
  const figures: RegionalFigure[] = [];
  const initiatives: RegionalInitiative[] = [];
  const measures: Measure[] = [];
  for (const info of paragraphs) {
    const text = info.text;
    // Sectioning keeps each paragraph's text as read, so the spans found above are this paragraph's.
    const quoted = quotedSpans[info.index]!;
    const paragraphPlaces = localitiesByParagraph.get(info.index) ?? [];
    // Found once per paragraph and looked up by every figure and programme in it.
    const sentences = new ParagraphSentences(text);
    const paragraphFigures = info.role === 'byline' ? [] : numberedNames.figuresOutside(extractFigures(text, info.index, figureRules, quoted), text);
    const regionOf = (start: number) => regionAt(info.region, elsewhere[info.index]!, start);
    for (const figure of paragraphFigures)
      figures.push(regionalFigure(figure, regionOf(figure.start), localityBefore(paragraphPlaces, figure.start), sentences.around(figure.start, figure.end)));
    // National slogans (一带一路, 不忘初心、牢记使命) are quoted everywhere and are nobody's programme.
    const paragraphInitiatives =
      info.role === 'byline'
        ? []
        : extractInitiatives(text, info.index, initiativeCues, quoted, sentences).filter(
            (initiative) => !isNationalSlogan(initiative.name, extractor.programmeNaming),
          );
    for (const initiative of paragraphInitiatives) initiatives.push(regionalInitiative(initiative, regionOf(initiative.start)));
    if (info.unit !== null && info.role === 'body') {
      // One by one: spread as arguments, a paragraph's measures (166,000 in one hostile paragraph) overflowed the stack.
      const found = { places: paragraphPlaces, initiatives: paragraphInitiatives, figures: paragraphFigures, quoted, elsewhere: elsewhere[info.index]! };
      for (const measure of paragraphMeasures(info, found, extractor)) measures.push(measure);
    }
  }
  const isPlace = (text: string) => gazetteer.namesAt(text, 0).some(([end, entries]) => end === text.length && entries.some((entry) => !entry.needsContext));
  const programmeIds = articleProgrammeIds(
    initiatives.map((initiative) => initiative.name),
    extractor.programmeNaming,
    isPlace,
  );
  for (const initiative of initiatives) initiative.programmeId = programmeIds.get(initiative.name)!;
  return { article, kind, paragraphs, sections, places, figures, initiatives, measures };
}

/** A figure with where it stands; built field by field, as a spread of each of 40,000 figures cost more than the rest of the loop. */
function regionalFigure(figure: Figure, region: string | null, locality: string, sentence: string): RegionalFigure {
  const { paragraph, start, end, raw, value, unit, qualifier, quantity, subject } = figure;
  return { paragraph, start, end, raw, value, unit, qualifier, quantity, subject, region, locality, sentence };
}

/** An initiative with its region, field by field as `regionalFigure`; its programme id is set once the article's names are known. */
function regionalInitiative(initiative: Initiative, region: string | null): RegionalInitiative {
  const { paragraph, start, end, name, sentence } = initiative;
  return { paragraph, start, end, name, sentence, region, programmeId: '' };
}

/** The last place named before `offset` in its paragraph (places in text order, found by binary search); empty when none. */
function localityBefore(places: readonly RegionalPlace[], offset: number): string {
  return places[lastIndexStartingBefore(places, offset)]?.name ?? '';
}

interface ParagraphFindings {
  places: readonly RegionalPlace[];
  initiatives: readonly Initiative[];
  figures: readonly Figure[];
  quoted: readonly QuotedSpan[];
  elsewhere: ElsewhereSpans;
}

/** One measure per sentence of a body paragraph: its domains, programmes, figures, role and instrument. */
function paragraphMeasures(info: ParagraphInfo, found: ParagraphFindings, extractor: Extractor): Measure[] {
  const sentences = splitSentences(info.text);
  // Each list is shared out among the sentences in one sweep, a sentence's items as it comes.
  const placesOf = new SentenceItems(found.places);
  const initiativesOf = new SentenceItems(found.initiatives);
  const figuresOf = new SentenceItems(found.figures);
  const quotesOf = new SentenceItems(found.quoted);
  return sentences.map((sentence) => {
    const sentencePlaces = placesOf.of(sentence);
    const sentenceInitiatives = initiativesOf.of(sentence);
    const sentenceQuotes = quotesOf.of(sentence).map((span) => ({ ...span, start: span.start - sentence.start, end: span.end - sentence.start }));
    // Its two fields copied by name: spread into the literal, they made every measure go through V8's slow copy.
    const { role, instrument } = codeSentence(sentence.text, sentenceQuotes, sentenceInitiatives.length > 0, extractor.sentenceCoder);
    return {
      paragraph: info.index,
      sentenceIndex: sentence.index,
      region: regionAt(info.region, found.elsewhere, sentence.start) ?? '',
      locality: sentencePlaces[0]?.name ?? localityBefore(found.places, sentence.start),
      domains: classifyDomains(sentence.text, extractor.taxonomy),
      // Most sentences name no programme: no set and no lists made for them.
      initiatives: sentenceInitiatives.length === 0 ? [] : [...new Set(sentenceInitiatives.map((initiative) => initiative.name))],
      figures: figuresOf.of(sentence).map((figure) => figure.raw),
      text: sentence.text,
      role,
      instrument,
    };
  });
}

function firstOfEach<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One row per distinct place below province level, keyed by its gazetteer code (or its name when unresolved). */
export function localityRows(extraction: ArticleExtraction, gazetteer: Gazetteer): LocalityRow[] {
  const rows = new Map<string, LocalityRow>();
  for (const mention of extraction.places) {
    if (!isLocality(mention)) continue;
    // A village is known by its name in its province: written after its township once and its county
    // another time, it is still one village.
    const key = !mention.place
      ? `?${mention.name}`
      : mention.level === 'village'
        ? `village:${mention.place.provinceCode}:${mention.place.name}`
        : `${mention.place.code}:${mention.place.name}`;
    const existing = rows.get(key);
    if (existing) {
      existing.mentions += 1;
      if (mention.name.length > existing.name.length) existing.name = mention.name;
      if (!existing.region && mention.region) existing.region = mention.region;
      continue;
    }
    const province = mention.place ? (gazetteer.regionOfPlace(mention.place)?.short ?? '') : '';
    rows.set(key, {
      article_id: extraction.article.articleId,
      region: mention.region ?? '',
      name: mention.name,
      canonical_name: mention.place?.name ?? '',
      level: mention.level,
      // Villages and communities are below the gazetteer's last level: they carry their province, not a code.
      admin_code: mention.level === 'village' ? '' : (mention.place?.code ?? ''),
      province,
      mentions: 1,
      first_paragraph: mention.paragraph,
    });
  }
  return [...rows.values()];
}

/** The rows this article adds to each per-article table. */
export function articleTables(extraction: ArticleExtraction, gazetteer: Gazetteer): ArticleTables {
  const { article } = extraction;
  const id = article.articleId;
  const regions = [...new Set(extraction.sections.flatMap((section) => (section.region ? [section.region.short] : [])))];
  return {
    articles: [
      {
        article_id: id,
        date: article.date,
        title: article.title,
        url: article.url,
        source: article.source,
        paragraphs: article.paragraphs.length,
        characters: article.paragraphs.reduce((sum, text) => sum + codePointLength(text), 0),
        regions: regions.join(';'),
        kind: extraction.kind.kind,
        kind_evidence: extraction.kind.evidence,
      },
    ],
    paragraphs: extraction.paragraphs.map((info) => ({
      article_id: id,
      paragraph: info.index,
      region: info.region ?? '',
      role: info.role,
      text: info.text,
      unit: info.unit ?? '',
    })),
    sections: extraction.sections.map((section) => ({
      article_id: id,
      section: section.index,
      region: section.region?.short ?? '',
      region_code: section.region?.code ?? '',
      region_en: section.region?.pinyin ?? '',
      heading: section.heading,
      paragraph_from: section.paragraphFrom,
      paragraph_to: section.paragraphTo,
      detected_by: section.detectedBy,
      unit: section.unit,
      unit_type: section.unitType,
    })),
    figures: extraction.figures.map((figure) => ({
      article_id: id,
      paragraph: figure.paragraph,
      region: figure.region ?? '',
      locality: figure.locality,
      raw: figure.raw,
      value: figure.value,
      unit: figure.unit,
      qualifier: figure.qualifier,
      quantity: figure.quantity,
      subject: figure.subject,
      sentence: figure.sentence,
      start: figure.start,
      end: figure.end,
    })),
    localities: localityRows(extraction, gazetteer),
    initiatives: firstOfEach(extraction.initiatives, (initiative) => `${initiative.region}\u0000${initiative.name}`).map((initiative) => ({
      article_id: id,
      region: initiative.region ?? '',
      name: initiative.name,
      programme_id: initiative.programmeId,
      paragraph: initiative.paragraph,
      sentence: initiative.sentence,
    })),
    measures: extraction.measures.map((measure) => ({
      article_id: id,
      region: measure.region,
      paragraph: measure.paragraph,
      sentence_index: measure.sentenceIndex,
      locality: measure.locality,
      domain: measure.domains[0] ?? '',
      domains: measure.domains.join(';'),
      initiatives: measure.initiatives.join(';'),
      figures: measure.figures.join(';'),
      text: measure.text,
      role: measure.role,
      instrument: measure.instrument,
    })),
  };
}
