// The briefing as a reader meets it, read back from the PDF: words whole at line ends, charts with their titles,
// regions in a stated order, units of a unit roundup as rows and chapters, and English throughout an English briefing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, pdfLines, readCsv, runCli, type PdfLine } from './helpers.js';

interface PlacedText {
  x: number;
  y: number;
  width: number;
  text: string;
}

/** Every page's pieces of text with where they stand and how wide they are, read with pdfjs-dist. */
async function placedText(file: string): Promise<PlacedText[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PlacedText[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        'str' in item && item.str.trim() !== '' ? [{ x: item.transform[4]!, y: item.transform[5]!, width: item.width, text: item.str }] : [],
      ),
    );
  }
  await document.destroy();
  return pages;
}

/**
 * Pairs of a cell's consecutive lines: a piece and the piece on the next line below it (within two lines' height)
 * that starts, centres or ends where it does, as the lines of a left-aligned, centred or right-aligned cell do.
 */
function continuedLines(pieces: readonly PlacedText[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const near = (a: number, b: number) => Math.abs(a - b) < 0.6;
  for (const upper of pieces) {
    const below = pieces.filter((lower) => lower.y < upper.y - 2 && lower.y > upper.y - 22);
    const nextY = Math.max(...below.map((lower) => lower.y));
    const lower = below.find(
      (candidate) =>
        candidate.y === nextY &&
        (near(candidate.x, upper.x) ||
          near(candidate.x + candidate.width / 2, upper.x + upper.width / 2) ||
          near(candidate.x + candidate.width, upper.x + upper.width)),
    );
    if (lower) pairs.push([upper.text, lower.text]);
  }
  return pairs;
}

/** Words of the sample's cells and chart labels that a break inside would spoil (the issue's own examples among them). */
const WHOLE_WORDS = [
  '注重实效',
  '执法',
  '营商',
  '环境',
  '互联网',
  '万名',
  '干部',
  '政务',
  '服务',
  '医疗卫生',
  '党建',
  'Measures',
  'Government',
  'environment',
  'programmes',
  '立行立改',
  '网格连心',
  '扶贫',
  'Guangdong',
  'Heilongjiang',
];

/** The words a line break cuts: a line ending with a word's beginning whose next line starts with the rest of it. */
function wordsCut(pairs: ReadonlyArray<[string, string]>): string[] {
  return pairs.flatMap(([upper, lower]) =>
    WHOLE_WORDS.flatMap((word) =>
      [...word].slice(1).flatMap((_, index) => {
        const head = word.slice(0, index + 1);
        const tail = word.slice(index + 1);
        return upper.trimEnd().endsWith(head) && lower.trimStart().startsWith(tail) ? [`${upper.trim()} / ${lower.trim()}`] : [];
      }),
    ),
  );
}

async function run(args: string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'roundup-presentation-')), 'out');
  const result = await runCli([...args, '--out', out, '--quiet', '--no-cache']);
  expect(result.stderr).toBe('');
  return out;
}

const FOOTER = /^(第 \d+ \/ \d+ 页|Page \d+ of \d+)$/;
const CHART_TITLE = /（措施句数）|（句）|提及金额合计|measure sentences|Measures per|Money mentioned/;
/** The tile map's caption stands under its tiles, not over a chart. */
const TILE_CAPTION = /grey: none|灰色/;

/** Chart titles with fewer than two lines of their chart after them on their page. */
function chartTitlesAlone(pages: PdfLine[][]): string[] {
  return pages.flatMap((lines, page) => {
    const content = lines.filter((line) => !FOOTER.test(line.text.trim()));
    return content.flatMap((line, index) =>
      CHART_TITLE.test(line.text) && !TILE_CAPTION.test(line.text) && content.length - index - 1 < 2 ? [`page ${page + 1}: ${line.text}`] : [],
    );
  });
}

