/** 快捷键: every keyboard shortcut of the reader, in one table. */
import { useI18n, type MessageKey } from '../i18n';
import { ModalDialog } from './ModalDialog';

const SHORTCUTS: readonly [string, MessageKey][] = [
  ['Ctrl+F', 'scFind'],
  ['Enter / F3', 'scFindNext'],
  ['Shift+Enter / Shift+F3', 'scFindPrevious'],
  ['Esc', 'scCloseSearch'],
  ['Ctrl+P', 'scPrint'],
  ['Ctrl+= / Ctrl+- / Ctrl+0', 'scZoom'],
  ['Alt+↓ / Alt+↑', 'scSections'],
  ['↑ ↓ Home End → ←  Enter', 'scTree'],
  ['H', 'scHighlight'],
  ['N', 'scNote'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'scUndo'],
  ['Ctrl+Enter', 'scSaveNote'],
  ['F1', 'scShortcuts'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ModalDialog title={t('shortcutsTitle')} className="shortcuts-dialog" onClose={onClose}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('scKeys')}</th>
            <th scope="col">{t('scAction')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
