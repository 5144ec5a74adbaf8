#!/usr/bin/env node
// `pnpm bench`: rates and ratios measured in one run on this machine, since absolute times drift on shared machines.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { GoldArticle, type Article, type RunSummary } from '@roundup/model';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { articleTables, createExtractor, DEFAULT_DATA_DIR, extractArticle, extractFigures, readInputs } from '@roundup/parser';
import { BriefingCollector, briefingDocument, plainParagraphsDocument, RegionComparison, renderDocument } from '@roundup/reports';
import { loadGoldArticle } from '../eval/evaluation.js';
import { benchLongParagraphs } from './long-paragraph-bench.js';
import { readdir, readFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);
const root = resolve(DEFAULT_DATA_DIR, '..');
const program = new Command()
  .name('roundup-bench')
  .description('Measure roundup against the floor of reading the same corpus, and against recognizers-text.')
  .option('--corpus <dir>', 'the corpus to measure on', resolve(root, '../shared/corpus'))
  .option('--big <gigabytes>', 'also build a synthetic corpus of this size by repeating the corpus, and measure memory and briefing time on it', '0')
  .option(
    '--long <characters>',
    'the longest generated one-paragraph article measured (extraction per character up to it, the command on it); 0 skips them',
    '1000000',
  )
  .parse(process.argv);
const options = program.opts<{ corpus: string; big: string; long: string }>();

