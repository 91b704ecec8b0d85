/**
 * The user's settings in `<dataDir>/settings.json`: loaded tolerantly (bad fields take their
 * defaults, a damaged file is set aside and the backup used), saved atomically and in order.
 */
import path from 'node:path';
import {
  settingsFromUnknown,
  type Settings,
  type SettingsPatch,
  DEFAULT_SETTINGS,
} from '../../core/settings';
import { ViewerError } from '../../core/api/errors';
import type { DataFs } from './data-fs';
import { writeFailure } from './io-failure';
import { openJsonDocument } from './json-document';
import type { UserNotice } from './load-with-backup';

const FILE_VERSION = 1;

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  flush(): Promise<void>;
  /** What loading found wrong, and changes made by others; grows during the run. */
  readonly notices: readonly UserNotice[];
}

export interface SettingsStoreOptions {
  fs?: DataFs;
  /** Runs before every write and may refuse it (the data folder is another process's). */
  beforeWrite?: () => Promise<void>;
  /** Whether this process is the folder's only writer and may remove stale temp files. */
  mayTidy?: () => boolean;
}

const NOT_SAVED = {
  zh: '设置没有保存',
  en: 'The settings were not saved',
  unchanged: { zh: '原来的设置没有改变', en: 'The previous settings are unchanged' },
};

export async function openSettingsStore(
  dataDir: string,
  options: SettingsStoreOptions = {},
): Promise<SettingsStore> {
  const file = path.join(dataDir, 'settings.json');
  const document = await openJsonDocument<Settings>({
    ...options,
    file,
    // Settings that cannot be read must not stop the app: it starts with the defaults and
    // does not overwrite the file.
    whenUnreadable: 'start-empty',
    what: { zh: '设置', en: 'settings' },
    parse: (raw) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return { ok: false, reason: 'not an object' };
      }
      const version = (raw as { version?: unknown }).version;
      if (version !== undefined && version !== FILE_VERSION) {
        return { ok: false, reason: `unknown settings version ${String(version)}` };
      }
      return {
        ok: true,
        value: settingsFromUnknown((raw as { settings?: unknown }).settings).settings,
      };
    },
    empty: () => ({ ...DEFAULT_SETTINGS, positions: {} }),
    toJson: (settings) => ({ version: FILE_VERSION, settings }),
  });

  return {
    notices: document.notices,
    get: () => document.get(),
    // Applied in arrival order; the promise resolves only once the file is on disk. A failed
    // write names its cause (disk full, no permission…), not a generic error.
    update: (patch) =>
      document
        .change((current) => {
          const next: Settings = { ...current, ...patch };
          if (patch.positions) next.positions = { ...current.positions, ...patch.positions };
          return { next, result: next };
        })
        .catch((err: unknown) => {
          if (err instanceof ViewerError) throw err;
          throw writeFailure(NOT_SAVED, file, err);
        }),
    flush: () => document.flush(),
  };
}
