import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_PATTERN,
  SCALE_PATTERN,
  currencyOf,
  numberValue,
  parseGermanNumber,
  readGermanNumber,
  scaleExponent,
} from '../src/extract/amounts/money.js';

describe('parseGermanNumber', () => {
  const cases: Array<[string, number]> = [
    ['18 225', 18225],
    ['18\u00A0225', 18225],
    ['18\u202F225', 18225],
    ['18\u2009225', 18225],
    ['19 610 000', 19610000],
    ['3.450.000', 3450000],
    ['303.361.519,26', 303361519.26],
    ['220 559,63', 220559.63],
    ['99,96', 99.96],
    ['102,-', 102],
    ['50.000,–', 50000],
    ['0,00', 0],
    ['1234', 1234],
    ['007', 7],
    ['-1.234,5', -1234.5],
    ['\u22125', -5],
  ];
  it.each(cases)('reads `%s` as %d', (text, value) => {
    expect(parseGermanNumber(text)).toBe(value);
  });

  const invalid = ['', 'abc', '1.23', '1.2345', '20.11.2024', '1 23', '1 2345', '1,234,567', '12.34,5', '1 000.000', ',5', '1,'];
  it.each(invalid)('rejects `%s`', (text) => {
    expect(parseGermanNumber(text)).toBeUndefined();
  });

  it('tells how thousands were grouped', () => {
    expect(readGermanNumber('1234')?.grouping).toBe('none');
    expect(readGermanNumber('1.234')?.grouping).toBe('dot');
    expect(readGermanNumber('1 234')?.grouping).toBe('space');
  });
});

describe('numberValue', () => {
  const cases: Array<[string, number, number]> = [
    ['1,6', 9, 1600000000],
    ['2,38', 9, 2380000000],
    ['150', 6, 150000000],
    ['7,747', 6, 7747000],
    ['400', 3, 400000],
    ['99', -2, 0.99],
    ['5', -2, 0.05],
    ['0,5', -2, 0.005],
    ['12,345', 0, 12.345],
  ];
  it.each(cases)('scales `%s` by 10^%d exactly', (text, exponent, value) => {
    const number = readGermanNumber(text);
    expect(number).toBeDefined();
    if (number) expect(numberValue(number, exponent)).toBe(value);
  });
});

describe('against Intl.NumberFormat("de-DE")', () => {
  const grouped = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
  const ungrouped = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: false });
  const cents = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const amount = fc.integer({ min: -1e13, max: 1e13 }).map((cents) => cents / 100);

  it('reads what de-DE prints with grouping', () => {
    fc.assert(
      fc.property(amount, (value) => {
        expect(parseGermanNumber(grouped.format(value))).toBe(value);
      }),
    );
  });

  it('reads what de-DE prints without grouping', () => {
    fc.assert(
      fc.property(amount, (value) => {
        expect(parseGermanNumber(ungrouped.format(value))).toBe(value);
      }),
    );
  });

  it('reads the same value with any group space instead of dots', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(' ', '\u00A0', '\u202F', '\u2009'), (value, space) => {
        const text = cents.format(value).replaceAll('.', space);
        expect(parseGermanNumber(text)).toBe(value);
      }),
    );
  });

  it('reads integers of any size exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(parseGermanNumber(grouped.format(value))).toBe(value);
      }),
    );
  });

  it('never accepts a number whose groups are broken', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e9 }), fc.integer({ min: 1, max: 2 }), (value, cut) => {
        // Drop digits from the last group: `1.234` becomes `1.23`, which is no German number.
        const text = grouped.format(value).slice(0, -cut);
        expect(parseGermanNumber(text)).toBeUndefined();
      }),
    );
  });
});

describe('scale words and currencies', () => {
  const scales: Array<[string, number]> = [
    ['Tsd.', 3],
    ['Tausend', 3],
    ['T', 3],
    ['Mio.', 6],
    ['Millionen', 6],
    ['Mrd.', 9],
    ['Milliarden', 9],
    ['Milliarde', 9],
  ];
  it.each(scales)('`%s` is 10^%d', (word, exponent) => {
    expect(scaleExponent(word)).toBe(exponent);
  });
  it('knows no scale in ordinary words', () => {
    expect(scaleExponent('Menschen')).toBeUndefined();
  });

  const currencies: Array<[string, string, number]> = [
    ['Euro', 'EUR', 0],
    ['EUR', 'EUR', 0],
    ['€', 'EUR', 0],
    ['Cent', 'EUR', -2],
    ['US-Dollar', 'USD', 0],
    ['$', 'USD', 0],
    ['CHF', 'CHF', 0],
    ['Schweizer Franken', 'CHF', 0],
    ['Pfund', 'GBP', 0],
    ['Yen', 'JPY', 0],
  ];
  it.each(currencies)('`%s` is %s', (form, code, exponent) => {
    expect(currencyOf(form)).toEqual({ code, exponent });
  });

  const currencyPattern = new RegExp(`^(?:${CURRENCY_PATTERN})`, 'u');
  const currencyLines: Array<[string, string | undefined]> = [
    ['Euro an Bürgschaften', 'Euro'],
    ['Euro-Kampagne', 'Euro'],
    ['Europa', undefined],
    ['US-Dollar für', 'US-Dollar'],
    ['€.', '€'],
    ['DMS', undefined],
    ['Frankenberg', undefined],
  ];
  it.each(currencyLines)('the currency pattern reads the start of `%s` as %s', (line, form) => {
    expect(currencyPattern.exec(line)?.[0]).toBe(form);
  });

  const scalePattern = new RegExp(`^(?:${SCALE_PATTERN})`, 'u');
  const scaleLines: Array<[string, string | undefined]> = [
    ['Mrd. Euro', 'Mrd.'],
    ['Millionen Euro', 'Millionen'],
    ['TEUR', 'T'],
    ['T€', 'T'],
    ['T Euro', 'T'],
    ['Tonnen', undefined],
    ['Mioxy', undefined],
  ];
  it.each(scaleLines)('the scale pattern reads the start of `%s` as %s', (line, word) => {
    expect(scalePattern.exec(line)?.[0]).toBe(word);
  });
});
