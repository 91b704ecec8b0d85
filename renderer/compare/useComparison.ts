/**
 * The comparison of the open report with another one in the library: which report, which of
 * the two is the earlier edition, the computed changes (off the UI thread) and the change the
 * reader is on (F7 / Shift+F7).
 */
import { useCallback, useMemo, useState } from 'react';
import { stepChange, type Comparison } from '../../core/compare';
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
        const opened = await callHost('openReport', { reportId: chosen.id });
        const theirs: ReportSource = (opened as { source?: ReportSource }).source ?? {
          text: opened.text,
          format: 'txt',
          fileName: chosen.id,
        };
        setOther(chosen);
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
    setCurrent(null);
  }, []);

  return {
    other,
    openIsNew,
    computation,
    current,
    start,
    step,
    select: setCurrent,
    close,
    showCosmetic,
    setShowCosmetic,
  };
}
