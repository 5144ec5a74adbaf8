// Inputs of any size and kind: JSON arrays streamed element by element, pipes, sockets and devices refused at once,
// write failures said in words, and one run per output folder at a time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, readCsv, runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'roundup-any-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (n: number, extra: Record<string, unknown> = {}) => ({
  url: `http://example.org/a${n}`,
  title: `标题${n}`,
  text: `浙江：\n结合实际\n杭州市第${n}次开展活动，投入资金${n}亿元。`,
  date: '2020-02-01',
  EmotionalWords: [],
  comments: [],
  ...extra,
});

describe('a JSON array', () => {
  it('gives the same articles as the same records given as JSON lines, each bad element rejected alone with its number', async () => {
    const records = [article(1), article(2, { text: '' }), 42, article(4)];
    writeFileSync(join(dir, 'array.json'), JSON.stringify(records, null, 2));
    writeFileSync(join(dir, 'lines.jsonl'), records.map((record) => JSON.stringify(record)).join('\n'));
    const array = await runCli([join(dir, 'array.json'), '--out', join(dir, 'out-array'), '--quiet', '--no-cache']);
    const lines = await runCli([join(dir, 'lines.jsonl'), '--out', join(dir, 'out-lines'), '--quiet', '--no-cache']);
    expect([array.code, lines.code]).toEqual([0, 0]);
    // Ids of articles without a newspaper URL name their file, so only what was read is compared.
    const articles = (out: string) => readCsv(join(out, 'articles.csv')).map((row) => [row.title, row.url, row.paragraphs, row.characters]);
    expect(articles(join(dir, 'out-array'))).toEqual(articles(join(dir, 'out-lines')));
    expect(readCsv(join(dir, 'out-array', 'rejects.csv')).map((row) => [row.line, (row.reason ?? '').slice(0, 20)])).toEqual(
      readCsv(join(dir, 'out-lines', 'rejects.csv')).map((row) => [row.line, (row.reason ?? '').slice(0, 20)]),
    );
  });

  it('keeps the elements before a syntax error and says from which element on the array was not read', async () => {
    // The parser is fed 64 KiB at a time and hands over no element of the piece that holds the error: spaces put the
    // error in a piece of its own.
    const text = `[${JSON.stringify(article(1))},${JSON.stringify(article(2))},${' '.repeat(70_000)}{"url": oops}]`;
    writeFileSync(join(dir, 'broken.json'), text);
    const run = await runCli([join(dir, 'broken.json'), '--out', join(dir, 'out-broken'), '--quiet', '--no-cache']);
    expect(run.code).toBe(0);
    expect(readCsv(join(dir, 'out-broken', 'articles.csv'))).toHaveLength(2);
    const [reject] = readCsv(join(dir, 'out-broken', 'rejects.csv'));
    expect(reject).toMatchObject({ line: '3' });
    expect(reject!.reason).toMatch(/^malformed JSON: the array could not be read past element 2 \(.*\); elements from 3 on are not in the output$/);
  });

  it('reads a .json file of JSON lines as JSON lines', async () => {
    writeFileSync(join(dir, 'named-wrong.json'), [article(1), article(2)].map((record) => JSON.stringify(record)).join('\n'));
    const run = await runCli([join(dir, 'named-wrong.json'), '--out', join(dir, 'out-named'), '--quiet', '--no-cache']);
    expect(run.code).toBe(0);
    expect(readCsv(join(dir, 'out-named', 'articles.csv'))).toHaveLength(2);
  });

  it('streams an array larger than a file read whole, and rejects a single object that large from its size', async () => {
    // Large in bytes, small in text: the padding is in a field roundup does not read.
    const big = Array.from({ length: 400 }, (_, n) => article(n, { comments: ['评论'.repeat(7_000)] }));
    writeFileSync(join(dir, 'big.json'), JSON.stringify(big));
    writeFileSync(join(dir, 'huge-object.json'), JSON.stringify({ ...article(1), padding: 'x'.repeat(9_000_000) }));
    expect(statSync(join(dir, 'big.json')).size).toBeGreaterThan(8_000_000);
    const run = await runCli([join(dir, 'big.json'), join(dir, 'huge-object.json'), '--out', join(dir, 'out-big'), '--quiet', '--no-cache']);
    expect(run.code).toBe(0);
    expect(readCsv(join(dir, 'out-big', 'articles.csv'))).toHaveLength(400);
    const rejects = readCsv(join(dir, 'out-big', 'rejects.csv'));
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.reason).toMatch(/neither an array nor JSON lines: larger than the limit of 8,000,000 bytes/);
  }, 120_000);
});

