import { describe, expect, it } from 'vitest';
import { sharedColumnWidth } from './briefing-table.js';
import { indexUnits, periodsBetween } from './corpus-briefing.js';
import { LABELS, type Labels } from '../labels.js';
import { breakLines } from './line-breaking.js';
import { textMeasure } from './fonts.js';
import { TABLE_FONT_SIZE, TEXT_FONT_SIZE } from './page.js';
import { LABEL_COLUMN, labelColumnWidth } from './label-column.js';

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

describe('indexUnits', () => {
  const labels = LABELS.en as unknown as Labels;
  const units = Array.from({ length: 150 }, (_, index) => `第${index + 1}研究所`);
  it('names every unit of a short list', () => {
    expect(indexUnits(['甘肃', '吉林', '河北'], labels, ', ')).toBe('甘肃, 吉林, 河北');
  });
  it('names whole units up to the limit and counts the rest, so that no unit goes unaccounted for', () => {
    const text = indexUnits(units, labels, ', ');
    const shown = text.replace(/ \+\d+\u00a0more$/, '').split(', ');
    expect(units.slice(0, shown.length)).toEqual(shown);
    expect(text).toMatch(new RegExp(` \\+${units.length - shown.length}\u00a0more$`));
    expect(indexUnits(units, LABELS.zh as unknown as Labels, '、')).toMatch(/等，另有\d+个$/);
  });
  it('keeps a row of 150 units well under a page tall in its 150 pt column', () => {
    const lines = breakLines([{ text: indexUnits(units, labels, ', ') }], 150, textMeasure(), TABLE_FONT_SIZE)!;
    // A line of 8 pt table text is about 15 pt high; a page holds some 730 pt.
    expect(lines.length * 15).toBeLessThan(200);
  });
});

describe('labelColumnWidth', () => {
  it('holds the longest region name whole, and is never narrower than four ideographs', () => {
    expect(labelColumnWidth(['浙江', '黑龙江'])).toBe(LABEL_COLUMN);
    const width = labelColumnWidth(['Zhejiang', 'Heilongjiang', 'Inner Mongolia']);
    expect(width).toBeGreaterThanOrEqual(textMeasure().width('Heilongjiang', TEXT_FONT_SIZE));
    expect(breakLines([{ text: 'Heilongjiang' }], width, textMeasure(), TEXT_FONT_SIZE)).toHaveLength(1);
  });
});
