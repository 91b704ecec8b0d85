/**
 * The reading screen: toolbar, contents tree, reading pane, search results and the annotations
 * sidebar for one report. Owns where the reader is (current section, saved position) and runs
 * the app's commands (shortcuts and menus); search and annotations bring their own hooks.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReportSummary } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import { citeAnnotation } from '../../core/annotations/citation';
import { noteSearchUnits } from '../../core/annotations/note-search-units';
import { sectionWithDescendants } from '../../core/print/print-selection';
import type { ReportDocument, Section } from '../../core/report/report-model';
import {
  FONT_SIZE_DEFAULT,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  type Settings,
  type SettingsPatch,
} from '../../core/settings';
import { AnnotationEditor } from '../annotations/AnnotationEditor';
import { AnnotationsSidebar } from '../annotations/AnnotationsSidebar';
import {
  readSelection,
  SelectionToolbar,
  useSelectionKeys,
  useTextSelection,
  type Selected,
} from '../annotations/SelectionToolbar';
import { isTyping } from '../commands/keymap';
import { useCommands } from '../commands/useCommands';
import { UndoToast } from '../annotations/UndoToast';
import { useAnnotationHighlights } from '../annotations/useAnnotationHighlights';
import { useAnnotationUi } from '../annotations/useAnnotationUi';
import { useCurrentSection } from '../hooks/useCurrentSection';
import { useReadingPosition } from '../hooks/useReadingPosition';
import { useI18n } from '../i18n';
import { PrintDialog } from '../print/PrintDialog';
import { SearchBox } from '../search/SearchBox';
import { SearchResultsPanel } from '../search/SearchResultsPanel';
import { useSearchSession } from '../search/useSearchSession';
import { AboutDialog } from './AboutDialog';
import { ContentsTree } from './ContentsTree';
import { PanelResizer } from './PanelResizer';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ReportView, sectionElementId } from './ReportView';
import { Toolbar } from './Toolbar';

const FONT_STEP = 2;

export function ReaderScreen({
  reportId,
  doc,
  settings,
  updateSettings,
  reports,
  onChooseReport,
  onError,
  onNotice,
}: {
  reportId: string;
  doc: ReportDocument;
  settings: Settings;
  updateSettings: (patch: SettingsPatch) => void;
  reports: ReportSummary[];
  onChooseReport: () => void;
  onError: (error: ApiError) => void;
  onNotice: (notice: { message: string; messageEn: string }) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLElement>(null);
  const { currentId, setCurrentId } = useCurrentSection(scroller, doc);
  useReadingPosition(scroller, reportId, settings.positions[reportId], updateSettings);
  const notes = useAnnotationUi(reportId, doc, onError, onNotice);
  const noteUnits = useMemo(
    () => noteSearchUnits(doc, notes.api.anchored),
    [doc, notes.api.anchored],
  );
  const { open: openAnnotation, api: annotationsApi } = notes;
  const search = useSearchSession(
    doc,
    scroller,
    noteUnits,
    useCallback(
      (id: string) => {
        const annotation = annotationsApi.annotations.find((a) => a.id === id);
        if (annotation) openAnnotation(annotation);
      },
      [annotationsApi.annotations, openAnnotation],
    ),
  );
  const searchBox = useRef<HTMLInputElement>(null);
  const { step: stepSearch } = search;
  useAnnotationHighlights(scroller, doc, notes.api.anchored, notes.selectedId);
  const selected = useTextSelection(scroller);
  const { highlight, addNote, lastColor } = notes;
  useSelectionKeys(
    scroller,
    useCallback((sel) => void highlight(sel, lastColor), [highlight, lastColor]),
    useCallback((sel) => void addNote(sel), [addNote]),
  );
  // The print dialog, open with what it starts with chosen: a section and its subsections.
  const [printing, setPrinting] = useState<string[] | null>(null);
  const openPrint = useCallback(
    (sectionId: string | null) => {
      const section = doc.flatSections.find((s) => s.id === sectionId) ?? doc.flatSections[0];
      setPrinting(section ? sectionWithDescendants(section) : []);
    },
    [doc],
  );

  const goTo = useCallback(
    (section: Section) => {
      const el = document.getElementById(sectionElementId(section.id));
      if (!el) return;
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
      setCurrentId(section.id);
    },
    [setCurrentId],
  );

  const index = useMemo(
    () => doc.flatSections.findIndex((s) => s.id === currentId),
    [doc, currentId],
  );
  const prev = index > 0 ? doc.flatSections[index - 1] : undefined;
  const next = doc.flatSections[index + 1];

  const setFontSize = useCallback(
    (size: number) => {
      const clamped = Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, size));
      if (clamped !== settings.fontSize) updateSettings({ fontSize: clamped });
    },
    [settings.fontSize, updateSettings],
  );

  const [dialog, setDialog] = useState<'about' | 'shortcuts' | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  // Panel widths follow the pointer while dragging and are saved when it is released.
  const [preview, setPreview] = useState<{ contents?: number; sidebar?: number }>({});
  const contentsWidth = preview.contents ?? settings.contentsWidth;
  const sidebarWidth = preview.sidebar ?? settings.sidebarWidth;

  const onSelection = (action: (sel: Selected) => void) => {
    const sel = readSelection(scroller.current);
    if (sel) action(sel);
  };

  // Every command, from the keyboard or (in Electron) the menus, runs here.
  useCommands({
    find: () => {
      searchBox.current?.focus();
      searchBox.current?.select();
    },
    findNext: () => stepSearch(1),
    findPrevious: () => stepSearch(-1),
    searchSelection: () => {
      const text = document.getSelection()?.toString().trim();
      if (text) search.setQuery(text.slice(0, 200));
    },
    print: () => openPrint(currentId),
    exportAnnotationsMarkdown: notes.exportMarkdownFile,
    exportAnnotationsJson: notes.exportJsonFile,
    importAnnotations: () => importInput.current?.click(),
    copyCitation: () => onSelection((sel) => void notes.copyCitation(sel)),
    highlightSelection: () => onSelection((sel) => void highlight(sel, lastColor)),
    addNote: () => onSelection((sel) => void addNote(sel)),
    // From the menu, Ctrl+Z while typing in a field is the field's own undo.
    undo: () =>
      isTyping(document.activeElement) ? document.execCommand('undo') : void notes.api.undo(),
    redo: () =>
      isTyping(document.activeElement) ? document.execCommand('redo') : void notes.api.redo(),
    zoomIn: () => setFontSize(settings.fontSize + FONT_STEP),
    zoomOut: () => setFontSize(settings.fontSize - FONT_STEP),
    zoomReset: () => setFontSize(FONT_SIZE_DEFAULT),
    themeSystem: () => updateSettings({ theme: 'system' }),
    themeLight: () => updateSettings({ theme: 'light' }),
    themeDark: () => updateSettings({ theme: 'dark' }),
    themeSepia: () => updateSettings({ theme: 'sepia' }),
    languageZh: () => updateSettings({ language: 'zh-CN' }),
    languageEn: () => updateSettings({ language: 'en' }),
    toggleContents: () => updateSettings({ showContents: !settings.showContents }),
    toggleAnnotations: () => notes.setSidebarOpen(!notes.sidebarOpen),
    previousSection: () => prev && goTo(prev),
    nextSection: () => next && goTo(next),
    about: () => setDialog('about'),
    shortcuts: () => setDialog('shortcuts'),
  });

  const editing = notes.api.annotations.find((a) => a.id === notes.selectedId) ?? null;
  const showRight = search.results !== null || notes.sidebarOpen;
  const title = doc.title ?? t('reportTitleFallback');
  return (
    <div
      className={`reader-screen${showRight ? ' with-right' : ''}${settings.showContents ? '' : ' no-contents'}`}
      style={
        {
          '--contents-width': `${contentsWidth}px`,
          '--sidebar-width': `${sidebarWidth}px`,
        } as React.CSSProperties
      }
    >
      <Toolbar
        settings={settings}
        updateSettings={updateSettings}
        onPrev={prev ? () => goTo(prev) : undefined}
        onNext={next ? () => goTo(next) : undefined}
        onFontSize={setFontSize}
        reportCount={reports.length}
        onChooseReport={onChooseReport}
        searchBox={<SearchBox ref={searchBox} session={search} />}
        annotationCount={notes.api.annotations.length}
        annotationsOpen={notes.sidebarOpen}
        onToggleAnnotations={() => notes.setSidebarOpen(!notes.sidebarOpen)}
        onPrint={() => openPrint(currentId)}
        onToggleContents={() => updateSettings({ showContents: !settings.showContents })}
        onAbout={() => setDialog('about')}
        onShortcuts={() => setDialog('shortcuts')}
      />
      {settings.showContents ? (
        <nav className="contents-pane" aria-label={t('contents')}>
          <ContentsTree
            sections={doc.sections}
            currentId={currentId}
            onActivate={goTo}
            counts={notes.countsBySection}
          />
          <PanelResizer
            label={t('resizeContents')}
            width={contentsWidth}
            side="left"
            onPreview={(w) => setPreview((p) => ({ ...p, contents: w }))}
            onCommit={(w) => {
              setPreview((p) => ({ ...p, contents: undefined }));
              updateSettings({ contentsWidth: w });
            }}
          />
        </nav>
      ) : null}
      <main
        ref={scroller}
        className="reading-pane"
        aria-label={title}
        tabIndex={-1}
        style={
          {
            '--reader-font-size': `${settings.fontSize}px`,
            '--reader-line-height': settings.lineHeight,
          } as React.CSSProperties
        }
        onClick={(e) => notes.onPaneClick(e.clientX, e.clientY)}
      >
        <ReportView
          doc={doc}
          bookmarkedSections={notes.bookmarkedSections}
          onToggleBookmark={(id) => void notes.toggleBookmark(id)}
          onPrintSection={openPrint}
        />
      </main>
      {showRight ? (
        <div className="right-pane">
          <PanelResizer
            label={t('resizeSidebar')}
            width={sidebarWidth}
            side="right"
            onPreview={(w) => setPreview((p) => ({ ...p, sidebar: w }))}
            onCommit={(w) => {
              setPreview((p) => ({ ...p, sidebar: undefined }));
              updateSettings({ sidebarWidth: w });
            }}
          />
          <SearchResultsPanel session={search} />
          {notes.sidebarOpen ? (
            <AnnotationsSidebar
              doc={doc}
              anchored={notes.api.anchored}
              selectedId={notes.selectedId}
              onOpen={(a) => {
                notes.open(a);
                revealAnnotation(a.id);
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
            />
          ) : null}
        </div>
      ) : null}
      {selected ? (
        <SelectionToolbar
          selected={selected}
          lastColor={notes.lastColor}
          onHighlight={(color) => void notes.highlight(liveSelection(), color)}
          onNote={() => void notes.addNote(liveSelection())}
          onCopyCitation={() => void notes.copyCitation(liveSelection())}
        />
      ) : null}
      {printing ? (
        <PrintDialog
          reportId={reportId}
          doc={doc}
          initialIds={printing}
          onClose={() => setPrinting(null)}
        />
      ) : null}
      {dialog === 'about' ? <AboutDialog doc={doc} onClose={() => setDialog(null)} /> : null}
      {dialog === 'shortcuts' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      <input
        ref={importInput}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void notes.importFile(file);
          e.target.value = '';
        }}
      />
      {notes.toast ? (
        <UndoToast key={notes.toast.id} toast={notes.toast} onDismiss={notes.dismissToast} />
      ) : null}
    </div>
  );

  function liveSelection() {
    return readSelection(scroller.current) ?? selected!;
  }

  function revealAnnotation(id: string) {
    const result = notes.api.anchored.find((r) => r.annotation.id === id);
    const pane = scroller.current;
    if (!result?.start || !pane) return;
    const el = pane.querySelector<HTMLElement>(
      `[data-pid="${CSS.escape(result.start.paragraphId)}"]`,
    );
    if (!el) return;
    pane.scrollTop +=
      el.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 4;
  }
}
