// Where a line of Chinese may end: between words, never inside one. The Unicode line-breaking rules pdfmake follows
// allow a break between any two ideographs (`营商环/境`, `执/法`), and Node's Intl.Segmenter misses common words
// (`营|商|环境`, ../shared/docs/measured.md); a dictionary segmenter (jieba, with its own dictionary of ~350,000 words)
// splits `优化|营商|环境`, `整改|与|执法`, `“|互联网|+|不动产|登记|”`.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/** How strictly a text's words are kept whole: quoted names and words, words only, or any break UAX #14 allows. */
export type Wholeness = 'quotes' | 'words' | 'anywhere';

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

/**
 * Offsets inside `text` where no line may end at `wholeness`: every offset strictly inside a dictionary word of
 * two or more ideographs and, at `quotes`, inside a short quoted name (`“万名干部助推电商扶贫行动”`).
 */
export function unbreakableOffsets(text: string, wholeness: Wholeness): Set<number> {
  const inside = new Set<number>();
  if (wholeness === 'anywhere' || !IDEOGRAPH.test(text)) return inside;
  const words = jieba().cut(text, false);
  // jieba gives back every character; if it ever did not, offsets would drift, so nothing is held together.
  if (words.join('') !== text) return inside;
  let at = 0;
  for (const word of words) {
    if (IDEOGRAPH.test(word)) for (let offset = at + 1; offset < at + word.length; offset++) inside.add(offset);
    at += word.length;
  }
  if (wholeness === 'quotes') {
    for (const match of text.matchAll(QUOTED_NAME)) {
      for (let offset = match.index + 1; offset < match.index + match[0].length; offset++) inside.add(offset);
    }
  }
  return inside;
}
