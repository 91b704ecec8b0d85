/**
 * The reading screen, composed: the features' hooks, the reader context they share, the
 * commands they answer, and the layout that places the registered panels. Features live in their
 * own folders; this file only connects them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportSummary } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import type { Command } from '../../core/commands';
import { noteSearchUnits } from '../../core/annotations/note-search-units';
import { sectionWithDescendants } from '../../core/print/print-selection';
import type { ReportDocument } from '../../core/report/report-model';
import type { ReportSource } from '../../core/report/report-source';
import {
  FONT_SIZE_DEFAULT,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  type Settings,
  type SettingsPatch,
} from '../../core/settings';
import {
  readSelection,
  SelectionToolbar,
  useSelectionKeys,
  useTextSelection,
  type Selected,
} from '../annotations/SelectionToolbar';
import { UndoToast } from '../annotations/UndoToast';
import { useAnnotationHighlights } from '../annotations/useAnnotationHighlights';
import { useAnnotationUi } from '../annotations/useAnnotationUi';
import { isTyping } from '../commands/keymap';
import { useCommands, type CommandHandlers } from '../commands/useCommands';
import { useCurrentSection } from '../hooks/useCurrentSection';
import { useReadingPosition } from '../hooks/useReadingPosition';
import { PrintDialog } from '../print/PrintDialog';
import { SearchBox } from '../search/SearchBox';
import { useSearchSession } from '../search/useSearchSession';
import { goToInPane } from '../shell/go-to';
import { PANELS, panelIsOpen, setPanelOpen } from '../shell/panel-registry';
import { ReaderContext, type GoToTarget, type ReaderState } from '../shell/reader-context';
import { ReaderLayout } from '../shell/ReaderLayout';
import { usePanelState } from '../shell/usePanelState';
import { CompareDialog } from '../compare/CompareDialog';
import { changeTarget } from '../compare/compare-navigation';
import { useComparison } from '../compare/useComparison';
import { AboutDialog } from './AboutDialog';
import { ContentsTree } from './ContentsTree';
import { ReportView } from './ReportView';
import { readingLayoutModel } from '../reader/reading-blocks';
import { VirtualReport, type VirtualReportHandle } from '../reader/VirtualReport';
import { LARGE_REPORT_CHARS } from '../reader/large-report';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toolbar } from './Toolbar';

const FONT_STEP = 2;

export interface ReaderScreenProps {
  reportId: string;
  source: ReportSource;
  doc: ReportDocument;
  settings: Settings;
  updateSettings: (patch: SettingsPatch) => void;
  reports: ReportSummary[];
  /** Where to go once the report is on screen (a library search result). */
  initialTarget?: GoToTarget;
  /** Commands that leave this report: the library, importing, opening another report. */
  onAppCommand: (command: 'showLibrary' | 'importReport' | 'findInLibrary') => void;
  openReport: (reportId: string, at?: GoToTarget) => void;
  onError: (error: ApiError) => void;
  onNotice: (notice: { message: string; messageEn: string }) => void;
}

