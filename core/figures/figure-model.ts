/**
 * A key figure: one quantity the report states (419件, 12.5%, 约633万人次), with what it counts,
 * where it is and its value in a form that can be sorted, filtered and compared.
 */

/** A level states how much there is; a change states how much something grew or fell. */
export type FigureKind = 'level' | 'change';

/** Qualifiers on the number: 余/多/超过/逾/以上 (over), 近/不到/不足/以下 (under), 约/左右 (about). */
export type Approximation = 'over' | 'under' | 'about';

export interface Figure {
  /** Stable within one parse: `${paragraphId}@${start}`. */
  id: string;
  paragraphId: string;
  /** The section the paragraph belongs to; null for the title and the preamble. */
  sectionId: string | null;
  /** The section's canonical numbering, e.g. "一、(二) 6."; '' outside sections. */
  sectionPath: string;
  /** The section's title as published; '' outside sections. */
  sectionTitle: string;
  /** [start, end) of `raw` in the paragraph's text, for jumping to it and highlighting it. */
  start: number;
  end: number;
  /** The quantity exactly as published, qualifiers and unit included: "4100余万元", "约633万人次". */
  raw: string;
  /** What is counted, from the same clause: "受理行政复议案件", "直接纠错率"; may be ''. */
  subject: string;
  kind: FigureKind;
  /** For a change: the words that say so, as published ("同比增长", "平均压减"); else null. */
  changeWord: string | null;
  /** For a change: up (增长, 提高…) or down (下降, 减少, 压减…); else null. */
  direction: 'up' | 'down' | null;
  /**
   * The number with 万/亿 multiplied out unless they belong to the unit: 3.5万件 -> 35000 件,
   * 12.5% -> 12.5 %, 4100余万元 -> 4100 万元. For a range, its lower end.
   */
  value: number;
  /** For a range (10-20, 三至五): its upper end; else null. */
  valueHigh: number | null;
  approximation: Approximation | null;
  /** The unit in canonical form ('%' for ％ and 百分之…, '' when the number has none). */
  unit: string;
  /** The surrounding text, as published, for a list row. */
  snippet: string;
  /** Where `raw` starts inside `snippet`. */
  snippetOffset: number;
}
