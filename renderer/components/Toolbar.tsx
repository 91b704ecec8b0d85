/**
 * The toolbar. Its buttons run commands from the command table (so a button, its menu item and
 * its shortcut do the same thing) and the panel toggles come from the panel registry.
 */
import type { ReactNode } from 'react';
import { ariaKeys, type Command } from '../../core/commands';
import { LANGUAGES, LINE_HEIGHTS, THEMES, type Language, type Theme } from '../../core/settings';
import { LANGUAGE_NAMES, useI18n, type MessageKey } from '../i18n';
import { Icon, type IconName } from '../shell/Icon';
import { PANELS, panelIsOpen } from '../shell/panel-registry';
import { useReader } from '../shell/reader-context';

const LINE_HEIGHT_LABELS: readonly MessageKey[] = [
  'lineHeightCompact',
  'lineHeightNormal',
  'lineHeightLoose',
];

const THEME_LABELS: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
  sepia: 'themeSepia',
};

/** A button that runs a command, with its shortcut announced. */
function CommandButton({
  command,
  run,
  icon,
  label,
  title,
  pressed,
  disabled,
  children,
}: {
  command: Command;
  run: (command: Command) => void;
  icon?: IconName;
  label: string;
  title?: string;
  pressed?: boolean;
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={() => run(command)}
      aria-keyshortcuts={ariaKeys(command)}
      aria-pressed={pressed}
      disabled={disabled}
      title={title ?? label}
    >
      {icon ? <Icon name={icon} /> : null} {label}
      {children}
    </button>
  );
}

export function Toolbar({
  run,
  searchBox,
  hasPrevious,
  hasNext,
}: {
  run: (command: Command) => void;
  searchBox: ReactNode;
  hasPrevious: boolean;
  hasNext: boolean;
}) {
  const { t } = useI18n();
  const reader = useReader();
  const { settings, updateSettings } = reader;
  return (
    <header className="toolbar" aria-label={t('toolbar')}>
      <CommandButton
        command="toggleContents"
        run={run}
        icon="contents"
        label={t('toggleContents')}
        pressed={settings.showContents}
      />
      <CommandButton command="importReport" run={run} icon="import" label={t('importReport')} />
      <CommandButton command="showLibrary" run={run} icon="library" label={t('library')} />
      {searchBox}
      <div className="toolbar-group">
        <CommandButton
          command="previousSection"
          run={run}
          icon="up"
          label={t('prevSection')}
          title={t('prevSectionHint')}
          disabled={!hasPrevious}
        />
        <CommandButton
          command="nextSection"
          run={run}
          icon="down"
          label={t('nextSection')}
          title={t('nextSectionHint')}
          disabled={!hasNext}
        />
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          onClick={() => run('zoomOut')}
          title={t('fontSmallerHint')}
          aria-label={`${t('fontSmaller')} ${t('fontSmallerHint')}`}
          aria-keyshortcuts={ariaKeys('zoomOut')}
        >
          {t('fontSmaller')}
        </button>
        <output
          className="font-size"
          aria-live="polite"
          aria-label={t('fontSizeStatus', { size: settings.fontSize })}
        >
          {settings.fontSize}
        </output>
        <button
          type="button"
          onClick={() => run('zoomIn')}
          title={t('fontLargerHint')}
          aria-label={`${t('fontLarger')} ${t('fontLargerHint')}`}
          aria-keyshortcuts={ariaKeys('zoomIn')}
        >
          {t('fontLarger')}
        </button>
        <label>
          <span className="toolbar-label">{t('lineHeight')}</span>
          <select
            value={String(settings.lineHeight)}
            onChange={(e) => updateSettings({ lineHeight: Number(e.target.value) })}
          >
            {LINE_HEIGHTS.map((value, i) => (
              <option key={value} value={String(value)}>
                {t(LINE_HEIGHT_LABELS[i] ?? 'lineHeightNormal')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="toolbar-group">
        <label>
          <span className="toolbar-label">{t('theme')}</span>
          <select
            value={settings.theme}
            onChange={(e) => updateSettings({ theme: e.target.value as Theme })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(THEME_LABELS[theme])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="toolbar-label">{t('language')}</span>
          <select
            value={settings.language}
            onChange={(e) => updateSettings({ language: e.target.value as Language })}
          >
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {LANGUAGE_NAMES[lang]}
              </option>
            ))}
          </select>
        </label>
        <CommandButton
          command="print"
          run={run}
          icon="print"
          label={t('print')}
          title={t('printHint')}
        />
        <CommandButton
          command="compare"
          run={run}
          icon="compare"
          label={t('compare')}
          pressed={reader.compare.other !== null}
        />
        {PANELS.filter((panel) => panel.toolbar && panel.command).map((panel) => {
          const count = panel.badge?.(reader) ?? 0;
          return (
            <CommandButton
              key={panel.id}
              command={panel.command!}
              run={run}
              icon={panel.toolbar!.icon}
              label={t(panel.label)}
              pressed={panelIsOpen(panel, reader)}
            >
              {count > 0 ? <span className="badge">{count}</span> : null}
            </CommandButton>
          );
        })}
      </div>
      <div className="toolbar-group toolbar-end">
        <CommandButton command="shortcuts" run={run} icon="keyboard" label={t('shortcuts')} />
        <CommandButton command="about" run={run} icon="info" label={t('about')} />
      </div>
    </header>
  );
}
