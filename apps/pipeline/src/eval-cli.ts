#!/usr/bin/env node
// `pnpm eval`: extraction measured against the gold files in gold/dev, gold/holdout and gold/unseen (or the folders given).
import { resolve } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '@roundup/parser';
import { evaluate, formatReport } from './evaluation.js';

const root = resolve(DEFAULT_DATA_DIR, '..');
const program = new Command()
  .name('roundup-eval')
  .description('Measure extraction against hand-annotated gold files.')
  .argument('[goldDirs...]', 'folders of <id>.json gold files', [resolve(root, 'gold/dev'), resolve(root, 'gold/holdout'), resolve(root, 'gold/unseen')])
  .option('--corpus <dir>', 'where corpus sources are', resolve(root, '../shared/corpus'))
  .option('--errors', 'list every mismatch', false)
  .parse(process.argv);

const [goldDirs] = program.processedArgs as [string[]];
const options = program.opts<{ corpus: string; errors: boolean }>();
for (const goldDir of goldDirs) {
  const report = await evaluate(goldDir, options.corpus);
  process.stdout.write(`\n== ${goldDir.replace(`${root}/`, '')}\n${formatReport(report)}`);
  if (options.errors) process.stdout.write(`\n${report.errors.join('\n')}\n`);
}
