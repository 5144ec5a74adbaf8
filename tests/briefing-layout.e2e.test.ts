// What a reader sees on the briefing's pages, read back with a real PDF text extractor: no heading ends a page,
// and programme names in the comparison table break between names, not inside them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, pagesEndingOnHeading, pdfLines, runCli, type PdfLine } from './helpers.js';

async function briefingPages(args: string[]): Promise<PdfLine[][]> {
  const out = join(mkdtempSync(join(tmpdir(), 'roundup-layout-')), 'out');
  const result = await runCli([...args, '--out', out, '--quiet', '--no-cache']);
  expect(result.stderr).toBe('');
  return pdfLines(join(out, 'briefing.pdf'));
}

/** The comparison table's programme column, line by line (pieces right of its header), and the column's width. */
function programmeColumn(pages: PdfLine[][], header: string): { cells: string[]; width: number } {
  for (const lines of pages) {
    const start = lines.findIndex((line) => line.pieces.some((piece) => piece.text === header));
    if (start === -1) continue;
    const left = lines[start]!.pieces.find((piece) => piece.text === header)!.x;
    const cells: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line.bold && line.size > 9) break;
      cells.push(
        line.pieces
          .filter((piece) => piece.x >= left - 1)
          .map((piece) => piece.text)
          .join(''),
      );
    }
    // A4 is 595.28 pt wide with 48 pt margins; a cell has 4 pt of padding on each side.
    return { cells, width: 595.28 - 48 - 4 - left };
  }
  return { cells: [], width: 0 };
}

/** Quoted names that a line break cuts: the line's last name is left open. */
function namesCut(cells: readonly string[]): string[] {
  const cut: string[] = [];
  cells.forEach((cell, index) => {
    const open = cell.lastIndexOf('“');
    if (open === -1 || cell.indexOf('”', open) !== -1) return;
    const rest = cells[index + 1] ?? '';
    cut.push(`${cell.slice(open + 1)}${rest.slice(0, rest.indexOf('”'))}`);
  });
  return cut;
}
describe('the briefing as printed', () => {
  it('ends no page of the sample briefing on a heading, in Chinese or English', async () => {
    for (const language of ['zh', 'en']) {
      const pages = await briefingPages(['--lang', language]);
      expect(pages.length).toBeGreaterThan(3);
      expect(pagesEndingOnHeading(pages), language).toEqual([]);
    }
  });

  it('breaks the comparison table’s programme names between names', async () => {
    const { cells, width } = programmeColumn(await briefingPages([]), '重点专项');
    expect(cells.join('')).toContain('”');
    // Table text is 8 pt and an ideograph one em wide: only a name (with its two quote marks) wider than the column may break.
    const fitting = namesCut(cells).filter((name) => (name.length + 2) * 8 <= width);
    expect(fitting).toEqual([]);
  });

  it.skipIf(!HAS_CORPUS)(
    'opens a month’s briefing with its span and roundups, then indexes them, charts them by week and gives each region its sources (skipped without ../shared/corpus)',
    async () => {
      const pages = await briefingPages([join(CORPUS, 'rmrb-2020-05.jsonl')]);
      const text = pages.map((lines) => lines.map((line) => line.text).join('\n'));
      expect(text[0]).toMatch(/时间跨度：2020-05-01 至 2020-05-31；读取文章 \d+ 篇，其中分地区综述 \d+ 篇/);
      expect(text[0]).toContain('跨报道的金额不相加');
      const all = text.join('\n');
      expect(all).toContain('综述索引');
      expect(all).toContain('各地区出现的综述数量（按周）');
      expect(all).toMatch(/出现的报道：\d+\n2020-05-\d\d\s*\S/);
      expect(all).toContain('最大的金额数字（各有出处）');
      expect(all).not.toContain('各地区提及金额合计');
      expect(pagesEndingOnHeading(pages)).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!HAS_CORPUS)(
    'ends no page of a corpus briefing on a heading (skipped without ../shared/corpus)',
    async () => {
      const pages = await briefingPages([CORPUS]);
      expect(pages.length).toBeGreaterThan(10);
      expect(pagesEndingOnHeading(pages)).toEqual([]);
    },
    300_000,
  );
});
