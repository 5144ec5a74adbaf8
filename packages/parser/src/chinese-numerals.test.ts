import { describe, expect, it } from 'vitest';
import { multiplierPower, normaliseArabic, parseChineseNumeral, scaleDecimal } from './chinese-numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['三百零五', 305],
    ['两千', 2000],
    ['一万二千', 12000],
    ['五', 5],
    ['万', 10000],
    ['十万', 100000],
    ['三千五百万', 35000000],
    ['一亿', 1e8],
    ['零', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
  it.each(['七八十', '二三', '十百', 'abc', ''])('refuses %s, which is not one number', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

describe('scaleDecimal', () => {
  it.each([
    ['2.19', 8, 219000000],
    ['4.52', 4, 45200],
    ['2.7', 4, 27000],
    ['14', 8, 1400000000],
    ['1.2345', 2, 123.45],
    ['80', 0, 80],
  ])('scales %s by 10^%d exactly', (decimal, power, value) => {
    expect(scaleDecimal(decimal, power)).toBe(value);
  });
});

describe('multipliers and full-width digits', () => {
  it('adds the powers of a run of multipliers', () => {
    expect(multiplierPower('万亿')).toBe(12);
  });
  it('turns full-width digits into ASCII and drops thousands separators', () => {
    expect(normaliseArabic('１２，３４５．６')).toBe('12345.6');
  });
});
