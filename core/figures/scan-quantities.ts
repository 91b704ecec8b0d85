/**
 * Finds the quantities in one run of text: a number (Arabic with , and full-width digits and
 * decimals, or Chinese numerals) with its qualifiers (约, 近, 超过, 余, 多, 左右, 以上…), 万/亿,
 * a range (10-20, 三至五) and a unit (件, %, 百分之…, 万元…). What is not a quantity stays out:
 * dates and years (2023年 names a year, 3年 counts years; 月 is no unit), document numbers (〔2018〕115号), ordinals
 * (第三条, 第6期), list markers (一、, (二), 3.), codes and names (G20, 5G, “八五”, 十四五),
 * phone numbers, and set phrases (一件事一次办, 两个确立).
 */
import { chineseNumeralValue, hasDigit } from './chinese-numeral';
import type { Approximation } from './figure-model';
import { unitAt } from './figure-units';
import { quotedMask } from './quoted-spans';

export interface Quantity {
  /** [start, end) of the whole quantity, qualifiers and unit included. */
  start: number;
  end: number;
  value: number;
  valueHigh: number | null;
  approximation: Approximation | null;
  unit: string;
}

const ARABIC = String.raw`[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?`;
const CHINESE = String.raw`[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?`;
const CORE = new RegExp(`${ARABIC}|${CHINESE}`, 'gu');
const ARABIC_AT = new RegExp(`^(?:${ARABIC})`, 'u');
const CHINESE_AT = new RegExp(`^(?:${CHINESE})`, 'u');

/** Qualifiers before the number, longest first. */
const PREFIXES: readonly [string, Approximation][] = [
  ['不少于', 'over'],
  ['将近', 'under'],
  ['接近', 'under'],
  ['超过', 'over'],
  ['多于', 'over'],
  ['至少', 'over'],
  ['不到', 'under'],
  ['不足', 'under'],
  ['少于', 'under'],
  ['大约', 'about'],
  ['约', 'about'],
  ['近', 'under'],
  ['逾', 'over'],
  ['超', 'over'],
];
/** Qualifiers after the unit. */
const SUFFIXES: readonly [string, Approximation][] = [
  ['左右', 'about'],
  ['以上', 'over'],
  ['以下', 'under'],
  ['以内', 'under'],
];
const MULTIPLIERS: readonly [string, number][] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];
/** What a rate is per: the part after the slash in 30万吨/日. */
const RATE = /^[/／](小时|日|天|周|月|年|人|户|次)/u;
const RANGE_SEPARATORS = '-－~～—–至到';

/** Set phrases that look like counts (两个确立) but name a doctrine. */
const SET_PHRASES = [
  '两个确立',
  '两个维护',
  '两个结合',
  '两个毫不动摇',
  '两个大局',
  '两个一百年',
  '三个代表',
  '三个务必',
  '三个区分开来',
  '四个意识',
  '四个自信',
  '四个全面',
  '四个最严',
  '五位一体',
  '八项规定',
];

/** "十三届五次全会": a session's ordinal, not a count of meetings. */
const SESSION = /届[^，,；;。]{0,6}$/u;
/** Verbs that make "三期" a count of sessions (举办三期培训班) rather than a project phase (二期工程). */
const COUNTED_PHASE_BEFORE = /[办设展织训共计了]$/u;

/**
 * After 年: a year's part or kind (2023年度, 年底, 年初), a decade (90年代), a school year
 * (三年级), a span of time ago (3年前) or a plan's name (三年行动计划) — not a number of years.
 */
const NOT_YEARS_AFTER = /^(?:度|初|底|末|代|级|制|前|行动|规划|计划|攻坚)/u;
/** Chinese digits read one by one (二〇二三, 二零二四): a year's name. */
const YEAR_DIGITS = /^[零〇一二三四五六七八九]{2,}$/u;

/** Whether "N年" counts years (连续3年, 近五年) rather than naming a year (2023年, 二〇二三年). */
function countsYears(text: string, first: NumberPart, end: number): boolean {
  if (NOT_YEARS_AFTER.test(text.slice(end, end + 2))) return false;
  if (first.chinese) return !YEAR_DIGITS.test(first.core);
  // Three digits or more before 年 name a year (1949年, 2023年, 2021—2025年).
  const whole = toHalfWidth(first.core).replace(/[,，]/gu, '').split('.')[0] ?? '';
  return whole.length < 3;
}

