import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseReport } from '../../../core/report/parse-report';
import { expectReportInvariants } from './report-invariants';

const RUNS = 500;

/** What a line may start with: markers, look-alikes that are not markers, header labels. */
const MARKERS = [
  '一、',
  '十一、',
  '二十、',
  '（三）',
  '(一)',
  '（二)',
  '1.',
  '12．',
  '3、',
  '(2)',
  '（4）',
  // Issue 9: the other numbering families.
  '第一部分',
  '第二章 ',
  '第三条',
  '①',
];
const LOOK_ALIKES = ['12.5%', '2023年', '1.5', '一一、', '百、'];
const LABELS = [
  '索 引 号:',
  '文\u3000\u00a0号：',
  '信息名称: ',
  '关 键 词：',
  '文件下载:',
  '主题分类',
  // Issue 9: more labels, 公文 parts and web leftovers.
  '发文机关：',
  '标 题 |',
  '附件1',
  '名词解释',
  '2024年3月5日',
  '（此件公开发布）',
  '今天是:',
];
const LINE_STARTS = ['', ...MARKERS, ...LOOK_ALIKES, ...LABELS];
/** Pieces a line continues with: words, punctuation, sentence enders, every kind of space. */
const TOKENS = [
  ...LINE_STARTS,
  ...['法治', '政府', '建设', '报告', '江宁区', 'x', '7', ',', '，', '“', '”'],
  ...['。', '！', '？', '：', ':'],
  ...[' ', '  ', '\u3000', '\u00a0', '\t', '\ufeff', '\u2028'],
];
const LINE_BREAKS = ['\n', '\n', '\n\n', '\r\n', '\r'];

const line = fc
  .tuple(fc.constantFrom(...LINE_STARTS), fc.array(fc.constantFrom(...TOKENS), { maxLength: 10 }))
  .map(([start, rest]) => start + rest.join(''));
/** An occasional very long first sentence, to exercise the heading-length guard. */
const longLine = fc
  .tuple(fc.constantFrom('1.', '（一）', '二、'), fc.integer({ min: 70, max: 130 }))
  .map(([marker, length]) => `${marker}${'法'.repeat(length)}。后文`);

const structuredReport = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 9, arbitrary: line }, { weight: 1, arbitrary: longLine }),
      fc.constantFrom(...LINE_BREAKS),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.map(([text, lineBreak]) => text + lineBreak).join(''));

const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...TOKENS, ...LINE_BREAKS), maxLength: 60 }),
);

describe('parseReport properties', () => {
  it('holds its invariants on arbitrary text', () => {
    fc.assert(
      fc.property(arbitraryText, (source) => expectReportInvariants(source, parseReport(source))),
      { numRuns: RUNS },
    );
  });

  it('holds its invariants on generated report-like text', () => {
    fc.assert(
      fc.property(structuredReport, (source) =>
        expectReportInvariants(source, parseReport(source)),
      ),
      { numRuns: RUNS },
    );
  });
});
