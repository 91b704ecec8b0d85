/** Comparing two editions of a report: the public API of core/compare. */
export { applyChanges } from './apply-changes';
export { diffText } from './char-diff';
export type { Hunk } from './char-diff';
export { CHANGE_KINDS, compareReports } from './compare-reports';
export type { CompareOptions } from './compare-reports';
export {
  annotationQuote,
  changeKindLabel,
  comparisonToMarkdown,
  sectionMatchLabel,
} from './comparison-markdown';
export { rowSegments } from './row-segments';
export { stepChange } from './step-change';
export type { StepOptions } from './step-change';
export type { Segment } from './row-segments';
export type {
  Change,
  ChangeKind,
  Comparison,
  FigureChange,
  ParagraphRow,
  SectionAlignment,
  SectionMatchKind,
  SectionRef,
} from './comparison-model';
export {
  annotationSpans,
  changeAnnotations,
  comparisonNotes,
  highlightRuns,
  sharedRuns,
  shownPieces,
  sideLookup,
} from './change-annotations';
export type {
  AnnotationSpan,
  ChangeNotes,
  HighlightRun,
  ParagraphSpans,
  SharedRun,
  ShownPiece,
  Side,
  SideAnnotations,
} from './change-annotations';
