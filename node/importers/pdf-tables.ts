/**
 * Ruled tables on a PDF page: rules that touch each other form a grid; the text items inside it
 * are read cell by cell, row by row. A merged cell's text lands in one grid cell (nothing is
 * repeated); a cell's lines join as one paragraph. Pure, like pdf-layout.
 */
import type { Rule } from './pdf-rules';
import { joinSoft } from './source-builder';

/** The item shape pdf-layout reads (kept structural to avoid a cycle). */
interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface RuledTable {
  /** Top and bottom of the grid (PDF units, y grows upwards). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: string[][];
}

// Rules closer than this touch; coordinates closer than this are one grid line.
const TOLERANCE = 2;
const MAX_RULES = 4000;

function isHorizontal(rule: Rule): boolean {
  return rule.y0 === rule.y1;
}

function touches(a: Rule, b: Rule): boolean {
  return (
    a.x0 - TOLERANCE <= b.x1 &&
    b.x0 - TOLERANCE <= a.x1 &&
    a.y0 - TOLERANCE <= b.y1 &&
    b.y0 - TOLERANCE <= a.y1
  );
}

/** Distinct values, sorted, with values closer than the tolerance merged. */
function gridLines(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lines: number[] = [];
  for (const value of sorted) {
    const last = lines.at(-1);
    if (last === undefined || value - last > TOLERANCE) lines.push(value);
  }
  return lines;
}

/** Groups of rules that touch, by union-find. */
function connectedGroups(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      if (touches(rules[i]!, rules[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), rule]);
  });
  return [...groups.values()];
}

/** Where an item's text sits, for deciding which cell holds it. */
function centre(item: Item): [number, number] {
  const width = Math.min(item.width, item.str.length * item.size);
  return [item.x + width / 2, item.y + item.size * 0.35];
}

/** The ruled tables of one page, and which items they took. */
export function findRuledTables(
  items: readonly Item[],
  rules: readonly Rule[],
): { tables: RuledTable[]; used: Set<Item> } {
  const used = new Set<Item>();
  const tables: RuledTable[] = [];
  const usable = rules.filter((r) => Math.max(r.x1 - r.x0, r.y1 - r.y0) >= 4);
  if (usable.length < 4 || usable.length > MAX_RULES) return { tables, used };

  for (const group of connectedGroups(usable)) {
    const ys = gridLines(group.filter(isHorizontal).map((r) => r.y0)).reverse(); // top first
    const xs = gridLines(group.filter((r) => !isHorizontal(r)).map((r) => r.x0));
    if (ys.length < 2 || xs.length < 2 || (ys.length - 1) * (xs.length - 1) < 2) continue;
    const top = ys[0]!;
    const bottom = ys.at(-1)!;
    const left = xs[0]!;
    const right = xs.at(-1)!;
    const cells: Item[][][] = ys.slice(1).map(() => xs.slice(1).map(() => []));
    for (const item of items) {
      if (item.str.trim() === '' || used.has(item)) continue;
      const [cx, cy] = centre(item);
      if (cx < left || cx > right || cy > top || cy < bottom) continue;
      const row = ys.findIndex((y, i) => i > 0 && cy >= y);
      const column = xs.findIndex((x, i) => i > 0 && cx <= x);
      const cell = cells[row - 1]?.[column - 1];
      if (!cell) continue;
      cell.push(item);
      used.add(item);
    }
    const rows = cells.map((row) => row.map(cellText));
    if (rows.some((row) => row.filter((cell) => cell !== '').length > 0)) {
      tables.push({ top, bottom, left, right, rows });
    }
  }
  return { tables, used };
}

/** A cell's items read as text: lines top to bottom, each left to right, CJK-aware joins. */
function cellText(items: Item[]): string {
  const lines: Item[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs((l[0]?.y ?? 0) - item.y) < 0.5 * item.size);
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .map((item) => item.str)
        .join('')
        .trim(),
    )
    .reduce((joined, line) => joinSoft(joined, line), '');
}
