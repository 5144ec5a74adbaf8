// Lines of briefing text broken before pdfmake sees them. pdfmake 0.3 gives every break opportunity its own inline
// and resolves its style and width one by one; in Chinese every ideograph is one, so a 59-page corpus briefing made
// hundreds of thousands of inlines. Here the same opportunities (pdfmake's own UAX #14 breaker, `linebreak`) and the
// fonts' advances (read with fontkit, pdfkit's font engine) fill the lines pdfmake would fill, and pdfmake gets one
// unbreakable inline per run per line. pdfmake has no option for this and no package does it for pdfmake.
/// <reference path="./linebreak.d.ts" />
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type LineBreakerClass from 'linebreak';
import { sharedColumnWidth } from './briefing-table.js';
import { unbreakableOffsets, type Wholeness } from './word-boundaries.js';

const require = createRequire(import.meta.url);
/**
 * fontkit and linebreak as pdfkit and pdfmake require them, loaded on first use: one copy of each in a thread (importing
 * them loaded their ES builds beside the CommonJS ones pdfkit and pdfmake use, 0.2 s more for fontkit), and none in a
 * run's main thread, which hands its briefing to a thread of its own.
 */
const fontkit = () => require('fontkit') as typeof Fontkit;
const LineBreaker = () => require('linebreak') as typeof LineBreakerClass;

/** A piece of text in one style; `bold` and `fontSize` are all that change a width here. */
export interface TextRun {
  text: string;
  bold?: boolean;
  fontSize?: number;
  color?: string;
  /** One word: no break inside it. */
  noWrap?: boolean;
}

/** A break opportunity's word: the text up to the next opportunity, within one run. */
interface Word {
  run: TextRun;
  text: string;
  width: number;
  leadingCut: number;
  trailingCut: number;
  /** No break after this word: it is glued to the first word of the next run (as pdfmake's `noNewLine`). */
  glued: boolean;
}

/** A run's words, and the words pdfmake joins across runs to decide whether a break may fall between them. */
function runWords(run: TextRun, fits: (word: string) => boolean): { texts: string[]; first: string; last: string } {
  const words = wordsFitting(run.text, 'quotes', fits);
  return { texts: run.noWrap ? [run.text] : words, first: words[0]!, last: words[words.length - 1]! };
}

/**
 * The words of a text between break opportunities: pdfmake's own (its TextBreaker's UAX #14 breaker), less those
 * inside a dictionary word or a short quoted name at `wholeness` (`anywhere`: exactly pdfmake's).
 */
export function breakWords(text: string, wholeness: Wholeness = 'anywhere'): string[] {
  if (text.length === 0) return [''];
  const inside = unbreakableOffsets(text, wholeness);
  const positions = new Set<number>();
  const breaker = new (LineBreaker())(text);
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) positions.add(next.position);
  if (wholeness !== 'anywhere') for (const match of text.matchAll(EXTRA_BREAK)) positions.add(match.index);
  const words: string[] = [];
  let last = 0;
  for (const position of [...positions].sort((a, b) => a - b)) {
    if (position === 0 || (position < text.length && inside.has(position))) continue;
    words.push(text.slice(last, position));
    last = position;
  }
  return words;
}

/**
 * Breaks UAX #14 does not allow where a Chinese reader expects one: between two quoted names (`”` `“`), and after a
 * `+` between ideographs, which closes a slogan (`互联网+`) where UAX #14 reads a sign glued to what follows.
 */
const EXTRA_BREAK = /(?<=”)(?=“)|(?<=\p{Script=Han}[+＋])(?=\p{Script=Han})/gu;

/** Finer in turn: a word wider than its line is split between dictionary words, then wherever UAX #14 allows. */
const FINER: Readonly<Record<Wholeness, Wholeness | undefined>> = { quotes: 'clauses', clauses: 'words', words: 'anywhere', anywhere: undefined };

/** A text's words at `wholeness`, each that `fits` refuses split finer until it fits or cannot be split. */
function wordsFitting(text: string, wholeness: Wholeness, fits: (word: string) => boolean): string[] {
  const finer = FINER[wholeness];
  return breakWords(text, wholeness).flatMap((word) => (finer && !fits(word) ? wordsFitting(word, finer, fits) : [word]));
}

