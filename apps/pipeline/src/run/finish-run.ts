// Finish: what a run writes once every record is in the tables: the comparison, the database's last table, the
// workbook, the briefing and the data package; and the briefings of single roundups for --per-article.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type ArticleTables, type ComparisonRow } from '@roundup/model';
import {
  BriefingCollector,
  dataPackage,
  formatCsv,
  RegionComparison,
  renderBriefing,
  tableShape,
  writeWorkbook,
  type BriefingRunFacts,
} from '@roundup/reports';
import { briefingInput, type BriefingKnowledge, type BriefingTallies } from '../output/briefing-input.js';
import type { BriefingThread } from '../output/briefing-thread.js';
import type { OutputFolder } from '../output/output-folder.js';
import type { RunTally } from './run-tally.js';
import type { StageTimer } from './stage-timer.js';
import type { TableSink } from '../output/table-sink.js';
import { VERSION } from '../version.js';

export interface FinishSettings {
  knowledge: BriefingKnowledge;
  /** Rows of data per workbook sheet (Excel's limit unless a test asks for fewer). */
  xlsxRowsPerSheet: number | undefined;
}

/**
 * Writes the run's finished files into the folder, the briefing as its thread hands it back (it was handed the tallies
 * before, see `briefingTallies`, and lays it out meanwhile); returns the comparison's rows.
 */
export async function finishRun(
  folder: OutputFolder,
  tally: RunTally,
  sink: TableSink,
  { settings, timer, briefing }: { settings: FinishSettings; timer: StageTimer; briefing: BriefingThread },
): Promise<ComparisonRow[]> {
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
  tally.enterStage('briefing');
  const pdf = await timer.time('briefing', () => briefing.bytes());
  await writeFile(folder.path('briefing.pdf'), pdf);
  const descriptor = dataPackage({ version: VERSION, created: settings.knowledge.now ?? new Date(), domains });
  await writeFile(folder.path('datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  return rows;
}

/** What the run's briefing is drawn from, once every record is in: its tallies and facts. */
export function briefingTallies(tally: RunTally): BriefingTallies {
  const { comparison, collector, programmes } = tally;
  const run: BriefingRunFacts = {
    recordsRead: tally.records,
    articles: tally.articles,
    rejects: tally.rejects,
    rejectReasons: tally.rejectReasons,
    scope: comparison.scope,
  };
  return { collector, comparison, programmes, run };
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
    await renderBriefing(briefingInput({ collector, comparison, run: facts }, this.knowledge), join(this.folder, `${id}.pdf`));
  }
}
