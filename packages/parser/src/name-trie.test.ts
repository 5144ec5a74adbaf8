import { describe, expect, it } from 'vitest';
import { NameTrie } from './name-trie.js';

describe('NameTrie', () => {
  const trie = NameTrie.build<string>([
    ['浙江', 'province'],
    ['浙江省', 'province-full'],
    ['江西', 'province'],
    ['衢州', 'city'],
    ['衢江区', 'district'],
    ['衢州', 'other'],
  ]);

  it('finds every name starting at a position, longest first, with all its values', () => {
    expect(trie.namesAt('浙江省杭州市', 0)).toEqual([
      [3, ['province-full']],
      [2, ['province']],
    ]);
    expect(trie.namesAt('衢州衢江区', 0)).toEqual([[2, ['city', 'other']]]);
    expect(trie.namesAt('衢州衢江区', 2)).toEqual([[5, ['district']]]);
  });

  it('finds nothing where no name starts, at the end of the text, or where a name is cut short', () => {
    expect(trie.namesAt('浙江西部', 1)).toEqual([[3, ['province']]]);
    expect(trie.namesAt('杭州', 0)).toEqual([]);
    expect(trie.namesAt('浙', 0)).toEqual([]);
    expect(trie.namesAt('浙江', 2)).toEqual([]);
  });

  it('agrees with a plain scan over random names and texts', () => {
    const units = ['江', '浙', '州', '衢', '西', '湖', '南'];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = (length: number) => Array.from({ length }, () => units[random(units.length)]).join('');
    const names = Array.from({ length: 60 }, (_, index) => [word(1 + random(4)), index] as const);
    const built = NameTrie.build(names);
    for (let round = 0; round < 200; round++) {
      const text = word(12);
      const start = random(12);
      const expected = new Map<number, number[]>();
      for (const [name, index] of names)
        if (text.startsWith(name, start)) expected.set(start + name.length, [...(expected.get(start + name.length) ?? []), index]);
      expect(built.namesAt(text, start)).toEqual([...expected].sort((a, b) => b[0] - a[0]));
      // Every position where a name starts is among the possible starts.
      if (expected.size > 0) expect(built.possibleStarts(text)).toContain(start);
    }
  });
});
