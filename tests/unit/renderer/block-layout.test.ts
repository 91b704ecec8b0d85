/** Where the blocks of a large report sit, before and after they are measured and resized. */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parse-report';
import { BlockLayout, estimateHeight } from '../../../renderer/reader/block-layout';
import { readingLayoutModel } from '../../../renderer/reader/reading-blocks';
import { generateLargeReport } from '../../fixtures/generated/large-report';

const metrics = { fontSize: 18, lineHeight: 1.9, width: 720 };
const sizes = [
  { chars: 800, paragraphs: 4 },
  { chars: 1600, paragraphs: 8 },
  { chars: 400, paragraphs: 2 },
];

describe('block layout', () => {
  it('places blocks by prefix sums of their heights and finds the block at a position', () => {
    const layout = new BlockLayout(sizes, metrics);
    const h = sizes.map((s) => estimateHeight(s, metrics));
    expect(layout.offsetOf(0)).toBe(0);
    expect(layout.offsetOf(2)).toBe(h[0]! + h[1]!);
    expect(layout.total).toBe(h[0]! + h[1]! + h[2]!);
    expect(layout.indexAt(h[0]! - 1)).toBe(0);
    expect(layout.indexAt(h[0]!)).toBe(1);
    expect(layout.indexAt(layout.total + 500)).toBe(2);
  });

  it('takes measured heights, and moves every later block by the difference', () => {
    const layout = new BlockLayout(sizes, metrics);
    const before = layout.offsetOf(2);
    expect(layout.setMeasured(0, layout.height(0) + 100)).toBe(true);
    expect(layout.offsetOf(2)).toBe(before + 100);
    expect(layout.setMeasured(0, layout.height(0))).toBe(false);
  });

  it('after a larger text size, blocks grow (measured ones scaled until measured again)', () => {
    const layout = new BlockLayout(sizes, metrics);
    layout.setMeasured(1, 1000);
    const total = layout.total;
    layout.setMetrics({ ...metrics, fontSize: 24 });
    expect(layout.height(1)).toBeGreaterThan(1000);
    expect(layout.isMeasured(1)).toBe(false);
    expect(layout.total).toBeGreaterThan(total);
    // The same position in the text is further down: what restoring a position relies on.
    expect(layout.offsetOf(2)).toBeGreaterThan(total - layout.height(2));
  });

  it('cuts a generated 1 MB report into blocks that hold every paragraph once, in order', () => {
    const doc = parseReport(generateLargeReport(1024 * 1024, 7).text);
    const model = readingLayoutModel(doc);
    const ids = model.blocks.flatMap((b) =>
      b.items.flatMap((item) => ('paragraph' in item ? [item.paragraph.id] : [])),
    );
    expect(ids).toEqual([...doc.paragraphs].sort((a, b) => a.start - b.start).map((p) => p.id));
    expect(model.blocks.length).toBeGreaterThan(50);
    for (const block of model.blocks) expect(block.chars).toBeLessThan(3000 * 2 + 2000);
    for (const section of doc.flatSections) {
      expect(model.blockOfSection.get(section.id)).toBe(
        model.blockOfParagraph.get(section.headingParagraphId),
      );
    }
  });
});
