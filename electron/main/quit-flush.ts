/**
 * Holds the quit until pending writes (settings, window state) are on disk. A write that hangs
 * must not keep the app alive forever; since every write is atomic, quitting then loses at
 * most that one change and never damages a file.
 */
import type { App } from 'electron';
import type { MainLog } from './log';

export const FLUSH_TIMEOUT_MS = 5000;

export function flushBeforeQuit(
  app: Pick<App, 'on' | 'quit'>,
  flush: () => Promise<void>,
  log: MainLog,
  timeoutMs = FLUSH_TIMEOUT_MS,
): void {
  let phase: 'running' | 'flushing' | 'flushed' = 'running';
  app.on('will-quit', (event) => {
    if (phase === 'flushed') return;
    event.preventDefault();
    if (phase === 'flushing') return;
    phase = 'flushing';
    void withTimeout(flush(), timeoutMs)
      .catch((err: unknown) => log.error('could not save everything before quitting', err))
      .finally(() => {
        phase = 'flushed';
        app.quit();
      });
  });
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still writing after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
