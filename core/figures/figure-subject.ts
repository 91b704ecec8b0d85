/**
 * Finds what a quantity counts, from its own clause. Chinese puts the noun on either side:
 * "受理行政复议案件419件" (before the number) and "建成207个公共法律服务室" (after a measure
 * word). Before the number we also read whether it states a change (同比增长5.2%) and drop the
 * verbs and adverbs that are not part of the subject (共, 累计, 达到, 约…).
 */
import type { FigureKind } from './figure-model';
import { isClassifier } from './figure-units';
import type { Quantity } from './scan-quantities';

export interface SubjectReading {
  subject: string;
  kind: FigureKind;
  changeWord: string | null;
  direction: 'up' | 'down' | null;
}

/** Longest subject kept, in characters (the words nearest the number). */
const MAX_SUBJECT_LENGTH = 20;
const MAX_NOUN_AFTER_LENGTH = 16;

/** Characters that end a clause: a subject never reaches across them. */
const CLAUSE_BREAK = /[，,；;。！!？?：:\n\r\t]/u;

/** Where the clause holding `index` starts; an unclosed parenthesis counts as a start. */
function clauseStart(text: string, index: number): number {
  let closers = 0;
  for (let i = index - 1; i >= 0; i--) {
    const char = text[i]!;
    if (CLAUSE_BREAK.test(char)) return i + 1;
    if (char === ')' || char === '）') closers += 1;
    if (char === '(' || char === '（') {
      if (closers === 0) return i + 1;
      closers -= 1;
    }
  }
  return 0;
}

const UP = ['增长', '增加', '提高', '提升', '上升', '增'];
const DOWN = ['下降', '减少', '降低', '压减', '下滑', '回落', '缩短', '压缩', '减'];
const CHANGE = new RegExp(
  `((?:同比|环比|比上年同期|较上年同期|比上年|较上年|比去年|较去年|较)?(?:分别)?(?:平均)?` +
    `(${[...UP, ...DOWN].join('|')})了?)$`,
  'u',
);
/** "提高到", "压缩至": the number is the new level, not the change. */
const TO_LEVEL =
  /(?:提高|提升|增长|增加|上升|扩大|扩展|拓展|延长|调整|上调|下调|下降|减少|降低|压减|压缩|缩短|增|降|减|达)?(?:至|到)$/u;
/** Verbs and adverbs between a subject and its number (达到, 共计, 为…). */
const TRAILING_VERBS =
  /(?:控制在|保持在|稳定在|维持在|达到|达|共计|合计|总计|累计|共有|现有|拥有|已有|仅有|还有|计有|分别为|分别|各|均为|均|总数为|数量为|(?<![行作认成人所无])为|是|已|了|由|从|共|计)$/u;
/** Time and framing words before a subject (2023年, 全年, 其中, 截至年底). */
const LEADING_FRAME =
  /^(?:[0-9０-９]{4}年(?:度)?|[0-9０-９]{1,2}月(?:份)?(?:底|末)?|全年|今年|去年|上年|当年|年内|年底|年末|其中|同时|此外|另外|目前|截至[^，,]{0,12}?(?:底|末|止))/u;
/** Scope words before a subject that say nothing about what is counted (全县, 我区). */
const LEADING_SCOPE = /^(?:全县|全区|全市|全省|全镇|我县|我区|我市|我省)/u;
/** 共 and 累计 as adverbs inside the subject ("全区共办理"), not inside words (公共, 共享). */
const INNER_ADVERBS = /共有|累计|共计|合计|总计|(?<![公总一])共(?![享同建治产青识性和])/gu;
const CONNECTORS_AT_START = /^[、和及与或并且以及，,\s]+/u;
const CONNECTORS_AT_END = /[、和及与或并等的中\s]+$/u;

/** Words before a number of years that say how, not what ("连续4年获评…"). */
const YEARS_LEAD = /^(?:连续|持续|已经|已)$/u;

/** Words that end the noun after a measure word ("17个联系点在…" stops at 在). */
const NOUN_STOPS = [
  '在',
  '以',
  '参加',
  '开展',
  '进行',
  '实施',
  '同步',
  '办理',
  '入选',
  '获',
  '成为',
  '被',
  '已',
  '均',
  '全部',
  '达',
  '为',
  '是',
  '实现',
  '完成',
  '提供',
  '受理',
  '通过',
  '纳入',
  '列入',
  '覆盖',
  '挽回',
  '累计',
  '的',
  '对',
  '向',
  '将',
  '用于',
  '于',
  '并',
  '排名',
  '减少',
  '增加',
  '增长',
  '提高',
  '下降',
  '降低',
  '缩短',
  '压缩',
  '扩大',
  '扩展',
  '至',
  '到',
  '等',
];
const NOUN_CHAR = /[\u3400-\u9fff“”‘’()（）]/u;

/** 在 inside 存在, 所在, 现在…: part of a word, not the preposition that ends a noun. */
function insideWord(text: string, index: number): boolean {
  return text[index] === '在' && index > 0 && '存所现实潜内外自'.includes(text[index - 1]!);
}

