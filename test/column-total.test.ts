import { describe, expect, it } from 'vitest';
import { MONTH_LABEL, TOTAL_LABEL, readings, tokensOf } from '../src/extract/amounts/column-total.js';

describe('column totals of lost tables', () => {
  it.each([
    ['Gesamt 1 872 2 713 660', true],
    ['Summe 12 345', true],
    ['Insgesamt: 5', true],
    ['Gesamtkosten 12', false],
    ['Januar 25 5 10 240', false],
  ])('TOTAL_LABEL on `%s` is %s', (line, expected) => {
    expect(TOTAL_LABEL.test(line)).toBe(expected);
  });

  it.each([
    ['Januar ', true],
    ['März ', true],
    ['Dezember ', true],
    ['Monat ', false],
    ['Maier ', false],
  ])('MONTH_LABEL on `%s` is %s', (text, expected) => {
    expect(MONTH_LABEL.test(text)).toBe(expected);
  });

  it.each<[string, Array<[number, number]>]>([
    // count, then the amount in cents; the largest amount first
    ['96 146 688', [[1, 14668800], [2, 68800]]],
    ['5 10 240', [[1, 1024000]]],
    ['1 872 2 713 660', [[2, 271366000]]],
    ['10 12 953,55', [[1, 1295355]]],
    ['0 0', [[1, 0]]],
    ['12,5 300', []],
    ['1 11.146.296', [[1, 1114629600]]],
    ['5 250 000', [[1, 25000000]]],
  ])('reads `%s` as a count and an amount', (cells, expected) => {
    const tokens = tokensOf(cells, 0, cells.length);
    expect(readings(tokens, cells).map((reading) => [reading.at, reading.cents])).toEqual(expected);
  });
});
