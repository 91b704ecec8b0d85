/**
 * Values of Chinese numerals as reports write quantities: 三十五, 一百零八, 两千, 三亿五千万,
 * 十二点五. Strict on purpose: a run of digits without place units (八五, 十四五, 二〇二三) is a
 * name or a year, not a quantity, and gets null.
 */

const DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0],
  ['〇', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
const PLACES: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);

/** The characters a Chinese numeral may contain (without the decimal 点). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** A number below 10 000 written with 十/百/千 ("三千零五", "十五"), else null. */
function belowTenThousand(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let lastPlace = 10_000;
  let pending: number | null = null;
  let afterZero = false;
  for (const char of text) {
    const place = PLACES.get(char);
    if (place !== undefined) {
      // "十五" starts with 十 alone; elsewhere a place needs its digit ("三百", not "百").
      const digit = pending ?? (place === 10 && total === 0 && !afterZero ? 1 : null);
      if (digit === null || digit === 0 || place >= lastPlace) return null;
      total += digit * place;
      lastPlace = place;
      pending = null;
      continue;
    }
    const digit = DIGITS.get(char);
    if (digit === undefined) return null;
    if (digit === 0) {
      if (pending !== null) return null;
      afterZero = true;
      continue;
    }
    // Two digits in a row ("八五") are a name, not a number.
    if (pending !== null) return null;
    pending = digit;
  }
  if (pending !== null) {
    // "两" counts before a place (两千) but is not written as a last digit.
    if (text.endsWith('两') && text.length > 1) return null;
    total += pending;
  }
  return total;
}

/** A whole Chinese numeral, with 万 and 亿 groups ("三亿五千万", "两万三千"), else null. */
function wholeNumeral(text: string): number | null {
  const yi = text.indexOf('亿');
  if (yi >= 0) {
    const high = yi === 0 ? null : wholeNumeral(text.slice(0, yi));
    const rest = text.slice(yi + 1);
    const low = rest === '' ? 0 : wholeNumeral(rest.replace(/^[零〇]/u, ''));
    if (high === null || high === 0 || low === null || low >= 1e8) return null;
    return high * 1e8 + low;
  }
  const wan = text.indexOf('万');
  if (wan >= 0) {
    const high = wan === 0 ? null : belowTenThousand(text.slice(0, wan));
    const rest = text.slice(wan + 1);
    const low = rest === '' ? 0 : belowTenThousand(rest.replace(/^[零〇]/u, ''));
    if (high === null || high === 0 || low === null) return null;
    return high * 1e4 + low;
  }
  return belowTenThousand(text);
}

/**
 * The value of a Chinese numeral, optionally with a decimal part after 点 and a trailing 万/亿
 * ("三点五万"); null when the text is not a well-formed numeral.
 */
export function chineseNumeralValue(text: string): number | null {
  const point = text.indexOf('点');
  if (point < 0) return wholeNumeral(text);
  const whole = wholeNumeral(text.slice(0, point));
  const match = /^([零〇一二三四五六七八九]+)([万亿]?)$/u.exec(text.slice(point + 1));
  if (whole === null || !match) return null;
  const fraction = Array.from(match[1]!, (char) => DIGITS.get(char) ?? 0).join('');
  const value = Number(`${whole}.${fraction}`);
  return match[2] === '万' ? value * 1e4 : match[2] === '亿' ? value * 1e8 : value;
}

/** True when the numeral has a digit (一…九, 两) and is not just a place word (百, 千, 万). */
export function hasDigit(text: string): boolean {
  return /[一二两三四五六七八九十]/u.test(text);
}
