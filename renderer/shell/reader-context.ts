/**
 * What every part of the reading screen may know and do, without being handed it prop by prop:
 * the open document, its report id, the settings, how to tell the user something, and how to go
 * somewhere in the report. Features (search, annotations, figures, comparison…) read it with
 * useReader(); ReaderScreen provides it.
 */
import { createContext, useContext, type RefObject } from 'react';
import type { ReportSummary } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import type { ReportDocument } from '../../core/report/report-model';
import type { ReportSource } from '../../core/report/report-source';
import type { Settings, SettingsPatch } from '../../core/settings';
import type { AnnotationUi } from '../annotations/useAnnotationUi';
import type { ComparisonSession } from '../compare/useComparison';
import type { SearchSession } from '../search/useSearchSession';

/** Where to go: a section, or a point (paragraph + character range) to show and mark. */
export type GoToTarget =
  { sectionId: string } | { paragraphId: string; start?: number; end?: number };

export interface Notice {
  message: string;
  messageEn: string;
}

export interface ReaderState {
  reportId: string;
  /** What the importer extracted (the text the document was parsed from). */
  source: ReportSource;
  doc: ReportDocument;
  reports: ReportSummary[];
  settings: Settings;
  updateSettings: (patch: SettingsPatch) => void;
  /** Tells the user something (a warning bar); errors go to onError. */
  notify: (notice: Notice) => void;
  onError: (error: ApiError) => void;
  /** Scrolls the reading pane to a section or a point; a point's range is marked briefly. */
  goTo: (target: GoToTarget) => void;
  /** The reading pane, for features that measure or mark text in it. */
  scroller: RefObject<HTMLElement | null>;
  currentSectionId: string | null;
  search: SearchSession;
  notes: AnnotationUi;
  /** The comparison with another report, when one was started. */
  compare: ComparisonSession;
  /** Which panels are open (see panel-registry.tsx). */
  panels: PanelState;
  /** Opens a report by id (the library, a library-wide search result). */
  openReport: (reportId: string, at?: GoToTarget) => void;
}

export interface PanelState {
  isOpen: (id: string) => boolean;
  setOpen: (id: string, open: boolean) => void;
  toggle: (id: string) => void;
}

export const ReaderContext = createContext<ReaderState | null>(null);

export function useReader(): ReaderState {
  const state = useContext(ReaderContext);
  if (!state) throw new Error('useReader outside ReaderContext');
  return state;
}
