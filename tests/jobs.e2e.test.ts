// The same input gives byte-identical tables whatever the number of extraction threads.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, ROOT, runCli } from './helpers.js';

async function tablesWith(jobs: number, inputs: string[]): Promise<Map<string, Buffer>> {
  const out = join(mkdtempSync(join(tmpdir(), `roundup-jobs${jobs}-`)), 'out');
  const result = await runCli([...inputs, '--out', out, '--jobs', String(jobs), '--quiet']);
  expect(result.code).toBe(0);
  return new Map(
    readdirSync(out)
      .filter((file) => file.endsWith('.csv'))
      .map((file) => [file, readFileSync(join(out, file))]),
  );
}

async function expectSameTables(inputs: string[]): Promise<void> {
  const [one, two] = [await tablesWith(1, inputs), await tablesWith(2, inputs)];
  expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
  for (const [file, bytes] of one) expect(two.get(file)?.equals(bytes), file).toBe(true);
}

describe('--jobs', () => {
  it('gives byte-identical CSVs with 1 and 2 threads on the bundled sample', async () => {
    await expectSameTables([join(ROOT, 'data/sample')]);
  }, 120_000);
  it.skipIf(!HAS_CORPUS)(
    'gives byte-identical CSVs with 1 and 2 threads on the shared corpus (skipped without ../shared/corpus)',
    async () => {
      await expectSameTables([CORPUS]);
    },
    300_000,
  );
  it('refuses the run before it starts, leaving no output, when the extraction threads could not load the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundup-jobs-data-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    // The main thread reads only the taxonomy; the threads also read the place aliases, which are broken here.
    copyFileSync(join(ROOT, 'data/taxonomy.json'), join(data, 'taxonomy.json'));
    writeFileSync(join(data, 'place-aliases.json'), '{"not": "aliases"');
    const result = await runCli([join(ROOT, 'data/sample'), '--out', join(dir, 'out'), '--jobs', '2', '--data', data, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/place-aliases\.json/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['data']);
  }, 60_000);
});
