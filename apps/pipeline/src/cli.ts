#!/usr/bin/env node
// The `roundup` command: arguments, progress on stderr, results on stdout, exit codes. The work is runPipeline's.
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '@roundup/parser';
import { tuneCompilerForBatchRun } from './command/compiler-tuning.js';
import { inputBytes } from './run/input-size.js';
import { NoArticlesError, pendingTemporaryFolders, releaseHeldLocksNow, runPipeline, StrictRejectsError, UsageError, type Progress } from './run/pipeline.js';
import { CACHE_FOLDER } from './cache/result-cache.js';
import { formatSummary } from './command/summary.js';
import { VERSION } from './version.js';
import { interruptedLine, oneLineUsageError, stageText } from './command/cli-messages.js';
import { userFolder } from './command/user-folder.js';

// Relative paths are the user's: under `pnpm roundup` the script runs from the workspace root.
process.chdir(userFolder());

/**
 * Extraction threads unless told: a core is left to the main thread (reading, writing) with the briefing's own thread,
 * and to V8's helper threads. On two cores that is one job, in the main thread: there `--jobs 2` took as long as
 * `--jobs 1` or longer (0.86–1.03× in `pnpm bench`) and used 40–50 % more CPU.
 */
const DEFAULT_JOBS = Math.max(1, availableParallelism() - 1);

