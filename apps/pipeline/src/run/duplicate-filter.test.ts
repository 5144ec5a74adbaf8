import { describe, expect, it } from 'vitest';
import type { Article } from '@roundup/model';
import { DuplicateFilter, hash53, keysOf, type KeyRecord } from './duplicate-filter.js';

const article = (url: string, text: string, articleId = 'A'): Article => ({
  articleId,
  url,
  title: '标题',
  date: '2020-02-01',
  paragraphs: [text],
  source: `in.jsonl:${text.length}`,
});

async function* batches(...records: KeyRecord[][]): AsyncGenerator<KeyRecord[]> {
  yield* records;
}

describe('DuplicateFilter', () => {
  it('keeps the first copy and names it in a later one, by URL or by text', () => {
    const filter = new DuplicateFilter();
    const first = article('http://a/1', '正文一');
    expect(filter.check(keysOf(first), 'A', 'a.jsonl:1')).toEqual({ id: 'A' });
    expect(filter.check(keysOf(article('http://a/1', '另一段')), 'B', 'a.jsonl:2')).toEqual({ id: 'B', duplicateOf: 'A (a.jsonl:1)' });
    expect(filter.check(keysOf(article('', '正文一')), 'C', 'a.jsonl:3')).toEqual({ id: 'C', duplicateOf: 'A (a.jsonl:1)' });
  });

  it('numbers an id that clashes with a kept article’s', () => {
    const filter = new DuplicateFilter();
    expect(filter.check(keysOf(article('http://a/1', '一')), 'A', 's').id).toBe('A');
    expect(filter.check(keysOf(article('http://a/2', '二')), 'A', 's').id).toBe('A-2');
    expect(filter.check(keysOf(article('http://a/3', '三')), 'A', 's').id).toBe('A-3');
  });

  it('replays a cached file’s decisions into itself when they come out the same, counting its characters', async () => {
    const original = new DuplicateFilter();
    const kept = article('http://a/1', '正文一');
    const decision = original.check(keysOf(kept), 'A', kept.source);
    const record = DuplicateFilter.keyRecord(keysOf(kept), kept, 'A', decision);

    const rerun = new DuplicateFilter();
    expect(await rerun.replay(batches([record, { kind: 'reject' }]))).toBe(3);
    // Now part of the filter: a later copy is a duplicate of it.
    expect(rerun.check(keysOf(kept), 'B', 'b').duplicateOf).toBe('A (in.jsonl:3)');
  });

  it('changes nothing when a replayed decision would come out differently', async () => {
    const kept = article('http://a/1', '正文一');
    const record = DuplicateFilter.keyRecord(keysOf(kept), kept, 'A', { id: 'A' });
    const rerun = new DuplicateFilter();
    rerun.check(keysOf(kept), 'X', 'earlier');
    // The cached file kept A, but in this run an earlier file already holds the same article.
    expect(await rerun.replay(batches([record]))).toBeUndefined();
    expect(rerun.check(keysOf(article('http://b/1', '别的')), 'A', 'b')).toEqual({ id: 'A' });
  });
});

describe('hash53', () => {
  it('hashes paragraphs as their text joined by line ends, so keys kept by earlier runs still match', () => {
    expect(hash53(['浙江', '河南', ''])).toBe(hash53('浙江\n河南\n'));
    expect(hash53([])).toBe(hash53(''));
    expect(hash53(['一段'])).not.toBe(hash53(['一', '段']));
  });
  it('is the first 53 bits of the SHA-1 of the UTF-8 text, as caches written by earlier runs hold it', () => {
    // SHA-1("abc") = a9993e364706 81…: 0xa9993e364706 · 2^5 + (0x81 >> 3).
    expect(hash53('abc')).toBe(0xa9993e364706 * 32 + (0x81 >> 3));
    expect(hash53(['ab', 'c'])).toBe(hash53('ab\nc'));
  });
});
