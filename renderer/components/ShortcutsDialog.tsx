/** 快捷键: every keyboard shortcut of the reader, read from the command table. */
import {
  chordText,
  COMMAND_TABLE,
  COMMANDS,
  CONTEXT_SHORTCUTS,
  type CommandSpec,
} from '../../core/commands';
import { useI18n, type MessageKey } from '../i18n';
import { ModalDialog } from './ModalDialog';

/** Rows of the dialog: commands with keys, then keys that act on what has focus. */
export function shortcutRows(): { keys: string; label: MessageKey }[] {
  const rows = COMMANDS.flatMap((command) => {
    const spec: CommandSpec = COMMAND_TABLE[command];
    if (!spec.keys?.length || spec.inShortcuts === false) return [];
    return [{ keys: spec.keys.map((chord) => chordText(chord)).join(' / '), label: spec.label }];
  });
  return [...rows, ...CONTEXT_SHORTCUTS];
}

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
          {shortcutRows().map(({ keys, label }) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