describe('the sample’s briefing, in Chinese and English', () => {
  const outs: Record<'zh' | 'en', string> = { zh: '', en: '' };
  beforeAll(async () => {
    outs.zh = await run([]);
    outs.en = await run(['--lang', 'en']);
  }, 240_000);

  it('ends no line of a table cell or chart label inside a word', async () => {
    for (const language of ['zh', 'en'] as const) {
      const pages = await placedText(join(outs[language], 'briefing.pdf'));
      const pairs = pages.flatMap(continuedLines);
      expect(pairs.length, language).toBeGreaterThan(20);
      expect(wordsCut(pairs), language).toEqual([]);
    }
  });

  it('keeps every chart’s title on the page of its chart', async () => {
    for (const language of ['zh', 'en'] as const) expect(chartTitlesAlone(await pdfLines(join(outs[language], 'briefing.pdf'))), language).toEqual([]);
  });

  it('never opens a page with a table’s note, parted from its table', async () => {
    for (const language of ['zh', 'en'] as const) {
      const pages = await pdfLines(join(outs[language], 'briefing.pdf'));
      const first = pages.map(
        (lines) => lines.find((line) => !FOOTER.test(line.text.trim()) && !/^(区域对比简报|Regional comparison briefing) ·/.test(line.text))?.text ?? '',
      );
      expect(
        first.filter((text) => /^(\d+ more |另有 ?\d)/.test(text.trim())),
        language,
      ).toEqual([]);
    }
  });

  it('orders regions by measures, then administrative code, in comparison.csv and the briefing’s table', async () => {
    const measures = new Map<string, number>();
    for (const row of readCsv(join(outs.zh, 'measures.csv'))) if (row.role === 'measure') measures.set(row.region!, (measures.get(row.region!) ?? 0) + 1);
    const rows = readCsv(join(outs.zh, 'comparison.csv'));
    const expected = [...rows].sort(
      (a, b) =>
        Number(b.articles) - Number(a.articles) ||
        (measures.get(b.region!) ?? 0) - (measures.get(a.region!) ?? 0) ||
        Number(b.sections) - Number(a.sections) ||
        a.region_code!.localeCompare(b.region_code!),
    );
    expect(rows.map((row) => row.region)).toEqual(expected.map((row) => row.region));
    // The comparison table follows its heading (地区对比), after the tile map: its rows are the first region names there.
    const lines = (await pdfLines(join(outs.zh, 'briefing.pdf'))).flat();
    const tableStart = lines.findIndex((line) => line.text.trim() === '地区对比');
    expect(tableStart).toBeGreaterThan(-1);
    const tableOrder = lines
      .slice(tableStart)
      .map((line) => line.pieces[0]?.text.trim())
      .filter((text) => rows.some((row) => row.region === text));
    expect(tableOrder.slice(0, rows.length)).toEqual(rows.map((row) => row.region));
  });

  it('writes an English briefing in English but for quotations, bracketed names, titles, headlines and subjects', async () => {
    const allowed = [
      ...readCsv(join(outs.en, 'articles.csv')).map((row) => row.title!),
      ...readCsv(join(outs.en, 'sections.csv')).map((row) => row.heading!),
      ...readCsv(join(outs.en, 'figures.csv')).map((row) => row.subject!),
    ]
      .flatMap((entry) => entry.replace(/\s/g, '').split(/[，。、：；“”‘’（）()]/))
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    // A title, headline or subject may be broken over lines and cells: a piece of one is left out, then what is quoted or bracketed.
    const ownWords = (piece: string) =>
      /[\u3400-\u9fff]/.test(piece) && !/[“”‘’()]/.test(piece) && allowed.some((entry) => entry.includes(piece.replace(/\s/g, '')));
    const text = (await pdfLines(join(outs.en, 'briefing.pdf')))
      .map((lines) =>
        lines
          .filter((line) => !line.text.startsWith('Regional comparison briefing ·'))
          .map((line) =>
            line.pieces
              .filter((piece) => !ownWords(piece.text))
              .map((piece) => piece.text)
              .join(''),
          )
          .join(''),
      )
      .join('')
      .replace(/\s/g, '');
    const withoutOwnWords = (from: string) => allowed.reduce((left, entry) => left.split(entry).join(''), from);
    // The side-by-side chapter sets quoted sentences in a column beside another, where their lines cannot be put back
    // together from the page; its sentences are checked for their quote marks below instead.
    const sideBySide = /Sidebysidebydomain:whateachregiondid.*?(?=Charts)/;
    expect(text).toMatch(sideBySide);
    expect(text.match(sideBySide)![0]).toContain('“');
    const rest = withoutOwnWords(
      withoutOwnWords(text.replace(sideBySide, ''))
        .replace(/“[^”]*”/g, '')
        .replace(/‘[^’]*’/g, '')
        .replace(/\([^)]*\)/g, '')
        .replace(/（[^）]*）/g, ''),
    );
    expect(rest.match(/[\u3400-\u9fff]+/g) ?? []).toEqual([]);
  });

  it('shows a figure with its qualifier, and in English with its measure word in English', async () => {
    const figure = readCsv(join(outs.en, 'figures.csv')).find((row) => row.raw === '2.7万余次');
    expect(figure?.qualifier).toBe('more_than');
    const texts = async (language: 'zh' | 'en') =>
      (await pdfLines(join(outs[language], 'briefing.pdf')))
        .flat()
        .map((line) => line.text)
        .join('\n');
    expect(await texts('zh')).toContain('超过27,000次');
    expect(await texts('en')).toContain('more than 27,000 times');
  });
});

