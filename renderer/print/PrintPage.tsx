/**
 * The print page (print.html?job=…): fetches its job from the host, lays out the chosen
 * sections with the same parser and anchoring as the reader, and signals when it can be printed.
 * It never changes anything; in Electron it may call nothing but getPrintJob.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../core/api/errors';
import { anchorAnnotations } from '../../core/annotations/anchor';
import { translator } from '../../core/i18n/messages';
import { printMarks, type PrintMarks } from '../../core/print/print-marks';
import type { PrintJob } from '../../core/print/print-options';
import { parseReport } from '../../core/report/parse-report';
import type { ReportDocument } from '../../core/report/report-model';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';
import { PrintDocument } from './PrintDocument';
import { signalFailure, signalReady, whenPrintable } from './print-ready';

interface Prepared {
  job: PrintJob;
  doc: ReportDocument;
  marks: PrintMarks;
}

export function PrintPage({ jobId }: { jobId: string }) {
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let cancelled = false;
    callHost('getPrintJob', { jobId })
      .then((job) => {
        const doc = parseReport(job.text);
        const anchored = anchorAnnotations(doc, job.annotations);
        const marks = printMarks(doc, anchored, job.sectionIds, job.options.annotations);
        const root = document.documentElement;
        root.classList.add(`layout-${job.options.layout}`, `paper-${job.options.paper}`);
        // Chromium takes the PDF's title from the document's.
        document.title = doc.title ?? translator('zh-CN')('reportTitleFallback');
        if (!cancelled) setPrepared({ job, doc, marks });
      })
      .catch((err: unknown) => !cancelled && setError(errorOf(err)));
    return () => {
      cancelled = true;
    };
  }, [jobId]);

  useEffect(() => {
    if (error) signalFailure(error);
  }, [error]);

  useEffect(() => {
    if (!prepared) return;
    whenPrintable().then(signalReady, (err: unknown) => signalFailure(errorOf(err)));
  }, [prepared]);

  if (error) return <p role="alert">{error.message}</p>;
  if (!prepared) return null;
  return (
    <PrintDocument
      doc={prepared.doc}
      sectionIds={prepared.job.sectionIds}
      options={prepared.job.options}
      marks={prepared.marks}
    />
  );
}
