import { describe, expect, it } from 'vitest';
import { cleanText, codePointLength, codeUnitSet, isIdeograph, splitParagraphs } from './text.js';
import { decodeBytes, UndecodableTextError } from './decode.js';

describe('splitParagraphs', () => {
  it('splits on LF, CRLF and CR, trims full-width and no-break spaces, drops empty lines', () => {
    expect(splitParagraphs('\u3000\u3000甲\r\n\u00A0乙 \r丙\n\n\u3000\n丁')).toEqual(['甲', '乙', '丙', '丁']);
  });
  it('removes zero-width characters, tags and entities left by crawlers', () => {
    expect(cleanText('A\u200B<b>B</b>&amp;&#x4E2D;&#25991;&nbsp;\u00A0')).toBe('AB&中文  ');
    expect(splitParagraphs('甲<br/>乙</p>丙')).toEqual(['甲', '乙', '丙']);
  });
});

describe('decodeBytes', () => {
  const text = '浙江：结合实际';
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeBytes(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
  });
  it('decodes UTF-16 with a BOM', () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('decodes GB18030 (GBK) text', () => {
    const gbk = Buffer.from([0xd5, 0xe3, 0xbd, 0xad]); // 浙江 in GBK
    expect(decodeBytes(gbk)).toEqual({ text: '浙江', encoding: 'gb18030' });
  });
  it('refuses bytes that are no known encoding rather than replacing them', () => {
    expect(() => decodeBytes(Buffer.from([0x41, 0xff, 0xff, 0xff]))).toThrow(UndecodableTextError);
  });
});

describe('codePointLength', () => {
  it.each([
    ['浙江', 2],
    ['', 0],
    ['𠮷野家', 3],
    ['a𠮷', 2],
    ['\ud842', 1],
    ['\udfb7x', 2],
  ])('counts %j as %i characters, as [...text] does', (text, length) => {
    expect(codePointLength(text)).toBe(length);
    expect(codePointLength(text)).toBe([...text].length);
  });
});

describe('code unit tests', () => {
  it('answer as the character class they stand for would, for every code unit', () => {
    const isSentenceEnd = codeUnitSet('。！？!?；;');
    for (let unit = 0; unit < 0x10000; unit++) {
      const character = String.fromCharCode(unit);
      expect(isSentenceEnd(unit)).toBe(/[。！？!?；;]/.test(character));
      expect(isIdeograph(unit)).toBe(/[\u4e00-\u9fff]/.test(character));
    }
  });
});
