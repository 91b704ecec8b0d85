/**
 * Where each block of the report sits in the reading pane, before and after it has been drawn:
 * an estimated height from its characters until the block is measured, the measured height
 * after. Offsets are prefix sums; a change of text size or width re-estimates the blocks not
 * measured and scales the measured ones until they are measured again.
 */
export interface TextMetrics {
  /** Font size of the text, px. */
  fontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Width of the text column, px. */
  width: number;
}

export interface BlockSize {
  chars: number;
  paragraphs: number;
}

/** A CJK character is about one em wide; each paragraph adds its margin and a part line. */
export function estimateHeight(block: BlockSize, metrics: TextMetrics): number {
  const line = metrics.fontSize * metrics.lineHeight;
  const perLine = Math.max(1, Math.floor(metrics.width / metrics.fontSize));
  const lines = Math.ceil(block.chars / perLine) + block.paragraphs * 0.5;
  return Math.round(lines * line + block.paragraphs * metrics.fontSize * 0.6);
}

export class BlockLayout {
  private heights: number[];
  private measured: boolean[];
  private offsets: number[] = [];
  private dirty = true;

  constructor(
    private readonly sizes: readonly BlockSize[],
    private metrics: TextMetrics,
  ) {
    this.heights = sizes.map((size) => estimateHeight(size, metrics));
    this.measured = sizes.map(() => false);
  }

  get count(): number {
    return this.sizes.length;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] ?? false;
  }

  height(index: number): number {
    return this.heights[index] ?? 0;
  }

  /** Records a drawn block's height; true when it differs from what was assumed. */
  setMeasured(index: number, height: number): boolean {
    if (index < 0 || index >= this.heights.length) return false;
    const changed = Math.abs((this.heights[index] ?? 0) - height) > 0.5;
    this.heights[index] = height;
    this.measured[index] = true;
    if (changed) this.dirty = true;
    return changed;
  }

  /** New text size or column width: estimates follow, measured heights scale until re-measured. */
  setMetrics(metrics: TextMetrics): void {
    const old = this.metrics;
    if (
      old.fontSize === metrics.fontSize &&
      old.lineHeight === metrics.lineHeight &&
      old.width === metrics.width
    ) {
      return;
    }
    const scale =
      ((metrics.fontSize * metrics.lineHeight) / (old.fontSize * old.lineHeight)) *
      (old.width > 0 && metrics.width > 0 ? Math.max(0.25, old.width / metrics.width) : 1);
    this.heights = this.heights.map((h, i) =>
      this.measured[i] ? Math.round(h * scale) : estimateHeight(this.sizes[i]!, metrics),
    );
    this.measured = this.measured.map(() => false);
    this.metrics = metrics;
    this.dirty = true;
  }

  /** Top of block `index` (index = count gives the total height). */
  offsetOf(index: number): number {
    this.refresh();
    return this.offsets[Math.max(0, Math.min(index, this.sizes.length))] ?? 0;
  }

  get total(): number {
    return this.offsetOf(this.sizes.length);
  }

  /** The block that contains the vertical position y (clamped to the blocks). */
  indexAt(y: number): number {
    this.refresh();
    let lo = 0;
    let hi = this.sizes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.offsets[mid] ?? 0) <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** Blocks that overlap [top - overscan, bottom + overscan]. */
  range(top: number, bottom: number, overscan: number): { first: number; last: number } {
    if (this.sizes.length === 0) return { first: 0, last: -1 };
    return {
      first: this.indexAt(Math.max(0, top - overscan)),
      last: this.indexAt(bottom + overscan),
    };
  }

  private refresh(): void {
    if (!this.dirty) return;
    const offsets = new Array<number>(this.sizes.length + 1);
    let at = 0;
    for (let i = 0; i < this.sizes.length; i++) {
      offsets[i] = at;
      at += this.heights[i] ?? 0;
    }
    offsets[this.sizes.length] = at;
    this.offsets = offsets;
    this.dirty = false;
  }
}