const megabytes = (articles: readonly Article[]) =>
  articles.reduce((sum, article) => sum + article.paragraphs.reduce((s, p) => s + Buffer.byteLength(p), 0), 0) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(46)} ${value}\n`);

async function timeIt<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

// 1. The floor, exactly: read every file, decode it, JSON.parse each record or split the .txt into lines, and nothing
// else; the best of three rounds (the least a run could cost). The main reference reads with blocking calls, the
// cheapest way there is; the fs.promises floor beside it is what the earlier rounds reported against (about twice as
// heavy). Then roundup's own readers over the same files.
const floorSeconds = Math.min(...(await floorRounds(options.corpus, 3)));
const promisesFloorSeconds = Math.min(...(await floorRounds(options.corpus, 3, 'promises')));
const [articles, readerSeconds] = await timeIt(async () => {
  const read: Article[] = [];
  for await (const record of readInputs([options.corpus])) if (record.kind === 'article') read.push(record.article);
  return read;
});
const textMb = megabytes(articles);
const floorRate = textMb / floorSeconds;
process.stdout.write(`corpus: ${options.corpus}: ${articles.length} articles, ${textMb.toFixed(1)} MB of article text (UTF-8)\n\n`);
line('floor: read (blocking) + decode + parse', `${floorRate.toFixed(2)} MB/s of article text (${floorSeconds.toFixed(2)} s, best of 3)`);
line('  the same with fs.promises reads', `${promisesFloorSeconds.toFixed(2)} s: × ${(promisesFloorSeconds / floorSeconds).toFixed(2)} the blocking floor`);
line(
  "roundup's readers (validation, paragraphs, ids)",
  `${(textMb / readerSeconds).toFixed(2)} MB/s (${readerSeconds.toFixed(2)} s), floor × ${(readerSeconds / floorSeconds).toFixed(1)}`,
);

/** Rounds of the floor over a folder, each in seconds, reading with blocking calls or with fs.promises. */
async function floorRounds(folder: string, rounds: number, reads: 'blocking' | 'promises' = 'blocking'): Promise<number[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk(folder);
  const seconds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const [, elapsed] = await timeIt(async () => {
      const decoder = new TextDecoder('utf-8');
      for (const file of files) {
        const text = decoder.decode(reads === 'blocking' ? readFileSync(file) : await readFile(file));
        if (file.endsWith('.jsonl')) for (const record of text.split('\n')) record.trim() && JSON.parse(record);
        else if (file.endsWith('.json')) JSON.parse(text);
        else text.split(/\r?\n/);
      }
    });
    seconds.push(elapsed);
  }
  return seconds;
}

// 2. Extraction alone, in this thread.
const extractor = createExtractor();
const [, extractSeconds] = await timeIt(() => {
  for (const article of articles) articleTables(extractArticle(article, extractor), extractor.gazetteer);
});
const extractRate = textMb / extractSeconds;
line(
  'extraction (one thread)',
  `${extractRate.toFixed(2)} MB/s, ${(articles.length / extractSeconds).toFixed(0)} articles/s, floor ÷ ${(floorRate / extractRate).toFixed(1)}`,
);

// 3. The whole run, CSVs and corpus briefing included, with one and two extraction threads: the `roundup` command
// in a child process each time, so that its peak memory is its own.
const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
/** A run's summary, and the command's own wall time from start to exit (module loading included) in `commandSeconds`. */
type CommandRun = RunSummary & { commandSeconds: number };
async function runCommand(
  inputs: string[],
  jobs: number,
  out = join(mkdtempSync(join(tmpdir(), 'roundup-bench-')), 'out'),
  keep = false,
  extra: string[] = [],
): Promise<CommandRun> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)('node', [cli, ...inputs, '--out', out, '--jobs', String(jobs), '--json', '--quiet', ...extra], {
    maxBuffer: 1 << 26,
  });
  const commandSeconds = (performance.now() - started) / 1000;
  if (!keep) rmSync(resolve(out, '..'), { recursive: true, force: true });
  return { ...(JSON.parse(stdout) as RunSummary), commandSeconds };
}
/** A run, and its times over the floor measured just before it. */
type RunAgainstFloor = CommandRun & { floorRatio: number; commandFloorRatio: number };
const runs: Record<number, RunAgainstFloor> = {};
/**
 * Shared machines vary by 10-40 % within the hour, the floor with them: each run is measured against the floor (best of
 * three) taken just before it, and the run reported is the median of three by wall time, with the median of the ratios
 * and of the CPU times.
 */
async function medianRun(jobs: number): Promise<RunAgainstFloor> {
  const three: Array<CommandRun & { floor: number }> = [];
  for (let round = 0; round < 3; round++) {
    const floor = Math.min(...(await floorRounds(options.corpus, 3)));
    three.push({ ...(await runCommand([options.corpus], jobs, undefined, false, ['--no-cache'])), floor });
  }
  const middle = [...three].sort((a, b) => a.seconds - b.seconds)[1]!;
  // CPU time drifts with the machine as wall time does: the median of the three, not the one of the middle run.
  const cpuSeconds = median(three.map((run) => run.cpuSeconds));
  const mainThreadCpuSeconds = median(three.map((run) => run.mainThreadCpuSeconds ?? Number.NaN));
  return {
    ...middle,
    cpuSeconds,
    mainThreadCpuSeconds,
    floorRatio: median(three.map((run) => run.seconds / run.floor)),
    commandFloorRatio: median(three.map((run) => run.commandSeconds / run.floor)),
  };
}
for (const jobs of [1, 2]) {
  runs[jobs] = await medianRun(jobs);
  const rate = textMb / runs[jobs]!.seconds;
  line(
    `whole pipeline, --jobs ${jobs}`,
    `${rate.toFixed(2)} MB/s, ${(runs[jobs]!.articles / runs[jobs]!.seconds).toFixed(0)} articles/s (${runs[jobs]!.seconds} s): floor × ${runs[jobs]!.floorRatio.toFixed(1)} (× ${(runs[jobs]!.seconds / floorSeconds).toFixed(1)} the first floor)`,
  );
  line(
    `  the command, start to exit, --jobs ${jobs}`,
    `${runs[jobs]!.commandSeconds.toFixed(2)} s (loading modules included): floor × ${runs[jobs]!.commandFloorRatio.toFixed(1)}`,
  );
  line(`  stages (s), --jobs ${jobs}`, JSON.stringify(runs[jobs]!.stageSeconds));
  line(
    `  CPU time, --jobs ${jobs} (all threads)`,
    `${runs[jobs]!.cpuSeconds} s: ${(runs[jobs]!.cpuSeconds / textMb).toFixed(3)} CPU s per MB of text, ${(runs[jobs]!.cpuSeconds / runs[jobs]!.seconds).toFixed(2)} cores busy on average`,
  );
  // The main thread's own share: with workers extracting, this is the serial part that more cores cannot shorten.
  line(
    `  main thread's CPU, --jobs ${jobs}`,
    `${runs[jobs]!.mainThreadCpuSeconds} s: ${(runs[jobs]!.mainThreadCpuSeconds! / textMb).toFixed(3)} CPU s per MB of text (median of 3)`,
  );
}
const cores = availableParallelism();
line('--jobs 2 speed-up over --jobs 1', `${(runs[1]!.seconds / runs[2]!.seconds).toFixed(2)}×`);
// V8 collects garbage and compiles on helper threads, so a --jobs 1 run already keeps more than one core busy;
// no schedule of its CPU time on this machine's cores finishes sooner than CPU time ÷ cores.
line(
  `  the most ${cores} cores allow for --jobs 1's work`,
  `${((runs[1]!.seconds * Math.min(cores, 2)) / runs[1]!.cpuSeconds).toFixed(2)}× (wall × ${Math.min(cores, 2)} ÷ CPU time)`,
);
line('peak RSS of the command on this corpus', `${runs[1]!.peakRssMb} MB (--jobs 1), ${runs[2]!.peakRssMb} MB (--jobs 2, main thread and workers)`);
{
  // The workbook is written from the finished CSVs, sheet by sheet: what it adds to a run, from runs with and without
  // --xlsx alternated (three pairs, medians), since the machine's load drifts between one run and the next.
  const pairs: Array<{ without: CommandRun; with: CommandRun }> = [];
  for (let pair = 0; pair < 3; pair++) {
    const out = join(mkdtempSync(join(tmpdir(), 'roundup-bench-')), 'out');
    const without = await runCommand([options.corpus], 1, undefined, false, ['--no-cache']);
    pairs.push({ without, with: await runCommand([options.corpus], 1, out, false, ['--no-cache', '--xlsx', join(out, 'roundup.xlsx')]) });
  }
  const wall = { without: median(pairs.map((pair) => pair.without.seconds)), with: median(pairs.map((pair) => pair.with.seconds)) };
  const cpu = { without: median(pairs.map((pair) => pair.without.cpuSeconds)), with: median(pairs.map((pair) => pair.with.cpuSeconds)) };
  const workbookSeconds = median(pairs.map((pair) => pair.with.stageSeconds.workbook ?? 0));
  const rss = { without: median(pairs.map((pair) => pair.without.peakRssMb)), with: median(pairs.map((pair) => pair.with.peakRssMb)) };
  line(
    '--xlsx workbook on this corpus (--jobs 1)',
    `${wall.with} s vs ${wall.without} s without: +${(((wall.with - wall.without) / wall.without) * 100).toFixed(0)} % (workbook stage ${workbookSeconds} s), medians of 3 alternating pairs`,
  );
  line(
    '  CPU time with and without --xlsx',
    `${cpu.with} s vs ${cpu.without} s: +${(((cpu.with - cpu.without) / cpu.without) * 100).toFixed(0)} %; peak RSS ${rss.with} MB vs ${rss.without} MB`,
  );
}
{
  // A rerun over the unchanged corpus into the same folder reuses every file's results.
  const out = join(mkdtempSync(join(tmpdir(), 'roundup-bench-')), 'out');
  const first = await runCommand([options.corpus], 2, out, true);
  const rerun = await runCommand([options.corpus], 2, out);
  line(
    'rerun over the unchanged corpus (--jobs 2)',
    `${rerun.seconds} s vs ${first.seconds} s the first time: ${(first.seconds / rerun.seconds).toFixed(1)}× faster, ${rerun.reusedFiles} of ${rerun.inputFiles} files reused`,
  );
}

