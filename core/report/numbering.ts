/**
 * Recognises the number markers that structure Chinese government reports, with their family,
 * canonical half-width form and numeric value. The families in their customary order, top down:
 *   第一部分  第一章  第一节  第一条  一、  (一) or （一）  1. 1． 1、  (1) or （1）  ①
 * Which level a family takes depends on the document (see `familyLevels` in section-tree.ts).
 */

export type NumberFamily =
  | 'part'
  | 'chapter'
  | 'section'
  | 'article'
  | 'han'
  | 'paren-han'
  | 'digit'
  | 'paren-digit'
  | 'circled';

/** The families from the top of a document down; a family's index is its rank. */
export const FAMILY_ORDER: readonly NumberFamily[] = [
  'part',
  'chapter',
  'section',
  'article',
  'han',
  'paren-han',
  'digit',
  'paren-digit',
  'circled',
];

export interface NumberMarker {
  family: NumberFamily;
  /** The marker exactly as published, e.g. "（二）", "6．", "第一部分". */
  marker: string;
  /** The canonical half-width marker, e.g. "(二)", "6.", "第一部分". */
  number: string;
  /** The marker's numeric value, e.g. 2 for "(二)"; ids are built from it. */
  value: number;
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** Value of a Chinese numeral from 一 to 九十九 (一, 十, 十一, 二十, 二十一…), else null. */
export function chineseNumeralValue(numeral: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(numeral);
  if (!match || numeral === '') return null;
  const [, first, ten, last] = match;
  const digit = (char: string | undefined): number =>
    char === undefined ? 0 : CHINESE_DIGITS.indexOf(char) + 1;
  // Without 十 the numeral is a single digit: "一一" does not match, "一" has only `first`.
  if (!ten) return last ? null : digit(first);
  return (first ? digit(first) : 1) * 10 + digit(last);
}

/** Value of a run of half- or full-width ASCII digits ("12", "１２"). */
function digitsValue(digits: string): number {
  const halfWidth = digits.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10));
  return Number.parseInt(halfWidth, 10);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const OPEN = '[(（]';
const CLOSE = '[)）]';
const HAN_NUMERAL = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,3}';

interface MarkerPattern {
  family: NumberFamily;
  pattern: RegExp;
  value: (numeral: string) => number | null;
  canonical: (value: number, numeral: string, match: RegExpExecArray) => string;
}

const hanOrDigits = (numeral: string): number | null =>
  /^[0-9０-９]+$/u.test(numeral) ? digitsValue(numeral) : chineseNumeralValue(numeral);

const ORDINAL_FAMILIES: Record<string, NumberFamily> = {
  部分: 'part',
  章: 'chapter',
  节: 'section',
  条: 'article',
};

/*
 * Digit markers must not be followed by another digit, so "12.5%" and "1、2、3项" stay body
 * text. ("2023年" never matches: a year has no marker after its digits.) 第一部分/章/节/条 must
 * end the line or be followed by a space or the title, never by 的 or a digit ("第一条的规定").
 */
const MARKER_PATTERNS: readonly MarkerPattern[] = [
  {
    family: 'part',
    pattern: new RegExp(`^第(${HAN_NUMERAL}|${DIGITS})(部分|章|节|条)(?![的中之0-9０-９])`, 'u'),
    value: hanOrDigits,
    canonical: (_value, numeral, match) => `第${numeral}${match[2] ?? ''}`,
  },
  {
    family: 'han',
    pattern: new RegExp(`^(${HAN_NUMERAL})[、．]`, 'u'),
    value: chineseNumeralValue,
    canonical: (_value, numeral) => `${numeral}、`,
  },
  {
    family: 'paren-han',
    pattern: new RegExp(`^${OPEN}(${HAN_NUMERAL})${CLOSE}`, 'u'),
    value: chineseNumeralValue,
    canonical: (_value, numeral) => `(${numeral})`,
  },
  {
    family: 'digit',
    pattern: new RegExp(`^(${DIGITS})[.．、](?![0-9０-９])`, 'u'),
    value: digitsValue,
    canonical: (value) => `${value}.`,
  },
  {
    family: 'paren-digit',
    pattern: new RegExp(`^${OPEN}(${DIGITS})${CLOSE}`, 'u'),
    value: digitsValue,
    canonical: (value) => `(${value})`,
  },
  {
    family: 'circled',
    pattern: new RegExp(`^([${CIRCLED}])`, 'u'),
    value: (numeral) => CIRCLED.indexOf(numeral) + 1 || null,
    canonical: (_value, numeral) => numeral,
  },
];

/** The number marker at the start of `text`, or null when the text does not start with one. */
export function matchNumberMarker(text: string): NumberMarker | null {
  for (const { family, pattern, value: valueOf, canonical } of MARKER_PATTERNS) {
    const match = pattern.exec(text);
    const numeral = match?.[1];
    if (!match || numeral === undefined) continue;
    const value = valueOf(numeral);
    if (value === null) continue;
    const ordinal = family === 'part' ? ORDINAL_FAMILIES[match[2] ?? ''] : undefined;
    return {
      family: ordinal ?? family,
      marker: match[0],
      number: canonical(value, numeral, match),
      value,
    };
  }
  return null;
}

/** Appends a canonical number to a citation path: "一、(二) 6." (no space right after 、). */
export function joinNumberPath(parentPath: string | null, number: string): string {
  if (parentPath === null) return number;
  return parentPath.endsWith('、') ? `${parentPath}${number}` : `${parentPath} ${number}`;
}
