// Building blocks every chapter uses: breakable Chinese text, headings kept with what follows, lists, labels.
import type { Content } from 'pdfmake/interfaces.js';
import type { TaxonomyDomain } from './input.js';
import type { Language } from '../labels.js';
import type { TextRun } from './line-breaking.js';
import { TABLE_FONT_SIZE } from './page.js';

export const OPENING = '“‘「『（《【';
export const CLOSING_OR_PAUSE = '”’」』）》】，。、；：！？…';

/**
 * Splits Chinese text into inline pieces before an opening quote and after a closing one. pdfmake's
 * UAX #14 breaker glues quotation marks to their neighbours and leaves ragged lines before a quoted
 * name; pdfmake may break between inline pieces, so quotes then break like the ideographs around them.
 * Never before a closing mark or a pause (，。), so punctuation stays off line starts.
 */
export function breakableText(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    const previous = text[i - 1]!;
    const breakBeforeOpening = char === '“' && !OPENING.includes(previous);
    const breakAfterClosing = previous === '”' && !CLOSING_OR_PAUSE.includes(char) && char !== '”';
    if (breakBeforeOpening || breakAfterClosing) {
      pieces.push(text.slice(start, i));
      start = i;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

export function cjk(text: string, style: Record<string, unknown> = {}): Content {
  return { text: breakableText(text).map((piece) => ({ text: piece })), ...style } as Content;
}

/** The theme of a roundup: its title without the series name in brackets. */
export function themeOf(title: string): string {
  return title.replace(/[（(][^（）()]*[）)]\s*$/, '').trim();
}

export function leadingDomains(row: Record<string, unknown>, taxonomy: readonly TaxonomyDomain[], language: Language, count = 2): string[] {
  return taxonomy
    .map((domain) => ({ domain, n: Number(row[`domain_${domain.id}`] ?? 0) }))
    .filter((entry) => entry.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map((entry) => (language === 'zh' ? entry.domain.zh : entry.domain.en));
}

/**
 * Quoted programme names that break between names, never inside one, where a name fits the column (an ideograph
 * is one em wide; a longer name still breaks, or it would run out of its cell). pdfmake follows the Unicode line
 * breaking rules, which allow no break between `”` and `“`; a space between names is where a line may break.
 */
export function programmeNames(names: readonly string[], columnWidth: number, fontSize = TABLE_FONT_SIZE): Content {
  const pieces = names.flatMap((name, index) => [
    ...(index > 0 ? [{ text: ' ' }] : []),
    { text: `“${name}”`, ...((name.length + 2) * fontSize <= columnWidth ? { noWrap: true } : {}) },
  ]);
  return { text: pieces } as Content;
}

/**
 * Table rows that surely fit one page with a heading and a chart title (about 25 pt a row): a block this long is
 * kept whole. pdfmake silently drops an unbreakable block taller than a page, so this errs short.
 */
export const ROWS_ON_A_PAGE = 24;

/**
 * A chapter heading never ends a page. A block that fits a page is kept with its heading as one unbreakable group;
 * a longer one would not fit any page that way, so its heading relies on `pageBreakBefore` (a level-1 heading with
 * nothing after it on its page moves on).
 */
export function withHeading(heading: Content, block: Content, fitsPage: boolean): Content[] {
  return fitsPage ? [keptTogether(heading, block)] : [heading, block];
}

/** A heading and the block after it, never split by a page break (small blocks only: a figures table, a list's first item). */
export function keptTogether(...blocks: Content[]): Content {
  return { stack: blocks, unbreakable: true } as Content;
}

export function sectionHeading(text: string, level: 1 | 2): Content {
  return level === 1 ? { text, style: 'h1', headlineLevel: 1, tocItem: false } : { text, style: 'h2', headlineLevel: 2 };
}

/** Punctuation between the briefing's own words: Chinese marks in Chinese, ASCII ones in English. */
export function punctuation(language: Language) {
  return language === 'zh'
    ? { list: '、', colon: '：', open: '（', close: '）', comma: '，', semi: '；' }
    : { list: ', ', colon: ': ', open: ' (', close: ')', comma: ', ', semi: '; ' };
}

export function regionLabel(region: string, pinyin: string, language: Language): string {
  return language === 'zh' ? region : pinyin;
}

/** A list under its heading: the heading kept with the first item, the rest free to run onto the next page. */
export function listUnder(heading: string, bullets: Content[], style: 'h4' | 'h5'): Content[] {
  const first = keptTogether({ text: heading, style }, { ul: bullets.slice(0, 1) } as Content);
  return bullets.length > 1 ? [first, { ul: bullets.slice(1) } as Content] : [first];
}

/** A sentence as breakable pieces, each figure it prints (14亿元) a bold piece of its own. */
export function withFiguresInBold(text: string, figures: readonly string[]): TextRun[] {
  const pieces: TextRun[] = [];
  let at = 0;
  for (const raw of figures) {
    const start = text.indexOf(raw, at);
    if (start === -1) continue;
    pieces.push(
      ...breakableText(text.slice(at, start))
        .filter(Boolean)
        .map((piece) => ({ text: piece })),
      { text: raw, bold: true },
    );
    at = start + raw.length;
  }
  pieces.push(
    ...breakableText(text.slice(at))
      .filter(Boolean)
      .map((piece) => ({ text: piece })),
  );
  return pieces;
}
