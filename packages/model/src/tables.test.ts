import { describe, expect, it } from 'vitest';
import { ArticleInput, TABLES, columnsOf } from './index.js';

describe('table columns', () => {
  it('derives the contract order of sections.csv from its schema', () => {
    expect(columnsOf(TABLES.sections)).toEqual([
      'article_id',
      'section',
      'region',
      'region_code',
      'region_en',
      'heading',
      'paragraph_from',
      'paragraph_to',
      'detected_by',
      'unit',
      'unit_type',
    ]);
  });
  it('starts figures.csv with the contract columns', () => {
    expect(columnsOf(TABLES.figures).slice(0, 11)).toEqual([
      'article_id',
      'paragraph',
      'region',
      'locality',
      'raw',
      'value',
      'unit',
      'qualifier',
      'quantity',
      'subject',
      'sentence',
    ]);
  });
});

describe('ArticleInput', () => {
  const base = { url: 'u', title: 't', text: '正文', date: '2019-12-18', EmotionalWords: [], comments: [] };
  it('normalises a compact date', () => {
    expect(ArticleInput.parse({ ...base, date: '20191218' }).date).toBe('2019-12-18');
  });
  it.each([
    ['date not a date', { ...base, date: 'yesterday' }, 'date'],
    ['an impossible day', { ...base, date: '2019-02-30' }, 'date'],
    ['empty text', { ...base, text: '  ' }, 'text'],
    ['text not a string', { ...base, text: 5 }, 'text'],
  ])('rejects %s', (_name, record, field) => {
    const result = ArticleInput.safeParse(record);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
  it.each([
    ['a string', 'x'],
    ['a number', 3],
    ['null', null],
  ])('accepts fields it does not read of any type: EmotionalWords and comments as %s', (_name, value) => {
    expect(ArticleInput.safeParse({ ...base, EmotionalWords: value, comments: value }).success).toBe(true);
  });
});