// 4. The briefing against pdfmake laying out the same text as plain paragraphs with the same font.
/** pdfmake changes a definition while laying it out, so every round builds its own. */
async function render(makeDefinition: () => Parameters<typeof renderDocument>[0]): Promise<number> {
  const file = join(tmpdir(), `roundup-bench-${process.pid}.pdf`);
  const [, seconds] = await timeIt(() => renderDocument(makeDefinition(), file));
  rmSync(file, { force: true });
  return seconds;
}
for (const [label, subset] of [
  ['sample briefing', articles.filter((article) => article.articleId === '20191218-06-02')],
  ['corpus briefing', articles],
] as const) {
  const comparison = new RegionComparison(extractor.taxonomy.domains);
  const collector = new BriefingCollector();
  let sampleArticles: readonly Article[] = subset;
  if (sampleArticles.length === 0) {
    sampleArticles = [];
    for await (const record of readInputs([join(DEFAULT_DATA_DIR, 'sample')])) if (record.kind === 'article') sampleArticles = [record.article];
  }
  for (const article of sampleArticles) {
    const tables = articleTables(extractArticle(article, extractor), extractor.gazetteer);
    comparison.add(tables);
    collector.add(tables);
  }
  const definition = () =>
    briefingDocument({
      collector,
      comparison,
      run: { recordsRead: sampleArticles.length, articles: sampleArticles.length, rejects: 0, rejectReasons: {}, scope: 'roundups' },
      taxonomy: extractor.taxonomy.domains,
      language: 'zh',
      generatedAt: new Date(),
    });
  const plain = () => plainParagraphsDocument(definition());
  const full: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 5; round++) {
    full.push(await render(definition));
    baseline.push(await render(plain));
  }
  line(
    `${label}: full vs plain paragraphs (median of 5)`,
    `${median(full).toFixed(3)} s vs ${median(baseline).toFixed(3)} s: ${(median(full) / median(baseline)).toFixed(2)}×`,
  );
}

// 5. Figure finding against @microsoft/recognizers-text (Chinese culture), on the same text and the dev gold.
const numberWithUnit = require('@microsoft/recognizers-text-number-with-unit');
const numbers = require('@microsoft/recognizers-text-number');
const culture = 'zh-cn';
const recognizers = (text: string): Array<{ start: number; end: number }> =>
  [numberWithUnit.recognizeCurrency, numberWithUnit.recognizeDimension, numberWithUnit.recognizeAge, numbers.recognizeNumber, numbers.recognizePercentage]
    .flatMap((recognize: (text: string, culture: string) => Array<{ start: number; end: number }>) => recognize(text, culture))
    .map((result) => ({ start: result.start, end: result.end + 1 }));
