/**
 * The ruling of a PDF page: horizontal and vertical line segments drawn by its paths (stroked
 * lines, stroked rectangles, and thin filled rectangles, which is how Word and WPS draw table
 * borders), in page coordinates. pdf-layout uses them to find ruled tables. Pure: it reads
 * pdfjs's operator list as plain arrays.
 */

/** An axis-aligned segment: horizontal when y0 === y1, vertical when x0 === x1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The operator numbers this reader needs (pdfjs's OPS). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  endPath: number;
  stroke: number;
  closeStroke: number;
}

type Matrix = [number, number, number, number, number, number];

// pdfjs's DrawOPS path codes.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

// A filled rectangle thinner than this (points) is a drawn line, not a shaded area.
const THIN = 2.5;
// Coordinates closer than this are the same line.
const SNAP = 1;

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF's row-vector convention: p' = p × m × n).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/** Subpaths of a pdfjs path buffer, each as its points (curves keep only their end point). */
function subpaths(path: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const result: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | null = null;
  let i = 0;
  while (i < path.length) {
    const code = path[i];
    if (code === MOVE_TO) {
      current = { points: [[path[i + 1] ?? 0, path[i + 2] ?? 0]], closed: false };
      result.push(current);
      i += 3;
    } else if (code === LINE_TO) {
      current?.points.push([path[i + 1] ?? 0, path[i + 2] ?? 0]);
      i += 3;
    } else if (code === CURVE_TO) {
      current?.points.push([path[i + 5] ?? 0, path[i + 6] ?? 0]);
      if (current) current.closed = false;
      i += 7;
    } else if (code === QUADRATIC_CURVE_TO) {
      current?.points.push([path[i + 3] ?? 0, path[i + 4] ?? 0]);
      i += 5;
    } else if (code === CLOSE_PATH) {
      if (current) current.closed = true;
      i += 1;
    } else {
      break; // an unknown code: stop rather than misread the rest
    }
  }
  return result;
}

function axisAligned(a: [number, number], b: [number, number]): Rule | null {
  const [x0, y0] = a;
  const [x1, y1] = b;
  if (Math.abs(y0 - y1) <= SNAP && Math.abs(x0 - x1) > SNAP) {
    const y = (y0 + y1) / 2;
    return { x0: Math.min(x0, x1), y0: y, x1: Math.max(x0, x1), y1: y };
  }
  if (Math.abs(x0 - x1) <= SNAP && Math.abs(y0 - y1) > SNAP) {
    const x = (x0 + x1) / 2;
    return { x0: x, y0: Math.min(y0, y1), x1: x, y1: Math.max(y0, y1) };
  }
  return null;
}

/** A thin filled rectangle as the line it draws, or null. */
function thinRectangle(points: [number, number][]): Rule | null {
  if (points.length < 4 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Every corner must lie on the bounding box: an axis-aligned rectangle.
  if (!points.every(([x, y]) => (x === x0 || x === x1) && (y === y0 || y === y1))) return null;
  if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) {
    return { x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 };
  }
  if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) {
    return { x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 };
  }
  return null;
}

/**
 * The page's rules from pdfjs's operator list. `origin` is the page's viewBox origin, so rules
 * share the text items' coordinates.
 */
export function pageRules(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: PathOps,
  origin: [number, number] = [0, 0],
): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) {
      ctm = multiply(args.map(Number) as Matrix, ctm);
    } else if (fn === ops.constructPath && Array.isArray(args)) {
      const paint = args[0];
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (paint === ops.endPath || !path) continue; // a clipping path draws nothing
      const stroked = paint === ops.stroke || paint === ops.closeStroke;
      for (const { points, closed } of subpaths(path)) {
        const page = points.map(([x, y]) => {
          const [px, py] = apply(ctm, x, y);
          return [px - origin[0], py - origin[1]] as [number, number];
        });
        if (stroked) {
          const ring = closed && page.length > 2 ? [...page, page[0]!] : page;
          for (let k = 1; k < ring.length; k++) {
            const rule = axisAligned(ring[k - 1]!, ring[k]!);
            if (rule) rules.push(rule);
          }
        } else {
          const rule = thinRectangle(page);
          if (rule) rules.push(rule);
        }
      }
    }
  }
  return rules;
}
