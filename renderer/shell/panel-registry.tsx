/**
 * Every panel of the reading screen, declared once as data (in the manner of VS Code's view
 * registry): its name, where it lives, the command and toolbar button that toggle it, what its
 * badge counts, and when it shows. The layout and the toolbar compose whatever is listed here;
 * adding a panel means adding an entry (and its component), nothing else.
 */
import type { ComponentType } from 'react';
import type { Command } from '../../core/commands';
import type { SettingsPatch } from '../../core/settings';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { FiguresPanel } from '../figures/FiguresPanel';
import { ComparePanel } from '../compare/ComparePanel';
import type { MessageKey } from '../i18n';
import { SearchResultsPanel } from '../search/SearchResultsPanel';
import type { IconName } from './Icon';
import { useReader, type ReaderState } from './reader-context';

export interface PanelSpec {
  id: string;
  /** The toolbar button's and the region's accessible name. */
  label: MessageKey;
  side: 'left' | 'right';
  /** The command that toggles it (menu item and shortcut come from the command table). */
  command?: Command;
  /** A toggle button in the toolbar. */
  toolbar?: { icon: IconName };
  /** Which remembered width it uses. */
  width: keyof Pick<SettingsPatch, 'contentsWidth' | 'sidebarWidth'>;
  /** Open state owned by the feature itself; otherwise the shell keeps it. */
  isOpen?: (reader: ReaderState) => boolean;
  setOpen?: (reader: ReaderState, open: boolean) => void;
  /** A number shown on the toolbar button. */
  badge?: (reader: ReaderState) => number;
  Component: ComponentType;
}

export const PANELS: readonly PanelSpec[] = [
  {
    id: 'search',
    label: 'searchResults',
    side: 'right',
    width: 'sidebarWidth',
    // Shown while a search has results; closing the search closes it.
    isOpen: (r) => r.search.results !== null || r.search.preparing !== null,
    setOpen: (r, open) => {
      if (!open) r.search.close();
    },
    Component: SearchPanel,
  },
  {
    id: 'annotations',
    label: 'annotations',
    side: 'right',
    command: 'toggleAnnotations',
    toolbar: { icon: 'notes' },
    width: 'sidebarWidth',
    isOpen: (r) => r.notes.sidebarOpen,
    setOpen: (r, open) => r.notes.setSidebarOpen(open),
    badge: (r) => r.notes.api.annotations.length,
    Component: AnnotationsPanel,
  },
  {
    id: 'figures',
    label: 'figures',
    side: 'right',
    command: 'toggleFigures',
    toolbar: { icon: 'figures' },
    width: 'sidebarWidth',
    Component: FiguresPanel,
  },
  {
    id: 'compare',
    label: 'compareResults',
    side: 'right',
    width: 'sidebarWidth',
    // Shown while a comparison is open; the 对照 button starts one (choosing the other report).
    isOpen: (r) => r.compare.other !== null,
    setOpen: (r, open) => {
      if (!open) r.compare.close();
    },
    Component: ComparePanel,
  },
];

function SearchPanel() {
  return <SearchResultsPanel session={useReader().search} />;
}

export function panelIsOpen(panel: PanelSpec, reader: ReaderState): boolean {
  return panel.isOpen ? panel.isOpen(reader) : reader.panels.isOpen(panel.id);
}

export function setPanelOpen(panel: PanelSpec, reader: ReaderState, open: boolean): void {
  if (panel.setOpen) panel.setOpen(reader, open);
  else reader.panels.setOpen(panel.id, open);
}

/** The panel a command toggles, if any. */
export function panelForCommand(command: Command): PanelSpec | undefined {
  return PANELS.find((panel) => panel.command === command);
}
