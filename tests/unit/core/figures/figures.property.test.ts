import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, figuresInText } from '../../../../core/figures';

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

/** An oracle: the Chinese numeral for a whole number, as reports write it (一百零八, 三万零五). */
function toChinese(n: number): string {
  const digits = '零一二三四五六七八九';
  const below10000 = (v: number, leadingZero: boolean): string => {
    const places = ['千', '百', '十', ''];
    const parts = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10, v % 10];
    let out = '';
    let zero = leadingZero;
    parts.forEach((d, i) => {
      if (d === 0) {
        zero = out !== '' || leadingZero;
        return;
      }
      if (zero && out !== '') out += '零';
      else if (zero && leadingZero && out === '') out += '零';
      zero = false;
      out += (d === 1 && i === 2 && out === '' && !leadingZero ? '' : digits[d]!) + places[i]!;
    });
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  if (high === 0) return below10000(low, false);
  return below10000(high, false) + '万' + (low === 0 ? '' : below10000(low, low < 1000));
}

describe('Chinese numerals (property)', () => {
  it('reads back every whole number below 100 million written the way reports write it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99_999_999 }), (n) => {
        const text = toChinese(n);
        expect(chineseNumeralValue(text), text).toBe(n);
        const [figure] = figuresInText(`共${text}件。`, CONTEXT);
        expect(figure?.value, text).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
