/** The 批注 panel as the shell shows it: the sidebar with the editor of the chosen annotation. */
import { citeAnnotation } from '../../core/annotations/citation';
import { useReader } from '../shell/reader-context';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationsSidebar } from './AnnotationsSidebar';
import { downloadText } from './download-text';
import { UnreadableAnnotations } from './UnreadableAnnotations';
import { useI18n } from '../i18n';

export function AnnotationsPanel() {
  const { doc, notes, goTo, reportId } = useReader();
  const { t } = useI18n();
  const editing = notes.api.annotations.find((a) => a.id === notes.selectedId) ?? null;
  return (
    <AnnotationsSidebar
      doc={doc}
      anchored={notes.api.anchored}
      selectedId={notes.selectedId}
      onOpen={(a) => {
        notes.open(a);
        const placed = notes.api.anchored.find((r) => r.annotation.id === a.id);
        if (placed?.start) goTo({ paragraphId: placed.start.paragraphId });
      }}
      onExportMarkdown={notes.exportMarkdownFile}
      onExportJson={notes.exportJsonFile}
      onImport={(file) => void notes.importFile(file)}
      editor={
        editing ? (
          <AnnotationEditor
            key={editing.id}
            annotation={editing}
            citation={citeAnnotation(doc, editing.target)}
            focusNote={notes.focusNote}
            onSave={(patch) => notes.api.update(editing.id, patch)}
            onDelete={() => void notes.deleteSelected()}
            onClose={notes.close}
          />
        ) : null
      }
      footer={
        notes.api.unreadable.length > 0 ? (
          <div className="unreadable-block">
            <UnreadableAnnotations
              records={notes.api.unreadable}
              labels={{
                title: t('unreadableTitle'),
                explanation: t('unreadableExplanation'),
                reason: t('unreadableReason'),
                raw: t('unreadableRaw'),
              }}
            />
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `${reportId}-unreadable.json`,
                  JSON.stringify(notes.api.unreadable, null, 2),
                  'application/json',
                )
              }
            >
              {t('unreadableExport')}
            </button>
          </div>
        ) : null
      }
    />
  );
}
