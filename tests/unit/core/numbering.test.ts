import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, matchNumberMarker } from '../../../core/report/numbering';

describe('chineseNumeralValue', () => {
  it('reads 一 to 九十九', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['九', 9],
      ['十', 10],
      ['十一', 11],
      ['二十', 20],
      ['二十一', 21],
      ['九十九', 99],
    ];
    for (const [numeral, value] of cases) expect(chineseNumeralValue(numeral)).toBe(value);
  });

  it('rejects malformed numerals', () => {
    for (const numeral of ['', '一一', '十十', '一十十', '百', '二一十']) {
      expect(chineseNumeralValue(numeral)).toBeNull();
    }
  });
});

describe('matchNumberMarker', () => {
  it('gives level, canonical number and value', () => {
    expect(matchNumberMarker('十一、x')).toEqual({
      level: 1,
      marker: '十一、',
      number: '十一、',
      value: 11,
    });
    expect(matchNumberMarker('（三）x')).toMatchObject({ level: 2, number: '(三)', value: 3 });
    expect(matchNumberMarker('１２．x')).toMatchObject({ level: 3, number: '12.', value: 12 });
    expect(matchNumberMarker('7、x')).toMatchObject({ level: 3, number: '7.', value: 7 });
    expect(matchNumberMarker('(4)x')).toMatchObject({ level: 4, number: '(4)', value: 4 });
  });

  it('ignores digits that continue a number', () => {
    for (const text of ['12.5%', '2023年', '1、2、3项', '一一、x', 'x1.']) {
      expect(matchNumberMarker(text)).toBeNull();
    }
  });
});
