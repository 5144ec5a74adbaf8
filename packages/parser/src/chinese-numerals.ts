// Numbers as Chinese texts write them: Arabic digits (full- or half-width) and Chinese numerals, with 万/亿 folded in exactly.
//
// Hand-written because the maintained converters (nzh, chinese-numbers-converter) fail on forms the corpus
// uses every day (两千, 2.7万, float errors such as 4.52万 → 45199.99999999999; see shared/docs/measured.md).

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * The value of a Chinese numeral (`两千` 2000, `十一` 11, `三百零五` 305, `一万二千` 12000), or
 * undefined for strings that are not one number: ranges such as `七八十` or `二三`.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmallUnit = Infinity;
  let previousWasDigit = false;
  for (const char of text) {
    const value = DIGITS[char];
    if (value !== undefined) {
      // Two digits in a row (七八, 二三) make a range or an estimate, not a number; 零 may follow a digit's unit.
      if (previousWasDigit && value !== 0 && digit !== 0) return undefined;
      digit = value;
      previousWasDigit = true;
      continue;
    }
    previousWasDigit = false;
    const small = SMALL_UNITS[char];
    if (small !== undefined) {
      if (small >= lastSmallUnit) return undefined;
      section += (digit ?? 1) * small;
      lastSmallUnit = small;
      digit = undefined;
      continue;
    }
    const big = BIG_UNITS[char];
    if (big !== undefined) {
      section += digit ?? 0;
      if (section === 0) section = 1;
      total = (total + section) * big;
      section = 0;
      digit = undefined;
      lastSmallUnit = Infinity;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

const FULL_WIDTH_DIGIT = /[０-９．，]/g;
const NOT_PLAIN_ASCII = /[０-９．，,]/;

/** Turns full-width digits and separators into ASCII and drops thousands separators. */
export function normaliseArabic(text: string): string {
  // Most numbers are plain ASCII digits: tested first, they are returned without the two replacements' new strings.
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  return text
    .replace(FULL_WIDTH_DIGIT, (char) => (char === '．' ? '.' : char === '，' ? ',' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)))
    .replaceAll(',', '');
}

/**
 * Multiplies a decimal string by a power of ten without floating-point error, by moving the
 * decimal point (`2.19` × 10^8 → 219000000; 4.52 × 10^4 → 45200, never 45199.99999999999).
 */
export function scaleDecimal(decimal: string, powerOfTen: number): number {
  // A whole number not to be scaled (most figures): the number as written, without splitting and joining it again.
  if (powerOfTen === 0 && !decimal.includes('.')) return Number(decimal);
  const [integerPart = '0', fractionPart = ''] = decimal.split('.');
  if (powerOfTen >= fractionPart.length) {
    return Number(`${integerPart}${fractionPart}${'0'.repeat(powerOfTen - fractionPart.length)}`);
  }
  return Number(`${integerPart}${fractionPart.slice(0, powerOfTen)}.${fractionPart.slice(powerOfTen)}`);
}

/** The power of ten of a run of multipliers (`万` 4, `亿` 8, `万亿` 12, `千万` 7). */
export function multiplierPower(multipliers: string): number {
  let power = 0;
  for (const char of multipliers) power += char === '亿' ? 8 : char === '万' ? 4 : char === '千' ? 3 : char === '百' ? 2 : 0;
  return power;
}
