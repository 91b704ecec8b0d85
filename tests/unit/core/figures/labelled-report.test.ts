import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures, type Figure } from '../../../../core/figures';
import { parseReport } from '../../../../core/report/parse-report';

interface Labelled {
  paragraph: string;
  raw: string;
  subject: string;
  value: number;
  valueHigh?: number;
  unit: string;
  kind?: 'level' | 'change';
}
interface Trap {
  paragraph: string;
  text: string;
}

const FIXTURES = new URL('../../../fixtures/figures/', import.meta.url);
const source = readFileSync(new URL('labelled-report.txt', FIXTURES), 'utf8');
const labels = JSON.parse(readFileSync(new URL('labelled.json', FIXTURES), 'utf8')) as {
  figures: Labelled[];
  traps: Trap[];
};
const doc = parseReport(source);
const figures = extractFigures(doc);

const closeTo = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function sameFigure(figure: Figure, label: Labelled): boolean {
  return (
    figure.paragraphId === label.paragraph &&
    figure.raw === label.raw &&
    figure.unit === label.unit &&
    closeTo(figure.value, label.value) &&
    (label.valueHigh === undefined
      ? figure.valueHigh === null
      : figure.valueHigh !== null && closeTo(figure.valueHigh, label.valueHigh))
  );
}

/** Pairs each label with a distinct extracted figure, in order, so a figure counts once. */
function matchLabels(): Map<Labelled, Figure> {
  const used = new Set<Figure>();
  const matches = new Map<Labelled, Figure>();
  for (const label of labels.figures) {
    const found = figures.find((figure) => !used.has(figure) && sameFigure(figure, label));
    if (found) {
      used.add(found);
      matches.set(label, found);
    }
  }
  return matches;
}

describe('key figures on the hand-labelled report', () => {
  const matches = matchLabels();

  it('has 60+ labelled figures and traps in every paragraph it names', () => {
    expect(labels.figures.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(doc.paragraphs.map((p) => p.id));
    for (const item of [...labels.figures, ...labels.traps]) expect(ids).toContain(item.paragraph);
  });

  it('finds at least 95% of the labelled figures, with value and unit', () => {
    const missed = labels.figures.filter((label) => !matches.has(label));
    const recall = matches.size / labels.figures.length;
    expect(recall, `missed: ${JSON.stringify(missed.map((m) => m.raw))}`).toBeGreaterThanOrEqual(
      0.95,
    );
  });

  it('finds no figure in a date, document number, section number, name or phone number', () => {
    for (const trap of labels.traps) {
      const paragraph = doc.paragraphs.find((p) => p.id === trap.paragraph)!;
      let at = paragraph.text.indexOf(trap.text);
      expect(at, trap.text).toBeGreaterThanOrEqual(0);
      for (; at >= 0; at = paragraph.text.indexOf(trap.text, at + 1)) {
        const end = at + trap.text.length;
        const inside = figures.filter(
          (f) => f.paragraphId === trap.paragraph && f.start < end && f.end > at,
        );
        expect(
          inside.map((f) => f.raw),
          trap.text,
        ).toEqual([]);
      }
    }
  });

  it('reports nothing that is not labelled (precision ≥ 95%)', () => {
    const matched = new Set(matches.values());
    const extra = figures.filter((figure) => !matched.has(figure));
    expect(
      matched.size / figures.length,
      `extra: ${extra.map((f) => f.raw)}`,
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('names the subject from the clause for at least 90% of the figures', () => {
    const wrong = [...matches].filter(([label, figure]) => !figure.subject.includes(label.subject));
    expect(
      1 - wrong.length / matches.size,
      wrong.map(([l, f]) => `${l.raw}: ${f.subject} (want ${l.subject})`).join('; '),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('tells changes from levels', () => {
    for (const [label, figure] of matches) {
      expect(figure.kind, label.raw).toBe(label.kind ?? 'level');
    }
  });

  it('offsets point at the raw text in the paragraph, and the snippet holds it', () => {
    for (const figure of figures) {
      const paragraph = doc.paragraphs.find((p) => p.id === figure.paragraphId)!;
      expect(paragraph.text.slice(figure.start, figure.end)).toBe(figure.raw);
      expect(
        figure.snippet.slice(figure.snippetOffset, figure.snippetOffset + figure.raw.length),
      ).toBe(figure.raw);
    }
  });
});