describe.skipIf(!HAS_CORPUS)('a unit roundup’s briefing (skipped without ../shared/corpus)', () => {
  it('has a row and a chapter for every unit, under the article’s own title, counted as units', async () => {
    const input = join(mkdtempSync(join(tmpdir(), 'roundup-units-')), 'units.jsonl');
    const line = readFileSync(join(CORPUS, 'rmrb-2020-05.jsonl'), 'utf8')
      .split('\n')
      .find((record) => record.includes('20200519_1-18'));
    writeFileSync(input, `${line}\n`);
    const out = await run([input]);
    const units = [...new Set(readCsv(join(out, 'sections.csv')).map((row) => row.unit!))];
    // Three Chinese enterprises' projects; the plants led by a foreign country (巴基斯坦…, 印度尼西亚…) are units abroad.
    expect(units.length).toBeGreaterThanOrEqual(3);
    const pages = await pdfLines(join(out, 'briefing.pdf'));
    const text = pages.map((lines) => lines.map((line) => line.text).join('\n')).join('\n');
    expect(text).toContain(`本简报比较${units.length}个单位`);
    for (const unit of units) expect(text.replace(/\n/g, ''), unit).toContain(`${unit} · `);
    expect(chartTitlesAlone(pages)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!HAS_CORPUS)('a month’s English corpus briefing (skipped without ../shared/corpus)', () => {
  let out = '';
  let pages: PdfLine[][] = [];
  beforeAll(async () => {
    out = await run([join(CORPUS, 'rmrb-2020-05.jsonl'), '--lang', 'en']);
    pages = await pdfLines(join(out, 'briefing.pdf'));
  }, 240_000);
  const content = (lines: readonly PdfLine[]) =>
    lines.filter((line) => !FOOTER.test(line.text.trim()) && !line.text.startsWith('Regional comparison briefing ·'));

  it('lists every roundup in the index, however many units it compares', () => {
    const roundups = readCsv(join(out, 'articles.csv')).filter((row) => row.kind === 'roundup');
    const lines = pages.flat().map((line) => line.text.trim());
    const index = lines.slice(lines.indexOf('Index of roundups'), lines.indexOf('Charts'));
    expect(index.filter((line) => /^\d{4}-\d{2}-\d{2}/.test(line))).toHaveLength(roundups.length);
  });

  it('keeps a table’s note on the page of its table, and cuts the running header between words', () => {
    const notesAlone = pages.flatMap((lines, page) => (/^\d+ more /.test(content(lines)[0]?.text ?? '') ? [`page ${page + 1}`] : []));
    expect(notesAlone).toEqual([]);
    const header = pages[1]!.find((line) => line.text.startsWith('Regional comparison briefing ·'))!.text.trim();
    expect(header).toMatch(/(?:^|[a-z0-9])(?:…)?$/);
    if (header.endsWith('…')) expect(header.slice(0, -1)).toMatch(/\b(?:regions?|compared|across|\d+|roundups?|articles?)$/);
    expect(chartTitlesAlone(pages)).toEqual([]);
  });

  it('ends no line of a table cell or chart label inside a region’s name', async () => {
    const pairs = (await placedText(join(out, 'briefing.pdf'))).flatMap(continuedLines);
    expect(wordsCut(pairs).filter((cut) => /[A-Za-z]/.test(cut))).toEqual([]);
  });
});
