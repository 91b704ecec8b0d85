/**
 * Everything the UI can ask of its host, implemented once in Node for both hosts (Electron's
 * IPC and the browser host's HTTP). Electron-specific parts come in as options.
 */
import { mkdirSync } from 'node:fs';
import type { ApiHandlers } from '../../core/api/contract';
import { createReportLibrary } from './report-library';
import { openSettingsStore } from './settings-store';

export interface HostServicesOptions {
  reportsDir: string;
  dataDir: string;
  host: 'electron' | 'web';
  appName: string;
  appVersion: string;
}

export interface HostServices {
  handlers: ApiHandlers;
  dataDir: string;
  /** Resolves when every acknowledged write is on disk; call before quitting. */
  flush(): Promise<void>;
}

export async function createHostServices(options: HostServicesOptions): Promise<HostServices> {
  mkdirSync(options.dataDir, { recursive: true });
  const settings = await openSettingsStore(options.dataDir);
  const library = createReportLibrary(options.reportsDir);

  const handlers: ApiHandlers = {
    getAppInfo: async () => ({
      name: options.appName,
      version: options.appVersion,
      host: options.host,
      dataDir: options.dataDir,
      notices: [...settings.notices],
    }),
    listReports: async () => {
      const reports = await library.list();
      const last = settings.get().lastReportId;
      const initialReportId = reports.some((r) => r.id === last) ? last : (reports[0]?.id ?? null);
      return { reports, initialReportId };
    },
    openReport: async ({ reportId }) => library.open(reportId),
    getSettings: async () => settings.get(),
    updateSettings: async ({ patch }) => settings.update(patch),
  };

  return { handlers, dataDir: options.dataDir, flush: () => settings.flush() };
}