/**
 * Widths of text in the briefing's two fonts, in points: the sum of the glyphs' advances. pdfkit shapes text first,
 * which only ever narrows it here (kerning and ligatures of Latin text; a test holds the fonts to that), so a line
 * that fits by this measure fits pdfmake's too. Shaping is also what made measuring slow: it needs the fonts' large
 * substitution and positioning tables, and advances need only the character map and metrics.
 */
export class TextMeasure {
  private readonly fonts: Array<{ font: Fontkit.Font; advances: Float64Array }>;

  constructor(fonts: { normal: Buffer; bold: Buffer }) {
    this.fonts = [fonts.normal, fonts.bold].map((bytes) => ({ font: fontkit().create(bytes) as Fontkit.Font, advances: new Float64Array(0x10000).fill(-1) }));
  }

  width(text: string, fontSize: number, bold = false): number {
    const face = this.fonts[bold ? 1 : 0]!;
    let units = 0;
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
        units += this.advance(face.font, text.codePointAt(index)!);
        index += 1;
        continue;
      }
      let advance = face.advances[unit]!;
      if (advance < 0) face.advances[unit] = advance = this.advance(face.font, unit);
      units += advance;
    }
    return (units * fontSize) / 1000;
  }

  /** A character's advance in thousandths of an em (pdfkit's unit). */
  private advance(font: Fontkit.Font, codePoint: number): number {
    return (font.glyphForCodePoint(codePoint).advanceWidth * 1000) / font.unitsPerEm;
  }
}

/**
 * Points a line is kept short of its width: pdfkit's shaping can widen Latin text a little (the `fl` ligature of the
 * regular font is 0.009 pt wider than f and l at 9 pt), and a line pdfmake finds too wide it would break again.
 */
const SHAPING_ALLOWANCE = 0.1;

const LEADING_SPACE = /^\s*/;
const TRAILING_SPACE = /\s*$/;

/**
 * Fills lines of `maxWidth` points with the runs' words as pdfmake's Line does: a word fits while the line's width
 * plus the word and anything glued to it, less the line's leading and the word's trailing space, is within the width,
 * and a word glued to the one before follows it onto the line unchecked. Undefined when a line would be too wide
 * (a word wider than the line): pdfmake cuts such a word where it must, so it is left to lay the text out itself.
 */
export function breakLines(runs: readonly TextRun[], width: number, measure: TextMeasure, baseFontSize: number): TextRun[][] | undefined {
  const maxWidth = width - SHAPING_ALLOWANCE;
  const words = wordsOf(runs, measure, baseFontSize, maxWidth);
  const lines: Word[][] = [];
  let line: Word[] = [];
  let lineWidth = 0;
  let leadingCut = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const forced = index > 0 && words[index - 1]!.glued;
    if (line.length > 0 && !forced && lineWidth + chainWidth(words, index) - leadingCut > maxWidth) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (line.length === 0) leadingCut = word.leadingCut;
    line.push(word);
    lineWidth += word.width;
  }
  if (line.length > 0) lines.push(line);
  return lines.every((words) => fits(words, maxWidth)) ? lines.map(mergedRuns) : undefined;
}

/** The width a word needs to stay on a line: its own and that of the words glued after it, less their trailing space. */
function chainWidth(words: readonly Word[], index: number): number {
  let width = words[index]!.width;
  let trailingCut = words[index]!.trailingCut;
  for (let next = index; words[next]!.glued && next + 1 < words.length; next++) {
    width += words[next + 1]!.width;
    trailingCut += words[next + 1]!.trailingCut;
  }
  return width - trailingCut;
}

