import { describe, expect, it } from 'vitest';
import { layoutPages, type PdfPage } from '../../../../node/importers/pdf-layout';
import { pageRules, type Rule } from '../../../../node/importers/pdf-rules';
import { findRuledTables } from '../../../../node/importers/pdf-tables';

const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  endPath: 28,
  stroke: 20,
  closeStroke: 21,
};
const FILL = 22;

/** A grid of rules: horizontal lines at ys, vertical lines at xs (all spanning the grid). */
function grid(xs: number[], ys: number[]): Rule[] {
  const [left, right] = [Math.min(...xs), Math.max(...xs)];
  const [bottom, top] = [Math.min(...ys), Math.max(...ys)];
  return [
    ...ys.map((y) => ({ x0: left, y0: y, x1: right, y1: y })),
    ...xs.map((x) => ({ x0: x, y0: bottom, x1: x, y1: top })),
  ];
}

const item = (str: string, x: number, y: number) => ({
  str,
  x,
  y,
  width: str.length * 10,
  size: 10,
});

describe('ruled tables in a PDF', () => {
  it('reads the rules of stroked lines and thin filled rectangles, through the CTM', () => {
    const rules = pageRules(
      [
        OPS.save,
        OPS.transform,
        OPS.constructPath,
        OPS.constructPath,
        OPS.restore,
        OPS.constructPath,
      ],
      [
        null,
        [1, 0, 0, -1, 0, 800], // flip y, as WPS output does
        [OPS.stroke, [Float32Array.from([0, 100, 100, 1, 300, 100])], null],
        [
          FILL,
          [Float32Array.from([0, 100, 200, 1, 100.5, 200, 1, 100.5, 300, 1, 100, 300, 4])],
          null,
        ],
        null,
        [OPS.endPath, [Float32Array.from([0, 0, 0, 1, 500, 0])], null], // a clip: no rule
      ],
      OPS,
    );
    expect(rules).toEqual([
      { x0: 100, y0: 700, x1: 300, y1: 700 },
      { x0: 100.25, y0: 500, x1: 100.25, y1: 600 },
    ]);
  });

  it('puts each item in its grid cell; a merged cell keeps its text once', () => {
    // Two columns, three rows; the top row is one merged cell (no rule between its columns).
    const rules = [
      ...grid([0, 100, 200], [0, 20, 40]),
      { x0: 0, y0: 60, x1: 200, y1: 60 },
      { x0: 0, y0: 40, x1: 0, y1: 60 },
      { x0: 200, y0: 40, x1: 200, y1: 60 },
    ];
    const items = [
      item('标题行', 60, 45),
      item('项目', 5, 25),
      item('数量', 105, 25),
      item('规章', 5, 5),
      item('11', 105, 5),
      item('正文', 0, 300),
    ];
    const { tables, used } = findRuledTables(items, rules);
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['标题行', ''],
        ['项目', '数量'],
        ['规章', '11'],
      ],
    ]);
    expect(used.size).toBe(5);
  });

  it('keeps a table that runs on over a page break as one table', () => {
    const page = (rows: [string, string][], withTitle: boolean): PdfPage => ({
      width: 595,
      height: 842,
      items: [
        ...(withTitle ? [item('表一 收支情况', 100, 700)] : []),
        ...rows.flatMap(([a, b], i) => [item(a, 105, 605 - 20 * i), item(b, 205, 605 - 20 * i)]),
      ],
      rules: grid([100, 200, 300], rows.map((_, i) => 620 - 20 * i).concat(620 - 20 * rows.length)),
    });
    const { blocks } = layoutPages([
      page(
        [
          ['收入', '1'],
          ['支出', '2'],
        ],
        true,
      ),
      page([['结余', '3']], false),
    ]);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '表一 收支情况' },
      {
        kind: 'table',
        rows: [
          ['收入', '1'],
          ['支出', '2'],
          ['结余', '3'],
        ],
      },
    ]);
  });
});
