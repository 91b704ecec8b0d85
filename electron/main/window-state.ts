/**
 * Remembers the window's size, position and maximized state in `<userData>/window-state.json`,
 * written with the same verified, atomic write as the user's other data (json-file.ts).
 * What is read back is untrusted: a malformed file gives the default size, and a position no
 * longer on any display (a monitor was unplugged) is dropped so the window opens centred.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { MESSAGES } from '../../core/i18n/messages';
import { z } from 'zod';
import {
  readJsonFile,
  writeJsonFileAtomic,
  type JsonReadResult,
} from '../../node/services/json-file';
import type { DataFs } from '../../node/services/data-fs';
import { plainCause } from '../../node/services/io-failure';
import { SerialQueue } from '../../node/services/serial-queue';
import type { MainLog } from './log';

export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;

/** Far beyond any real desktop; keeps absurd numbers out. */
const COORDINATE_LIMIT = 100_000;
/** How much of the window's top strip (its title bar) must be on a display to grab it. */
const TITLE_BAR_HEIGHT = 32;
const MIN_VISIBLE_WIDTH = 100;
const MIN_VISIBLE_HEIGHT = 16;

const coordinate = z.number().int().min(-COORDINATE_LIMIT).max(COORDINATE_LIMIT);
const dimension = z.number().int().min(1).max(COORDINATE_LIMIT);

const savedWindowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: dimension,
  height: dimension,
  isMaximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

/** How to open the window; without x/y Electron centres it. */
export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  isMaximized: boolean;
}

export const DEFAULT_PLACEMENT: WindowPlacement = { ...DEFAULT_SIZE, isMaximized: false };

/**
 * Turns a stored state into a placement on the current displays. `note` says why the stored
 * state was not used as is, for the log.
 */
export function placementFromSaved(
  raw: unknown,
  workAreas: readonly Rectangle[],
): { placement: WindowPlacement; note: string | null } {
  const parsed = savedWindowStateSchema.safeParse(raw);
  if (!parsed.success) {
    return { placement: DEFAULT_PLACEMENT, note: 'saved window state is malformed' };
  }
  const saved = parsed.data;
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  const titleBar = { x: saved.x, y: saved.y, width, height: TITLE_BAR_HEIGHT };
  const area = workAreas.find((a) => {
    const overlap = intersection(titleBar, a);
    return overlap.width >= MIN_VISIBLE_WIDTH && overlap.height >= MIN_VISIBLE_HEIGHT;
  });
  // Off every display: keep the size, drop the position so the window opens centred.
  const fitTo = area ?? largestArea(workAreas);
  const placement: WindowPlacement = {
    width: fitTo ? Math.min(width, Math.max(fitTo.width, MIN_SIZE.width)) : width,
    height: fitTo ? Math.min(height, Math.max(fitTo.height, MIN_SIZE.height)) : height,
    isMaximized: saved.isMaximized,
  };
  if (area === undefined) {
    return { placement, note: 'saved window position is off every display' };
  }
  return { placement: { ...placement, x: saved.x, y: saved.y }, note: null };
}

export async function loadWindowPlacement(
  file: string,
  workAreas: readonly Rectangle[],
  log: MainLog,
): Promise<WindowPlacement> {
  let read: JsonReadResult;
  try {
    read = await readJsonFile(file);
  } catch (err) {
    log.error(`cannot read ${file}`, err);
    return DEFAULT_PLACEMENT;
  }
  if (read.status === 'missing') return DEFAULT_PLACEMENT;
  if (read.status === 'unreadable') {
    // Left where it is: a file that cannot be read now is not a damaged one.
    log.warn(`window state not read (${plainCause(read.error).en}); using the default size`);
    return DEFAULT_PLACEMENT;
  }
  if (read.status === 'corrupt') {
    log.warn(`window state unreadable (${read.reason}); moved to ${read.movedTo}`);
    return DEFAULT_PLACEMENT;
  }
  const { placement, note } = placementFromSaved(read.data, workAreas);
  if (note !== null) log.warn(`${note}; using ${JSON.stringify(placement)}`);
  return placement;
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'isMaximized' | 'getNormalBounds'>;

export interface WindowStateTracker {
  /** Saves a pending change now and resolves when every save is on disk. */
  flush(): Promise<void>;
}

/** Saves the window's state after it settles (resizing fires many events) and when it closes. */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  log: MainLog,
  debounceMs = 500,
  fs?: DataFs,
): WindowStateTracker {
  const queue = new SerialQueue();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const saveNow = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    const state = snapshot(win);
    queue
      .run(() => writeJsonFileAtomic(file, state, fs))
      .catch((err: unknown) =>
        log.error(
          `cannot save ${file}: ${plainCause(err).en} (${MESSAGES['zh-CN'].windowStateNotSaved}${plainCause(err).zh})`,
          err,
        ),
      );
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };

  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', saveNow);

  return {
    flush: async () => {
      if (timer !== undefined) saveNow();
      await queue.idle();
    },
  };
}

function snapshot(win: TrackedWindow): SavedWindowState {
  // The normal bounds, not the maximized ones, so un-maximizing after a restart still works.
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, isMaximized: win.isMaximized() };
}

function largestArea(areas: readonly Rectangle[]): Rectangle | undefined {
  return areas.reduce<Rectangle | undefined>(
    (best, a) => (best === undefined || a.width * a.height > best.width * best.height ? a : best),
    undefined,
  );
}

function intersection(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}
