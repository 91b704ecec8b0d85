/**
 * One change's text in 对照结果, with each edition's annotations: the removed and added text
 * and their context, inline or side by side, each side painted with its own report's highlights
 * (the reader's colours), and a line for every annotation the change's text touches on either
 * side. The other report's annotations are shown read-only: they are edited where that report
 * is open.
 */
import { Fragment, type ReactNode } from 'react';
import {
  annotationQuote,
  changeAnnotations,
  highlightRuns,
  sharedRuns,
  shownPieces,
  sideLookup,
  type Change,
  type ParagraphSpans,
  type ShownPiece,
  type Side,
  type SideAnnotations,
} from '../../core/compare';
import type { Annotation } from '../../core/annotations/annotation-model';
import { useI18n, type MessageKey } from '../i18n';

/** One edition as the change list shows it. */
export interface ComparedSide extends SideAnnotations {
  readOnly: boolean;
  spans: ParagraphSpans;
  text: (paragraphId: string) => string | undefined;
}

export interface ComparedSides {
  old: ComparedSide;
  new: ComparedSide;
}

export function comparedSide(side: SideAnnotations, readOnly: boolean): ComparedSide {
  return { ...side, ...sideLookup(side), readOnly };
}

/** Characters of changed text shown per side before the rest is cut with "…". */
const SHOWN_CHANGED = 400;

/** Cuts the changed pieces after SHOWN_CHANGED characters in all; true when something was cut. */
function clip(pieces: readonly ShownPiece[]): { pieces: ShownPiece[]; cut: boolean } {
  let left = SHOWN_CHANGED;
  let cut = false;
  const kept: ShownPiece[] = [];
  for (const piece of pieces) {
    if (piece.role !== 'changed') {
      kept.push(piece);
      continue;
    }
    if (left <= 0) {
      cut = true;
      continue;
    }
    if (piece.text.length > left) cut = true;
    kept.push({ ...piece, text: piece.text.slice(0, left) });
    left -= piece.text.length;
  }
  return { pieces: kept, cut };
}

const LABELS: Record<Side, { note: MessageKey; highlight: MessageKey }> = {
  old: { note: 'compareOldNote', highlight: 'compareOldHighlight' },
  new: { note: 'compareNewNote', highlight: 'compareNewHighlight' },
};

function useAnnotationLabel(): (annotation: Annotation, side: Side, readOnly: boolean) => string {
  const { t } = useI18n();
  return (annotation, side, readOnly) => {
    const note = annotation.note.trim();
    const label =
      note === ''
        ? t(LABELS[side].highlight, { quote: annotationQuote(annotation) })
        : t(LABELS[side].note, { note });
    return readOnly ? `${label}\n${t('compareReadOnly')}` : label;
  };
}

/** `inner` in a <mark> per annotation of one side, the first outermost. */
function useMarks(): (
  inner: ReactNode,
  annotations: readonly Annotation[],
  side: Side,
  sides: ComparedSides,
) => ReactNode {
  const label = useAnnotationLabel();
  return (inner, annotations, side, sides) =>
    annotations.reduceRight<ReactNode>(
      (wrapped, annotation) => (
        <mark
          className="compare-anno"
          data-color={annotation.color}
          data-side={side}
          title={label(annotation, side, sides[side].readOnly)}
        >
          {wrapped}
        </mark>
      ),
      inner,
    );
}

/** A piece of one side's text, each highlighted run in a <mark> per annotation covering it. */
function Painted({ piece, side, sides }: { piece: ShownPiece; side: Side; sides: ComparedSides }) {
  const marks = useMarks();
  return (
    <>
      {highlightRuns(piece, sides[side].spans).map((run, i) => (
        <Fragment key={i}>{marks(run.text, run.annotations, side, sides)}</Fragment>
      ))}
    </>
  );
}

/**
 * Context both editions show alike (the inline view's unchanged text), painted with both
 * reports' highlights: the old report's marks outside, the new one's inside. When the two
 * sides' context differs (another change close by), only the new side's is painted.
 */
function PaintedShared({
  oldPiece,
  newPiece,
  sides,
}: {
  oldPiece: ShownPiece;
  newPiece: ShownPiece;
  sides: ComparedSides;
}) {
  const marks = useMarks();
  const runs = sharedRuns(oldPiece, sides.old.spans, newPiece, sides.new.spans);
  if (!runs) return <Painted piece={newPiece} side="new" sides={sides} />;
  return (
    <>
      {runs.map((run, i) => (
        <Fragment key={i}>
          {marks(marks(run.text, run.new, 'new', sides), run.old, 'old', sides)}
        </Fragment>
      ))}
    </>
  );
}

