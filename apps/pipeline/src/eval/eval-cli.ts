#!/usr/bin/env node
// `pnpm eval`: extraction measured against the gold files in gold/dev, gold/holdout, gold/holdout-roles, gold/holdout-domains,
// gold/holdout-domains-2, gold/holdout-domains-3 and gold/unseen (or the folders given).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '@roundup/parser';
import { evaluate, formatReport } from './evaluation.js';
import { evaluateGrouping, formatGroupingReport } from './grouping-evaluation.js';
import { evaluateKinds, formatKindReport } from './kind-evaluation.js';
import { evaluateProgrammes, formatProgrammeReport } from './programme-evaluation.js';

const root = resolve(DEFAULT_DATA_DIR, '..');
const program = new Command()
  .name('roundup-eval')
  .description('Measure extraction against hand-annotated gold files.')
  .argument('[goldDirs...]', 'folders of <id>.json gold files', [
    resolve(root, 'gold/dev'),
    resolve(root, 'gold/holdout'),
    resolve(root, 'gold/holdout-roles'),
    resolve(root, 'gold/holdout-domains'),
    resolve(root, 'gold/holdout-domains-2'),
    resolve(root, 'gold/holdout-domains-3'),
    resolve(root, 'gold/unseen'),
  ])
  .option('--programmes <dir>', 'folder of programme-only gold sets (<split>.json)', resolve(root, 'gold/programmes'))
  .option('--corpus <dir>', 'where corpus sources are', resolve(root, '../shared/corpus'))
  .option('--kinds <dir>', 'folder of labelled months (<month>.json)', resolve(root, 'gold/kinds'))
  .option('--groups <dir>', 'folder of labelled programme groups (<month>.json)', resolve(root, 'gold/programme-groups'))
  .option('--errors', 'list every mismatch', false)
  .parse(process.argv);

const [goldDirs] = program.processedArgs as [string[]];
const options = program.opts<{ corpus: string; kinds: string; programmes: string; groups: string; errors: boolean }>();
for (const goldDir of goldDirs) {
  const report = await evaluate(goldDir, options.corpus);
  process.stdout.write(`\n== ${goldDir.replace(`${root}/`, '')}\n${formatReport(report)}`);
  if (options.errors) process.stdout.write(`\n${[...report.errors, ...report.sentences.errors, ...report.domains.errors].join('\n')}\n`);
}

// Programmes alone, over roundups annotated for nothing else: dev, then holdout.
for (const file of readdirSync(options.programmes)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const report = await evaluateProgrammes(resolve(options.programmes, file), options.corpus);
  process.stdout.write(`\n== programmes ${file} (${report.split})\n${formatProgrammeReport(report)}`);
  if (options.errors) process.stdout.write(`\n${report.errors.join('\n')}\n`);
}

// Article kinds over whole labelled months: dev months first, then holdout months.
const months = readdirSync(options.kinds)
  .filter((file) => file.endsWith('.json'))
  .sort();
for (const file of months) {
  const report = await evaluateKinds(resolve(options.kinds, file), options.corpus);
  if (!report) {
    process.stdout.write(`\n== article kinds ${file}: skipped, its month is not in ${options.corpus}\n`);
    continue;
  }
  process.stdout.write(`\n== article kinds ${report.month} (${report.split})\n${formatKindReport(report)}`);
  if (options.errors) process.stdout.write(`\n${report.errors.join('\n')}\n`);
}

// Programme grouping over whole labelled months: which names are one programme, and how many programmes spread.
for (const file of readdirSync(options.groups)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const report = await evaluateGrouping(resolve(options.groups, file), options.corpus);
  if (!report) {
    process.stdout.write(`\n== programme groups ${file}: skipped, its month is not in ${options.corpus}\n`);
    continue;
  }
  process.stdout.write(`\n== programme groups ${report.month} (${report.split})\n${formatGroupingReport(report)}`);
  if (options.errors) process.stdout.write(`\n${report.errors.join('\n')}\n`);
}
