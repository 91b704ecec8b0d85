/**
 * The heavy computations the reader runs off the UI thread, as plain functions of plain data
 * (report sources in, plain results out), so one definition serves the Web Worker and the
 * fallback on the main thread.
 */
import { compareReports, type Comparison } from '../../core/compare';
import { extractFigures, type Figure } from '../../core/figures';
import { loadReportDocument } from '../../core/report/load-report-document';
import type { ReportDocument } from '../../core/report/report-model';
import type { ReportSource } from '../../core/report/report-source';
import { createDocumentExactIndex, type ExactIndexData } from '../../core/search';

export type ComputeTask =
  /** Parse a report into its document (a large one, so the window stays responsive). */
  | { type: 'open'; source: ReportSource }
  /** Build a report's search index; paragraphs are stored as ranges of the source text. */
  | { type: 'index'; source: ReportSource }
  | { type: 'figures'; source: ReportSource }
  | { type: 'compare'; oldSource: ReportSource; newSource: ReportSource };

export type ComputeResult<T extends ComputeTask> = T extends { type: 'open' }
  ? ReportDocument
  : T extends { type: 'index' }
    ? ExactIndexData
    : T extends { type: 'figures' }
      ? Figure[]
      : Comparison;

/**
 * The last report parsed here: opening a report, then indexing it, then its figures all parse
 * the same text, and a 5 MB one takes a noticeable moment each time. Documents are never
 * changed after parsing, so sharing one is safe.
 */
let lastParsed: { source: ReportSource; doc: ReportDocument } | null = null;

function documentOf(
  source: ReportSource,
  onProgress: (fraction: number) => void = () => {},
): ReportDocument {
  const cached = lastParsed;
  // The text compared first (cheap when it differs), then everything else the format declared.
  const rest = (s: ReportSource) => JSON.stringify({ ...s, text: '' });
  if (cached && cached.source.text === source.text && rest(cached.source) === rest(source)) {
    return cached.doc;
  }
  const doc = loadReportDocument(source, { onProgress });
  lastParsed = { source, doc };
  return doc;
}

export function runTask(
  task: ComputeTask,
  onProgress: (fraction: number) => void,
): ReportDocument | ExactIndexData | Figure[] | Comparison {
  switch (task.type) {
    case 'open':
      return documentOf(task.source, onProgress);
    case 'index': {
      const doc = documentOf(task.source, (fraction) => onProgress(fraction / 2));
      onProgress(0.5);
      return createDocumentExactIndex(doc, task.source.text).toData();
    }
    case 'figures': {
      const doc = documentOf(task.source);
      return extractFigures(doc, {
        onProgress: (done, total) => onProgress(done / Math.max(1, total)),
      });
    }
    case 'compare': {
      const oldDoc = documentOf(task.oldSource);
      onProgress(0.25);
      // The new side (the open report) last, so the cache keeps it for the next task.
      const newDoc = documentOf(task.newSource);
      onProgress(0.5);
      return compareReports(oldDoc, newDoc, {
        onProgress: (done: number, total: number) =>
          onProgress(0.5 + (0.5 * done) / Math.max(1, total)),
      });
    }
  }
}

/** The buffers of a result that can be moved to the page instead of copied. */
export function transferablesOf(result: unknown): ArrayBuffer[] {
  if (typeof result !== 'object' || result === null || !('postings' in result)) return [];
  const { unitStarts, postings } = result as ExactIndexData;
  const views = [unitStarts, postings.positions, postings.keys, postings.offsets];
  // Only a view over a whole buffer (one on part of a buffer would move the rest too), each once.
  const whole = views
    .map((view) => view.buffer)
    .filter((buffer, i): buffer is ArrayBuffer => {
      return buffer instanceof ArrayBuffer && views[i]!.byteLength === buffer.byteLength;
    });
  return [...new Set(whole)];
}