/** One side's pieces; the changed ones struck through (old) or underlined (new). */
function SideText({
  pieces,
  side,
  sides,
  only,
}: {
  pieces: readonly ShownPiece[];
  side: Side;
  sides: ComparedSides;
  /** Show only these roles (the inline view takes the context from one side). */
  only?: readonly ShownPiece['role'][];
}) {
  const Changed = side === 'old' ? 'del' : 'ins';
  // An empty changed piece (the removed side of an insertion) draws no empty <del>/<ins>.
  const shown = (only ? pieces.filter((p) => only.includes(p.role)) : pieces).filter(
    (p) => p.role !== 'changed' || p.text !== '',
  );
  const changed = shown.filter((p) => p.role === 'changed');
  return (
    <>
      {shown.map((piece, i) =>
        piece.role === 'changed' ? (
          <Changed key={i}>
            <Painted piece={piece} side={side} sides={sides} />
            {/* Whole paragraphs read as one run of text, as they were joined before. */}
            {piece !== changed.at(-1) ? '\n' : null}
          </Changed>
        ) : (
          <Painted key={i} piece={piece} side={side} sides={sides} />
        ),
      )}
    </>
  );
}

export function ChangeText({
  change,
  view,
  sides,
}: {
  change: Change;
  view: 'inline' | 'side';
  sides: ComparedSides;
}) {
  const old = clip(shownPieces(change, 'old', sides.old.text));
  const next = clip(shownPieces(change, 'new', sides.new.text));
  const more = (cut: boolean) => (cut ? '…' : null);
  if (view === 'side') {
    return (
      <div className="compare-sides">
        <p className="compare-old">
          <SideText pieces={old.pieces} side="old" sides={sides} />
          {more(old.cut)}
        </p>
        <p className="compare-new">
          <SideText pieces={next.pieces} side="new" sides={sides} />
          {more(next.cut)}
        </p>
      </div>
    );
  }
  // Inline: the context once, with both reports' highlights where both sides show it alike
  // (else the new side's, when there is one, as the change's before/after).
  const context = (role: 'before' | 'after') => {
    const oldPiece = old.pieces.find((p) => p.role === role);
    const newPiece = next.pieces.find((p) => p.role === role);
    if (oldPiece && newPiece) {
      return <PaintedShared oldPiece={oldPiece} newPiece={newPiece} sides={sides} />;
    }
    const [side, pieces] = newPiece
      ? (['new', next.pieces] as const)
      : (['old', old.pieces] as const);
    return <SideText pieces={pieces} side={side} sides={sides} only={[role]} />;
  };
  return (
    <p className="compare-text">
      {context('before')}
      <SideText pieces={old.pieces} side="old" sides={sides} only={['changed']} />
      {more(old.cut)}
      <SideText pieces={next.pieces} side="new" sides={sides} only={['changed']} />
      {more(next.cut)}
      {context('after')}
    </p>
  );
}

/**
 * A line for each annotation the change's old or new text touches; one of the open report's
 * (not read-only) has a button that opens it in the annotation editor.
 */
export function ChangeNotes({
  change,
  sides,
  onOpen,
}: {
  change: Change;
  sides: ComparedSides;
  onOpen?: (annotation: Annotation) => void;
}) {
  const { t } = useI18n();
  const label = useAnnotationLabel();
  const touched = (['old', 'new'] as const).flatMap((side) =>
    changeAnnotations(change, side, sides[side].spans, sides[side].text).map((annotation) => ({
      side,
      annotation,
    })),
  );
  if (touched.length === 0) return null;
  return (
    <div className="compare-notes">
      {touched.map(({ side, annotation }) => (
        <p
          key={`${side}-${annotation.id}`}
          className={`compare-note note-${side}`}
          data-color={annotation.color}
          title={sides[side].readOnly ? t('compareReadOnly') : undefined}
        >
          <span className="compare-note-swatch" aria-hidden="true" />
          {label(annotation, side, false)}
          {annotation.note.trim() !== '' ? (
            <span className="compare-note-on">
              {t('compareNoteOn', { quote: annotationQuote(annotation) })}
            </span>
          ) : null}
          {onOpen && !sides[side].readOnly ? (
            <button
              type="button"
              className="compare-note-edit"
              aria-label={t('compareEditNote', { quote: annotationQuote(annotation) })}
              onClick={() => onOpen(annotation)}
            >
              {t('editAnnotation')}
            </button>
          ) : null}
        </p>
      ))}
    </div>
  );
}
