// Cleaning crawler text and numbering paragraphs the one way every table uses.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,200}>/g;
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
};
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g;
/** Whitespace a crawler leaves around paragraphs: ASCII, no-break, full-width (the indent `　　`) and the rest of Unicode's. */
const EDGE_SPACE = /^[\s\u3000\u00A0\u2000-\u200A\u202F\u205F]+|[\s\u3000\u00A0\u2000-\u200A\u202F\u205F]+$/g;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? match;
  if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10)) ?? match;
  return NAMED_ENTITIES[body.toLowerCase()] ?? match;
}

function safeCodePoint(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/**
 * Removes what crawlers leave in article text and is not the article: zero-width characters,
 * HTML tags and entities; no-break spaces become spaces. Line structure is kept (`<br>` and `<p>` become line breaks).
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/<br\s*\/?>|<\/p>/gi, '\n')
      .replace(HTML_TAG, '')
      .replace(ENTITY, decodeEntity)
      .replace(ZERO_WIDTH, '')
      // A no-break space inside a paragraph is a space to every reader, and searching for one should find it.
      .replace(/\u00A0/g, ' ')
  );
}

/** Trims a line of every kind of space, including the full-width indent. */
export function trimLine(line: string): string {
  return line.replace(EDGE_SPACE, '');
}

/**
 * The article body's paragraphs: its non-empty lines, cleaned and trimmed, numbered from 0.
 * Lines end in LF, CRLF or a lone CR.
 */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const line of cleanText(text).split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const trimmed = trimLine(line);
    if (trimmed.length > 0) paragraphs.push(trimmed);
  }
  return paragraphs;
}

/** A short excerpt for messages and rejects.csv: first characters, on one line. */
export function excerptOf(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** Characters (Unicode code points) of a text, counted without splitting it: a surrogate pair is one character. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length -= 1;
        index += 1;
      }
    }
  }
  return length;
}

/** A text with every regular-expression metacharacter escaped, to match it literally inside a pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test of one code unit against a set of characters, for loops that walk text a character at a time: a pattern
 * tested on `text[i]` makes a string of every character it looks at (for Chinese text, a new one each time).
 */
export function codeUnitSet(characters: string): (unit: number) => boolean {
  // A bit per code unit (8 kB): these tests run at every character of a paragraph, and a bit is cheaper than a hash.
  const bits = new Uint32Array(0x10000 >>> 5);
  for (const character of characters) {
    const unit = character.charCodeAt(0);
    bits[unit >>> 5]! |= 1 << (unit & 31);
  }
  return (unit) => ((bits[unit >>> 5]! >>> (unit & 31)) & 1) === 1;
}

/** Whether a code unit is a CJK unified ideograph (U+4E00–U+9FFF). */
export function isIdeograph(unit: number): boolean {
  return unit >= 0x4e00 && unit <= 0x9fff;
}
