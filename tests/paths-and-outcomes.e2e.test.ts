// roundup never removes or replaces a file it did not write; paths mean what the user typed, from where they typed it;
// exit codes say how the run went.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readCsv, runCli } from './helpers.js';

const SAMPLE = join(ROOT, 'data/sample/rmrb-20191218-2-06.json');
const workspace = (name: string) => mkdtempSync(join(tmpdir(), `roundup-${name}-`));

/** A folder of articles as a user keeps it: the sample, and a file of their own beside it. */
function articlesFolder(): string {
  const folder = join(workspace('articles'), 'articles');
  mkdirSync(folder);
  copyFileSync(SAMPLE, join(folder, 'sample.json'));
  writeFileSync(join(folder, 'reading-notes.txt'), 'mine');
  return folder;
}

describe('--out holding what roundup did not write', () => {
  it('refuses the run before any work, naming the file, which survives', async () => {
    const base = workspace('notmine');
    const out = join(base, 'notmine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'four years of work');
    const result = await runCli(['--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds files roundup did not write \(thesis\.docx\)/);
    expect(readdirSync(out)).toEqual(['thesis.docx']);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('four years of work');
    expect(readdirSync(base)).toEqual(['notmine']);
  });

  it('replaces an earlier output of its own, and refuses once a user has added a file to it', async () => {
    const out = join(workspace('rerun'), 'out');
    expect((await runCli(['--out', out, '--quiet'])).code).toBe(0);
    expect((await runCli(['--out', out, '--quiet'])).code).toBe(0);
    writeFileSync(join(out, 'my-chart.png'), 'mine');
    const result = await runCli(['--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/my-chart\.png/);
    expect(readFileSync(join(out, 'my-chart.png'), 'utf8')).toBe('mine');
  });

  it.each([
    ['is the input folder (roundup . --out .)', (folder: string) => ({ cwd: folder, args: ['.', '--out', '.'] })],
    ['lies inside the input folder', (folder: string) => ({ cwd: folder, args: ['.', '--out', 'tables'] })],
    ['holds the input file', (folder: string) => ({ cwd: join(folder, '..'), args: ['articles/sample.json', '--out', 'articles'] })],
  ])('refuses an --out that %s, and every file there survives', async (_case, call) => {
    const folder = articlesFolder();
    const { cwd, args } = call(folder);
    const result = await runCli(args, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/input/);
    expect(readdirSync(folder).sort()).toEqual(['reading-notes.txt', 'sample.json']);
    expect(readdirSync(join(folder, '..'))).toEqual(['articles']);
  });

  it('makes an empty --out (an unset variable in a script) a usage error, the current folder untouched', async () => {
    const folder = articlesFolder();
    const result = await runCli(['sample.json', '--out', ''], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out is empty/);
    expect(readdirSync(folder).sort()).toEqual(['reading-notes.txt', 'sample.json']);
  });
});

describe('--sqlite and --xlsx on an existing path', () => {
  it.each([
    ['--sqlite', 'a file of the user', 'notes.txt'],
    ['--xlsx', 'a file of the user', 'budget.xlsx'],
    ['--sqlite', 'a folder', 'folder'],
  ])('%s naming %s is refused before the run, the file kept', async (option, _case, name) => {
    const base = workspace('side');
    mkdirSync(join(base, 'folder'));
    writeFileSync(join(base, 'notes.txt'), 'mine');
    writeFileSync(join(base, 'budget.xlsx'), 'PK… a workbook of the user');
    const result = await runCli(['--out', join(base, 'out'), option, join(base, name)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(name === 'folder' ? /is a folder/ : /is not a (database|workbook) roundup wrote/);
    expect(readdirSync(base).sort()).toEqual(['budget.xlsx', 'folder', 'notes.txt']);
    expect(readFileSync(join(base, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('replaces the database and workbook of an earlier run, and lists them among the files written', async () => {
    const base = workspace('side-rerun');
    const args = ['--out', join(base, 'out'), '--sqlite', join(base, 'r.db'), '--xlsx', join(base, 'r.xlsx'), '--json'];
    expect((await runCli(args)).code).toBe(0);
    const rerun = await runCli(args);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary.files).toEqual(expect.arrayContaining(['articles.csv', 'briefing.pdf', 'datapackage.json', join(base, 'r.db'), join(base, 'r.xlsx')]));
  });
});

describe('paths from where the user stands', () => {
  it('pnpm roundup resolves relative paths from the folder it was called in, not the workspace root', async () => {
    const base = workspace('pnpm');
    mkdirSync(join(base, 'data'));
    copyFileSync(SAMPLE, join(base, 'data', 'sample.json'));
    mkdirSync(join(base, 'sub'));
    const pnpm = ['pnpm', '--silent', '--dir', ROOT, 'roundup'];
    const result = await runCli(['../data/sample.json', '--out', 'x', '--quiet'], { cwd: join(base, 'sub'), command: pnpm });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readCsv(join(base, 'sub', 'x', 'articles.csv'))).toHaveLength(1);
    const missing = await runCli(['../data/nothing.json', '--out', 'x'], { cwd: join(base, 'sub'), command: pnpm });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(join(base, 'data', 'nothing.json'));
  }, 60_000);

  it('reuses the cache for an input typed three ways: relative, through .., and absolute', async () => {
    const base = workspace('typed');
    const folder = join(base, 'corpus');
    mkdirSync(join(base, 'elsewhere'));
    mkdirSync(folder);
    copyFileSync(SAMPLE, join(folder, 'a.json'));
    const out = join(base, 'out');
    const runs = [
      { cwd: base, input: 'corpus' },
      { cwd: join(base, 'elsewhere'), input: '../corpus' },
      { cwd: ROOT, input: folder },
    ];
    const summaries = [];
    for (const { cwd, input } of runs) {
      const result = await runCli([input, '--out', relative(cwd, out) || '.', '--json'], { cwd });
      expect(result.code).toBe(0);
      summaries.push(JSON.parse(result.stdout));
    }
    expect(summaries.map((summary) => summary.reusedFiles)).toEqual([0, 1, 1]);
  }, 90_000);

  it('says in one line why the cache was not used when the tables were edited since', async () => {
    const out = join(workspace('edited'), 'out');
    expect((await runCli(['--out', out, '--quiet'])).code).toBe(0);
    writeFileSync(join(out, 'measures.csv'), `${readFileSync(join(out, 'measures.csv'), 'utf8')}edited\r\n`);
    const result = await runCli(['--out', out, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).notes).toEqual([expect.stringMatching(/not used: measures\.csv was changed since/)]);
  });
});

describe('outcomes in exit codes', () => {
  it('exits 1 when the inputs hold no article, pointing at rejects.csv', async () => {
    const base = workspace('no-articles');
    mkdirSync(join(base, 'docs'));
    writeFileSync(join(base, 'docs', 'table.csv'), 'a,b\n1,2\n');
    writeFileSync(join(base, 'docs', 'report.pdf'), '%PDF-1.4');
    const result = await runCli([join(base, 'docs'), '--out', join(base, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no article found in the 2 record\(s\) read; .*rejects\.csv/);
    expect(readCsv(join(base, 'out', 'rejects.csv'))).toHaveLength(2);
  });

  it('exits 1 on empty standard input', async () => {
    const result = await runCli(['-', '--out', join(workspace('empty-stdin'), 'out')], { input: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no article found/);
  });

  it('reads a .json file holding JSON lines as JSON lines', async () => {
    const base = workspace('json-lines');
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    const lines = [0, 1].map((copy) => JSON.stringify({ ...sample, url: `${sample.url}?copy=${copy}`, text: `${sample.text}\n第${copy}份。` }));
    writeFileSync(join(base, 'articles.json'), `${lines.join('\n')}\n`);
    const result = await runCli([join(base, 'articles.json'), '--out', join(base, 'out'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ recordsRead: 2, articles: 2, rejects: 0 });
  });

  it('makes a missing --data folder a usage error before the run', async () => {
    const base = workspace('no-data');
    const result = await runCli(['--out', join(base, 'out'), '--data', join(base, 'mydata')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--data ${join(base, 'mydata')}: no such folder`);
    expect(readdirSync(base)).toEqual([]);
  });

  it('takes the tables a partial --data folder lacks from the bundled data, and says so', async () => {
    const base = workspace('partial-data');
    mkdirSync(join(base, 'mydata'));
    copyFileSync(join(ROOT, 'data/units.json'), join(base, 'mydata', 'units.json'));
    const result = await runCli(['--out', join(base, 'out'), '--data', join(base, 'mydata'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).notes).toEqual([expect.stringMatching(/units\.json from .*mydata; the bundled .* for place-aliases\.json/)]);
  });

  it('suggests the nearest option for a misspelt one and points to --help, on one line', async () => {
    const result = await runCli(['--per-artcle']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--per-article.*roundup --help/);
  });
});
