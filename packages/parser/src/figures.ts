// Finding every figure in a paragraph (`14亿元`, `2.7万余次`, `八成以上`) and normalising it to value, unit and qualifier.
import type { Figure, Qualifier, Quantity } from '@roundup/model';
import { z } from 'zod';
import { CHINESE_NUMERAL_CHARS, multiplierPower, normaliseArabic, parseChineseNumeral, scaleDecimal } from './chinese-numerals.js';
import { dataPath, loadDataFile } from './data-files.js';
import { isNameNumber, nameNumbers, NameNumbersTable, subjectTrim, SubjectTrimTable, trimSubject, type NameNumbers, type SubjectTrim } from './figure-words.js';
import { findQuotedSpans, insideQuotedName, type QuotedSpan } from './quotes.js';
import { ParagraphSentences } from './sentences.js';
import { escapeRegExp, isIdeograph } from './text.js';

const UnitTable = z.object({
  units: z.array(
    z.object({
      word: z.string().min(1),
      quantity: z.string(),
      base: z.string().optional(),
      qualifier: z.enum(['exact', 'more_than', 'approx', 'less_than']).optional(),
      scale: z.number().optional(),
    }),
  ),
  notUnits: z.object({ words: z.array(z.string()) }),
  approximatorsBefore: z.object({ approx: z.array(z.string()), more_than: z.array(z.string()), less_than: z.array(z.string()) }),
  unitVerbs: z.object({ words: z.array(z.string()) }),
  subjectTrim: SubjectTrimTable,
  nameNumbers: NameNumbersTable,
});

interface UnitWord {
  word: string;
  base: string;
  quantity: Quantity;
  qualifier?: Qualifier;
  scale: number;
}

export interface FigureRules {
  /** Unit words longest first, so 平方公里 wins over 公里 and 个月 over 个. */
  units: UnitWord[];
  notUnits: string[];
  before: Array<[string, Qualifier]>;
  subjectStops: RegExp;
  subjectTrim: SubjectTrim;
  nameNumbers: NameNumbers;
}

export function loadFigureRules(file = dataPath('units.json')): FigureRules {
  const table = loadDataFile(file, UnitTable);
  const units = table.units.map((unit) => ({
    word: unit.word,
    base: unit.base ?? unit.word,
    quantity: unit.quantity as Quantity,
    ...(unit.qualifier ? { qualifier: unit.qualifier } : {}),
    scale: unit.scale ?? 1,
  }));
  units.sort((a, b) => b.word.length - a.word.length);
  const before: Array<[string, Qualifier]> = [];
  for (const qualifier of ['approx', 'more_than', 'less_than'] as const) {
    for (const word of table.approximatorsBefore[qualifier]) before.push([word, qualifier]);
  }
  before.sort((a, b) => b[0].length - a[0].length);
  const verbs = [...table.unitVerbs.words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    units,
    notUnits: [...table.notUnits.words].sort((a, b) => b.length - a.length),
    before,
    subjectStops: new RegExp(verbs.join('|'), 'g'),
    subjectTrim: subjectTrim(
      table.subjectTrim,
      before.map(([word]) => word),
    ),
    nameNumbers: nameNumbers(table.nameNumbers),
  };
}

const ARABIC = '0-9０-９';
/**
 * A number: Arabic (with thousands separators and decimals) or Chinese numerals, then an optional
 * 余/多, multipliers, and another 余/多 (`2.7万余`, `80多万`, `7万多`, `十余`). `百分之` leads a percentage.
 */
const NUMBER = new RegExp(
  `(百分之)?(?:([${ARABIC}]+(?:[,，][${ARABIC}]{3})*(?:[.．][${ARABIC}]+)?)|([${CHINESE_NUMERAL_CHARS}]+))(余|多)?([万亿千百]*)(余|多)?`,
  'g',
);
const SUFFIX_QUALIFIERS: Array<[string, Qualifier]> = [
  ['以上', 'more_than'],
  ['多', 'more_than'],
  ['余', 'more_than'],
  ['左右', 'approx'],
  ['上下', 'approx'],
  ['以下', 'less_than'],
  ['以内', 'less_than'],
];
const OF = '的'.charCodeAt(0);
const OPENING_QUOTE = '“'.charCodeAt(0);
/** Before a number, what makes it no figure: a letter (A4, G20, COVID-19), or a digit or point (part of another number). */
const NOT_BEFORE_A_FIGURE = /[A-Za-zＡ-Ｚａ-ｚ\-－·0-9０-９.．]/;

