import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property runs of a second or two on a quiet machine; a busy one takes several times as long.
vi.setConfig({ testTimeout: 60_000 });
import { EXCERPT_REACH, MAX_SENTENCE_CHARACTERS, ParagraphSentences, splitSentences } from './sentences.js';

/** The sentence around a span as it was found before the index: a walk from the span to the nearest ends. */
function walkedSentence(text: string, start: number, end: number): string {
  const isEnd = (at: number) => '。！？!?；;'.includes(text[at]!);
  let from = start;
  while (from > 0 && !isEnd(from - 1)) from -= 1;
  let to = end;
  while (to < text.length && !isEnd(to)) to += 1;
  return text.slice(from, Math.min(text.length, to + 1));
}

const pieces = fc.constantFrom('浙江', '投入5亿元', '，', '、', '：', '。', '；', '！', '?', '“', '”', '……', 'a', '𠀋', ' ');
const paragraph = fc.array(pieces, { maxLength: 400 }).map((parts) => parts.join(''));

describe('ParagraphSentences.around', () => {
  it('gives a sentence of up to the cap whole, from after the previous end to the next one included', () => {
    const text = '浙江投入5亿元，惠及1万户。河南新建学校20所；';
    const sentences = new ParagraphSentences(text);
    expect(sentences.around(4, 7)).toBe('浙江投入5亿元，惠及1万户。');
    expect(sentences.around(text.indexOf('20'), text.indexOf('20') + 3)).toBe('河南新建学校20所；');
  });

  it('finds what the walk to the nearest sentence ends found, wherever a sentence is no longer than the cap', () => {
    fc.assert(
      fc.property(paragraph, fc.nat(), fc.nat(8), (text, at, length) => {
        const start = text.length === 0 ? 0 : at % text.length;
        const end = Math.min(text.length, start + length);
        const walked = walkedSentence(text, start, end);
        if (walked.length <= MAX_SENTENCE_CHARACTERS) expect(new ParagraphSentences(text).around(start, end)).toBe(walked);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts a longer sentence to whole clauses within the reach on either side of the span', () => {
    const clause = '浙江省杭州市1.5万余元，';
    const text = clause.repeat(100);
    const start = clause.length * 50 + 6;
    const excerpt = new ParagraphSentences(text).around(start, start + 6);
    expect(excerpt.startsWith('浙江省杭州市')).toBe(true);
    expect(excerpt.endsWith('，')).toBe(true);
    expect(text.includes(excerpt)).toBe(true);
    expect(excerpt).toContain('1.5万余元');
    expect(excerpt.length).toBeLessThanOrEqual(2 * EXCERPT_REACH + 6);
  });

  it('cuts a sentence without clause marks at the reach, and never inside a surrogate pair', () => {
    const text = '𠀋'.repeat(1000);
    const excerpt = new ParagraphSentences(text).around(1001, 1003);
    expect(excerpt.length).toBeLessThanOrEqual(2 * EXCERPT_REACH + 2);
    expect(excerpt.length % 2).toBe(0);
    expect([...excerpt].every((character) => character === '𠀋')).toBe(true);
  });
});

describe('splitSentences', () => {
  it('splits after 。！？； and …… and keeps a closing quote with its sentence', () => {
    expect(splitSentences('他说：“好。”然后走了！还有……没有？').map((sentence) => sentence.text)).toEqual(['他说：“好。”', '然后走了！', '还有……', '没有？']);
  });

  it('splits a sentence longer than the cap after its last clause mark within each stretch of that length', () => {
    const clause = '浙江省杭州市1.5万余元，';
    const text = clause.repeat(100);
    const sentences = splitSentences(text);
    for (const sentence of sentences) {
      expect(sentence.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARACTERS);
      expect(sentence.text.endsWith('，')).toBe(true);
    }
    expect(sentences.map((sentence) => sentence.text).join('')).toBe(text);
  });

  it('keeps every character in exactly one sentence, none longer than the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.constantFrom('5%'.repeat(300), '二'.repeat(700))), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const sentences = splitSentences(text);
        let at = 0;
        for (const sentence of sentences) {
          expect(sentence.start).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, sentence.start).trim()).toBe('');
          expect(sentence.end - sentence.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARACTERS);
          at = sentence.end;
        }
        expect(text.slice(at).trim()).toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
