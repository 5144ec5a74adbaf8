import { describe, expect, it } from 'vitest';
import type { GoldSentence, MeasureRow } from '@roundup/model';
import { SentenceScores } from './role-evaluation.js';

const row = (paragraph: number, sentence_index: number, text: string, role: MeasureRow['role'], instrument: MeasureRow['instrument']): MeasureRow => ({
  article_id: 'A',
  region: '浙江',
  paragraph,
  sentence_index,
  locality: '',
  domain: '',
  domains: '',
  initiatives: '',
  figures: '',
  text,
  role,
  instrument,
});
const gold = (p: number, s: number, text: string, role: GoldSentence['role'], instrument?: GoldSentence['instrument'], optional = false): GoldSentence => ({
  p,
  s,
  opens: text.slice(0, 8),
  length: text.length,
  role,
  ...(instrument ? { instrument } : {}),
  ...(optional ? { optional } : {}),
});

describe('SentenceScores', () => {
  it('scores roles over every gold sentence and instruments over gold measures, a sentence with no row counting as wrong', () => {
    const scores = new SentenceScores();
    scores.add(
      'A',
      [
        gold(0, 0, '投入资金2亿元，建成服务中心。', 'measure', 'supply'),
        gold(0, 1, '对困难家庭给予补贴。', 'measure', 'demand'),
        gold(1, 0, '“真好！”', 'context'),
        gold(2, 0, '没有被切分的一句。', 'context'),
        gold(3, 0, '两种读法都说得通。', 'result', undefined, true),
      ],
      [
        row(0, 0, '投入资金2亿元，建成服务中心。', 'measure', 'supply'),
        row(0, 1, '对困难家庭给予补贴。', 'measure', 'environment'),
        row(1, 0, '“真好！”', 'context', null),
        row(3, 0, '两种读法都说得通。', 'measure', 'environment'),
      ],
    );
    expect(scores.roleAccuracy()).toEqual({ hits: 3, total: 4 });
    expect(scores.roleAccuracyCoded()).toEqual({ hits: 3, total: 3 });
    expect(scores.instrumentAccuracy()).toEqual({ hits: 1, total: 2 });
    expect(scores.recallOf('demand')).toEqual({ hits: 0, total: 1 });
  });

  it('says where a row is not the sentence the gold annotates', () => {
    const scores = new SentenceScores();
    scores.add('A', [gold(0, 0, '投入资金2亿元，建成服务中心。', 'measure', 'supply')], [row(0, 0, '投入资金2亿元。', 'measure', 'supply')]);
    expect(scores.errors.join('\n')).toMatch(/not the sentence the gold annotates/);
  });
});
