// `pnpm bench`'s long paragraphs: each generated pattern of `stress-text.ts` as one paragraph of 10,000 to 1,000,000
// characters, extraction's CPU time per character at each size (linear code keeps it flat), and the `roundup` command
// on one article of the largest size under the article limit.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunSummary } from '@roundup/model';
import {
  articleTables,
  createExtractor,
  extractArticle,
  MAX_ARTICLE_CHARACTERS,
  STRESS_PATTERNS,
  stressParagraph,
  type Extractor,
  type StressPattern,
} from '@roundup/parser';

/** The article the command runs on: as large as the limit allows, with room for the title line. */
const COMMAND_CHARACTERS = MAX_ARTICLE_CHARACTERS - 10_000;

/** Per pattern: CPU µs per character of extraction (articleTables included) at each size, then the command on one article. */
export async function benchLongParagraphs(cli: string, largest: number, report: (label: string, value: string) => void): Promise<void> {
  const extractor = createExtractor();
  const sizes = [10_000, 100_000, largest].filter((size, index, all) => size <= largest && all.indexOf(size) === index);
  for (const pattern of Object.keys(STRESS_PATTERNS) as StressPattern[]) {
    const perCharacter = sizes.map((size) => microsecondsPerCharacter(pattern, size, extractor));
    const growth = perCharacter[perCharacter.length - 1]! / perCharacter[0]!;
    report(
      `long paragraph, ${pattern}: extraction`,
      `${perCharacter.map((value) => value.toFixed(2)).join(' / ')} CPU µs per character at ${sizes.map((size) => size.toLocaleString('en')).join(' / ')} (× ${growth.toFixed(2)})`,
    );
    const run = await commandOn(cli, pattern, Math.min(largest, COMMAND_CHARACTERS));
    report(
      `  the command on ${Math.min(largest, COMMAND_CHARACTERS).toLocaleString('en')} characters`,
      `${run.commandSeconds.toFixed(2)} s start to exit, ${run.cpuSeconds} CPU s, ${run.peakRssMb} MB peak RSS, ${run.figures} figures`,
    );
  }
}

/** The least CPU time per character over two rounds, after a round at the smallest size to warm the code up. */
function microsecondsPerCharacter(pattern: StressPattern, characters: number, extractor: Extractor): number {
  const article = (size: number) => ({
    articleId: pattern,
    date: '2020-01-01',
    title: pattern,
    url: '',
    source: 'bench',
    paragraphs: [stressParagraph(pattern, size)],
  });
  articleTables(extractArticle(article(10_000), extractor), extractor.gazetteer);
  const input = article(characters);
  let least = Infinity;
  for (let round = 0; round < 2; round++) {
    const before = process.cpuUsage();
    articleTables(extractArticle(input, extractor), extractor.gazetteer);
    const used = process.cpuUsage(before);
    least = Math.min(least, (used.user + used.system) / characters);
  }
  return least;
}

/** The command (`--jobs 1`, no cache) on one article of one paragraph, in a child process: its wall time, CPU and memory. */
async function commandOn(cli: string, pattern: StressPattern, characters: number): Promise<RunSummary & { commandSeconds: number; figures: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'roundup-long-'));
  try {
    const input = join(folder, `${pattern}.json`);
    writeFileSync(
      input,
      JSON.stringify({ url: `https://example.com/${pattern}`, title: pattern, text: stressParagraph(pattern, characters), date: '2020-01-01' }),
    );
    const started = performance.now();
    const { stdout } = await promisify(execFile)('node', [cli, input, '--out', join(folder, 'out'), '--jobs', '1', '--no-cache', '--json', '--quiet'], {
      maxBuffer: 1 << 26,
    });
    const commandSeconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(stdout) as RunSummary;
    return { ...summary, commandSeconds, figures: summary.rows.figures ?? 0 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
