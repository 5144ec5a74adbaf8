// Agreement between the second annotator's domains (gold/agreement/<id>.json) and the gold's (dev/, holdout-roles/):
// main-domain agreement, label precision and recall of the second annotator taking the gold as reference, and Cohen's
// kappa on the main domain. Run from the repository root: `node gold/agreement/compare.mjs`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const here = 'gold/agreement';
const goldDirs = ['gold/dev', 'gold/holdout-roles', 'gold/holdout-domains', 'gold/holdout-domains-2'];
const NONE = '(none)';

function goldOf(id) {
  const dir = goldDirs.find((d) => existsSync(join(d, `${id}.json`)));
  const gold = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
  return new Map(gold.sentences.filter((s) => 'domains' in s).map((s) => [`${s.p}/${s.s}`, s.domains]));
}

function emptyCounts() {
  return { n: 0, mainEqual: 0, tp: 0, fp: 0, fn: 0, pairs: [] };
}

function add(counts, mine, gold) {
  counts.n += 1;
  const a = mine[0] ?? NONE;
  const b = gold[0] ?? NONE;
  if (a === b) counts.mainEqual += 1;
  counts.pairs.push([a, b]);
  for (const d of mine) (gold.includes(d) ? (counts.tp += 1) : (counts.fp += 1));
  for (const d of gold) if (!mine.includes(d)) counts.fn += 1;
}

// Cohen's kappa over the main domains: (observed - expected) / (1 - expected), expected from each side's marginals.
function kappa(pairs) {
  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const labels = new Set(pairs.flat());
  let expected = 0;
  for (const l of labels) expected += (pairs.filter(([a]) => a === l).length / n) * (pairs.filter(([, b]) => b === l).length / n);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

const f = (x) => x.toFixed(3);
function line(name, c) {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  return `${name.padEnd(16)} n ${String(c.n).padStart(3)}  main ${f(c.mainEqual / c.n)} (${c.mainEqual}/${c.n})  P ${f(p)} (${c.tp}/${c.tp + c.fp})  R ${f(r)} (${c.tp}/${c.tp + c.fn})  kappa ${f(kappa(c.pairs))}`;
}

const all = emptyCounts();
const confusions = new Map();
const verbose = process.argv.includes('--list');
for (const file of readdirSync(here).filter((name) => /^\d{8}-\d{2}-\d{2}\.json$/.test(name))) {
  const id = file.replace('.json', '');
  const gold = goldOf(id);
  const counts = emptyCounts();
  for (const { p, s, domains } of JSON.parse(readFileSync(join(here, file), 'utf8'))) {
    const reference = gold.get(`${p}/${s}`);
    if (!reference) throw new Error(`${id} ${p}/${s}: no gold domains`);
    add(counts, domains, reference);
    add(all, domains, reference);
    if ((domains[0] ?? NONE) !== (reference[0] ?? NONE)) {
      const key = `${domains[0] ?? NONE} (second) vs ${reference[0] ?? NONE} (gold)`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (verbose && domains.join() !== reference.join()) console.log(`  ${id} ${p}/${s}  second ${domains.join(',')}  gold ${reference.join(',')}`);
  }
  if (counts.n !== gold.size) throw new Error(`${id}: ${counts.n} labelled, ${gold.size} in the gold`);
  console.log(line(id, counts));
}
console.log(line('all', all));
console.log('main-domain disagreements:');
for (const [key, n] of [...confusions].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${key}`);