/** A figure rules' unit and not-unit words by their first code unit, in the rules' order (longest first). */
interface WordIndex {
  units: Map<number, UnitWord[]>;
  notUnits: Map<number, string[]>;
}
const wordIndexes = new WeakMap<FigureRules, WordIndex>();

/** Built on first use: every number in the text is followed by a look for a unit, among 99 words. */
function wordIndex(rules: FigureRules): WordIndex {
  let index = wordIndexes.get(rules);
  if (!index) {
    index = { units: byFirstUnit(rules.units, (unit) => unit.word), notUnits: byFirstUnit(rules.notUnits, (word) => word) };
    wordIndexes.set(rules, index);
  }
  return index;
}

function byFirstUnit<T>(items: readonly T[], wordOf: (item: T) => string): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const first = wordOf(item).charCodeAt(0);
    const list = map.get(first);
    if (list) list.push(item);
    else map.set(first, [item]);
  }
  return map;
}

/**
 * The sentence around [start, end), as `ParagraphSentences.around` gives it (an over-long one as an excerpt). For one
 * lookup: the text is indexed anew at each call, so many lookups in one paragraph share a `ParagraphSentences`.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  return new ParagraphSentences(text).around(start, end);
}

/** What is counted: the noun after the unit (`35个铁路小区`), else the quoted name or noun phrase before the number. */
function subjectOf(text: string, start: number, end: number, rules: FigureRules): string {
  // The run of ideographs after the figure (at most 12) without a leading 的, found by code unit: most figures in a
  // table flattened into text have none, and a slice and a pattern per figure cost more than the rest of this function.
  let afterFrom = end;
  let afterTo = end;
  while (afterTo < text.length && afterTo - end < 12 && isIdeograph(text.charCodeAt(afterTo))) afterTo += 1;
  if (afterTo > afterFrom && text.charCodeAt(afterFrom) === OF) afterFrom += 1;
  if (afterTo - afterFrom >= 2) {
    const afterCut = cutAtVerb(text.slice(afterFrom, afterTo), rules, 'first').split('的')[0]!;
    if (afterCut.length >= 2) return afterCut.slice(0, 10);
  }
  if (start > 0 && text[start - 1] === '”') {
    // Only a name opened close before counts, so only that far is searched (not back to the paragraph's start).
    let open = start - 2;
    while (open >= 0 && start - open <= 26 && text.charCodeAt(open) !== OPENING_QUOTE) open -= 1;
    if (open >= 0 && start - open <= 26) return text.slice(open + 1, start - 1);
  }
  let from = start;
  while (from > 0 && start - from < 12 && isIdeograph(text.charCodeAt(from - 1))) from -= 1;
  // A subject has two characters at least: fewer before the figure leave none.
  if (start - from < 2) return '';
  const before = cutAtVerb(text.slice(from, start), rules, 'last')
    .replace(/的$/, '')
    .split('的')
    .pop()!
    .replace(/^(?:已|共|累计|全|该|各|约|近|超过|达到?)/, '');
  return trimSubject(before, rules.subjectTrim);
}

/** Cuts a noun phrase at a verb: after the unit at the first verb of two or more characters, before it after the last verb. */
function cutAtVerb(run: string, rules: FigureRules, which: 'first' | 'last'): string {
  // The pattern is global and shared: matches are walked from the start each time, and no list of them is kept.
  const verbs = rules.subjectStops;
  verbs.lastIndex = 0;
  let cut: number | undefined;
  for (let match = verbs.exec(run); match !== null; match = verbs.exec(run)) {
    if (which === 'first') {
      if (match[0].length >= 2) return run.slice(0, match.index);
    } else cut = match.index + match[0].length;
    if (match[0].length === 0) verbs.lastIndex += 1;
  }
  return cut === undefined ? run : run.slice(cut);
}

