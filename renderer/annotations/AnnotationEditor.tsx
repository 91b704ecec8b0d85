/**
 * Edits one annotation: its colour, note and tags, or deletes it. Changes are saved by the
 * host before "已保存" shows; a note longer than the limit is refused here with the reason.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  HIGHLIGHT_COLORS,
  NOTE_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_MAX_COUNT,
  type Annotation,
} from '../../core/annotations/annotation-model';
import { useI18n } from '../i18n';
import { COLOR_LABELS } from './colors';
import type { AnnotationPatch } from './useAnnotations';

export function AnnotationEditor({
  annotation,
  citation,
  focusNote,
  onSave,
  onDelete,
  onClose,
}: {
  annotation: Annotation;
  citation: string;
  focusNote: boolean;
  onSave: (patch: AnnotationPatch) => Promise<boolean>;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags);
  const [tagDraft, setTagDraft] = useState('');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const dirty = note !== annotation.note || tags.join('\n') !== annotation.tags.join('\n');

  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
  }, [focusNote]);

  const save = async (patch: AnnotationPatch) => {
    setStatus('saving');
    const ok = await onSave(patch);
    setStatus(ok ? 'saved' : 'failed');
  };

  const saveText = () => {
    if (note.length > NOTE_MAX_LENGTH) {
      setProblem(t('noteTooLong', { max: NOTE_MAX_LENGTH }));
      return;
    }
    setProblem(null);
    void save({ note, tags });
  };

  const addTag = () => {
    const tag = tagDraft.trim();
    if (!tag) return;
    if (tag.length > TAG_MAX_LENGTH) return setProblem(t('tagTooLong', { max: TAG_MAX_LENGTH }));
    if (tags.length >= TAGS_MAX_COUNT) return setProblem(t('tooManyTags', { max: TAGS_MAX_COUNT }));
    setProblem(null);
    if (!tags.includes(tag)) setTags([...tags, tag]);
    setTagDraft('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      saveText();
    }
  };

  return (
    <section
      className="annotation-editor"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2 id={titleId}>
          {annotation.kind === 'bookmark' ? t('editBookmark') : t('editAnnotation')}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('close')} title={t('close')}>
          ✕
        </button>
      </header>
      <blockquote className={`editor-quote color-${annotation.color}`}>
        {annotation.target.quote.exact}
      </blockquote>
      <p className="editor-citation">{citation}</p>
      {annotation.kind === 'highlight' ? (
        <div className="editor-colors" role="radiogroup" aria-label={t('color')}>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={annotation.color === color}
              className={`swatch swatch-${color}`}
              aria-label={t(COLOR_LABELS[color])}
              title={t(COLOR_LABELS[color])}
              onClick={() => void save({ color })}
            />
          ))}
        </div>
      ) : null}
      <label className="editor-field">
        <span>{t('note')}</span>
        <textarea
          ref={noteRef}
          value={note}
          rows={5}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('notePlaceholder')}
        />
        <span className={`editor-count${note.length > NOTE_MAX_LENGTH ? ' over' : ''}`}>
          {note.length} / {NOTE_MAX_LENGTH}
        </span>
      </label>
      <div className="editor-field">
        <label htmlFor={`${titleId}-tag`}>{t('tags')}</label>
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                aria-label={t('removeTag', { tag })}
                onClick={() => setTags(tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={`${titleId}-tag`}
          value={tagDraft}
          placeholder={t('tagPlaceholder')}
          onChange={(e) => setTagDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
              e.preventDefault();
              addTag();
            }
          }}
          onBlur={addTag}
        />
      </div>
      {problem ? (
        <p className="editor-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <footer>
        <button
          type="button"
          className="primary"
          onClick={saveText}
          disabled={!dirty && status !== 'failed'}
        >
          {t('save')}
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          {t('delete')}
        </button>
        <span className="editor-status" role="status">
          {status === 'saving'
            ? t('saving')
            : status === 'saved' && !dirty
              ? t('saved')
              : status === 'failed'
                ? t('saveFailed')
                : dirty
                  ? t('unsaved')
                  : ''}
        </span>
      </footer>
    </section>
  );
}
