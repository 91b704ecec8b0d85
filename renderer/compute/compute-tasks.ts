/**
 * The heavy computations the reader runs off the UI thread, as plain functions of plain data
 * (report sources in, plain results out), so one definition serves the Web Worker and the
 * fallback on the main thread.
 */
import { compareReports, type Comparison } from '../../core/compare';
import { extractFigures, type Figure } from '../../core/figures';
import { loadReportDocument } from '../../core/report/load-report-document';
import type { ReportSource } from '../../core/report/report-source';

export type ComputeTask =
  | { type: 'figures'; source: ReportSource }
  | { type: 'compare'; oldSource: ReportSource; newSource: ReportSource };

export type ComputeResult<T extends ComputeTask> = T extends { type: 'figures' }
  ? Figure[]
  : Comparison;

export function runTask(
  task: ComputeTask,
  onProgress: (fraction: number) => void,
): Figure[] | Comparison {
  if (task.type === 'figures') {
    const doc = loadReportDocument(task.source);
    return extractFigures(doc, {
      onProgress: (done, total) => onProgress(done / Math.max(1, total)),
    });
  }
  const oldDoc = loadReportDocument(task.oldSource);
  onProgress(0.25);
  const newDoc = loadReportDocument(task.newSource);
  onProgress(0.5);
  return compareReports(oldDoc, newDoc, {
    onProgress: (done: number, total: number) =>
      onProgress(0.5 + (0.5 * done) / Math.max(1, total)),
  });
}
