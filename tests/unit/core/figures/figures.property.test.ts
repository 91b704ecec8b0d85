import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figuresInText } from '../../../../core/figures';

const CONTEXT = { paragraphId: 'p', sectionId: null, sectionPath: '', sectionTitle: '' };
const PIECES = [
  '419',
  '１２',
  '3.5',
  '1,234',
  '三十五',
  '两千',
  '十',
  '一',
  '万',
  '亿',
  '余',
  '多',
  '约',
  '近',
  '超过',
  '至',
  '-',
  '～',
  '%',
  '百分之',
  '件',
  '人次',
  '万元',
  '个',
  '个百分点',
  '年',
  '月',
  '第',
  '〔',
  '〕',
  '号',
  '“',
  '”',
  '，',
  '。',
  '增长',
  '同比',
  '受理案件',
  'G',
  ' ',
];

describe('figuresInText (property)', () => {
  it('never throws; figures are in order, inside the text, and their raw is the text there', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join('')),
          fc.string({ maxLength: 80 }),
        ),
        (text) => {
          const figures = figuresInText(text, CONTEXT);
          let last = 0;
          for (const figure of figures) {
            expect(figure.start).toBeGreaterThanOrEqual(last);
            expect(figure.end).toBeGreaterThan(figure.start);
            expect(text.slice(figure.start, figure.end)).toBe(figure.raw);
            expect(Number.isFinite(figure.value)).toBe(true);
            if (figure.valueHigh !== null)
              expect(figure.valueHigh).toBeGreaterThanOrEqual(figure.value);
            last = figure.end;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
