import { describe, expect, it } from 'vitest';
import { score, scoreWithCounts } from './score.js';

describe('score', () => {
  it('prints three decimals, and n/a in the same width where there was nothing to score', () => {
    expect(score(191, 191)).toBe('1.000');
    expect(score(2, 3)).toBe('0.667');
    expect(score(0, 0)).toBe('  n/a');
    expect(score(0, 0)).toHaveLength(score(1, 2).length);
  });
});

describe('scoreWithCounts', () => {
  it('gives the score and the counts it is drawn from', () => {
    expect(scoreWithCounts(29, 30)).toEqual(['0.967', '29/30']);
    expect(scoreWithCounts(0, 0)).toEqual(['  n/a', '0/0']);
  });
});