describe('inputs that are not files', () => {
  it('rejects /dev/zero, a named pipe and a socket at once, and goes on with the other inputs', async () => {
    const folder = join(dir, 'specials');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.jsonl'), JSON.stringify(article(1)));
    execFileSync('mkfifo', [join(folder, 'pipe.jsonl')]);
    const server = createServer().listen(join(folder, 'socket.json'));
    await new Promise((done) => server.once('listening', done));
    try {
      const started = Date.now();
      const run = await runCli(['/dev/zero', folder, '--out', join(dir, 'out-specials'), '--quiet', '--no-cache']);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(run.code).toBe(0);
      expect(readCsv(join(dir, 'out-specials', 'articles.csv'))).toHaveLength(1);
      const reasons = readCsv(join(dir, 'out-specials', 'rejects.csv')).map((row) => row.reason);
      expect(reasons).toEqual([
        expect.stringMatching(/^not a regular file \(a character device\)/),
        expect.stringMatching(/^not a regular file \(a named pipe\)/),
        expect.stringMatching(/^not a regular file \(a socket\)/),
      ]);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe('one run per output folder', () => {
  it('stops a second run into a folder another run is writing to, names it, and leaves the first run to finish', async () => {
    const out = join(dir, 'out-shared');
    const lock = join(dir, '.out-shared.roundup-lock');
    // The first run reads standard input, so it holds its folder for as long as the test keeps the input open.
    const first = spawn('node', [CLI, '-', '--out', out, '--quiet', '--no-cache'], { stdio: ['pipe', 'ignore', 'ignore'] });
    while (!existsSync(lock) && first.exitCode === null) await new Promise((done) => setTimeout(done, 20));
    const second = await runCli(['--out', out, '--quiet', '--no-cache']);
    first.stdin.end(`${JSON.stringify(article(1))}\n`);
    const firstCode = await new Promise<number | null>((done) => (first.exitCode !== null ? done(first.exitCode) : first.once('exit', done)));
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`another roundup run \\(process ${first.pid} on .*\\) is writing to it`));
    expect(firstCode).toBe(0);
    expect(readCsv(join(out, 'articles.csv'))).toHaveLength(1);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('takes over a lock left by a run that was killed', async () => {
    const out = join(dir, 'out-stale');
    // A process that has ended: its pid is free, as a run killed with SIGKILL leaves it.
    const ended = spawn('node', ['-e', '0']);
    await new Promise((done) => ended.once('exit', done));
    writeFileSync(
      join(dir, '.out-stale.roundup-lock'),
      JSON.stringify({ pid: ended.pid, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00Z' }),
    );
    const run = await runCli(['--out', out, '--quiet', '--no-cache']);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toContain('articles.csv');
    expect(existsSync(join(dir, '.out-stale.roundup-lock'))).toBe(false);
  }, 60_000);
});

describe('a write that fails', () => {
  // A full disk needs a small file system of its own: a tmpfs, which only a privileged user may mount.
  const mountPoint = join(dir, 'small-disk');
  let mounted = false;
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
  });
  function mountSmallDisk(): boolean {
    try {
      mkdirSync(mountPoint);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=700k', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
    return mounted;
  }

  it('on a full disk says which output, what happened in words and that the previous output is unchanged', async (context) => {
    if (!mountSmallDisk()) context.skip('mounting a small tmpfs needs root: the full-disk case is not tested here');
    const out = join(mountPoint, 'out');
    expect((await runCli(['--out', out, '--quiet', '--no-cache'])).code).toBe(0);
    const before = readFileSync(join(out, 'articles.csv'));
    const big = join(dir, 'many.jsonl');
    writeFileSync(
      big,
      Array.from({ length: 300 }, (_, n) => JSON.stringify(article(n, { text: `浙江：\n结合实际\n${'杭州市开展活动。'.repeat(200)}${n}` }))).join('\n'),
    );
    const run = await runCli([big, '--out', out, '--quiet', '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^roundup: could not write ${mountPoint}/\\S+: the disk is full \\[ENOSPC\\]; the previous output in ${out} is unchanged\\n$`),
    );
    expect(readFileSync(join(out, 'articles.csv'))).toEqual(before);
    expect(readdirSync(mountPoint)).toEqual(['out']);
  }, 60_000);

  it('names a path that became a file', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const run = await runCli(['--out', join(blocker, 'out'), '--quiet', '--no-cache']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(blocker);
  });
});