/**
 * Every figure in a paragraph. A number counts only when a unit or measure word follows it; dates,
 * clock times, anniversaries, ordinals (第二批), numbers inside quoted names, and a lone 一 (一辆, 一把手) do not.
 */
export function extractFigures(text: string, paragraph: number, rules: FigureRules, quoted: readonly QuotedSpan[] = findQuotedSpans(text)): Figure[] {
  const figures: Figure[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const figure = figureAt(match, text, paragraph, rules, quoted);
    if (!figure) continue;
    figures.push(figure);
    // Resume right after this figure, so adjacent ones (9类175项) are each found.
    NUMBER.lastIndex = figure.end;
  }
  // A figure written against the next one (9类175项业务, 五大类295项服务事项) counts the same thing.
  for (let i = figures.length - 2; i >= 0; i--) {
    const figure = figures[i]!;
    const next = figures[i + 1]!;
    if (figure.end === next.start && next.subject) figure.subject = next.subject;
  }
  return figures;
}

/** The figure a number starts, or undefined where the number is an ordinal, a date, part of a name or an idiom. */
function figureAt(match: RegExpExecArray, text: string, paragraph: number, rules: FigureRules, quoted: readonly QuotedSpan[]): Figure | undefined {
  // By index: destructuring a match walks it with an iterator, made anew for every number of the paragraph.
  const whole = match[0];
  const percentPrefix = match[1];
  const arabic = match[2];
  const chinese = match[3];
  const innerApprox1 = match[4];
  const multipliers = match[5] ?? '';
  const innerApprox2 = match[6];
  const start = match.index;
  // Reading before the text's start (or past its end) would deoptimise these hot functions: indexes are checked.
  const previous = start > 0 ? text[start - 1]! : '';
  if (previous === '第' || NOT_BEFORE_A_FIGURE.test(previous)) return undefined;
  const numberEnd = start + whole.length;
  // Most numbers in news text count nothing (一些, 统一, 二〇一九): the unit is looked for before the value is worked out.
  const counted = unitAfter(text, numberEnd, rules, percentPrefix, chinese);
  if (!counted) return undefined;
  const value = numberValue(text, numberEnd, previous, arabic, chinese, multipliers);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const { unit } = counted;
  if (isNameNumber(chinese, multipliers, unit.word, counted.end < text.length ? text[counted.end]! : '', rules.nameNumbers)) return undefined;
  if (isNotACount(text, counted.end, previous, value, unit, { numberText: arabic ?? chinese ?? '', chinese, multipliers, approximate: Boolean(innerApprox1) }))
    return undefined;
  if (insideQuotedName(quoted, start, counted.end)) return undefined;
  const { qualifier, end } = qualifierOf(text, start, counted.end, previous, unit, rules, { chinese, approximate: Boolean(innerApprox1 || innerApprox2) });
  const scaled = unit.scale === 1 ? value : scaleDecimal(String(value), Math.log10(unit.scale));
  return {
    paragraph,
    start,
    end,
    raw: text.slice(start, end),
    value: scaled,
    unit: unit.base,
    qualifier,
    quantity: unit.quantity,
    subject: subjectOf(text, start, end, rules),
  };
}

/**
 * The number's value. A Chinese numeral of one character that is 一 is an article or part of an idiom (一辆, 一把手);
 * bare 百/千/万 count only before people (万名干部), never in 千家万户 or 百年.
 */
function numberValue(
  text: string,
  end: number,
  previous: string,
  arabic: string | undefined,
  chinese: string | undefined,
  multipliers: string,
): number | undefined {
  if (arabic !== undefined) return scaleDecimal(normaliseArabic(arabic), multiplierPower(multipliers));
  if (chinese === '一' && multipliers === '') return undefined;
  const core = parseChineseNumeral(chinese + multipliers);
  if (core === undefined) return undefined;
  if (/^[百千万亿]+$/.test(chinese ?? '')) {
    if (previous === '数' || previous === '几') return undefined;
    if (previous !== '上' && previous !== '近' && !text.startsWith('名', end) && !text.startsWith('人', end)) return undefined;
  }
  return core;
}