/** A character before the number that makes it part of something else (code, ordinal, date). */
const BAD_BEFORE = /[0-9０-９A-Za-zＡ-Ｚａ-ｚ.．+＋\-－/／:：#№第前]/u;
/** A character after the number (before any unit) that makes it a code or a name. */
const BAD_AFTER = /[A-Za-zＡ-Ｚａ-ｚ+＋/／:：]/u;
/** Words that end a clause around a figure without a unit. */
const CLAUSE_END = /^(?:$|[，,；;。！!？?、）)\s])/u;

function toHalfWidth(digits: string): string {
  return digits.replace(/[０-９．]/gu, (c) =>
    c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

interface NumberPart {
  end: number;
  value: number;
  chinese: boolean;
  core: string;
}

/** The number starting exactly at `index`, with 余/多 and 万/亿 after it, or null. */
function readNumber(text: string, index: number, chinese: boolean): NumberPart | null {
  const pattern = chinese ? CHINESE_AT : ARABIC_AT;
  const match = pattern.exec(text.slice(index, index + 40));
  if (!match) return null;
  let core = match[0];
  // 三百万元: the 万 belongs to the unit 万元.
  if (chinese && /[万亿]$/u.test(core) && text[index + core.length] === '元') {
    core = core.slice(0, -1);
  }
  let value: number | null;
  if (chinese) {
    if (!hasDigit(core)) return null;
    value = chineseNumeralValue(core);
  } else {
    const plain = toHalfWidth(core).replace(/[,，]/gu, '');
    // 025 or 0511: the start of a phone number or a code, not a count.
    value = /^0\d/u.test(plain) ? null : Number(plain);
  }
  if (value === null || !Number.isFinite(value)) return null;
  return { end: index + core.length, value, chinese, core };
}

interface Tail {
  end: number;
  value: number;
  approximation: Approximation | null;
  percent: boolean;
}

/** 余/多, 万/亿 and % after a number (in the order reports write them: 4100余万, 2万余). */
function readTail(text: string, part: NumberPart): Tail {
  let end = part.end;
  let value = part.value;
  let approximation: Approximation | null = null;
  const takeOver = (): void => {
    if (text[end] === '余' || (text[end] === '多' && !text.startsWith('多元', end))) {
      approximation = 'over';
      end += 1;
    }
  };
  takeOver();
  const unit = unitAt(text, end);
  if (!unit || !/^[万亿千]/u.test(unit)) {
    for (const [word, scale] of MULTIPLIERS) {
      if (text.startsWith(word, end) && !(part.chinese && /[万亿]$/u.test(part.core))) {
        // 300万元: 万元 is the unit, not a multiplier.
        if (unitAt(text, end)?.startsWith(word)) break;
        value *= scale;
        end += word.length;
        takeOver();
        break;
      }
    }
  }
  const percent = text[end] === '%' || text[end] === '％';
  if (percent) end += 1;
  return { end, value, approximation, percent };
}

function prefixAt(
  text: string,
  start: number,
): { start: number; approximation: Approximation } | null {
  for (const [word, approximation] of PREFIXES) {
    const at = start - word.length;
    if (at < 0 || !text.startsWith(word, at)) continue;
    // 最近, 附近: not a qualifier.
    if (word === '近' && /[最附邻临接将]/u.test(text[at - 1] ?? '')) continue;
    return { start: at, approximation };
  }
  return null;
}

/** Finds every quantity in `text`, from `from` on (to skip a heading's number marker). */
export function scanQuantities(text: string, from = 0): Quantity[] {
  const quoted = quotedMask(text);
  const found: Quantity[] = [];
  CORE.lastIndex = from;
  for (let match = CORE.exec(text); match; match = CORE.exec(text)) {
    const index = match.index;
    const chinese = !/[0-9０-９]/u.test(match[0][0]!);
    const quantity = readQuantity(text, index, chinese, quoted);
    if (quantity) {
      found.push(quantity);
      CORE.lastIndex = quantity.end;
    }
  }
  return found;
}

/** Whether a Chinese numeral with its unit counts something rather than naming it. */
function chineseCount(text: string, index: number, end: number, unit: string): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  const after = text.slice(end, end + 2);
  // 一件事一次办, 三位一体: a numeral right after the unit makes a set phrase.
  if (/^[零〇一二两三四五六七八九十]/u.test(after)) return false;
  if (unit === '次' && SESSION.test(before)) return false;
  if (unit === '期' && !COUNTED_PHASE_BEFORE.test(before)) return false;
  // 两位数增长; 劣五类水体, 三类水.
  if (unit === '位' && after.startsWith('数')) return false;
  if (unit === '类' && (before.endsWith('劣') || after.startsWith('水'))) return false;
  // 两轮车, 三轮车: a vehicle's name.
  if (unit === '轮' && after.startsWith('车')) return false;
  return true;
}

function readQuantity(
  text: string,
  index: number,
  chinese: boolean,
  quoted: Uint8Array | null,
): Quantity | null {
  if (quoted?.[index]) return null;
  const first = readNumber(text, index, chinese);
  if (!first) return null;
  if (BAD_BEFORE.test(text[index - 1] ?? '') || BAD_AFTER.test(text[first.end] ?? '')) return null;
  if (chinese && (first.core === '一' || SET_PHRASES.some((p) => text.startsWith(p, index)))) {
    return null;
  }

  // 三分之一: a fraction, written denominator first.
  if (text.startsWith('分之', first.end)) {
    const numerator = readNumber(text, first.end + 2, chinese);
    if (!numerator || first.value === 0 || BAD_AFTER.test(text[numerator.end] ?? '')) return null;
    const prefix = prefixAt(text, index);
    return {
      start: prefix?.start ?? index,
      end: numerator.end,
      value: numerator.value / first.value,
      valueHigh: null,
      approximation: prefix?.approximation ?? null,
      unit: '',
    };
  }

  let tail = readTail(text, first);
  let end = tail.end;
  let value = tail.value;
  let valueHigh: number | null = null;
  let approximation: Approximation | null = tail.approximation;

  // A range: 10-20件, 10%～20%, 三至五个, 5万-8万人.
  if (RANGE_SEPARATORS.includes(text[end] ?? '\u0000')) {
    const second = readNumber(text, end + 1, chinese);
    if (second && !BAD_AFTER.test(text[second.end] ?? '')) {
      const secondTail = readTail(text, second);
      // 5-8万人: the first number takes the second's 万 — and the range must still go upwards
      // once it has (419～3.5万 is no range).
      const scale = first.end === tail.end && !tail.percent ? secondTail.value / second.value : 1;
      if (secondTail.value >= value * scale) {
        value *= scale;
        valueHigh = secondTail.value;
        approximation = secondTail.approximation ?? approximation;
        tail = { ...secondTail, percent: secondTail.percent || tail.percent };
        end = secondTail.end;
      }
    }
  }

  // 百分之十二点五, 千分之三.
  let start = index;
  let unit: string | null = tail.percent ? '%' : null;
  if (!unit && text.startsWith('百分之', index - 3)) {
    unit = '%';
    start = index - 3;
  } else if (!unit && text.startsWith('千分之', index - 3)) {
    unit = '‰';
    start = index - 3;
  }
  if (unit === null) {
    unit = unitAt(text, end);
    if (unit !== null) end += unit.length;
    // A rate: 30万吨/日, 5元/人.
    const rate = unit === null ? null : RATE.exec(text.slice(end, end + 4));
    if (unit !== null && rate) {
      unit = `${unit}/${rate[1]!}`;
      end += rate[0].length;
    }
  }
  if (unit === null) {
    // A bare decimal stated as a value ("指数为0.85,"), or nothing.
    const stated = /(?:为|达|是|到)$/u.test(text.slice(Math.max(0, index - 1), index));
    if (chinese || !/[.．]/u.test(first.core) || !stated || !CLAUSE_END.test(text.slice(end))) {
      return null;
    }
    unit = '';
  }
  if (start === index && BAD_BEFORE.test(text[start - 1] ?? '')) return null;
  if (unit === '年' && !countsYears(text, first, end)) return null;
  if (chinese && !chineseCount(text, index, end, unit)) return null;

  for (const [word, approx] of SUFFIXES) {
    if (text.startsWith(word, end)) {
      approximation = approx;
      end += word.length;
      break;
    }
  }
  const prefix = prefixAt(text, start);
  // 近3年 is "the last three years", not "nearly three years" (将近3年 is).
  const recentYears = unit === '年' && prefix?.start === start - 1 && text[start - 1] === '近';
  if (prefix && !recentYears) {
    start = prefix.start;
    approximation = prefix.approximation;
  }
  return { start, end, value, valueHigh, approximation, unit };
}
