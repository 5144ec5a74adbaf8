// Where a line of Chinese may end: between words, never inside one. The Unicode line-breaking rules pdfmake follows
// allow a break between any two ideographs (`营商环/境`, `执/法`), and Node's Intl.Segmenter misses common words
// (`营|商|环境`, ../shared/docs/measured.md); a dictionary segmenter (jieba, with its own dictionary of ~350,000 words)
// splits `优化|营商|环境`, `整改|与|执法`, `“|互联网|+|不动产|登记|”`.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/**
 * How strictly a text's words are kept whole: quoted names and words; words, a quoted name broken only after a pause
 * within it (`“网格连心、/组团服务”`); words only; or any break UAX #14 allows.
 */
export type Wholeness = 'quotes' | 'clauses' | 'words' | 'anywhere';

const IDEOGRAPH = /[\u3400-\u9fff]/;
/** A quoted name is kept on one line only when it is short enough to fit a narrow table column. */
const QUOTED_NAME = /“[^“”\n]{1,14}”/g;

let segmenter: Jieba | undefined;

/** Loaded on first use (about 0.5–0.8 s): a run that writes no Chinese briefing text never pays for the dictionary. */
function jieba(): Jieba {
  if (!segmenter) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    segmenter = JiebaClass.withDict(dict);
  }
  return segmenter;
}

/** Loads the segmenter's dictionary now rather than at the first text it breaks. */
export function loadWordSegmenter(): void {
  jieba();
}

/** Marks within a quoted name after which a too-long name may break (`、`), and after which `+` belongs (`互联网+`). */
const CLAUSE_END = /[、，；：+＋]/;

/**
 * Offsets inside `text` where no line may end at `wholeness`: every offset strictly inside a dictionary word of
 * two or more ideographs or a parallel four-character phrase (`立行立改`), inside an amount (`CNY 1 bn`) and, at
 * `quotes`, inside a short quoted name (`“万名干部助推电商扶贫行动”`); at `clauses`, inside a quoted name but after a
 * pause in it.
 */
export function unbreakableOffsets(text: string, wholeness: Wholeness): Set<number> {
  const inside = new Set<number>();
  if (wholeness === 'anywhere') return inside;
  amountOffsets(text, inside);
  if (!IDEOGRAPH.test(text)) return inside;
  const words = jieba().cut(text, false);
  // jieba gives back every character; if it ever did not, offsets would drift, so nothing is held together.
  if (words.join('') !== text) return inside;
  let at = 0;
  for (const word of words) {
    if (IDEOGRAPH.test(word)) for (let offset = at + 1; offset < at + word.length; offset++) inside.add(offset);
    at += word.length;
  }
  parallelPhraseOffsets(text, inside);
  // `+` after an ideograph closes a slogan (`互联网+`): no line starts with it.
  for (const match of text.matchAll(/(?<=\p{Script=Han})[+＋]/gu)) inside.add(match.index);
  if (wholeness === 'quotes' || wholeness === 'clauses') {
    for (const match of text.matchAll(QUOTED_NAME)) {
      for (let offset = match.index + 1; offset < match.index + match[0].length; offset++) {
        if (wholeness === 'quotes' || !CLAUSE_END.test(text[offset - 1]!)) inside.add(offset);
      }
    }
  }
  return inside;
}

/**
 * A four-character phrase of the pattern ABAC (`立行立改`, `即知即改`, `一户一策`) is one expression that jieba's
 * dictionary mostly lacks: it breaks such a phrase into characters, and a line ended `立行立/改`.
 */
function parallelPhraseOffsets(text: string, inside: Set<number>): void {
  // By code unit, with no string made per position: it runs over every character of every cell. IDEOGRAPH's range is
  // in the Basic Multilingual Plane, so a window holding a surrogate is never such a phrase.
  const isIdeograph = (unit: number) => unit >= 0x3400 && unit <= 0x9fff;
  for (let start = 0; start + 4 <= text.length; start++) {
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    const c = text.charCodeAt(start + 2);
    const d = text.charCodeAt(start + 3);
    if (a === c && a !== b && b !== d && isIdeograph(a) && isIdeograph(b) && isIdeograph(d))
      for (let offset = start + 1; offset < start + 4; offset++) inside.add(offset);
  }
}

/**
 * An amount is read as one: a currency code stays with its number (`CNY 2`) and a number with the magnitude after it
 * (`2 m`, `1 bn`, `6.2 tn`), or a line ended `more than CNY 1` and the next began `bn`.
 */
const AMOUNT =
  /\b(?:CNY|RMB|USD|US\$|HKD|EUR|GBP|JPY)\s+\d[\d,.]*(?:\s+(?:m|bn|tn|million|billion|trillion)\b)?|\d[\d,.]*\s+(?:m|bn|tn|million|billion|trillion)\b/g;

function amountOffsets(text: string, inside: Set<number>): void {
  for (const match of text.matchAll(AMOUNT)) for (let offset = match.index + 1; offset < match.index + match[0].length; offset++) inside.add(offset);
}