/**
 * The noun right after a measure word, as published ("村(居)公共法律服务室", "124个镇获评" ->
 * 镇), or ''.
 */
function nounAfter(text: string, from: number): string {
  let end = from;
  while (end < text.length && end - from < MAX_NOUN_AFTER_LENGTH) {
    if (!NOUN_CHAR.test(text[end]!)) break;
    if (NOUN_STOPS.some((stop) => text.startsWith(stop, end)) && !insideWord(text, end)) break;
    end += 1;
  }
  let noun = text.slice(from, end).replace(CONNECTORS_AT_END, '');
  // An unbalanced bracket or quote at the end belongs to the text after the noun.
  noun = noun.replace(/[(（“‘]+$/u, '');
  return noun;
}

/** The rest of the clause after a number ("连续4年|获评先进单位，"), at most a subject's length. */
function phraseAfter(text: string, from: number): string {
  const rest = text.slice(from, from + MAX_SUBJECT_LENGTH);
  return rest.slice(0, rest.search(/[，,；;。：:、！!？?\n（(]|$/u)).replace(CONNECTORS_AT_END, '');
}

function stripRepeatedly(text: string, pattern: RegExp): string {
  let current = text;
  for (
    let next = current.replace(pattern, '');
    next !== current;
    next = current.replace(pattern, '')
  ) {
    current = next;
  }
  return current;
}

/** The words before the number, cleaned: the subject, and a change word if there is one. */
function readBefore(segment: string): SubjectReading & { toLevel: boolean } {
  let words = segment.replace(CONNECTORS_AT_START, '');
  let changeWord: string | null = null;
  let direction: 'up' | 'down' | null = null;
  let toLevel = false;
  if (TO_LEVEL.test(words)) {
    toLevel = true;
    words = words.replace(TO_LEVEL, '');
  } else {
    const change = CHANGE.exec(words);
    if (change) {
      changeWord = change[1]!;
      direction = UP.includes(change[2]!) ? 'up' : 'down';
      words = words.slice(0, change.index);
    }
  }
  words = stripRepeatedly(words, TRAILING_VERBS);
  words = stripRepeatedly(words, LEADING_FRAME).replace(INNER_ADVERBS, '');
  words = words.replace(LEADING_SCOPE, '');
  words = words.replace(CONNECTORS_AT_START, '').replace(CONNECTORS_AT_END, '');
  // Keep the words nearest the number, without half a number at the cut.
  if (words.length > MAX_SUBJECT_LENGTH) {
    words = words.slice(-MAX_SUBJECT_LENGTH).replace(/^[0-9０-９.,，．]+/u, '');
  }
  return {
    subject: words,
    kind: changeWord ? 'change' : 'level',
    changeWord,
    direction,
    toLevel,
  };
}

const SENTENCE_BREAK = /[。！!？?；;\n]/u;

function sameSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BREAK.test(text[i]!)) return false;
  return true;
}

/** Subjects for the quantities of one text, in order (each may lean on the one before it). */
export function readSubjects(text: string, quantities: readonly Quantity[]): SubjectReading[] {
  const readings: SubjectReading[] = [];
  quantities.forEach((quantity, i) => {
    const previous = i > 0 ? quantities[i - 1]! : null;
    const clause = clauseStart(text, quantity.start);
    const left = previous && previous.end > clause ? previous.end : clause;
    const before = readBefore(text.slice(left, quantity.start));
    const sameClause = left !== clause;
    const previousReading = readings[i - 1];

    let subject = before.subject;
    let reading: Omit<SubjectReading, 'subject'> = before;
    // A measure word followed by its noun: the noun is what is counted, and a verb before the
    // number acts on it ("提升100家养老机构" is a level of 100 institutions, not a rise of 100).
    const noun = isClassifier(quantity.unit) ? nounAfter(text, quantity.end) : '';
    if (before.toLevel && sameClause && previousReading && before.subject.length <= 1) {
      // "由198天压缩至123天": the second number is the same thing's new level.
      subject = previousReading.subject;
    } else if (noun) {
      subject = noun;
      reading = { kind: 'level', changeWord: null, direction: null };
    } else if (quantity.unit === '年' && YEARS_LEAD.test(subject)) {
      // "连续4年获评先进单位": the years are of what follows them.
      subject = phraseAfter(text, quantity.end) || subject;
    } else if (subject === '' && text.startsWith('的', quantity.end)) {
      // "76.1%的财政支出用于民生": the noun after 的.
      subject = nounAfter(text, quantity.end + 1);
    }
    // "356件，同比增长12.6%": a bare change speaks of the figure just before it.
    if (
      subject === '' &&
      previous &&
      previousReading &&
      sameSentence(text, previous.end, quantity.start)
    ) {
      subject = previousReading.subject;
    }
    readings.push({
      subject,
      kind: reading.kind,
      changeWord: reading.changeWord,
      direction: reading.direction,
    });
  });
  return readings;
}