export function ReaderScreen(props: ReaderScreenProps) {
  const { reportId, doc, settings, onError, onNotice, updateSettings: saveSettings } = props;
  const virtualView = useRef<VirtualReportHandle>(null);
  // A change of text size or spacing keeps the reader's place in a large report's view.
  const updateSettings = useCallback(
    (patch: SettingsPatch) => {
      if ('fontSize' in patch || 'lineHeight' in patch) virtualView.current?.keepPlace();
      saveSettings(patch);
    },
    [saveSettings],
  );
  const scroller = useRef<HTMLElement>(null);
  // A large report draws only the blocks near the screen; `drawn` counts redraws so what is
  // painted on the DOM (highlights, search hits) follows.
  const model = useMemo(() => readingLayoutModel(doc), [doc]);
  const virtual = model.totalChars > LARGE_REPORT_CHARS;
  const [drawn, setDrawn] = useState(0);
  const { currentId, setCurrentId } = useCurrentSection(scroller, doc, drawn);
  useReadingPosition(
    scroller,
    reportId,
    settings.positions[reportId],
    updateSettings,
    virtual
      ? (paragraphId) => virtualView.current?.reveal({ paragraphId }) ?? Promise.resolve()
      : undefined,
  );
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
    useMemo(
      () => ({
        drawn,
        ...(virtual
          ? {
              reveal: (paragraphId: string) =>
                virtualView.current?.reveal({ paragraphId }) ?? Promise.resolve(),
              // Indexed off the UI thread: the report is on screen and scrolls meanwhile.
              indexFrom: props.source,
            }
          : {}),
      }),
      [drawn, virtual, props.source],
    ),
  );
  const searchBox = useRef<HTMLInputElement>(null);
  useAnnotationHighlights(scroller, doc, notes.api.anchored, notes.selectedId, drawn);
  const selected = useTextSelection(scroller);
  const { highlight, addNote, lastColor } = notes;
  useSelectionKeys(
    scroller,
    useCallback((sel) => void highlight(sel, lastColor), [highlight, lastColor]),
    useCallback((sel) => void addNote(sel), [addNote]),
  );
  const panels = usePanelState();
  const compare = useComparison(props.source, onError);
  const [choosingComparison, setChoosingComparison] = useState(false);
  // The print dialog, open with what it starts with chosen: a section and its subsections.
  const [printing, setPrinting] = useState<string[] | null>(null);
  const openPrint = useCallback(
    (sectionId: string | null) => {
      const section = doc.flatSections.find((s) => s.id === sectionId) ?? doc.flatSections[0];
      setPrinting(section ? sectionWithDescendants(section) : []);
    },
    [doc],
  );
  const [dialog, setDialog] = useState<'about' | 'shortcuts' | null>(null);
  const importInput = useRef<HTMLInputElement>(null);

  const goTo = useCallback(
    (target: GoToTarget) => {
      const go = () => {
        const section = goToInPane(scroller.current, target);
        if (section) setCurrentId(section);
      };
      const view = virtualView.current;
      if (view) void view.reveal(target).then(go);
      else go();
    },
    [setCurrentId],
  );

  const index = useMemo(
    () => doc.flatSections.findIndex((s) => s.id === currentId),
    [doc, currentId],
  );
  const prev = index > 0 ? doc.flatSections[index - 1] : undefined;
  const next = doc.flatSections[index + 1];

  const setFontSize = (size: number) => {
    const clamped = Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, size));
    if (clamped !== settings.fontSize) updateSettings({ fontSize: clamped });
  };
  const onSelection = (action: (sel: Selected) => void) => {
    const sel = readSelection(scroller.current);
    if (sel) action(sel);
  };

  const reader: ReaderState = {
    reportId,
    source: props.source,
    doc,
    reports: props.reports,
    settings,
    updateSettings,
    notify: onNotice,
    onError,
    goTo,
    scroller,
    currentSectionId: currentId,
    search,
    notes,
    compare,
    panels,
    openReport: props.openReport,
  };

  // Panels toggled by a command come from the registry.
  const panelHandlers: CommandHandlers = Object.fromEntries(
    PANELS.flatMap((panel) =>
      panel.command
        ? [[panel.command, () => setPanelOpen(panel, reader, !panelIsOpen(panel, reader))]]
        : [],
    ),
  );
  // Every command, from a toolbar button, the keyboard or (in Electron) the menus, runs here.
  const handlers: CommandHandlers = {
    ...panelHandlers,
    find: () => {
      searchBox.current?.focus();
      searchBox.current?.select();
    },
    findNext: () => search.step(1),
    findPrevious: () => search.step(-1),
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
    previousSection: () => prev && goTo({ sectionId: prev.id }),
    nextSection: () => next && goTo({ sectionId: next.id }),
    about: () => setDialog('about'),
    shortcuts: () => setDialog('shortcuts'),
    compare: () => setChoosingComparison(true),
    nextChange: () => stepChange(1),
    previousChange: () => stepChange(-1),
    showLibrary: () => props.onAppCommand('showLibrary'),
    importReport: () => props.onAppCommand('importReport'),
    findInLibrary: () => props.onAppCommand('findInLibrary'),
  };
  useCommands(handlers);

  // Opened at a place (a hit of 搜索全部报告): go there once the text is laid out.
  const initialTarget = useRef(props.initialTarget);
  useEffect(() => {
    const target = initialTarget.current;
    if (!target) return;
    const frame = requestAnimationFrame(() => goTo(target));
    return () => cancelAnimationFrame(frame);
  }, [goTo]);
  const run = (command: Command) => handlers[command]?.();

  return (
    <ReaderContext.Provider value={reader}>
      <ReaderLayout
        toolbar={
          <Toolbar
            run={run}
            searchBox={<SearchBox ref={searchBox} session={search} />}
            hasPrevious={prev !== undefined}
            hasNext={next !== undefined}
          />
        }
        contents={
          <ContentsTree
            sections={doc.sections}
            currentId={currentId}
            onActivate={(section) => goTo({ sectionId: section.id })}
            counts={notes.countsBySection}
          />
        }
        main={
          <main
            ref={scroller}
            className="reading-pane"
            aria-label={doc.title ?? reportId}
            tabIndex={-1}
            style={
              {
                '--reader-font-size': `${settings.fontSize}px`,
                '--reader-line-height': settings.lineHeight,
              } as React.CSSProperties
            }
            onClick={(e) => notes.onPaneClick(e.clientX, e.clientY)}
          >
            {virtual ? (
              <VirtualReport
                ref={virtualView}
                doc={doc}
                model={model}
                scroller={scroller}
                fontSize={settings.fontSize}
                lineHeight={settings.lineHeight}
                onDrawn={setDrawn}
                actions={{
                  bookmarkedSections: notes.bookmarkedSections,
                  onToggleBookmark: (id) => void notes.toggleBookmark(id),
                  onPrintSection: openPrint,
                }}
              />
            ) : (
              <ReportView
                doc={doc}
                bookmarkedSections={notes.bookmarkedSections}
                onToggleBookmark={(id) => void notes.toggleBookmark(id)}
                onPrintSection={openPrint}
              />
            )}
          </main>
        }
        overlays={
          <>
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
            {choosingComparison ? (
              <CompareDialog
                reports={props.reports}
                openId={reportId}
                onClose={() => setChoosingComparison(false)}
                onStart={(other, openIsNew) => {
                  setChoosingComparison(false);
                  void compare.start({ id: other.id, title: other.title }, openIsNew);
                }}
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
          </>
        }
      />
    </ReaderContext.Provider>
  );

  function stepChange(direction: 1 | -1) {
    const index = compare.step(direction);
    const comparison = compare.computation.status === 'done' ? compare.computation.result : null;
    const change = index === null ? undefined : comparison?.changes[index];
    const target = change ? changeTarget(change, compare.openIsNew) : null;
    if (target) goTo(target);
  }

  function liveSelection() {
    return readSelection(scroller.current) ?? selected!;
  }
}
