import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, CacheIndex, type CacheEntry } from './cache-index.js';

const entry: CacheEntry = {
  keys: [0, 10],
  outcomes: [0, 20],
  tables: { articles: { start: 100, end: 180, rows: 2 }, figures: { start: 40, end: 40, rows: 0 } },
};

describe('CacheIndex', () => {
  it('serialises what it records and reads it back', () => {
    const index = CacheIndex.empty();
    index.record('k1', entry);
    const back = CacheIndex.parse(index.serialise({ articles: 'abc' }));
    expect(back?.lookup('k1')).toEqual(entry);
    expect(back?.tableHash('articles')).toBe('abc');
    expect(back?.lookup('k2')).toBeUndefined();
  });

  it('ignores an index of another format, or one that is not an index', () => {
    expect(CacheIndex.parse(JSON.stringify({ format: CACHE_FORMAT + 1, tables: {}, entries: {} }))).toBeUndefined();
    expect(CacheIndex.parse('{"format":')).toBeUndefined();
    expect(
      CacheIndex.parse(JSON.stringify({ format: CACHE_FORMAT, tables: {}, entries: { k: { keys: [5, 1], outcomes: [0, 0], tables: {} } } })),
    ).toBeUndefined();
  });

  it('refuses a stretch with rows but no bytes, or bytes but no rows: a file’s rows are one unbroken stretch', () => {
    const index = CacheIndex.empty();
    expect(() => index.record('k', { ...entry, tables: { articles: { start: 10, end: 10, rows: 3 } } })).toThrow();
    expect(() => index.record('k', { ...entry, tables: { articles: { start: 10, end: 30, rows: 0 } } })).toThrow();
    expect(() => index.record('k', { ...entry, tables: { articles: { start: 30, end: 10, rows: 1 } } })).toThrow();
    expect(index.size).toBe(0);
  });
});
