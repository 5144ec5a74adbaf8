// What each region did, as the user sees it: measures.csv codes every sentence, comparison.csv counts instruments,
// the data package describes both, and the briefing lists measures by instrument and results, never context.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, pdfText, readCsv, runCli } from './helpers.js';

let out: string;
beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'roundup-measures-')), 'out');
  const result = await runCli(['--out', out, '--quiet', '--no-cache']);
  expect(result.stderr).toBe('');
}, 120_000);

describe('sentence roles and instruments in the tables', () => {
  it('gives every sentence a role, and exactly the measures an instrument', () => {
    const rows = readCsv(join(out, 'measures.csv'));
    expect(csvHeader(join(out, 'measures.csv')).slice(-2)).toEqual(['role', 'instrument']);
    expect(new Set(rows.map((row) => row.role))).toEqual(new Set(['measure', 'result', 'context']));
    for (const row of rows) expect(row.instrument !== '', `${row.paragraph}:${row.sentence_index}`).toBe(row.role === 'measure');
  });

  it('counts each region’s measures by instrument in comparison.csv', () => {
    const measures = readCsv(join(out, 'measures.csv'));
    for (const row of readCsv(join(out, 'comparison.csv'))) {
      for (const instrument of ['supply', 'environment', 'demand']) {
        const expected = measures.filter((measure) => measure.region === row.region && measure.instrument === instrument).length;
        expect(Number(row[`instrument_${instrument}`]), `${row.region} ${instrument}`).toBe(expected);
      }
    }
  });

  it('describes the new columns in the data package, with their allowed values', () => {
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: Array<{ name: string; schema: { fields: Array<{ name: string; constraints?: { enum?: string[] } }> } }>;
    };
    const fields = (name: string) => descriptor.resources.find((resource) => resource.name === name)!.schema.fields;
    expect(fields('measures').find((field) => field.name === 'role')?.constraints?.enum).toEqual(['measure', 'result', 'context']);
    expect(fields('measures').find((field) => field.name === 'instrument')?.constraints?.enum).toEqual(['supply', 'environment', 'demand']);
    expect(fields('comparison').map((field) => field.name)).toEqual(
      expect.arrayContaining(['instrument_supply', 'instrument_environment', 'instrument_demand']),
    );
  });
});

describe('the briefing’s measures', () => {
  it('lists measures under their instruments and results, never a context sentence, and draws the instrument chart', async () => {
    const text = (await pdfText(join(out, 'briefing.pdf'))).join('');
    expect(text).toContain('地区 × 政策工具');
    for (const word of ['供给型', '环境型', '主要成效']) expect(text).toContain(word);
    const rows = readCsv(join(out, 'measures.csv'));
    const opening = (row: Record<string, string>) => row.text!.replace(/\s/g, '').slice(0, 16);
    // The check can fail: the measures' own sentences are found the same way.
    expect(rows.filter((row) => row.role === 'measure' && text.includes(opening(row))).length).toBeGreaterThan(10);
    const context = rows.filter((row) => row.role === 'context');
    expect(context.length).toBeGreaterThan(0);
    for (const row of context) expect(text, row.text).not.toContain(opening(row));
  });

  it('says supply, environment and demand in English', async () => {
    const english = join(mkdtempSync(join(tmpdir(), 'roundup-measures-en-')), 'out');
    await runCli(['--lang', 'en', '--out', english, '--quiet', '--no-cache']);
    const text = (await pdfText(join(english, 'briefing.pdf'))).join(' ');
    expect(text).toContain('Region × policy instrument');
    for (const word of ['supply', 'environment', 'demand', 'Results']) expect(text).toContain(word);
  });
});
