import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, DEFAULT_DATA_DIR } from './data-files.js';

describe('dataPath', () => {
  const folder = mkdtempSync(join(tmpdir(), 'roundup-data-'));
  writeFileSync(join(folder, 'units.json'), '{}');

  it('takes a table the data folder holds from it', () => {
    expect(dataPath('units.json', folder)).toBe(join(folder, 'units.json'));
  });

  it('takes a table the data folder lacks from the bundled data', () => {
    expect(dataPath('taxonomy.json', folder)).toBe(`${DEFAULT_DATA_DIR}taxonomy.json`);
  });
});