/** The runs' words: whole dictionary words and short quoted names, split finer only where one is wider than the line. */
function wordsOf(runs: readonly TextRun[], measure: TextMeasure, baseFontSize: number, maxWidth: number): Word[] {
  const words: Word[] = [];
  let previousLast = '';
  for (const run of runs) {
    const size = run.fontSize ?? baseFontSize;
    const fits = (word: string) => measure.width(word.trim(), size, run.bold) <= maxWidth;
    const { texts, first, last } = runWords(run, fits);
    // pdfmake glues the last word of one run to the first of the next when no break lies between them; here also
    // when the two make one word (`营商` + bold `环境`).
    if (previousLast && breakWords(previousLast + first, 'words').length === 1) words[words.length - 1]!.glued = true;
    const width = (part: string) => (part.length === 0 ? 0 : measure.width(part, size, run.bold));
    for (const text of texts) {
      words.push({
        run,
        text,
        width: width(text),
        leadingCut: width(LEADING_SPACE.exec(text)![0]),
        trailingCut: width(TRAILING_SPACE.exec(text)![0]),
        glued: false,
      });
    }
    previousLast = last;
  }
  return words;
}

/**
 * Whether a line fits, or pdfmake would break it once more. Widths are sums of advances, so the line's is its words'
 * (pdfmake measures its runs again, shaped, which only narrows them: see `TextMeasure`).
 */
function fits(line: readonly Word[], maxWidth: number): boolean {
  const width = line.reduce((sum, word) => sum + word.width, 0);
  return width - line[0]!.leadingCut - line[line.length - 1]!.trailingCut <= maxWidth + 1e-9;
}

/** A line's words joined back into one run per stretch of the same style. */
function mergedRuns(line: readonly Word[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const word of line) {
    const last = runs[runs.length - 1];
    if (last && sameStyle(last, word.run)) last.text += word.text;
    else runs.push({ ...word.run, text: word.text });
  }
  return runs;
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.fontSize === b.fontSize && a.color === b.color && a.noWrap === b.noWrap;
}

/** A pdfmake text: the runs broken into lines, each run of a line an unbreakable inline and a new line after each line. */
export function preBrokenText(runs: readonly TextRun[], maxWidth: number, measure: TextMeasure, baseFontSize: number): TextRun[] {
  const lines = breakLines(runs, maxWidth, measure, baseFontSize);
  if (!lines) return runs.map((run) => ({ ...run }));
  return lines.flatMap((line, index) => [...(index > 0 ? [{ text: '\n' }] : []), ...line.map((run) => ({ ...run, noWrap: true }))]);
}

/** What a named style sets that changes where lines break. */
export interface BreakingStyle {
  fontSize?: number;
  bold?: boolean;
  margin?: number | number[];
}

/** The document's styles and the width and style its content starts with. */
export interface BreakingContext {
  width: number;
  fontSize: number;
  bold: boolean;
  styles: Readonly<Record<string, BreakingStyle>>;
  measure: TextMeasure;
}

type Node = Record<string, unknown>;
const RUN_KEYS = new Set(['text', 'bold', 'fontSize', 'color', 'noWrap']);

/**
 * A document's content with the text of every paragraph, list item and table cell whose width is known broken into
 * lines (`preBrokenText`). Widths follow pdfmake: horizontal margins, a list's indent (the width of `9. `), a table's
 * columns (fixed, or an equal share of what is left after the 8 pt padding either side of every inner rule). Text
 * under anything else (columns, canvases) is left for pdfmake to break.
 */
export function withLinesBroken(content: unknown, context: BreakingContext): unknown {
  if (Array.isArray(content)) return content.map((node) => withLinesBroken(node, context));
  if (!content || typeof content !== 'object') return content;
  const node = content as Node;
  const inner = innerContext(node, context);
  if (Array.isArray(node.stack)) return { ...node, stack: node.stack.map((child) => withLinesBroken(child, inner)) };
  if (Array.isArray(node.ul)) {
    const item = { ...inner, width: inner.width - inner.measure.width('9. ', inner.fontSize, inner.bold) };
    return { ...node, ul: node.ul.map((child) => withLinesBroken(child, item)) };
  }
  if (node.table && typeof node.table === 'object') return brokenTable(node, inner);
  if ('text' in node) return brokenText(node, inner);
  return node;
}

