import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { briefingFontBytes } from './fonts.js';
import { breakLines, breakWords, preBrokenText, TextMeasure, withLinesBroken } from './line-breaking.js';

const measure = new TextMeasure(briefingFontBytes());
const PARAGRAPH =
  '柯桥区由“一把手”率领，推行“最多跑一次”改革，2019年共投入14.5亿元，服务群众2.7万余次。截至目前，全省八成以上的村实现了“网格化管理、组团式服务”，Hello world 也照样换行。';
const joined = (lines: Array<Array<{ text: string }>>) => lines.map((line) => line.map((run) => run.text).join('')).join('');

describe('breakWords', () => {
  it('splits where pdfmake’s breaker does: between ideographs, never before a pause or inside a number', () => {
    expect(breakWords('共投入14.5亿元，服务')).toEqual(['共', '投', '入', '14.5', '亿', '元，', '服', '务']);
  });
  it.each([
    ['结合实际 注重实效', ['结合实际 ', '注重实效']],
    ['整改与执法', ['整改', '与', '执法']],
    ['优化营商环境', ['优化', '营商', '环境']],
    ['政务服务', ['政务', '服务']],
  ])('breaks %s between words only', (text, words) => {
    expect(breakWords(text, 'words')).toEqual(words);
  });
  it('keeps a short quoted name whole at `quotes`, and breaks inside it between words at `words`', () => {
    expect(breakWords('“互联网+不动产登记”“一线工作”', 'quotes')).toEqual(['“互联网+不动产登记”', '“一线工作”']);
    expect(breakWords('“互联网+不动产登记”', 'words')).toEqual(['“互联网+', '不动产', '登记”']);
  });
  it('breaks a quoted name too long for its line after a pause in it before anywhere else (`clauses`)', () => {
    expect(breakWords('“网格连心、组团服务”“一线工作”', 'clauses')).toEqual(['“网格连心、', '组团服务”', '“一线工作”']);
  });
  it.each([
    ['立行立改', '即知即改 立行立改'],
    ['一企一策', '推行一企一策'],
  ])('keeps the parallel phrase %s whole', (phrase, text) => {
    expect(breakWords(text, 'words')).toContain(phrase);
  });
  it('ends a slogan with its `+` (`互联网+`), never starts a line with it', () => {
    expect(breakWords('推进互联网+政务服务', 'words')).toEqual(['推进', '互联网+', '政务', '服务']);
  });
  it.each([
    ['more than CNY 1 bn', 'CNY 1 bn'],
    ['about CNY 2 m', 'CNY 2 m'],
    ['up to 6.2 m yuan', '6.2 m '],
  ])('keeps the amount in %s on one line', (text, amount) => {
    expect(breakWords(text, 'quotes')).toContain(amount);
  });
});

describe('breakLines at word boundaries', () => {
  const CELLS = [
    '结合实际 注重实效',
    '即知即改 立行立改',
    '上下联动 抓实整改与执法',
    '政务服务、营商环境、就业与社保',
    '“互联网+不动产登记”“万名干部助推电商扶贫行动”',
    '“党群同心圆” “网格连心、组团服务”',
  ];
  it.each(CELLS)('never ends a line of %s inside a word, at column widths that hold its longest word', (cell) => {
    // A column narrower than a clause of a quoted name (`“网格连心、`) breaks it between words, as it must.
    const longest = Math.max(...breakWords(cell, 'clauses').map((word) => measure.width(word.trim(), 8)));
    for (const width of [36, 44, 64, 90].filter((width) => width >= longest)) {
      const lines = breakLines([{ text: cell }], width, measure, 8)!;
      const texts = lines.map((line) => line.map((run) => run.text).join(''));
      expect(texts.join('')).toBe(cell);
      let at = 0;
      for (const text of texts.slice(0, -1)) {
        at += text.length;
        expect(
          ['营商', '环境', '执法', '整改', '实效', '立行立改', '政务', '服务', '互联网+', '不动产', '登记', '万名', '干部', '网格连心', '扶贫'].some((word) => {
            const start = cell.indexOf(word);
            return start >= 0 && at > start && at < start + word.length;
          }),
          `${cell} broken after ${text}`,
        ).toBe(false);
      }
    }
  });
});

