/**
 * The print page (print.html?job=…): fetches its job from the host, lays out the chosen
 * sections with the same parser and anchoring as the reader (or, for a comparison job, the
 * comparison of the two editions), and signals when it can be printed.
 * It never changes anything; in Electron it may call nothing but getPrintJob.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../core/api/errors';
import { anchorAnnotations } from '../../core/annotations/anchor';
import { compareReports, comparisonNotes } from '../../core/compare';
import type { ChangeNotes, Comparison } from '../../core/compare';
import type { Figure } from '../../core/figures';
import { translator } from '../../core/i18n/messages';
import { printedDocument } from '../../core/print/print-documents';
import { printedFigures } from '../../core/print/print-figures';
import { printMarks, type PrintMarks } from '../../core/print/print-marks';
import type { PrintJob } from '../../core/print/print-options';
import type { ReportDocument } from '../../core/report/report-model';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';
import { I18nContext } from '../i18n';
import { PrintComparison } from './PrintComparison';
import { PrintDocument } from './PrintDocument';
import { signalFailure, signalReady, whenPrintable } from './print-ready';

type Prepared =
  | { kind: 'sections'; job: PrintJob; doc: ReportDocument; marks: PrintMarks; figures: Figure[] }
  | {
      kind: 'comparison';
      job: PrintJob;
      comparison: Comparison;
      notes: ChangeNotes;
      oldDoc: ReportDocument;
      newDoc: ReportDocument;
    };

/** Lays out what the job asks for; also names the page (Chromium takes the PDF's title from it). */
function prepare(job: PrintJob): Prepared {
  const t = translator(job.language);
  const doc = printedDocument(job);
  if (job.compare) {
    const { oldText, oldSource, oldAnnotations = [] } = job.compare;
    const oldDoc = printedDocument({ text: oldText, source: oldSource });
    const comparison = compareReports(oldDoc, doc);
    // Each edition's annotations, placed as the reader places them, under the changes they touch.
    const notes = comparisonNotes(
      comparison,
      { doc: oldDoc, anchored: anchorAnnotations(oldDoc, oldAnnotations) },
      { doc, anchored: anchorAnnotations(doc, job.annotations) },
    );
    document.title = t('printCompareTitle', {
      old: comparison.oldTitle ?? t('printCompareUntitled'),
      new: comparison.newTitle ?? t('printCompareUntitled'),
    });
    return { kind: 'comparison', job, comparison, notes, oldDoc, newDoc: doc };
  }
  const anchored = anchorAnnotations(doc, job.annotations);
  const marks = printMarks(doc, anchored, job.sectionIds, job.options.annotations);
  const figures = job.options.figures ? printedFigures(doc, job.sectionIds) : [];
  document.title = doc.title ?? t('reportTitleFallback');
  return { kind: 'sections', job, doc, marks, figures };
}

export function PrintPage({ jobId }: { jobId: string }) {
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let cancelled = false;
    const root = document.documentElement;
    let classes: string[] = [];
    callHost('getPrintJob', { jobId })
      .then((job) => {
        if (cancelled) return;
        classes = [`layout-${job.options.layout}`, `paper-${job.options.paper}`];
        root.classList.add(...classes);
        setPrepared(prepare(job));
      })
      .catch((err: unknown) => !cancelled && setError(errorOf(err)));
    return () => {
      cancelled = true;
      // The page may print another job next (PRINT_NEXT_JOB_FUNCTION): leave no layout behind.
      root.classList.remove(...classes);
    };
  }, [jobId]);

  useEffect(() => {
    if (error) signalFailure(error);
  }, [error]);

  useEffect(() => {
    if (!prepared) return;
    // Once another job has replaced this one, its signal is not this job's to give.
    let replaced = false;
    whenPrintable().then(
      () => !replaced && signalReady(),
      (err: unknown) => !replaced && signalFailure(errorOf(err)),
    );
    return () => {
      replaced = true;
    };
  }, [prepared]);

  if (error) return <p role="alert">{error.message}</p>;
  if (!prepared) return null;
  const { language } = prepared.job;
  return (
    <I18nContext.Provider value={{ language, t: translator(language) }}>
      {prepared.kind === 'comparison' ? (
        <PrintComparison
          comparison={prepared.comparison}
          notes={prepared.notes}
          oldDoc={prepared.oldDoc}
          newDoc={prepared.newDoc}
          options={prepared.job.options}
        />
      ) : (
        <PrintDocument
          doc={prepared.doc}
          sectionIds={prepared.job.sectionIds}
          options={prepared.job.options}
          marks={prepared.marks}
          figures={prepared.job.options.figures ? prepared.figures : null}
        />
      )}
    </I18nContext.Provider>
  );
}
