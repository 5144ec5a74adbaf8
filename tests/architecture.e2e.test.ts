// The layout's rules, checked: no import cycle between source files, packages import each other only by name and
// only downwards, no source file over 400 lines, and the pipeline app's top level holds only its entry points.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SOURCE_ROOTS = ['packages/model/src', 'packages/parser/src', 'packages/reports/src', 'apps/pipeline/src'];

function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path) : /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

const sources = SOURCE_ROOTS.flatMap((folder) => filesBelow(join(ROOT, folder)));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

/** The files a file imports: relative specifiers resolved to their .ts sources, and package names. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(IMPORT)].map((match) => match[1]!);
  return {
    local: specifiers.filter((spec) => spec.startsWith('.')).map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts')),
    packages: specifiers.filter((spec) => spec.startsWith('@roundup/')),
  };
}

/** The cycles of the import graph, each as the files on it (depth-first search, one cycle reported per back edge). */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file).local.filter((target) => files.includes(target))]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)).map((path) => relative(ROOT, path)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the layout', () => {
  it('has no import cycle between source files', () => {
    expect(importCycles(sources)).toEqual([]);
  });

  it('finds a cycle where there is one (the check can fail)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'roundup-cycle-'));
    writeFileSync(join(folder, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
    writeFileSync(join(folder, 'b.ts'), "import type { a } from './a.js';\nexport const b = 1 as unknown as typeof a;\n");
    writeFileSync(join(folder, 'c.ts'), "export { a } from './a.js';\n");
    const files = ['a.ts', 'b.ts', 'c.ts'].map((name) => join(folder, name));
    expect(importCycles(files).map((cycle) => cycle.map((path) => path.split('/').pop()))).toEqual([['a.ts', 'b.ts']]);
    rmSync(folder, { recursive: true });
  });

  it('lets packages import each other only downwards, by name: model ← parser ← reports ← pipeline', () => {
    const allowed: Record<string, string[]> = {
      'packages/model': [],
      'packages/parser': ['@roundup/model'],
      'packages/reports': ['@roundup/model', '@roundup/parser'],
      'apps/pipeline': ['@roundup/model', '@roundup/parser', '@roundup/reports'],
    };
    for (const file of sources) {
      const pkg = relative(ROOT, file).split('/').slice(0, 2).join('/');
      const { local, packages } = importsOf(file);
      expect(
        packages.filter((name) => !allowed[pkg]!.includes(name)),
        relative(ROOT, file),
      ).toEqual([]);
      expect(
        local.filter((target) => !target.startsWith(join(ROOT, pkg))),
        relative(ROOT, file),
      ).toEqual([]);
    }
  });

  it('keeps every source file under 400 lines', () => {
    const long = sources.map((file) => [relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });

  it("keeps the pipeline app's top level to its entry points, the rest in folders by concern", () => {
    const top = readdirSync(join(ROOT, 'apps/pipeline/src')).filter((name) => statSync(join(ROOT, 'apps/pipeline/src', name)).isFile());
    expect(top.length).toBeLessThanOrEqual(6);
    expect(top).toEqual(expect.arrayContaining(['cli.ts', 'index.ts']));
  });
});
