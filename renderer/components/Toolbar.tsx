/** The toolbar: previous/next section, text size, theme, language and (with several) reports. */
import type { ReactNode } from 'react';
import {
  LANGUAGES,
  LINE_HEIGHTS,
  THEMES,
  type Language,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../core/settings';
import { LANGUAGE_NAMES, useI18n, type MessageKey } from '../i18n';

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

export function Toolbar({
  settings,
  updateSettings,
  onPrev,
  onNext,
  onFontSize,
  reportCount,
  onChooseReport,
  searchBox,
  annotationCount,
  annotationsOpen,
  onToggleAnnotations,
  onPrint,
  onToggleContents,
  onAbout,
  onShortcuts,
}: {
  settings: Settings;
  updateSettings: (patch: SettingsPatch) => void;
  onPrev: (() => void) | undefined;
  onNext: (() => void) | undefined;
  onFontSize: (size: number) => void;
  reportCount: number;
  onChooseReport: () => void;
  searchBox: ReactNode;
  annotationCount: number;
  annotationsOpen: boolean;
  onToggleAnnotations: () => void;
  onPrint: () => void;
  onToggleContents: () => void;
  onAbout: () => void;
  onShortcuts: () => void;
}) {
  const { t } = useI18n();
  return (
    <header className="toolbar" aria-label={t('toolbar')}>
      <button
        type="button"
        aria-pressed={settings.showContents}
        onClick={onToggleContents}
        title={t('toggleContents')}
      >
        ☰ {t('toggleContents')}
      </button>
      {searchBox}
      <div className="toolbar-group">
        <button
          type="button"
          onClick={onPrev}
          disabled={!onPrev}
          title={t('prevSectionHint')}
          aria-keyshortcuts="Alt+ArrowUp"
        >
          ↑ {t('prevSection')}
        </button>
        <button
          type="button"
          onClick={onNext}
          disabled={!onNext}
          title={t('nextSectionHint')}
          aria-keyshortcuts="Alt+ArrowDown"
        >
          ↓ {t('nextSection')}
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          onClick={() => onFontSize(settings.fontSize - 2)}
          title={t('fontSmallerHint')}
          aria-label={`${t('fontSmaller')} ${t('fontSmallerHint')}`}
          aria-keyshortcuts="Control+-"
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
          onClick={() => onFontSize(settings.fontSize + 2)}
          title={t('fontLargerHint')}
          aria-label={`${t('fontLarger')} ${t('fontLargerHint')}`}
          aria-keyshortcuts="Control+="
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
        <button
          type="button"
          onClick={onPrint}
          title={t('printHint')}
          aria-keyshortcuts="Control+P"
        >
          {t('print')}
        </button>
        <button type="button" aria-pressed={annotationsOpen} onClick={onToggleAnnotations}>
          {t('annotations')}
          {annotationCount > 0 ? <span className="badge">{annotationCount}</span> : null}
        </button>
        {reportCount > 1 ? (
          <button type="button" onClick={onChooseReport}>
            {t('reports')}
          </button>
        ) : null}
      </div>
      <div className="toolbar-group toolbar-end">
        <button type="button" onClick={onShortcuts} aria-keyshortcuts="F1">
          {t('shortcuts')}
        </button>
        <button type="button" onClick={onAbout}>
          {t('about')}
        </button>
      </div>
    </header>
  );
}
