/**
 * Fuzzing the Electron IPC binding: bindApi on the mock ipcMain with the real services
 * (createHostServices on a temp data dir and the real reports folder), called as a hostile or
 * broken renderer could: unknown and prototype-named channels, random structured-clone values
 * (NaN, Infinity, BigInt, Map, typed arrays, null-prototype objects…), deep nesting, huge
 * strings, extra arguments, and every real channel's valid request with one thing wrong.
 *
 * Every answer is an envelope: ok, or a refusal with a code and a message in Chinese and
 * English. Nothing in the data dir changes unless the request was a valid write (checked byte
 * for byte after every refused call), the prototype stays clean, and a good call still works.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, ipcChannel, type Channel } from '../../../core/api/contract';
import { bindApi } from '../../../electron/main/ipc-binding';
import { createHostServices, type HostServices } from '../../../node/services/host-services';
import { BrowserWindowMock, IpcMainMock, WebFrameMainMock } from '../../mocks/electron';
import { captureLog } from '../electron/capture-log';
import {
  channelName,
  expectEnvelope,
  garbage,
  mutatedRequest,
  prototypeKeys,
  REPORT_ID,
  reportsDir,
  snapshot,
} from './fuzz-inputs';

let dataDir: string;
let services: HostServices;
let ipcMain: IpcMainMock;
let appWindow: BrowserWindowMock;
const log = captureLog();
const prototypeBefore = prototypeKeys();
const counts = { calls: 0, ok: 0, refused: 0, noHandler: 0, changedData: 0 };
const codes = new Map<string, number>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ipc-fuzz-'));
  services = await createHostServices({
    reportsDir,
    dataDir,
    host: 'electron',
    appName: 'fuzz',
    appVersion: '0.0.0',
  });
  ipcMain = new IpcMainMock();
  appWindow = new BrowserWindowMock();
  appWindow.webContents.mainFrame.url = 'app://viewer/index.html';
  bindApi(
    ipcMain as unknown as IpcMain,
    services.handlers,
    () => appWindow.webContents as unknown as WebContents,
    log,
  );
});

afterAll(async () => {
  console.log(
    `IPC fuzz: ${JSON.stringify(counts)}, refusals ${JSON.stringify(Object.fromEntries(codes))}`,
  );
  await services?.flush();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const fromAppPage = () => ({
  sender: appWindow.webContents,
  senderFrame: appWindow.webContents.mainFrame,
});

/**
 * One call as Electron would deliver it; checks the answer and, if it was a refusal, that the
 * data dir is byte for byte as before.
 */
async function callAndCheck(
  ipcName: string,
  args: unknown[],
  sender: { sender: unknown; senderFrame: unknown } = fromAppPage(),
): Promise<{ ok: boolean; code?: string } | 'no-handler'> {
  await services.flush();
  const before = await snapshot(dataDir);
  counts.calls++;
  let result: unknown;
  try {
    result = await ipcMain.invoke(ipcName, sender, ...args);
  } catch (err) {
    // Electron itself rejects an invoke on a channel nobody handles; none of our code ran.
    expect(String(err)).toMatch(/No handler registered/);
    counts.noHandler++;
    return 'no-handler';
  }
  expectEnvelope(result);
  await services.flush();
  const after = await snapshot(dataDir);
  if (result.ok) counts.ok++;
  else {
    counts.refused++;
    codes.set(result.error!.code, (codes.get(result.error!.code) ?? 0) + 1);
    expect(Object.fromEntries(after), `a refused ${ipcName} changed the data dir`).toEqual(
      Object.fromEntries(before),
    );
  }
  if (JSON.stringify([...after]) !== JSON.stringify([...before])) counts.changedData++;
  return result.ok ? { ok: true } : { ok: false, code: result.error!.code };
}

describe('IPC binding under fuzzing (real services)', () => {
  it('binds exactly the contract: any other channel name has no handler at all', async () => {
    const bound = new Set(CHANNELS.map(ipcChannel));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          channelName,
          channelName.map((c) => `viewer:${c}`),
        ),
        garbage({ nonJson: true }),
        async (name, request) => {
          const outcome = await callAndCheck(name, [request]);
          expect(outcome === 'no-handler').toBe(!bound.has(name));
        },
      ),
      { numRuns: 600 },
    );
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...bound].sort());
  }, 30_000);

  it('every real channel, with random arguments (none, one or several), answers an envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.array(garbage({ nonJson: true }), { maxLength: 3 }),
        async (channel, args) => {
          const outcome = await callAndCheck(ipcChannel(channel), args);
          if (outcome === 'no-handler') throw new Error(`${channel} has no handler`);
          if (args.length > 1) expect(outcome).toEqual({ ok: false, code: 'bad-request' });
          // Garbage never reaches a handler that then fails in an unplanned way.
          expect(outcome.code).not.toBe('internal');
        },
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("every real channel's valid request with one thing wrong: refused cleanly or valid", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRequest({ nonJson: true }), async ([channel, request]) => {
        const outcome = await callAndCheck(ipcChannel(channel), [request]);
        if (outcome === 'no-handler') throw new Error(`${channel} has no handler`);
        expect(outcome.code).not.toBe('internal');
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('a call from anywhere but the app page is refused, whatever it carries', async () => {
    const other = new BrowserWindowMock();
    other.webContents.mainFrame.url = 'app://viewer/index.html';
    const subframe = new WebFrameMainMock('app://viewer/index.html');
    const senders = [
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      { sender: appWindow.webContents, senderFrame: subframe },
      { sender: appWindow.webContents, senderFrame: null },
      { sender: null, senderFrame: null },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.constantFrom(...senders.keys()),
        garbage({ nonJson: true }),
        async (channel: Channel, which, request) => {
          const outcome = await callAndCheck(ipcChannel(channel), [request], senders[which]);
          expect(outcome).toEqual({ ok: false, code: 'forbidden' });
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('afterwards: the prototype is clean and good calls still work', async () => {
    expect(prototypeKeys()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reports = await ipcMain.invoke('viewer:listReports', fromAppPage(), {});
    // Fuzzing may have imported a file (random bytes that happen to be text): others may be listed.
    expect(reports).toMatchObject({
      ok: true,
      value: { reports: expect.arrayContaining([expect.objectContaining({ id: REPORT_ID })]) },
    });
    const opened = await ipcMain.invoke('viewer:openReport', fromAppPage(), {
      reportId: REPORT_ID,
    });
    expect(opened).toMatchObject({ ok: true, value: { id: REPORT_ID } });
    const settings = await ipcMain.invoke('viewer:getSettings', fromAppPage());
    expect(settings).toMatchObject({ ok: true });
    expect(counts.refused).toBeGreaterThan(counts.calls / 2);
  });
});
