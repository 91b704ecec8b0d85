/**
 * The contract's channel names without its validators, for code that must stay small and
 * validation-free (the preload). contract.ts checks at compile time that the two lists agree.
 */
export const CHANNEL_NAMES = [
  'getAppInfo',
  'listReports',
  'openReport',
  'getSettings',
  'updateSettings',
  'listAnnotations',
  'saveAnnotation',
  'deleteAnnotation',
  'importAnnotations',
  'exportPdf',
  'getPrintJob',
  'printPages',
  'showInFolder',
  'importReportFile',
  'chooseAndImportReports',
  'renameReport',
  'removeReport',
  'searchLibrary',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The IPC channel name in Electron for an API channel. */
export function ipcChannel(channel: ChannelName): string {
  return `viewer:${channel}`;
}
