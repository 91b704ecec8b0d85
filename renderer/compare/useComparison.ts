/**
 * The comparison of the open report with another one in the library: which report, which of
 * the two is the earlier edition, the computed changes (off the UI thread), the other report's
 * annotations (read-only here: they are edited when that report is open) and the change the
 * reader is on (F7 / Shift+F7).
 */
import { useCallback, useMemo, useState } from 'react';
import { anchorAnnotations, type AnchorResult } from '../../core/annotations/anchor';
import type { Annotation } from '../../core/annotations/annotation-model';
import { stepChange, type Comparison } from '../../core/compare';
import { loadReportDocument } from '../../core/report/load-report-document';
import type { ReportDocument } from '../../core/report/report-model';
import type { ReportSource } from '../../core/report/report-source';
import { callHost } from '../api/host-api';
import type { ComputeTask } from '../compute/compute-tasks';
import { useComputation, type Computation } from '../compute/useComputation';
import { errorOf } from '../hooks/useHostSettings';
import type { ApiError } from '../../core/api/errors';

export interface ComparisonSession {
  /** The other report, once chosen. */
  other: { id: string; title: string } | null;
  /** True when the open report is the later edition (the other one is the old one). */
  openIsNew: boolean;
  computation: Computation<Comparison>;
  /**
   * The other report's document (the same one the comparison is computed on) and its
   * annotations placed in it; null until a report is chosen.
   */
  otherDoc: ReportDocument | null;
  otherAnchored: readonly AnchorResult[];
  current: number | null;
  start: (other: { id: string; title: string }, openIsNew: boolean) => Promise<void>;
  step: (direction: 1 | -1) => number | null;
  select: (index: number) => void;
  close: () => void;
  /** Show changes that differ only in width or spacing (，/,). */
  showCosmetic: boolean;
  setShowCosmetic: (show: boolean) => void;
}

export function useComparison(
  source: ReportSource,
  onError: (error: ApiError) => void,
): ComparisonSession {
  const [other, setOther] = useState<{ id: string; title: string } | null>(null);
  const [otherSource, setOtherSource] = useState<ReportSource | null>(null);
  const [openIsNew, setOpenIsNew] = useState(true);
  const [current, setCurrent] = useState<number | null>(null);
  const [showCosmetic, setShowCosmetic] = useState(false);
  const [otherAnnotations, setOtherAnnotations] = useState<Annotation[]>([]);

  // The reader parses the open report on this thread too (App's openReport); the paragraph ids
  // are the ones the worker's comparison gives, since both parse the same source.
  const otherDoc = useMemo(
    () => (otherSource ? loadReportDocument(otherSource) : null),
    [otherSource],
  );
  const otherAnchored = useMemo(
    () => (otherDoc ? anchorAnnotations(otherDoc, otherAnnotations) : []),
    [otherDoc, otherAnnotations],
  );

  const task = useMemo<ComputeTask | null>(() => {
    if (!otherSource) return null;
    return openIsNew
      ? { type: 'compare', oldSource: otherSource, newSource: source }
      : { type: 'compare', oldSource: source, newSource: otherSource };
  }, [otherSource, openIsNew, source]);
  const computation = useComputation(task) as Computation<Comparison>;

  const start = useCallback(
    async (chosen: { id: string; title: string }, isNew: boolean) => {
      try {
        // Annotations that cannot be read do not stop the comparison: it is shown without them.
        const [opened, listing] = await Promise.all([
          callHost('openReport', { reportId: chosen.id }),
          callHost('listAnnotations', { reportId: chosen.id }).catch((err: unknown) => {
            onError(errorOf(err));
            return null;
          }),
        ]);
        const theirs: ReportSource = (opened as { source?: ReportSource }).source ?? {
          text: opened.text,
          format: 'txt',
          fileName: chosen.id,
        };
        setOther(chosen);
        setOtherAnnotations(listing?.annotations ?? []);
        setOpenIsNew(isNew);
        setCurrent(null);
        setOtherSource(theirs);
      } catch (err) {
        onError(errorOf(err));
      }
    },
    [onError],
  );

  const changes = computation.status === 'done' ? computation.result.changes : null;
  const step = useCallback(
    (direction: 1 | -1) => {
      if (!changes) return null;
      const next = stepChange(changes, current, direction, { skipCosmetic: !showCosmetic });
      setCurrent(next);
      return next;
    },
    [changes, current, showCosmetic],
  );

  const close = useCallback(() => {
    setOther(null);
    setOtherSource(null);
    setOtherAnnotations([]);
    setCurrent(null);
  }, []);

  return {
    other,
    openIsNew,
    computation,
    otherDoc,
    otherAnchored,
    current,
    start,
    step,
    select: setCurrent,
    close,
    showCosmetic,
    setShowCosmetic,
  };
}
