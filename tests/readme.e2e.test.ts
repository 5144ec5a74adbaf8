// The READMEs' examples run as written: the command lines of the root README and the code of each package README.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI, HAS_CORPUS, ROOT } from './helpers.js';

const run = promisify(execFile);

/** The fenced blocks of a Markdown file in a given language. */
function codeBlocks(file: string, language: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

const usage = codeBlocks(join(ROOT, 'README.md'), 'sh')
  .find((block) => block.includes('--help'))!
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter(Boolean);

describe('the README’s command lines', () => {
  // A working folder laid out like the workspace: data/ here and shared/ beside it.
  const base = mkdtempSync(join(tmpdir(), 'roundup-readme-'));
  const work = join(base, 'work');
  mkdirSync(work);
  symlinkSync(join(ROOT, 'data'), join(work, 'data'));
  if (HAS_CORPUS) symlinkSync(join(ROOT, '../shared'), join(base, 'shared'));

  it.each(usage)(
    'runs: %s',
    async (line) => {
      if (line.includes('../shared') && !HAS_CORPUS) return; // the shared corpus is not on this machine
      const command = line.replaceAll('pnpm roundup', `node ${CLI}`);
      const { stdout } = await run('bash', ['-c', command], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
      if (line.includes('--help')) expect(stdout).toContain('Examples:');
      const out = /--out (\S+)/.exec(line)?.[1] ?? (line.includes('--help') ? undefined : 'out');
      if (out) expect(existsSync(join(work, out, 'briefing.pdf'))).toBe(true);
      if (line.includes('--json')) expect(JSON.parse(stdout)).toMatchObject({ articles: 1 });
      if (line.includes('--sqlite')) expect(existsSync(join(work, 'corpus.db'))).toBe(true);
      if (line.includes('--per-article')) expect(existsSync(join(work, 'english', 'briefings', '20191218-06-02.pdf'))).toBe(true);
    },
    300_000,
  );
});

describe('the package READMEs’ examples', () => {
  it.each([
    ['packages/parser/README.md', ['2.19亿元 = 219000000 元 (exact)', '浙江 330000 结合实际 注重实效', '苍南县 county 330327', '集中夜学']],
    ['packages/reports/README.md', ['article_id,paragraph,region', 'Zhejiang: 1400000000 yuan']],
  ])(
    'runs the code in %s',
    async (readme, expected) => {
      const [code] = codeBlocks(join(ROOT, readme), 'js');
      // Written inside tests/ so that the workspace packages resolve as any program importing them would.
      const file = join(ROOT, 'tests', `.readme-example-${process.pid}-${readme.replaceAll('/', '-')}.mjs`);
      writeFileSync(file, code!);
      try {
        const { stdout } = await run('node', [file], { cwd: ROOT });
        for (const text of expected) expect(stdout).toContain(text);
      } finally {
        rmSync(file, { force: true });
      }
    },
    120_000,
  );
});