const paragraphs = articles.flatMap((article) => article.paragraphs);
const sampleText: string[] = [];
let sampleBytes = 0;
for (let i = 0; i < paragraphs.length && sampleBytes < 100_000; i += 37) {
  sampleText.push(paragraphs[i]!);
  sampleBytes += Buffer.byteLength(paragraphs[i]!);
}
const [, oursSeconds] = await timeIt(() => {
  for (let round = 0; round < 20; round++) for (const text of sampleText) extractFigures(text, 0, extractor.figureRules);
});
const [, theirsSeconds] = await timeIt(() => {
  for (const text of sampleText) recognizers(text);
});
const oursRate = (20 * sampleBytes) / 1e6 / oursSeconds;
const theirsRate = sampleBytes / 1e6 / theirsSeconds;
line('figure finding, ours', `${oursRate.toFixed(2)} MB/s (on ${(sampleBytes / 1000).toFixed(0)} kB of corpus paragraphs)`);
line('figure finding, recognizers-text (5 models)', `${theirsRate.toFixed(4)} MB/s; ours is ${(oursRate / theirsRate).toFixed(0)}× faster`);

const goldDir = join(root, 'gold/dev');
let goldTotal = 0;
let oursFound = 0;
let theirsFound = 0;
for (const file of (await readdir(goldDir)).filter((name) => name.endsWith('.json'))) {
  const gold = GoldArticle.parse(JSON.parse(readFileSync(join(goldDir, file), 'utf8')));
  const article = await loadGoldArticle(gold, options.corpus);
  if (!article) continue;
  const seen = new Map<string, number>();
  for (const figure of (gold.figures ?? []).filter((entry) => !entry.optional)) {
    const text = article.paragraphs[figure.p] ?? '';
    const key = `${figure.p}:${figure.raw}`;
    const start = text.indexOf(figure.raw, seen.get(key) ?? 0);
    seen.set(key, start + 1);
    const end = start + figure.raw.length;
    const overlaps = (spans: Array<{ start: number; end: number }>) => spans.some((span) => span.start < end && start < span.end);
    goldTotal += 1;
    if (overlaps(extractFigures(text, figure.p, extractor.figureRules))) oursFound += 1;
    if (overlaps(recognizers(text))) theirsFound += 1;
  }
}
line(
  'recall on gold/dev figures (any overlap counts)',
  `ours ${(oursFound / goldTotal).toFixed(3)}, recognizers-text ${(theirsFound / goldTotal).toFixed(3)} (${goldTotal} figures)`,
);

// 6. Memory and briefing time on a synthetic corpus of the requested size, built by repeating this one.
const gigabytes = Number(options.big);
if (gigabytes > 0) {
  const folder = mkdtempSync(join(tmpdir(), 'roundup-big-'));
  const file = join(folder, 'big.jsonl');
  const stream = createWriteStream(file);
  let written = 0;
  for (let copy = 0; written < gigabytes * 1e9; copy++) {
    for (const article of articles) {
      const line = `${JSON.stringify({ url: `${article.url || article.articleId}#copy${copy}`, title: article.title, date: article.date, text: `${article.paragraphs.join('\n')}\n（副本${copy}）`, EmotionalWords: [], comments: [] })}\n`;
      written += Buffer.byteLength(line);
      if (!stream.write(line)) await once(stream, 'drain');
    }
  }
  stream.end();
  await once(stream, 'finish');
  const big = await runCommand([file], 2);
  line(
    `synthetic corpus: ${(written / 1e9).toFixed(2)} GB`,
    `${big.articles} articles in ${big.seconds} s, ${((big.characters * 3) / 1e6 / big.seconds).toFixed(2)} MB/s`,
  );
  line(
    'peak RSS, 1 GB-class corpus vs this corpus (--jobs 2)',
    `${big.peakRssMb} MB vs ${runs[2]!.peakRssMb} MB: ${(big.peakRssMb / runs[2]!.peakRssMb).toFixed(2)}×`,
  );
  line(
    'corpus briefing time, big vs this corpus',
    `${big.stageSeconds.briefing} s vs ${runs[2]!.stageSeconds.briefing} s: ${(big.stageSeconds.briefing! / runs[2]!.stageSeconds.briefing!).toFixed(2)}×`,
  );
  rmSync(folder, { recursive: true, force: true });
}

// 7. One paragraph of each generated pattern, up to the article limit: extraction stays linear in its length.
if (Number(options.long) > 0) await benchLongParagraphs(cli, Number(options.long), line);
