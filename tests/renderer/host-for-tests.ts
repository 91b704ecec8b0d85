/**
 * A real host for renderer tests: the Node services on a temp data folder, bound to
 * `window.viewer` through the same dispatch both real transports use.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHANNELS, type ViewerApi } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import type { ApiResult } from '../../core/api/errors';
import { createHostServices, type HostServices } from '../../node/services/host-services';

// jsdom gives import.meta.url an http: address; vitest runs from the project root.
export const reportsDir = path.resolve(process.cwd(), 'resources/reports');
export const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';

export interface TestHost {
  services: HostServices;
  dataDir: string;
  close(): Promise<void>;
}

export async function installTestHost(options: { reportsDir?: string } = {}): Promise<TestHost> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'renderer-test-'));
  const services = await createHostServices({
    reportsDir: options.reportsDir ?? reportsDir,
    dataDir,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (request: unknown) =>
        dispatch(services.handlers, channel, request) as Promise<ApiResult<never>>,
    ]),
  ) as unknown as ViewerApi;
  window.viewer = api;
  return {
    services,
    dataDir,
    close: async () => {
      await services.flush();
      delete window.viewer;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
