import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PLACEMENT,
  loadWindowPlacement,
  MIN_SIZE,
  placementFromSaved,
  trackWindowState,
} from '../../../../electron/main/window-state';
import { BrowserWindowMock } from '../../../mocks/electron';
import { faultyFs } from '../../node/services/faulty-fs';
import { captureLog } from '../capture-log';

const asElectron = (win: BrowserWindowMock) => win as unknown as BrowserWindow;

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('placementFromSaved', () => {
  it('restores saved bounds that are on a display', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(placementFromSaved(saved, [laptop])).toEqual({ placement: saved, note: null });
  });

  it('restores a window on a second display', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, isMaximized: true };
    expect(placementFromSaved(saved, [laptop, rightMonitor]).placement).toEqual(saved);
  });

  it('keeps a window that is partly off-screen while its title bar can be grabbed', () => {
    const saved = { x: -500, y: 10, width: 1000, height: 700, isMaximized: false };
    expect(placementFromSaved(saved, [laptop]).placement).toEqual(saved);
  });

  it('drops a position that is off every display, keeping the size', () => {
    // Saved on the right monitor, which is now unplugged.
    const saved = { x: 2000, y: 100, width: 1200, height: 800, isMaximized: false };
    const { placement, note } = placementFromSaved(saved, [laptop]);
    expect(placement).toEqual({ width: 1200, height: 800, isMaximized: false });
    expect(note).toMatch(/off every display/);
  });

  it('drops a position whose title bar is above the screen', () => {
    const saved = { x: 100, y: -600, width: 1000, height: 700, isMaximized: false };
    expect(placementFromSaved(saved, [laptop]).placement.y).toBeUndefined();
  });

  it('shrinks a window larger than its display and grows one below the minimum', () => {
    const huge = { x: 0, y: 0, width: 5000, height: 4000, isMaximized: false };
    expect(placementFromSaved(huge, [laptop]).placement).toMatchObject({
      width: 1440,
      height: 860,
    });
    const tiny = { x: 0, y: 0, width: 10, height: 10, isMaximized: false };
    expect(placementFromSaved(tiny, [laptop]).placement).toMatchObject(MIN_SIZE);
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['a missing field', { x: 0, y: 0, width: 800, isMaximized: false }],
    ['a non-integer', { x: 0.5, y: 0, width: 800, height: 600, isMaximized: false }],
    ['a zero width', { x: 0, y: 0, width: 0, height: 600, isMaximized: false }],
    ['an absurd coordinate', { x: 1e12, y: 0, width: 800, height: 600, isMaximized: false }],
    ['a string for a number', { x: '0', y: 0, width: 800, height: 600, isMaximized: false }],
    ['a non-boolean flag', { x: 0, y: 0, width: 800, height: 600, isMaximized: 'yes' }],
  ])('ignores malformed state: %s', (_what, raw) => {
    const { placement, note } = placementFromSaved(raw, [laptop]);
    expect(placement).toEqual(DEFAULT_PLACEMENT);
    expect(note).toMatch(/malformed/);
  });
});

describe('the window-state file', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'window-state-'));
    file = path.join(dir, 'window-state.json');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the default placement when there is no file', async () => {
    expect(await loadWindowPlacement(file, [laptop], captureLog())).toEqual(DEFAULT_PLACEMENT);
  });

  it('sets a file that is not JSON aside and uses the default', async () => {
    await writeFile(file, '{"x": 10, "y":');
    const log = captureLog();
    expect(await loadWindowPlacement(file, [laptop], log)).toEqual(DEFAULT_PLACEMENT);
    const names = await readdir(dir);
    expect(names.some((name) => name.startsWith('window-state.json.corrupt-'))).toBe(true);
    expect(log.lines.join('\n')).toMatch(/window state unreadable/);
  });

  it('uses the default for well-formed JSON of the wrong shape', async () => {
    await writeFile(file, JSON.stringify({ width: 'wide' }));
    expect(await loadWindowPlacement(file, [laptop], captureLog())).toEqual(DEFAULT_PLACEMENT);
  });

  it('saves on close and restores the same placement next time', async () => {
    const win = new BrowserWindowMock({ x: 30, y: 40, width: 1100, height: 750 });
    const tracker = trackWindowState(asElectron(win), file, captureLog());
    win.maximize();
    win.close();
    await tracker.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      x: 30,
      y: 40,
      width: 1100,
      height: 750,
      isMaximized: true,
    });
    expect(await loadWindowPlacement(file, [laptop], captureLog())).toEqual({
      x: 30,
      y: 40,
      width: 1100,
      height: 750,
      isMaximized: true,
    });
  });

  it('saves once after a burst of moves and resizes settles', async () => {
    const win = new BrowserWindowMock({ x: 0, y: 0, width: 800, height: 600 });
    trackWindowState(asElectron(win), file, captureLog(), 200);
    for (let i = 1; i <= 10; i++) win.setBounds({ x: i * 10, width: 800 + i });
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    await vi.waitFor(async () => {
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ x: 100, width: 810 });
    });
    // Every save keeps the previous file as .bak; none means there was exactly one save.
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('flush writes a change that is still waiting for the debounce', async () => {
    const win = new BrowserWindowMock({ x: 0, y: 0, width: 800, height: 600 });
    const tracker = trackWindowState(asElectron(win), file, captureLog(), 60_000);
    win.setBounds({ x: 77 });
    await tracker.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ x: 77 });
  });

  it('logs a failed save instead of throwing', async () => {
    const win = new BrowserWindowMock();
    const log = captureLog();
    // A directory where the file should be: the write must fail.
    const tracker = trackWindowState(asElectron(win), dir, log);
    win.close();
    await tracker.flush();
    expect(log.lines.join('\n')).toMatch(/cannot save/);
  });

  it('names the cause of a failed save (a full disk) and keeps the old file', async () => {
    const win = new BrowserWindowMock({ x: 0, y: 0, width: 800, height: 600 });
    const log = captureLog();
    const fs = faultyFs({});
    const tracker = trackWindowState(asElectron(win), file, log, 60_000, fs);
    win.setBounds({ x: 10 });
    await tracker.flush();
    const saved = await readFile(file, 'utf8');
    fs.faults.spaceLeft = 5;
    win.setBounds({ x: 20 });
    await tracker.flush();
    expect(log.lines.join('\n')).toMatch(/cannot save .*the disk is full.*磁盘空间不足/);
    expect(await readFile(file, 'utf8')).toBe(saved);
  });
});
