// A figure as the briefing prints it: its value with its qualifier (超过, 约, 不到) and its measure word, in the
// briefing's language. `2.7万余次` is more than 27,000 times, never plainly `27,000次`.
import { z } from 'zod';
import type { Qualifier } from '@roundup/model';
import { formatMoney, type Language } from '../labels.js';

/** data/measure-words-en.json: a measure word's English, one form or [singular, plural]; empty prints the number alone. */
export const MeasureWordsFile = z.object({
  description: z.string().optional(),
  words: z.record(z.string().min(1), z.union([z.string(), z.tuple([z.string(), z.string()])])),
});
export type MeasureWords = z.infer<typeof MeasureWordsFile>['words'];

const QUALIFIERS: Record<Language, Record<Qualifier, string>> = {
  zh: { exact: '', more_than: '超过', approx: '约', less_than: '不到' },
  en: { exact: '', more_than: 'more than ', approx: 'about ', less_than: 'under ' },
};

export interface PrintedFigure {
  value: number;
  unit: string;
  qualifier: Qualifier;
}

/** The figure's value, grouped for reading, with its qualifier and unit: `超过27,000次`, `more than 27,000 times`. */
export function figureText(figure: PrintedFigure, language: Language, words: MeasureWords = {}): string {
  return `${QUALIFIERS[language][figure.qualifier]}${valueText(figure.value, figure.unit, language, words)}`;
}

function valueText(value: number, unit: string, language: Language, words: MeasureWords): string {
  if (unit === '元') return formatMoney(value, language);
  // A currency's English is its ISO code (美元 → USD in data/measure-words-en.json): printed as an amount, as yuan are.
  const code = words[unit];
  if (typeof code === 'string' && /^[A-Z]{3}$/.test(code)) return formatMoney(value, language, { zh: unit, en: code });
  const number = value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  if (language === 'zh') return `${number}${unit}`;
  if (unit === '%' || unit === '') return `${number}${unit}`;
  const word = words[unit];
  // A measure word the table does not know stays Chinese, in brackets, as any Chinese name in an English briefing.
  if (word === undefined) return `${number} (${unit})`;
  const form = typeof word === 'string' ? word : value === 1 ? word[0] : word[1];
  return form ? `${number}${form.startsWith('-') ? '' : ' '}${form}` : number;
}
