/**
 * Recognises the number markers that structure Chinese government reports and gives their
 * level, canonical half-width form and numeric value:
 *   一、 (level 1)   (一) or （一） (level 2)   1. 1． 1、 (level 3)   (1) or （1） (level 4)
 */
import type { HeadingLevel } from './report-model';

export interface NumberMarker {
  level: HeadingLevel;
  /** The marker exactly as published, e.g. "（二）", "6．". */
  marker: string;
  /** The canonical half-width marker, e.g. "(二)", "6.". */
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

const OPEN = '[(（]';
const CLOSE = '[)）]';
const HAN_NUMERAL = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,3}';

interface MarkerPattern {
  level: HeadingLevel;
  pattern: RegExp;
  value: (numeral: string) => number | null;
  canonical: (value: number, numeral: string) => string;
}

/*
 * Digit markers must not be followed by another digit, so "12.5%" and "1、2、3项" stay body
 * text. ("2023年" never matches: a year has no marker after its digits.)
 */
const MARKER_PATTERNS: readonly MarkerPattern[] = [
  {
    level: 1,
    pattern: new RegExp(`^(${HAN_NUMERAL})、`, 'u'),
    value: chineseNumeralValue,
    canonical: (_value, numeral) => `${numeral}、`,
  },
  {
    level: 2,
    pattern: new RegExp(`^${OPEN}(${HAN_NUMERAL})${CLOSE}`, 'u'),
    value: chineseNumeralValue,
    canonical: (_value, numeral) => `(${numeral})`,
  },
  {
    level: 3,
    pattern: new RegExp(`^(${DIGITS})[.．、](?![0-9０-９])`, 'u'),
    value: digitsValue,
    canonical: (value) => `${value}.`,
  },
  {
    level: 4,
    pattern: new RegExp(`^${OPEN}(${DIGITS})${CLOSE}`, 'u'),
    value: digitsValue,
    canonical: (value) => `(${value})`,
  },
];

/** The number marker at the start of `text`, or null when the text does not start with one. */
export function matchNumberMarker(text: string): NumberMarker | null {
  for (const { level, pattern, value: valueOf, canonical } of MARKER_PATTERNS) {
    const match = pattern.exec(text);
    const numeral = match?.[1];
    if (!match || numeral === undefined) continue;
    const value = valueOf(numeral);
    if (value === null) continue;
    return { level, marker: match[0], number: canonical(value, numeral), value };
  }
  return null;
}

/** Appends a canonical number to a citation path: "一、(二) 6." (no space right after 、). */
export function joinNumberPath(parentPath: string | null, number: string): string {
  if (parentPath === null) return number;
  return parentPath.endsWith('、') ? `${parentPath}${number}` : `${parentPath} ${number}`;
}
