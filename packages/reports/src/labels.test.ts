import { describe, expect, it } from 'vitest';
import { formatMoney, formatValue } from './labels.js';

describe('formatMoney', () => {
  it.each([
    [1400000000, 'zh', '14亿元'],
    [168889923000000, 'zh', '168.89万亿元'],
    [219000000, 'zh', '2.19亿元'],
    [800000, 'zh', '80万元'],
    [5000, 'zh', '5,000元'],
    [1400000000, 'en', 'CNY 1.4 bn'],
    [800000, 'en', 'CNY 800,000'],
    [2500000, 'en', 'CNY 2.5 m'],
  ] as const)('writes %d yuan in %s as %s', (yuan, language, expected) => {
    expect(formatMoney(yuan, language)).toBe(expected);
  });
  it('groups other values and keeps their unit', () => {
    expect(formatValue(27000, '次', 'zh')).toBe('27,000次');
  });
});
