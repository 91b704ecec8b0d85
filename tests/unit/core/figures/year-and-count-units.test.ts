/**
 * Units added for counts reports state: 卷 (case files), 轮 (rounds of inspection) and 年 as a
 * number of years — while a year (2023年), its parts (年度, 年底) and plan names stay out.
 */
import { describe, expect, it } from 'vitest';
import { figuresInText } from '../../../../core/figures';

const CONTEXT = { paragraphId: 'p', sectionId: null, sectionPath: '', sectionTitle: '' };
const found = (text: string) =>
  figuresInText(text, CONTEXT).map((f) => [f.raw, f.value, f.valueHigh, f.unit]);

describe('counts of case files, rounds and years', () => {
  it.each([
    [
      '评查行政执法案卷300卷，优秀率达到65%。',
      [
        ['300卷', 300, null, '卷'],
        ['65%', 65, null, '%'],
      ],
    ],
    [
      '开展三轮巡察，发现问题42个。',
      [
        ['三轮', 3, null, '轮'],
        ['42个', 42, null, '个'],
      ],
    ],
    ['连续4年获评先进单位。', [['4年', 4, null, '年']]],
    ['连续两年入选全国百强区。', [['两年', 2, null, '年']]],
    ['服务期限为3至5年。', [['3至5年', 3, 5, '年']]],
    ['判处有期徒刑1.5年。', [['1.5年', 1.5, null, '年']]],
    ['2023年，共受理案件419件。', [['419件', 419, null, '件']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reads 近3年 as the last three years and 将近3年 as nearly three', () => {
    const approximation = (text: string) =>
      figuresInText(text, CONTEXT).map((f) => [f.raw, f.approximation]);
    expect(approximation('近3年累计办理案件')).toEqual([['3年', null]]);
    expect(approximation('将近3年才办结')).toEqual([['将近3年', 'under']]);
  });

  it('takes the noun after 卷 and 轮 as the subject, like other measure words', () => {
    const [rounds] = figuresInText('完成三轮巡察。', CONTEXT);
    expect(rounds?.subject).toBe('巡察');
  });

  it('reads the subject of a number of years after 连续 from what follows', () => {
    const [years] = figuresInText('连续4年获评法治建设先进单位。', CONTEXT);
    expect(years?.subject).toBe('获评法治建设先进单位');
    const [term] = figuresInText('挂职期限2年。', CONTEXT);
    expect(term?.subject).toBe('挂职期限');
  });
});

describe('years and their names are still not figures', () => {
  it.each([
    '2023年，全区法治建设稳步推进。',
    '江宁区2023年度法治政府建设工作报告',
    '2023年3月5日召开会议',
    '规划（2021—2025年）',
    '二〇二三年工作要点',
    '二零二四年一月',
    '1949年以来',
    '上世纪90年代',
    '提升行政执法质量三年行动计划',
    '制定五年规划',
    '3年前已经完成',
    '三年级学生',
    '年底前完成',
    '第3年',
    '一年来',
    '电动两轮车管理',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a range goes upwards once the multiplier is applied', () => {
  it('reads 5-8万人 as a range but not 419～3.5万 (found by the property test)', () => {
    expect(found('服务5-8万人。')).toEqual([['5-8万人', 50_000, 80_000, '人']]);
    for (const [, value, high] of found('419～3.5万万元')) {
      expect(high === null || (high as number) >= (value as number)).toBe(true);
    }
  });
});
