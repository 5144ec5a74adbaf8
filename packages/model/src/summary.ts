// The run summary printed with --json: what was read, written and rejected.
import { z } from 'zod';

export const RunSummary = z.object({
  version: z.string(),
  inputs: z.array(z.string()),
  outDir: z.string(),
  recordsRead: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  rejects: z.number().int().nonnegative(),
  rejectReasons: z.record(z.string(), z.number().int().nonnegative()),
  articlesWithSections: z.number().int().nonnegative(),
  multiRegionArticles: z.number().int().nonnegative(),
  /** Articles of kind `roundup`: several regions or units in passages of their own, framed that way. */
  roundups: z.number().int().nonnegative(),
  /** What the comparison and the briefing count: roundup sections only, or every article with a region. */
  scope: z.enum(['roundups', 'all']),
  regions: z.array(z.string()),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  /** Every file written: the folder's files relative to it (each per-article briefing too), a database or workbook elsewhere by its absolute path. */
  files: z.array(z.string()),
  seconds: z.number().nonnegative(),
  /** Extraction threads used. */
  jobs: z.number().int().positive(),
  /** Characters of article text read. */
  characters: z.number().int().nonnegative(),
  /** Time spent reading, waiting for extraction, writing tables and laying out the briefing. */
  stageSeconds: z.record(z.string(), z.number().nonnegative()),
  /** Peak resident memory of the process. */
  peakRssMb: z.number().nonnegative(),
  /** CPU time of the process, all threads together: above `seconds` when several cores worked. */
  cpuSeconds: z.number().nonnegative(),
  /** CPU time of the main thread alone (the part no worker can take over); absent where the system does not say (not Linux). */
  mainThreadCpuSeconds: z.number().nonnegative().optional(),
  /** Input files read (standard input counts as one). */
  inputFiles: z.number().int().nonnegative(),
  /** Input files whose results were reused from the previous run into the same folder: same content, settings, version and code. */
  reusedFiles: z.number().int().nonnegative(),
  /** Records of those files, written from the earlier results without reading or extracting them again. */
  reusedRecords: z.number().int().nonnegative(),
  /** One line each on how the run went that the counts do not say: whose knowledge tables it used, why earlier results were not reused. */
  notes: z.array(z.string()),
});
export type RunSummary = z.infer<typeof RunSummary>;
