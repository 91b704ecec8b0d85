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
import { openJsonDocument } from './json-document';
import type { UserNotice } from './load-with-backup';

const FILE_VERSION = 1;

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  flush(): Promise<void>;
  readonly notices: UserNotice[];
}

export async function openSettingsStore(dataDir: string): Promise<SettingsStore> {
  const document = await openJsonDocument<Settings>({
    file: path.join(dataDir, 'settings.json'),
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
    notices: document.notice ? [document.notice] : [],
    get: () => document.get(),
    // Applied in arrival order; the promise resolves only once the file is on disk.
    update: (patch) =>
      document.change((current) => {
        const next: Settings = { ...current, ...patch };
        if (patch.positions) next.positions = { ...current.positions, ...patch.positions };
        return { next, result: next };
      }),
    flush: () => document.flush(),
  };
}
