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
  // Issue 9: a marker gives its family; the level depends on the families a document uses.
  it('gives family, canonical number and value', () => {
    expect(matchNumberMarker('十一、x')).toEqual({
      family: 'han',
      marker: '十一、',
      number: '十一、',
      value: 11,
    });
    expect(matchNumberMarker('（三）x')).toMatchObject({
      family: 'paren-han',
      number: '(三)',
      value: 3,
    });
    expect(matchNumberMarker('１２．x')).toMatchObject({
      family: 'digit',
      number: '12.',
      value: 12,
    });
    expect(matchNumberMarker('7、x')).toMatchObject({ family: 'digit', number: '7.', value: 7 });
    expect(matchNumberMarker('(4)x')).toMatchObject({
      family: 'paren-digit',
      number: '(4)',
      value: 4,
    });
  });

  it('reads 第一部分/第二章/第三节/第十条 and circled numbers', () => {
    expect(matchNumberMarker('第一部分 概况')).toMatchObject({
      family: 'part',
      number: '第一部分',
      value: 1,
    });
    expect(matchNumberMarker('第二章　总则')).toMatchObject({ family: 'chapter', value: 2 });
    expect(matchNumberMarker('第三节')).toMatchObject({ family: 'section', value: 3 });
    expect(matchNumberMarker('第十条 为了')).toMatchObject({ family: 'article', value: 10 });
    expect(matchNumberMarker('第12条')).toMatchObject({ family: 'article', value: 12 });
    expect(matchNumberMarker('②其他')).toMatchObject({ family: 'circled', number: '②', value: 2 });
    expect(matchNumberMarker('一．总则')).toMatchObject({
      family: 'han',
      number: '一、',
      value: 1,
    });
  });

  it('does not read 第一条的规定 or 第一次 as markers', () => {
    for (const text of ['第一条的规定', '第一次会议', '第1部分中', '第一章中的']) {
      expect(matchNumberMarker(text)).toBeNull();
    }
  });

  it('ignores digits that continue a number', () => {
    for (const text of ['12.5%', '2023年', '1、2、3项', '一一、x', 'x1.']) {
      expect(matchNumberMarker(text)).toBeNull();
    }
  });
});
