// Paragraphs built to be hard for extraction: documents a user could have (a statistics communiqué pasted as one
// paragraph, a table flattened into text) and hostile ones, each one pattern repeated to any length. For the stress
// test that holds extraction linear in a paragraph's length, and for `pnpm bench`, which runs them at full size.

/** Each pattern's text for its n-th repetition; most repeat one piece, some number theirs to make every name distinct. */
export const STRESS_PATTERNS = {
  /** A communiqué without full stops: a place and a sum of money per clause. */
  'place-money': () => '浙江省杭州市1.5万余元，',
  /** A flattened table of percentages: a figure every two characters, no punctuation at all. */
  percent: () => '5%',
  /** Figures, percentages, places and quoted names, without punctuation. */
  mixed: () => '“暖心十条”投入2.19亿元惠及5%农户浙江杭州西湖区',
  /** Sentences of one figure each in a region's story: many measures, each with its figure. */
  'short-sentences': () => '浙江投入5%；',
  /** A different quoted numbered name in every repetition, each with a figure after it. */
  'quoted-names': (index: number) => `“惠民${index}条”${index % 97}项`,
  numerals: () => '一二三四五六七八九十百千万亿',
  digits: () => '0123456789',
  'digit-commas': () => '1,',
  'open-quotes': () => '“',
  'full-stops': () => '。',
  dashes: () => '——',
  places: () => '浙江杭州西湖区',
} as const satisfies Record<string, (index: number) => string>;

export type StressPattern = keyof typeof STRESS_PATTERNS;

/** One paragraph of exactly `characters` characters (UTF-16 code units) of a pattern, cut at the end. */
export function stressParagraph(pattern: StressPattern, characters: number): string {
  const piece = STRESS_PATTERNS[pattern];
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < characters; index++) {
    const part = piece(index);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, characters);
}
