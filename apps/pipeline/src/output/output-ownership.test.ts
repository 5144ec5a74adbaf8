import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignEntries, writeManifest } from './output-ownership.js';

function folderWith(files: readonly string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'roundup-owned-'));
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    if (!file.endsWith('/')) writeFileSync(join(folder, file), 'x');
  }
  return folder;
}

describe('foreignEntries', () => {
  it('finds nothing foreign in a missing folder, an empty one, or one holding only what a run listed in its manifest', async () => {
    expect(await foreignEntries(join(tmpdir(), 'roundup-no-such-folder'))).toEqual([]);
    expect(await foreignEntries(folderWith([]))).toEqual([]);
    const folder = folderWith(['articles.csv', 'briefings/a.pdf', 'db/run.sqlite', '.roundup-cache/index.json']);
    await writeManifest(folder);
    expect(await foreignEntries(folder)).toEqual([]);
  });

  it('names files added since the run that wrote the manifest, even ones with roundup-like names', async () => {
    const folder = folderWith(['articles.csv']);
    await writeManifest(folder);
    writeFileSync(join(folder, 'thesis.docx'), 'mine');
    writeFileSync(join(folder, 'measures.csv'), 'mine');
    expect(await foreignEntries(folder)).toEqual(['measures.csv', 'thesis.docx']);
  });

  it('recognises an output from before manifests by its names, and names anything else', async () => {
    expect(await foreignEntries(folderWith(['articles.csv', 'rejects.csv', 'briefing.pdf', 'datapackage.json', 'briefings/x.pdf']))).toEqual([]);
    const folder = folderWith(['articles.csv', 'thesis.docx', 'briefings/notes.txt', 'drafts/a.md', 'drafts/b.md']);
    expect(await foreignEntries(folder)).toEqual(['briefings/notes.txt', 'drafts/', 'thesis.docx']);
  });

  it('stops after a few names', async () => {
    const folder = folderWith(Array.from({ length: 20 }, (_, index) => `paper-${index}.txt`));
    expect(await foreignEntries(folder, 3)).toHaveLength(3);
  });
});
