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
import { writeJsonFileAtomic } from './json-file';
import { loadJsonWithBackup, type UserNotice } from './load-with-backup';
import { SerialQueue } from './serial-queue';

const FILE_VERSION = 1;

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  flush(): Promise<void>;
  readonly notices: UserNotice[];
}

export async function openSettingsStore(dataDir: string): Promise<SettingsStore> {
  const file = path.join(dataDir, 'settings.json');
  const notices: UserNotice[] = [];
  const loaded = await loadJsonWithBackup(file, { zh: '设置', en: 'settings' }, (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, reason: 'not an object' };
    }
    const version = (raw as { version?: unknown }).version;
    if (version !== undefined && version !== FILE_VERSION) {
      return { ok: false, reason: `unknown settings version ${String(version)}` };
    }
    return { ok: true, value: settingsFromUnknown((raw as { settings?: unknown }).settings) };
  });
  if (loaded.notice) notices.push(loaded.notice);
  let current: Settings = loaded.value?.settings ?? { ...DEFAULT_SETTINGS, positions: {} };
  const queue = new SerialQueue();

  return {
    notices,
    get: () => current,
    update(patch) {
      // Applied in arrival order; the promise resolves only once the file is on disk.
      return queue.run(async () => {
        const next: Settings = { ...current, ...patch };
        if (patch.positions) next.positions = { ...current.positions, ...patch.positions };
        await writeJsonFileAtomic(file, { version: FILE_VERSION, settings: next });
        current = next;
        return current;
      });
    },
    flush: () => queue.idle(),
  };
}
