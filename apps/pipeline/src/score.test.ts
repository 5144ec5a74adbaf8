import { describe, expect, it } from 'vitest';
import { score } from './score.js';

describe('score', () => {
  it('prints three decimals, and n/a in the same width where there was nothing to score', () => {
    expect(score(191, 191)).toBe('1.000');
    expect(score(2, 3)).toBe('0.667');
    expect(score(0, 0)).toBe('  n/a');
    expect(score(0, 0)).toHaveLength(score(1, 2).length);
  });
});