/** The width and style inside a node: its named styles, its own font settings, less its horizontal margins. */
function innerContext(node: Node, context: BreakingContext): BreakingContext {
  let { fontSize, bold } = context;
  let margin: number | number[] | undefined;
  for (const name of [node.style].flat()) {
    const style = typeof name === 'string' ? context.styles[name] : undefined;
    fontSize = style?.fontSize ?? fontSize;
    bold = style?.bold ?? bold;
    margin = style?.margin ?? margin;
  }
  if (typeof node.fontSize === 'number') fontSize = node.fontSize;
  if (typeof node.bold === 'boolean') bold = node.bold;
  if (node.margin !== undefined) margin = node.margin as number | number[];
  return { ...context, fontSize, bold, width: context.width - horizontalMargin(margin) };
}

function horizontalMargin(margin: number | number[] | undefined): number {
  if (margin === undefined) return 0;
  if (typeof margin === 'number') return 2 * margin;
  if (margin.length === 2) return 2 * margin[0]!;
  return (margin[0] ?? 0) + (margin[2] ?? 0);
}

function brokenText(node: Node, context: BreakingContext): Node {
  const runs = node.noWrap ? undefined : textRuns(node.text);
  if (!runs) return node;
  return {
    ...node,
    text: preBrokenText(
      runs.map((run) => ({ ...run, fontSize: run.fontSize ?? context.fontSize, bold: run.bold ?? context.bold })),
      context.width,
      context.measure,
      context.fontSize,
    ),
  };
}

/** A text's runs, when it is plain runs of text (no links, nested texts or forced line ends). */
function textRuns(text: unknown): TextRun[] | undefined {
  const pieces = Array.isArray(text) ? text : [text];
  const runs: TextRun[] = [];
  for (const piece of pieces) {
    const run = typeof piece === 'string' ? { text: piece } : (piece as Node);
    if (!run || typeof run.text !== 'string' || run.text.includes('\n') || Object.keys(run).some((key) => !RUN_KEYS.has(key))) return undefined;
    runs.push(run as unknown as TextRun);
  }
  return runs;
}

function brokenTable(node: Node, context: BreakingContext): Node {
  const table = node.table as { widths?: unknown[]; body: unknown[][] };
  const widths = table.widths ?? [];
  const fixed = widths.filter((width): width is number => typeof width === 'number');
  const stars = widths.filter((width) => width === '*').length;
  if (fixed.length + stars !== widths.length || (stars > 0 && !paddedAsLightLines(node.layout, widths))) return node;
  const share = sharedColumnWidth(context.width, fixed, Math.max(1, stars));
  const columnWidths = widths.map((width) => (typeof width === 'number' ? width : share));
  const body = table.body.map((row) =>
    row.map((cell, column) => {
      if (!cell || typeof cell !== 'object' || 'rowSpan' in cell || columnWidths[column] === undefined) return cell;
      // A cell across columns has their widths and the padding between them (a note under a table's last row).
      const span = 'colSpan' in cell ? Number((cell as Node).colSpan) : 1;
      // A title across the columns is left to pdfmake, as it always was (broken here, it moved tables to new pages).
      if (span > 1 && 'text' in cell) return cell;
      const spanned = columnWidths.slice(column, column + span);
      if (spanned.length < span) return cell;
      return withLinesBroken(cell, { ...context, width: spanned.reduce((sum, width) => sum + width, 0) + 16 * (span - 1) });
    }),
  );
  return { ...node, table: { ...table, body } };
}

type Padding = (column: number, node: { table: { widths: unknown[] } }) => number;

/**
 * Whether a table's layout pads its cells as `lightHorizontalLines` does (8 pt either side of every inner rule,
 * nothing at the outer edges), so that its shared columns are as wide as `sharedColumnWidth` says.
 */
function paddedAsLightLines(layout: unknown, widths: readonly unknown[]): boolean {
  if (layout === 'lightHorizontalLines') return true;
  const { paddingLeft, paddingRight } = (layout ?? {}) as { paddingLeft?: Padding; paddingRight?: Padding };
  if (typeof paddingLeft !== 'function' || typeof paddingRight !== 'function') return false;
  const node = { table: { widths: [...widths] } };
  return widths.every(
    (_, column) => paddingLeft(column, node) === (column === 0 ? 0 : 8) && paddingRight(column, node) === (column === widths.length - 1 ? 0 : 8),
  );
}
