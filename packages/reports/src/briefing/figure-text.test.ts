import { describe, expect, it } from 'vitest';
import { figureText } from './figure-text.js';

const WORDS = {
  美元: 'USD',
  次: ['time', 'times'] as [string, string],
  人: ['person', 'people'] as [string, string],
  个: '',
  倍: ['-fold', '-fold'] as [string, string],
};

describe('figureText', () => {
  it.each([
    [{ value: 27000, unit: '次', qualifier: 'more_than' as const }, 'zh', '超过27,000次'],
    [{ value: 27000, unit: '次', qualifier: 'more_than' as const }, 'en', 'more than 27,000 times'],
    [{ value: 800000, unit: '元', qualifier: 'more_than' as const }, 'en', 'more than CNY 800,000'],
    [{ value: 2e8, unit: '元', qualifier: 'approx' as const }, 'zh', '约2亿元'],
    [{ value: 1, unit: '人', qualifier: 'exact' as const }, 'en', '1 person'],
    [{ value: 20, unit: '个', qualifier: 'less_than' as const }, 'en', 'under 20'],
    [{ value: 3, unit: '倍', qualifier: 'exact' as const }, 'en', '3-fold'],
    [{ value: 70, unit: '%', qualifier: 'approx' as const }, 'en', 'about 70%'],
    [{ value: 20, unit: '项', qualifier: 'exact' as const }, 'en', '20 (项)'],
    [{ value: 6.211e9, unit: '美元', qualifier: 'exact' as const }, 'en', 'USD 6.21 bn'],
    [{ value: 6.211e9, unit: '美元', qualifier: 'more_than' as const }, 'zh', '超过62.11亿美元'],
  ])('prints %o in %s as %s', (figure, language, text) => {
    expect(figureText(figure, language as 'zh' | 'en', WORDS)).toBe(text);
  });
});