describe('breakLines', () => {
  it('fills lines no wider than the width and loses no character', () => {
    for (const width of [60, 120, 250, 499]) {
      const lines = breakLines([{ text: PARAGRAPH }], width, measure, 9)!;
      expect(joined(lines)).toBe(PARAGRAPH);
      for (const line of lines)
        expect(
          measure.width(
            line
              .map((run) => run.text)
              .join('')
              .trimEnd(),
            9,
          ),
        ).toBeLessThanOrEqual(width);
      // A full line leaves less room than the next line's first word needs.
      expect(lines.length).toBeGreaterThan(1);
    }
  });

  it('never starts a line with a pause or a closing mark', () => {
    const lines = breakLines([{ text: PARAGRAPH }], 80, measure, 9)!;
    for (const line of lines.slice(1)) expect(line[0]!.text).not.toMatch(/^[，。、；：！？”’）》]/);
  });

  it('keeps each run’s style, measuring bold and small runs in their own font and size', () => {
    const lines = breakLines([{ text: '全省投入' }, { text: '14.5亿元', bold: true }, { text: '用于改造', fontSize: 7 }], 40, measure, 9)!;
    expect(joined(lines)).toBe('全省投入14.5亿元用于改造');
    expect(
      lines
        .flat()
        .filter((run) => run.bold)
        .map((run) => run.text)
        .join(''),
    ).toBe('14.5亿元');
    expect(
      lines
        .flat()
        .filter((run) => run.fontSize === 7)
        .map((run) => run.text)
        .join(''),
    ).toBe('用于改造');
  });

  it('leaves a text with a word wider than the line to pdfmake, which cuts such words itself', () => {
    expect(breakLines([{ text: 'https://www.example.com/a/very/long/address' }], 50, measure, 9)).toBeUndefined();
    expect(preBrokenText([{ text: 'https://www.example.com/a/very/long/address' }], 50, measure, 9)).toEqual([
      { text: 'https://www.example.com/a/very/long/address' },
    ]);
  });

  it('hands pdfmake one unbreakable inline per run per line, lines ended by a line break', () => {
    const pieces = preBrokenText([{ text: PARAGRAPH }], 120, measure, 9);
    expect(pieces.filter((piece) => piece.text === '\n').length).toBe(pieces.filter((piece) => piece.noWrap).length - 1);
    expect(
      pieces
        .filter((piece) => piece.noWrap)
        .map((piece) => piece.text)
        .join(''),
    ).toBe(PARAGRAPH);
  });
});

describe('TextMeasure', () => {
  // The measure adds advances; pdfkit shapes first. A line that fits here fits pdfmake only if shaping widens it by
  // less than the 0.1 pt kept in hand.
  it('is within a hundredth of a point of the shaped width pdfkit measures, or wider, for ideographs, punctuation, digits and Latin', () => {
    const require = createRequire(import.meta.url);
    const fontkit = require('fontkit') as typeof import('fontkit');
    const fonts = briefingFontBytes();
    const samples = [PARAGRAPH, '——“最多跑一次”……（《》）', 'AV To Wa fi fl ffi 1,234.56% Office', '价格稳 品种多 供应足——北京、杭州'];
    for (const [bold, bytes] of [
      [false, fonts.normal],
      [true, fonts.bold],
    ] as const) {
      const font = fontkit.create(bytes) as import('fontkit').Font;
      for (const sample of samples) {
        for (const chunk of sample.split(/(?<= )/)) {
          const shaped = (font.layout(chunk).advanceWidth * 9) / font.unitsPerEm;
          expect(measure.width(chunk, 9, bold)).toBeGreaterThanOrEqual(shaped - 0.01);
        }
      }
    }
  });
});

describe('withLinesBroken', () => {
  const context = { width: 200, fontSize: 9, bold: false, styles: { small: { fontSize: 7 }, indented: { margin: [20, 0, 0, 0] } }, measure };
  const pieces = (node: unknown) => (node as { text: Array<{ text: string; noWrap?: boolean; fontSize?: number }> }).text;

  it('breaks a paragraph, a list item (less the list’s indent) and a table cell (its column’s width)', () => {
    const [paragraph, list, table] = withLinesBroken(
      [
        { text: PARAGRAPH },
        { ul: [{ text: PARAGRAPH }] },
        { table: { widths: [40, '*'], body: [[{ text: '地区' }, { text: PARAGRAPH }]] }, layout: 'lightHorizontalLines' },
      ],
      context,
    ) as Array<Record<string, unknown>>;
    const lineCount = (node: unknown) => pieces(node).filter((piece) => piece.text === '\n').length + 1;
    const cell = (table!.table as { body: unknown[][] }).body[0]![1];
    expect(lineCount(list!.ul && (list!.ul as unknown[])[0])).toBeGreaterThanOrEqual(lineCount(paragraph));
    // The star column gets 200 - 40 - 16 of padding = 144 pt: more lines than the 200 pt paragraph.
    expect(lineCount(cell)).toBeGreaterThan(lineCount(paragraph));
    expect(joined([pieces(cell).filter((piece) => piece.text !== '\n')])).toBe(PARAGRAPH);
  });

  it('measures a node in its named style and within its margins', () => {
    const [small, indented] = withLinesBroken(
      [
        { text: PARAGRAPH, style: 'small' },
        { text: PARAGRAPH, style: 'indented' },
      ],
      context,
    ) as unknown[];
    expect(pieces(small).every((piece) => piece.text === '\n' || piece.fontSize === 7)).toBe(true);
    const longest = (node: unknown) =>
      Math.max(
        ...pieces(node)
          .filter((piece) => piece.noWrap)
          .map((piece) => measure.width(piece.text, piece.fontSize ?? 9)),
      );
    expect(longest(indented)).toBeLessThanOrEqual(180);
  });

  it('leaves alone what it cannot measure: unbreakable nodes, links, columns', () => {
    const nodes = [{ text: PARAGRAPH, noWrap: true }, { text: [{ text: PARAGRAPH, link: 'https://example.com' }] }, { columns: [{ text: PARAGRAPH }] }];
    expect(withLinesBroken(nodes, context)).toEqual(nodes);
  });
});
