/**
 * The reading screen's frame: toolbar on top, the contents on the left, the reading pane in the
 * middle and, on the right, every registered panel that is open — each side with its resizer
 * and remembered width. It knows panels only through the registry.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { PanelResizer } from '../components/PanelResizer';
import { PANELS, panelIsOpen } from './panel-registry';
import { useReader } from './reader-context';
import './layout.css';

export function ReaderLayout({
  toolbar,
  contents,
  main,
  overlays,
}: {
  toolbar: ReactNode;
  contents: ReactNode;
  main: ReactNode;
  overlays: ReactNode;
}) {
  const { t } = useI18n();
  const reader = useReader();
  const { settings, updateSettings } = reader;
  // Widths follow the pointer while dragging and are saved when it is released.
  const [preview, setPreview] = useState<{ contents?: number; sidebar?: number }>({});
  const contentsWidth = preview.contents ?? settings.contentsWidth;
  const sidebarWidth = preview.sidebar ?? settings.sidebarWidth;
  const right = PANELS.filter((panel) => panel.side === 'right' && panelIsOpen(panel, reader));
  const showRight = right.length > 0;
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
      {toolbar}
      {settings.showContents ? (
        <nav className="contents-pane" aria-label={t('contents')}>
          {contents}
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
      {main}
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
          {right.map((panel) => (
            <panel.Component key={panel.id} />
          ))}
        </div>
      ) : null}
      {overlays}
    </div>
  );
}
