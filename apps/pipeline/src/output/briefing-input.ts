// What a briefing is drawn from besides the run's tallies: the taxonomy, the language, the time of generation, and
// the data tables it reads (the tile map, English measure words, the gazetteer's pinyin), loaded once per thread.
import { dataPath, loadDataFile, loadGazetteer, type Taxonomy } from '@roundup/parser';
import {
  MeasureWordsFile,
  TileLayoutFile,
  type BriefingCollector,
  type BriefingInput,
  type BriefingRunFacts,
  type Language,
  type ProgrammeIndex,
  type RegionComparison,
} from '@roundup/reports';
import type { z } from 'zod';

/** What a briefing knows beside the run's tallies: the taxonomy, and where to find the gazetteer if place names need pinyin. */
export interface BriefingKnowledge {
  taxonomy: Taxonomy;
  dataDir: string | undefined;
  language: Language;
  now: Date | undefined;
}

/** The run's tallies a briefing is drawn from. */
export interface BriefingTallies {
  collector: BriefingCollector;
  comparison: RegionComparison;
  run: BriefingRunFacts;
  programmes?: ProgrammeIndex;
}

/** What a briefing is drawn from: the run's tallies, its facts, the taxonomy and the language. */
export function briefingInput(tallies: BriefingTallies, knowledge: BriefingKnowledge): BriefingInput {
  const { collector, comparison, run, programmes } = tallies;
  return {
    ...(programmes ? { programmes } : {}),
    tiles: dataTableOnce('tile-map.json', knowledge.dataDir, TileLayoutFile).tiles,
    collector,
    comparison,
    run,
    taxonomy: knowledge.taxonomy.domains,
    language: knowledge.language,
    generatedAt: knowledge.now ?? new Date(),
    ...(knowledge.language === 'en' ? { measureWords: dataTableOnce('measure-words-en.json', knowledge.dataDir, MeasureWordsFile).words } : {}),
    // Loaded on first use: only an English briefing spells place names, and the gazetteer is cached per process.
    transliterate: (name) => englishPlaceName(knowledge.dataDir, name),
  };
}

/** A place name in pinyin, from the gazetteer of the data folder (loaded on first use, once per thread). */
function englishPlaceName(dataDir: string | undefined, name: string): string {
  return loadGazetteer(dataPath('place-aliases.json', dataDir)).englishName(name);
}

const dataTables = new Map<string, unknown>();
/**
 * A data table the briefings read (the tile layout, English measure words), loaded once per thread by its path:
 * every --per-article briefing uses it. A --data folder without it gets the bundled one (dataPath).
 */
function dataTableOnce<T extends z.ZodType>(file: string, dataDir: string | undefined, schema: T): z.infer<T> {
  const path = dataPath(file, dataDir);
  if (!dataTables.has(path)) dataTables.set(path, loadDataFile(path, schema));
  return dataTables.get(path) as z.infer<T>;
}

/** Loads the data tables a briefing in this language reads, before it is asked for (on the briefing's thread). */
export function preloadBriefingKnowledge(knowledge: BriefingKnowledge): void {
  dataTableOnce('tile-map.json', knowledge.dataDir, TileLayoutFile);
  if (knowledge.language !== 'en') return;
  dataTableOnce('measure-words-en.json', knowledge.dataDir, MeasureWordsFile);
  loadGazetteer(dataPath('place-aliases.json', knowledge.dataDir));
}
