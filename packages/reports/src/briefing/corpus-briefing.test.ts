import { describe, expect, it } from 'vitest';
import { sharedColumnWidth } from './briefing-table.js';
import { periodsBetween } from './corpus-briefing.js';

describe('periodsBetween', () => {
  it('groups a span under two months by week, from the Monday of the first date', () => {
    const periods = periodsBetween('2019-02-01', '2019-02-28');
    expect(periods.unit).toBe('week');
    expect(periods.keys).toEqual(['2019-01-28', '2019-02-04', '2019-02-11', '2019-02-18', '2019-02-25']);
    expect(periods.keyOf('2019-02-17')).toBe('2019-02-11');
  });
  it('groups longer spans by month, every month shown even where nothing was published', () => {
    const periods = periodsBetween('2019-02-01', '2020-05-31');
    expect(periods.unit).toBe('month');
    expect(periods.keys).toHaveLength(16);
    expect(periods.keys[0]).toBe('2019-02');
    expect(periods.keys.at(-1)).toBe('2020-05');
  });
  it('groups spans over two years by quarter, and over six years by year', () => {
    expect(periodsBetween('2015-01-01', '2019-12-31')).toMatchObject({ unit: 'quarter', keys: expect.arrayContaining(['2015Q1', '2019Q4']) });
    expect(periodsBetween('2000-01-01', '2019-12-31').keys).toHaveLength(20);
  });
});

describe('sharedColumnWidth', () => {
  it('leaves the shared columns what the fixed ones and the 8 pt padding on each inner side leave', () => {
    // Two shared columns beside one of 40: 100 − 40 − 16 × 2 padding between three columns = 28, halved.
    expect(sharedColumnWidth(100, [40], 2)).toBe(14);
  });
});
