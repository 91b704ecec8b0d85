/**
 * The units a figure may carry, matched longest first (个百分点 before 个, 人次 before 人), and
 * which of them are measure words that usually come before the noun they count (207个服务室).
 */

/** Units that read as a measure word: the noun after them is the figure's subject. */
const CLASSIFIERS = [
  '个',
  '家',
  '名',
  '位',
  '户',
  '项',
  '件',
  '条',
  '部',
  '篇',
  '场',
  '期',
  '批',
  '次',
  '所',
  '座',
  '处',
  '台',
  '辆',
  '艘',
  '套',
  '张',
  '份',
  '册',
  '支',
  '间',
  '栋',
  '起',
  '宗',
  '笔',
  '单',
  '类',
  '种',
  '款',
  '卷',
  '轮',
  '场次',
  '批次',
  '期次',
] as const;

/** Units that measure rather than count; their subject is the words before the number. */
const MEASURES = [
  '个百分点',
  '百分点',
  '万元',
  '亿元',
  '元',
  '美元',
  '人次',
  '户次',
  '件次',
  '家次',
  '车次',
  '辆次',
  '台次',
  '艘次',
  '架次',
  '人',
  '天',
  '个月',
  // A number of years (连续3年); years themselves (2023年) are told apart in scan-quantities.
  '年',
  '个工作日',
  '工作日',
  '小时',
  '分钟',
  '平方公里',
  '平方米',
  '立方米',
  '公顷',
  '亩',
  '公里',
  '千米',
  '米',
  '微克/立方米',
  '千克',
  '斤',
  '标箱',
  '标准箱',
  '公斤',
  '吨',
  '千瓦时',
  '千瓦',
  '倍',
] as const;

const CLASSIFIER_SET: ReadonlySet<string> = new Set(CLASSIFIERS);

/** Every unit, longest first, so the first match is the longest. */
const UNITS_LONGEST_FIRST: readonly string[] = [...CLASSIFIERS, ...MEASURES].sort(
  (a, b) => b.length - a.length,
);

/** The unit at `text[index]`, longest match, or null. */
export function unitAt(text: string, index: number): string | null {
  for (const unit of UNITS_LONGEST_FIRST) {
    if (text.startsWith(unit, index)) return unit;
  }
  return null;
}

/** True when the unit is a measure word that usually precedes its noun (个, 家, 名…). */
export function isClassifier(unit: string): boolean {
  return CLASSIFIER_SET.has(unit);
}

/** Money units folded to 元, so 4100万元 and 0.41亿元 compare as the same quantity. */
const MONEY_SCALE: ReadonlyMap<string, number> = new Map([
  ['元', 1],
  ['万元', 1e4],
  ['亿元', 1e8],
]);

/** A figure's value in a base unit for comparing editions: 万元 and 亿元 become 元. */
export function comparableQuantity(value: number, unit: string): { value: number; unit: string } {
  const scale = MONEY_SCALE.get(unit);
  if (scale !== undefined) return { value: value * scale, unit: '元' };
  if (unit === '百分点') return { value, unit: '个百分点' };
  return { value, unit };
}
