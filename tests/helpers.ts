// Shared by the end-to-end tests: running the built CLI, reading its CSVs as a spreadsheet would, and a PDF's text.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** Runs the built `roundup` command with arguments; never throws on a non-zero exit. */
export async function runCli(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const child = promisify(execFile)('node', [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } });
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
