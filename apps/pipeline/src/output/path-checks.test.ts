import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNotEmpty, checkOutNotInput, checkTargetsReplaceable, realPathOf } from './path-checks.js';
import { UsageError } from './output-folder.js';

const workspace = () => mkdtempSync(join(tmpdir(), 'roundup-paths-'));

describe('checkOutNotInput', () => {
  const dir = workspace();
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'a.jsonl'), '');
  symlinkSync(join(dir, 'articles'), join(dir, 'link'));

  it.each([
    ['is the input folder', 'articles', ['articles']],
    ['is the input folder through a link', 'link', ['articles']],
    ['lies inside the input folder', 'articles/out', ['articles']],
    ['holds an input file', 'articles', ['articles/a.jsonl']],
    ['holds an input folder', '.', ['articles']],
  ])('refuses an --out that %s', async (_, out, inputs) => {
    await expect(
      checkOutNotInput(
        join(dir, out),
        inputs.map((input) => join(dir, input)),
      ),
    ).rejects.toBeInstanceOf(UsageError);
  });

  it('accepts an --out beside the inputs, and standard input', async () => {
    await expect(checkOutNotInput(join(dir, 'out'), [join(dir, 'articles'), '-'])).resolves.toBeUndefined();
  });
});

describe('checkTargetsReplaceable', () => {
  it('refuses a --sqlite or --xlsx naming a folder or a file roundup did not write', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    for (const sides of [{ '--sqlite': join(dir, 'notes.txt') }, { '--xlsx': join(dir, 'notes.txt') }, { '--sqlite': dir }]) {
      await expect(checkTargetsReplaceable({ outDir: join(dir, 'out'), sides })).rejects.toThrow(/notes\.txt|is a folder/);
    }
    await expect(checkTargetsReplaceable({ outDir: join(dir, 'out'), sides: { '--sqlite': join(dir, 'new.sqlite') } })).resolves.toBeUndefined();
  });

  it('refuses an --out that is a symbolic link, which publishing would replace', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    await expect(checkTargetsReplaceable({ outDir: join(dir, 'link'), sides: {} })).rejects.toThrow(/symbolic link/);
  });

  it('refuses an --out holding a file roundup did not write, naming it', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'thesis.docx'), 'mine');
    await expect(checkTargetsReplaceable({ outDir: dir, sides: {} })).rejects.toThrow(/thesis\.docx/);
  });
});

describe('checkNotEmpty and realPathOf', () => {
  it('makes an empty path a usage error', () => {
    expect(() => checkNotEmpty('--out', '')).toThrow(UsageError);
    expect(() => checkNotEmpty('--out', 'out')).not.toThrow();
  });

  it('resolves a path whose end does not exist yet from its real parent', async () => {
    const dir = workspace();
    symlinkSync(dir, join(dir, 'self'));
    expect(await realPathOf(join(dir, 'self', 'new', 'out'))).toBe(join(await realPathOf(dir), 'new', 'out'));
  });
});
