// Finish: what a run writes once every record is in the tables: the comparison, the database's last table, the
// workbook, the briefing and the data package; and the briefings of single roundups for --per-article.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type ArticleTables, type ComparisonRow } from '@roundup/model';
import { dataPath, loadDataFile, loadGazetteer, type Taxonomy } from '@roundup/parser';
import {
  BriefingCollector,
  dataPackage,
  formatCsv,
  MeasureWordsFile,
  TileLayoutFile,
  type ProgrammeIndex,
  RegionComparison,
  renderBriefing,
  tableShape,
  writeWorkbook,
  type BriefingInput,
  type BriefingRunFacts,
  type Language,
} from '@roundup/reports';
import type { z } from 'zod';
import type { OutputFolder } from '../output/output-folder.js';
import type { RunTally } from './run-tally.js';
import type { StageTimer } from './stage-timer.js';
import type { TableSink } from '../output/table-sink.js';
import { VERSION } from '../version.js';

/** What the main thread knows for briefings: the taxonomy, and where to find the gazetteer if place names need pinyin. */
export interface BriefingKnowledge {
  taxonomy: Taxonomy;
  dataDir: string | undefined;
  language: Language;
  now: Date | undefined;
}

export interface FinishSettings {
  knowledge: BriefingKnowledge;
  /** Rows of data per workbook sheet (Excel's limit unless a test asks for fewer). */
  xlsxRowsPerSheet: number | undefined;
}

/** Writes the run's finished files into the folder; returns the comparison's rows. */
export async function finishRun(folder: OutputFolder, tally: RunTally, sink: TableSink, settings: FinishSettings, timer: StageTimer): Promise<ComparisonRow[]> {
  const { comparison } = tally;
  const domains = settings.knowledge.taxonomy.domains;
  const rows = comparison.rows();
  await writeFile(folder.path('comparison.csv'), formatCsv(rows, tableShape(TABLES.comparison, comparison.domainColumns)));
  const roundupRegions = comparison.roundupRegionRows();
  await writeFile(folder.path('roundup_regions.csv'), formatCsv(roundupRegions, tableShape(TABLES.roundup_regions)));
  const { programmes, programmeRegions } = tally.programmes.tables();
  await writeFile(folder.path('programmes.csv'), formatCsv(programmes, tableShape(TABLES.programmes)));
  await writeFile(folder.path('programme_regions.csv'), formatCsv(programmeRegions, tableShape(TABLES.programme_regions)));
  sink.finishDatabase(rows, comparison.domainColumns, roundupRegions, [
    ['programmes', programmes],
    ['programme_regions', programmeRegions],
  ]);
  const workbook = await folder.sidePath('--xlsx');
  if (workbook) {
    tally.enterStage('workbook');
    const domainColumns = domains.map((domain) => ({ name: `domain_${domain.id}`, description: `measures in the policy domain ${domain.en} (${domain.zh})` }));
    const rowsPerSheet = settings.xlsxRowsPerSheet ? { rowsPerSheet: settings.xlsxRowsPerSheet } : {};
    await timer.time('workbook', () => writeWorkbook(workbook, { folder: folder.temporary, domainColumns, ...rowsPerSheet }));
  }
  const facts: BriefingRunFacts = {
    recordsRead: tally.records,
    articles: tally.articles,
    rejects: tally.rejects,
    rejectReasons: tally.rejectReasons,
    scope: comparison.scope,
  };
  tally.enterStage('briefing');
  await timer.time('briefing', () =>
    renderBriefing(briefingInput(tally.collector, comparison, facts, settings.knowledge, tally.programmes), folder.path('briefing.pdf')),
  );
  const descriptor = dataPackage({ version: VERSION, created: settings.knowledge.now ?? new Date(), domains });
  await writeFile(folder.path('datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  return rows;
}

/** What a briefing is drawn from: the run's tallies, its facts, the taxonomy and the language. */
function briefingInput(
  collector: BriefingCollector,
  comparison: RegionComparison,
  run: BriefingRunFacts,
  knowledge: BriefingKnowledge,
  programmes?: ProgrammeIndex,
): BriefingInput {
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
    transliterate: (name) => loadGazetteer(dataPath('place-aliases.json', knowledge.dataDir)).englishName(name),
  };
}

const dataTables = new Map<string, unknown>();
/**
 * A data table the briefings read (the tile layout, English measure words), loaded once per process by its path:
 * every --per-article briefing uses it. A --data folder without it gets the bundled one (dataPath).
 */
function dataTableOnce<T extends z.ZodType>(file: string, dataDir: string | undefined, schema: T): z.infer<T> {
  const path = dataPath(file, dataDir);
  if (!dataTables.has(path)) dataTables.set(path, loadDataFile(path, schema));
  return dataTables.get(path) as z.infer<T>;
}

/** --per-article: each roundup's own briefing, in `briefings/<id>.pdf`, drawn from its digest alone. */
export class ArticleBriefings {
  private constructor(
    private readonly folder: string,
    private readonly knowledge: BriefingKnowledge,
  ) {}

  static async create(folder: OutputFolder, knowledge: BriefingKnowledge): Promise<ArticleBriefings> {
    await mkdir(folder.path('briefings'));
    return new ArticleBriefings(folder.path('briefings'), knowledge);
  }

  async render(id: string, digest: ArticleTables): Promise<void> {
    const comparison = new RegionComparison(this.knowledge.taxonomy.domains);
    const collector = new BriefingCollector();
    comparison.add(digest);
    collector.add(digest);
    const facts: BriefingRunFacts = { recordsRead: 1, articles: 1, rejects: 0, rejectReasons: {}, scope: 'roundups' };
    await renderBriefing(briefingInput(collector, comparison, facts, this.knowledge), join(this.folder, `${id}.pdf`));
  }
}
