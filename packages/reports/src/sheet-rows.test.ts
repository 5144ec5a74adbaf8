import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendRow, columnWriter, isPlainNumber, RecordSpan, scanRecord, XmlBytes, type CellKind } from './sheet-rows.js';

/** Every record of a CSV text as cell strings, read with scanRecord the way the workbook reads a file. */
function records(csv: string): string[][] {
  const data = Buffer.from(csv, 'utf8');
  const span = new RecordSpan();
  const rows: string[][] = [];
  for (let at = 0; at < data.length && scanRecord(data, at, span, true); at = span.next) {
    if (span.blank) continue;
    rows.push(Array.from({ length: span.count }, (_, index) => data.toString('utf8', span.starts[index], span.ends[index])));
  }
  return rows;
}

/** One record written as a sheet row with columns of these kinds (the third styled), and the links it noted. */
function row(csv: string, kinds: CellKind[]): { xml: string; links: string[] } {
  const data = Buffer.from(csv, 'utf8');
  const span = new RecordSpan();
  expect(scanRecord(data, 0, span, true)).toBe(true);
  const out = new XmlBytes();
  const links: string[] = [];
  appendRow(
    out,
    data,
    span,
    7,
    kinds.map((kind, index) => columnWriter(String.fromCharCode(65 + index), kind, index === 2 ? 3 : 0)),
    (ref, target) => links.push(`${ref} ${target}`),
  );
  return { xml: out.take().toString('utf8'), links };
}

describe('scanRecord', () => {
  it.each([
    [
      'plain cells, CRLF rows',
      'a,b\r\n浙江,2\r\n',
      [
        ['a', 'b'],
        ['浙江', '2'],
      ],
    ],
    [
      'LF rows and a last row without a line end',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a quoted cell holding a comma and a line break',
      'x,"1,2\r\n3"\r\ny,z\r\n',
      [
        ['x', '1,2\r\n3'],
        ['y', 'z'],
      ],
    ],
    [
      'empty cells and skipped blank lines',
      ',a,\r\n\r\nb,,\r\n',
      [
        ['', 'a', ''],
        ['b', '', ''],
      ],
    ],
    [
      'a quoted cell last on its line',
      'a,"b"\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
  ])('reads %s', (_, csv, expected) => {
    expect(records(csv)).toEqual(expected);
  });

  it('keeps doubled quotes in the span (the writer makes them single)', () => {
    expect(records('"say ""hi""",b\r\n')).toEqual([['say ""hi""', 'b']]);
  });

  it('asks for more data when a record is cut at the end of a chunk, unless the data is final', () => {
    const span = new RecordSpan();
    expect(scanRecord(Buffer.from('a,"b\r\nc'), 0, span, false)).toBe(false);
    expect(scanRecord(Buffer.from('a,bc'), 0, span, false)).toBe(false);
    expect(scanRecord(Buffer.from('a,bc'), 0, span, true)).toBe(true);
  });
});

describe('appendRow', () => {
  it('types numbers and dates, keeps ids as text and writes an empty styled cell', () => {
    expect(row('330000,14.5,,2019-12-18', ['text', 'number', 'text', 'date']).xml).toBe(
      '<row r="7"><c r="A7" t="inlineStr"><is><t>330000</t></is></c><c r="B7"><v>14.5</v></c><c r="C7" s="3"/><c r="D7"><v>43817</v></c></row>',
    );
  });

  it('escapes markup, makes doubled quotes single, drops characters XML cannot hold and keeps edge spaces', () => {
    expect(row('"a<b & ""c""\u0001", 浙江\u3000', ['text', 'text']).xml).toBe(
      '<row r="7"><c r="A7" t="inlineStr"><is><t>a&lt;b &amp; "c"</t></is></c><c r="B7" t="inlineStr"><is><t xml:space="preserve"> 浙江\u3000</t></is></c></row>',
    );
  });

  it('drops the apostrophe that neutralised a formula in the CSV, and keeps one that did not', () => {
    expect(row("'=SUM(A1),'tis", ['text', 'text']).xml).toContain('<t>=SUM(A1)</t></is></c><c r="B7" t="inlineStr"><is><t>\'tis</t>');
  });

  it('leaves a value its type cannot read as text rather than NaN', () => {
    expect(row('n/a,soon', ['number', 'date']).xml).toBe(
      '<row r="7"><c r="A7" t="inlineStr"><is><t>n/a</t></is></c><c r="B7" t="inlineStr"><is><t>soon</t></is></c></row>',
    );
  });

  it('notes web addresses in link columns as links, and nothing else', () => {
    expect(row('http://paper.people.com.cn/a.htm?x=1&y=2,ftp://x', ['link', 'link']).links).toEqual(['A7 http://paper.people.com.cn/a.htm?x=1&y=2']);
  });
});

describe('isPlainNumber', () => {
  const plain = (text: string) => isPlainNumber(Buffer.from(text, 'latin1'), 0, text.length);

  it.each(['0', '7', '-3', '330000', '14.5', '-0.25', '0.000001', '123456789012345', '1234567.00000001'])('copies %s as it is', (text) => {
    expect(plain(text)).toBe(true);
    expect(String(Number(text))).toBe(text);
  });

  it.each(['-0', '007', '1.50', '1.', '.5', '+1', '1e5', '0.0000001', '1234567890123456', '12345678901234.56', '', '-', '1,5'])(
    'leaves %s to Number and String',
    (text) => {
      expect(plain(text)).toBe(false);
    },
  );

  it('says plain only of numbers that JavaScript writes back byte for byte', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: 17 });
    fc.assert(
      fc.property(fc.boolean(), digits, fc.option(digits), (minus, integer, fraction) => {
        const text = `${minus ? '-' : ''}${integer}${fraction === null ? '' : `.${fraction}`}`;
        if (plain(text)) expect(String(Number(text))).toBe(text);
      }),
    );
    // Numbers as the CSVs hold them (counts, amounts with a few decimals): most take the plain path, so it is tested.
    const written = fc.oneof(
      fc.integer(),
      fc.integer().map((cents) => cents / 100),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    let plainSeen = 0;
    fc.assert(
      fc.property(written, (value) => {
        const text = String(value);
        if (!plain(text)) return;
        plainSeen += 1;
        expect(String(Number(text))).toBe(text);
      }),
    );
    expect(plainSeen).toBeGreaterThan(30);
  });
});
