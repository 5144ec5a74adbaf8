import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolder, pendingTemporaryFolders, UsageError } from './output-folder.js';

const workspace = () => mkdtempSync(join(tmpdir(), 'roundup-folder-'));

describe('OutputFolder', () => {
  it('publishes the run in place of the previous output, with a side output outside it moved to its place', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'old.csv'), 'old');
    const folder = await OutputFolder.prepare(join(dir, 'out'), { '--sqlite': join(dir, 'db', 'run.sqlite') });
    writeFileSync(folder.path('articles.csv'), 'new');
    writeFileSync((await folder.sidePath('--sqlite'))!, 'db');
    await folder.publish();
    expect(readdirSync(join(dir, 'out'))).toEqual(['.roundup-manifest.json', 'articles.csv']);
    expect(JSON.parse(readFileSync(join(dir, 'out', '.roundup-manifest.json'), 'utf8')).files).toEqual(['articles.csv']);
    expect(readFileSync(join(dir, 'db', 'run.sqlite'), 'utf8')).toBe('db');
    expect(readdirSync(dir).filter((name) => name.startsWith('.roundup-tmp'))).toEqual([]);
    expect(pendingTemporaryFolders.has(folder.temporary)).toBe(false);
  });

  it('writes a side output inside --out in its place there', async () => {
    const dir = workspace();
    const folder = await OutputFolder.prepare(join(dir, 'out'), { '--xlsx': join(dir, 'out', 'book', 'run.xlsx') });
    writeFileSync((await folder.sidePath('--xlsx'))!, 'xlsx');
    await folder.publish();
    expect(readFileSync(join(dir, 'out', 'book', 'run.xlsx'), 'utf8')).toBe('xlsx');
  });

  it('leaves the previous output as it was when abandoned', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'old.csv'), 'old');
    const folder = await OutputFolder.prepare(join(dir, 'out'));
    writeFileSync(folder.path('articles.csv'), 'half');
    await folder.abandon();
    expect(readdirSync(join(dir, 'out'))).toEqual(['old.csv']);
    expect(existsSync(folder.temporary)).toBe(false);
  });

  it('refuses a side output named like a file the run writes, and an --out that is a file, before writing anything', async () => {
    const dir = workspace();
    await expect(OutputFolder.prepare(join(dir, 'out'), { '--sqlite': join(dir, 'out', 'articles.csv') })).rejects.toBeInstanceOf(UsageError);
    writeFileSync(join(dir, 'file'), 'x');
    await expect(OutputFolder.prepare(join(dir, 'file'))).rejects.toBeInstanceOf(UsageError);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
