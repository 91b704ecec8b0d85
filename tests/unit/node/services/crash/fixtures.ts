/** Shared by the annotation store's tests and the crash child. */
import type { Annotation } from '../../../../../core/annotations/annotation-model';

/** A valid annotation, with whatever fields a test cares about overridden. */
export function makeAnnotation(fields: Partial<Annotation> & { id: string; reportId: string }) {
  const annotation: Annotation = {
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: [],
    target: {
      sectionId: 's1',
      start: { paragraphId: 'p1', offset: 0 },
      end: { paragraphId: 'p1', offset: 4 },
      position: { start: 10, end: 14 },
      quote: { exact: '依法行政', prefix: '坚持', suffix: '，建设法治政府' },
    },
    created: '2024-05-01T00:00:00.000Z',
    updated: '2024-05-01T00:00:00.000Z',
    ...fields,
  };
  return annotation;
}

/** A small seeded generator, so a failing run can be replayed from the seed it printed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
