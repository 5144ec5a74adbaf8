// datapackage.json describes the output folder truly: every CSV matches its resource's schema, keys are unique, references hold.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Package } from 'datapackage';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, ROOT, runCli } from './helpers.js';

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date';
  constraints?: { required?: boolean; minimum?: number; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  encoding: string;
  dialect: { header: boolean };
  schema: { fields: Field[]; primaryKey?: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> };
}

/** Checks every resource of a data package against its CSV; returns the problems found. */
function validatePackage(folder: string): string[] {
  const descriptor = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')) as { profile: string; resources: Resource[] };
  const problems: string[] = [];
  const keys = new Map<string, Set<string>>();
  const rowsOf = new Map<string, string[][]>();
  for (const resource of descriptor.resources) {
    const raw = readFileSync(join(folder, resource.path), 'utf8');
    if (!raw.startsWith('\uFEFF')) problems.push(`${resource.name}: no BOM (Excel needs it)`);
    const [header = [], ...rows] = Papa.parse<string[]>(raw.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const names = resource.schema.fields.map((field) => field.name);
    if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`${resource.name}: header ${header.join(',')} is not ${names.join(',')}`);
    rowsOf.set(resource.name, rows);
    rows.forEach((row, index) => {
      resource.schema.fields.forEach((field, column) => {
        const cell = row[column] ?? '';
        const where = `${resource.name} row ${index + 2} ${field.name}=${JSON.stringify(cell)}`;
        if (cell === '') {
          if (field.constraints?.required) problems.push(`${where}: required`);
          return;
        }
        if (field.type === 'integer' && !/^-?\d+$/.test(cell)) problems.push(`${where}: not an integer`);
        if (field.type === 'number' && !Number.isFinite(Number(cell))) problems.push(`${where}: not a number`);
        if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(cell)) problems.push(`${where}: not a date`);
        if (field.constraints?.minimum !== undefined && Number(cell) < field.constraints.minimum) problems.push(`${where}: below minimum`);
        if (field.constraints?.enum && !field.constraints.enum.includes(cell)) problems.push(`${where}: not in enum`);
      });
    });
    const primaryKey = resource.schema.primaryKey;
    if (primaryKey) {
      const columns = primaryKey.map((name) => names.indexOf(name));
      const seen = new Set<string>();
      for (const row of rows) {
        const key = JSON.stringify(columns.map((column) => row[column]));
        if (seen.has(key)) problems.push(`${resource.name}: duplicate primary key ${key}`);
        seen.add(key);
      }
      keys.set(resource.name, seen);
    }
  }
  for (const resource of descriptor.resources) {
    for (const foreignKey of resource.schema.foreignKeys ?? []) {
      const target = descriptor.resources.find((candidate) => candidate.name === foreignKey.reference.resource)!;
      const targetColumns = foreignKey.reference.fields.map((name) => target.schema.fields.findIndex((field) => field.name === name));
      const available = new Set(rowsOf.get(target.name)!.map((row) => JSON.stringify(targetColumns.map((column) => row[column]))));
      const columns = foreignKey.fields.map((name) => resource.schema.fields.findIndex((field) => field.name === name));
      for (const row of rowsOf.get(resource.name)!) {
        const key = JSON.stringify(columns.map((column) => row[column]));
        if (!available.has(key)) problems.push(`${resource.name}: ${key} not in ${target.name}`);
      }
    }
  }
  if (descriptor.profile !== 'tabular-data-package') problems.push('profile');
  return problems.slice(0, 20);
}

/**
 * Loads the folder with the Frictionless reference library for JavaScript (npm `datapackage` 1.x): the descriptor
 * must be valid, and every resource's rows must read through its schema (types cast, primary keys unique, foreign
 * keys resolved). The library does not skip a BOM, so it reads a copy without one. Returns the rows read per resource.
 */
async function readWithFrictionless(folder: string): Promise<Record<string, number>> {
  const copy = mkdtempSync(join(tmpdir(), 'roundup-frictionless-'));
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.csv') || name === 'datapackage.json')) {
    writeFileSync(join(copy, file), readFileSync(join(folder, file), 'utf8').replace(/^\uFEFF/, ''));
  }
  const dataPackage = await Package.load(join(copy, 'datapackage.json'), { basePath: copy });
  expect(dataPackage.errors.map((error) => error.message)).toEqual([]);
  expect(dataPackage.valid).toBe(true);
  const counts: Record<string, number> = {};
  for (const resource of dataPackage.resources) {
    const relations = (resource.descriptor.schema?.foreignKeys?.length ?? 0) > 0;
    const rows = await resource.read({ keyed: true, relations });
    counts[resource.name] = rows.length;
  }
  return counts;
}

function csvRowCounts(folder: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.csv'))) {
    counts[file.replace(/\.csv$/, '')] = Papa.parse(readFileSync(join(folder, file), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.length - 1;
  }
  return counts;
}

describe('datapackage.json', () => {
  it('is a valid data package to the Frictionless reference library, which reads every row through its schema', async () => {
    const base = mkdtempSync(join(tmpdir(), 'roundup-dp-frictionless-'));
    const input = join(base, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'sample.json'), readFileSync(join(ROOT, 'data', 'sample', 'rmrb-20191218-2-06.json')));
    writeFileSync(join(input, 'bad.jsonl'), '{broken\n');
    const out = join(base, 'out');
    expect((await runCli([input, '--out', out, '--quiet'])).code).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(descriptor.resources[0].schema.fields.find((field: Field) => field.name === 'date')).toMatchObject({ type: 'date' });
    expect(descriptor.resources.every((resource: Resource) => resource.encoding === 'utf-8')).toBe(true);
    expect(await readWithFrictionless(out)).toEqual(csvRowCounts(out));
  });

  it('describes the sample run: every CSV matches its schema', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'roundup-dp-')), 'out');
    expect((await runCli(['--out', out])).code).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(descriptor.resources.map((resource: Resource) => resource.name)).toEqual([
      'articles',
      'paragraphs',
      'sections',
      'figures',
      'localities',
      'initiatives',
      'measures',
      'comparison',
      'roundup_regions',
      'programmes',
      'programme_regions',
      'rejects',
    ]);
    expect(descriptor.resources[3].schema.fields.find((field: Field) => field.name === 'value')).toMatchObject({
      type: 'number',
      description: expect.stringContaining('万'),
    });
    expect(validatePackage(out)).toEqual([]);
  });

  it.skipIf(!HAS_CORPUS)(
    'describes a corpus run: keys unique and references whole over thousands of articles (skipped without ../shared/corpus)',
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'roundup-dp-corpus-')), 'out');
      expect((await runCli([CORPUS, '--out', out, '--quiet'])).code).toBe(0);
      expect(validatePackage(out)).toEqual([]);
    },
    300_000,
  );
});