/** The unit after a number (`%` for 百分之), and where it ends; 五大类 allows 大 between a Chinese numeral and 类 or 项. */
function unitAfter(
  text: string,
  end: number,
  rules: FigureRules,
  percentPrefix: string | undefined,
  chinese: string | undefined,
): { unit: UnitWord; end: number } | undefined {
  if (percentPrefix) {
    const percent = rules.units.find((candidate) => candidate.word === '%');
    return percent ? { unit: percent, end } : undefined;
  }
  const infix = chinese !== undefined && end < text.length && text[end] === '大' ? 1 : 0;
  if (end + infix >= text.length) return undefined;
  const index = wordIndex(rules);
  const unitWord = firstAt(index.units.get(text.charCodeAt(end + infix)), text, end + infix);
  const notUnit = firstAt(index.notUnits.get(text.charCodeAt(end)), text, end);
  if (!unitWord || (infix === 0 && notUnit && notUnit.length >= unitWord.word.length)) return undefined;
  if (infix === 1 && unitWord.word !== '类' && unitWord.word !== '项') return undefined;
  return { unit: unitWord, end: end + infix + unitWord.word.length };
}

/** The first of the words (or unit words) written at `at` in the text; a loop, as a closure per number cost more than the search. */
function firstAt<T extends string | UnitWord>(words: readonly T[] | undefined, text: string, at: number): T | undefined {
  if (words === undefined) return undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (text.startsWith(typeof word === 'string' ? word : word.word, at)) return word;
  }
  return undefined;
}

/**
 * Counted things that are not counts: years (2019年), spans looked back over (70年来, 5年以来: how long, not what was
 * done), 成 beyond ten tenths, office and phase numbers (六部部长, 二期工程).
 */
function isNotACount(
  text: string,
  end: number,
  previous: string,
  value: number,
  unit: UnitWord,
  number: { numberText: string; chinese: string | undefined; multipliers: string; approximate: boolean },
): boolean {
  if (
    unit.base === '年' &&
    (value >= 1000 || number.approximate || /^[〇零]/.test(number.numberText) || text.startsWith('来', end) || text.startsWith('以来', end))
  )
    return true;
  if (unit.word === '成' && (value > 10 || value < 1 || number.multipliers)) return true;
  if (number.chinese !== undefined && /^[处部科室组]$/.test(unit.word) && /^(?:副|长|部长|处长|科长|组长|主任)/.test(text.slice(end))) return true;
  return unit.word === '期' && (/[线段程目区]/.test(previous) || /^(?:工程|项目)/.test(text.slice(end)));
}

/** How exact the figure is, from the words inside, after and before it; a qualifier after it extends the figure. */
function qualifierOf(
  text: string,
  start: number,
  end: number,
  previous: string,
  unit: UnitWord,
  rules: FigureRules,
  number: { chinese: string | undefined; approximate: boolean },
): { qualifier: Qualifier; end: number } {
  let qualifier: Qualifier = number.approximate ? 'more_than' : (unit.qualifier ?? 'exact');
  let suffix: [string, Qualifier] | undefined;
  for (let index = 0; index < SUFFIX_QUALIFIERS.length && suffix === undefined; index++)
    if (text.startsWith(SUFFIX_QUALIFIERS[index]![0], end)) suffix = SUFFIX_QUALIFIERS[index];
  // 上下 is a qualifier only at a phrase's end (not 上下联动); 多/余 after the unit only for durations (3年多, 月余).
  const suffixApplies =
    suffix !== undefined &&
    (suffix[0] !== '上下' || /^[，。、；！？）]?$/.test(text.slice(end + 2, end + 3))) &&
    (!(suffix[0] === '多' || suffix[0] === '余') || (unit.quantity === 'duration' && qualifier === 'exact'));
  if (suffix && suffixApplies) return { qualifier: suffix[1], end: end + suffix[0].length };
  if (qualifier === 'exact') {
    let approx: [string, Qualifier] | undefined;
    for (let index = 0; index < rules.before.length && approx === undefined; index++)
      if (text.endsWith(rules.before[index]![0], start)) approx = rules.before[index];
    if (approx) qualifier = approx[1];
    // 上千万人, 上万元: "as many as" before a bare multiplier.
    else if (previous === '上' && /^[百千万亿]+$/.test(number.chinese ?? '')) qualifier = 'more_than';
  }
  return { qualifier, end };
}