/** Exit codes: 0 success, 1 the run failed (or --strict saw rejects), 2 the command was called wrongly. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function removePendingOutput(): void {
  for (const folder of pendingTemporaryFolders) rmSync(folder, { recursive: true, force: true });
  releaseHeldLocksNow();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    // An interrupted run leaves the previous output as it was and no temporary folder behind.
    const writing = pendingTemporaryFolders.size > 0;
    removePendingOutput();
    process.stderr.write(interruptedLine(process.stderr.isTTY, program.opts<{ out?: string }>().out, writing));
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

const color = process.stderr.isTTY && !('NO_COLOR' in process.env);
const red = (text: string) => (color ? `\u001b[31m${text}\u001b[39m` : text);

function fail(message: string, code: number): never {
  process.stderr.write(`${red('roundup:')} ${message}\n`);
  process.exit(code);
}

const program = new Command()
  .name('roundup')
  .description('Turn Chinese news roundups into CSV tables and a comparative PDF briefing.')
  .version(VERSION, '-V, --version')
  .argument('[inputs...]', 'article files (.json, .jsonl, .ndjson, .txt), folders of them, or - for standard input; none reads the bundled sample')
  .option('-o, --out <dir>', 'folder to write the tables and the briefing into', 'out')
  .addOption(new Option('--lang <lang>', 'language of the briefing (tables keep their columns)').choices(['zh', 'en']).default('zh'))
  .option('--strict', 'fail (exit 1) when any record is rejected, after writing rejects.csv', false)
  .option('--per-article', 'also write one briefing per roundup into briefings/', false)
  .addOption(
    new Option('--scope <scope>', 'what comparison.csv and the briefing compare: roundup sections only, or every article that gives a region a section')
      .choices(['roundups', 'all'])
      .default('roundups'),
  )
  .option('--sqlite <file>', 'also write every table into this SQLite database')
  .option('--xlsx <file>', 'also write every table into this Excel workbook, a sheet per table, typed, with a README sheet')
  .option(
    '--data <dir>',
    'folder with your own knowledge tables: taxonomy.json, units.json, place-aliases.json, initiative-cues.json, section-cues.json, known-units.json, sentence-roles.json, instruments.json, programme-names.json and tile-map.json (copy data/ and edit)',
  )
  .option(
    '-j, --jobs <n>',
    'extraction threads, by default one per core but one (the main thread reads and writes, the briefing has a thread of its own); 1 extracts in the main thread (the tables are the same for any number)',
    (value) => {
      const jobs = Number(value);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new InvalidArgumentError('must be a whole number from 1 to 64');
      return jobs;
    },
    DEFAULT_JOBS,
  )
  .option('--no-cache', `read and extract every input again, ignoring the results an earlier run kept in <out>/${CACHE_FOLDER}, and keep none`)
  .option('-q, --quiet', 'no progress or summary on stderr', false)
  .option('--json', 'print the run summary as JSON on stdout', false)
  .addHelpText(
    'after',
    `
Examples:
  roundup                              the bundled sample article into ./out
  roundup articles.jsonl --out tables  a corpus in JSON lines
  roundup ../shared/corpus -o corpus   every .json, .jsonl and .txt below a folder
  roundup corpus.jsonl --sqlite r.db   the same tables in a SQLite database too
  roundup --xlsx out/roundup.xlsx      the same tables in one workbook, ready to filter
  cat one.json | roundup - --json      standard input, summary as JSON

Exit codes: 0 done; 1 the run failed, found no article, or --strict saw rejects; 2 wrong arguments or unusable paths
(a folder or file roundup did not write where it would write, an --out that is or holds an input, a bad --data).`,
  )
  // A wrong option is reported on one line, with the nearest option when there is one and where to read the rest.
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(red(oneLineUsageError(text))) });

try {
  program.parse(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  throw error;
}

tuneCompilerForBatchRun();
const options = program.opts<{
  out: string;
  lang: 'zh' | 'en';
  scope: 'roundups' | 'all';
  strict: boolean;
  perArticle: boolean;
  sqlite?: string;
  xlsx?: string;
  data?: string;
  quiet: boolean;
  json: boolean;
  jobs: number;
  cache: boolean;
}>();
const showProgress = !options.quiet && process.stderr.isTTY;
const startedAt = Date.now();
const totalBytes = showProgress ? await inputBytes(program.args) : 0;

/** One progress line: articles, megabytes of text, rate and, where the input size is known, a rough ETA. */
function progressLine(progress: Progress): string {
  const seconds = (Date.now() - startedAt) / 1000;
  // Article text is mostly CJK, three bytes a character in UTF-8; the files add markup around it.
  const megabytes = (progress.characters * 3) / 1e6;
  const rate = seconds > 0 ? megabytes / seconds : 0;
  const remaining = totalBytes > 0 && rate > 0 ? Math.max(0, totalBytes / 1e6 - megabytes) / rate : undefined;
  // Past reading, the inputs' size no longer tells what is left.
  const eta = remaining === undefined || progress.stage !== 'reading' ? '' : `, ETA ~${Math.ceil(remaining)} s`;
  return `\r\u001b[2K${progress.articles} articles, ${progress.rejects} rejected, ${megabytes.toFixed(1)} MB, ${rate.toFixed(2)} MB/s${eta}${stageText(progress.stage, progress.briefings)}`;
}

try {
  const summary = await runPipeline({
    inputs: program.args,
    outDir: options.out,
    language: options.lang,
    strict: options.strict,
    perArticle: options.perArticle,
    scope: options.scope,
    ...(options.data ? { dataDir: options.data } : {}),
    ...(options.sqlite ? { sqlite: options.sqlite } : {}),
    ...(options.xlsx ? { xlsx: options.xlsx } : {}),
    jobs: options.jobs,
    cache: options.cache,
    ...(showProgress ? { onProgress: (progress: Progress) => process.stderr.write(progressLine(progress)) } : {}),
  });
  if (showProgress) process.stderr.write('\r\u001b[2K');
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!options.quiet) process.stdout.write(formatSummary(summary));
  process.exit(EXIT.ok);
} catch (error) {
  if (showProgress) process.stderr.write('\r\u001b[2K');
  if (error instanceof StrictRejectsError || error instanceof NoArticlesError) {
    if (options.json) process.stdout.write(`${JSON.stringify(error.summary, null, 2)}\n`);
    fail(error.message, EXIT.failure);
  }
  if (error instanceof UsageError || error instanceof InputError) fail(error.message, EXIT.usage);
  fail(error instanceof Error ? error.message : String(error), EXIT.failure);
}
