// Shared by the end-to-end tests: running the built CLI, reading its CSVs as a spreadsheet would, and a PDF's text.
import { type ChildProcess, execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Papa from 'papaparse';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = `${ROOT}apps/pipeline/dist/cli.js`;
export const CORPUS = `${ROOT}../shared/corpus`;
export const HAS_CORPUS = existsSync(CORPUS);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `roundup` command (or `command`, e.g. through pnpm) with arguments; never throws on a non-zero exit. */
export async function runCli(
  args: readonly string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string; command?: readonly string[] } = {},
): Promise<CliResult> {
  const [program, ...leading] = options.command ?? ['node', CLI];
  const child = promisify(execFile)(program!, [...leading, ...args], {
    cwd: options.cwd ?? ROOT,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...options.env },
  });
  if (options.input !== undefined) {
    child.child.stdin?.end(options.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A CSV file's rows as objects, checking it starts with a UTF-8 BOM as Excel needs. */
export function readCsv(file: string): Array<Record<string, string>> {
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${file} has no UTF-8 BOM`);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** The header row of a CSV file. */
export function csvHeader(file: string): string[] {
  return Papa.parse<string[]>(readFileSync(file, 'utf8').slice(1).split('\r\n')[0] ?? '').data[0] ?? [];
}

/** Every page's text of a PDF, extracted with pdfjs-dist (Mozilla's PDF reader). */
export async function pdfText(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  const metadata = await document.getMetadata();
  pages.push(`__title:${(metadata.info as { Title?: string }).Title ?? ''}`);
  await document.destroy();
  return pages;
}

/** A printed line of a PDF page: its text, and whether every piece of it is set in a bold font (a heading). */
export interface PdfLine {
  text: string;
  bold: boolean;
  size: number;
  /** The line's pieces left to right, with where each starts. */
  pieces: Array<{ x: number; text: string }>;
}

/** Every page's lines, top to bottom, read with pdfjs-dist; the fonts' real names tell bold from regular. */
export async function pdfLines(file: string): Promise<PdfLine[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    await page.getOperatorList(); // loads the fonts into commonObjs, where their names are
    const content = await page.getTextContent();
    const byY = new Map<number, Array<{ x: number; text: string; bold: boolean; size: number }>>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5]! / 2) * 2;
      const font = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
      const pieces = byY.get(y) ?? [];
      pieces.push({ x: item.transform[4]!, text: item.str, bold: /bold/i.test(font?.name ?? ''), size: Math.abs(item.transform[0]!) });
      byY.set(y, pieces);
    }
    pages.push(
      [...byY.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, pieces]) => {
          pieces.sort((a, b) => a.x - b.x);
          return {
            text: pieces.map((piece) => piece.text).join(''),
            bold: pieces.every((piece) => piece.bold),
            size: Math.max(...pieces.map((piece) => piece.size)),
            pieces: pieces.map(({ x, text }) => ({ x, text })),
          };
        }),
    );
  }
  await document.destroy();
  return pages;
}

/**
 * The pages whose last line of content (above the footer `第 N / M 页` / `Page N of M`) is a heading: a line set
 * wholly in bold. A heading must never end a page.
 */
export function pagesEndingOnHeading(pages: PdfLine[][]): string[] {
  const found: string[] = [];
  pages.forEach((lines, index) => {
    const content = lines.filter((line) => !/^(第 \d+ \/ \d+ 页|Page \d+ of \d+)$/.test(line.text.trim()));
    const last = content[content.length - 1];
    if (index < pages.length - 1 && last?.bold) found.push(`page ${index + 1}: ${last.text}`);
  });
  return found;
}

/** Every file below a folder (the cache folder included) and its bytes: what a stopped or failed run must leave as it was. */
export function folderSnapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [file, readFileSync(file).toString('base64')]),
  );
}

/**
 * Sends `signal` to a running command and waits for it to end (`exited`, awaited from its spawn so an early end is not
 * missed): its exit code, or the signal that ended it, and how long it took after the signal.
 */
export async function stopCommand(
  child: ChildProcess,
  exited: Promise<unknown[]>,
  signal: NodeJS.Signals,
): Promise<{ status: number | string; seconds: number }> {
  const signalled = performance.now();
  child.kill(signal);
  const [code, killedBy] = (await exited) as [number | null, NodeJS.Signals | null];
  return { status: code ?? killedBy ?? 'unknown', seconds: (performance.now() - signalled) / 1000 };
}
