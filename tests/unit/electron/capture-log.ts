// A MainLog that remembers what was written, so tests can check what was refused and why.
import type { MainLog } from '../../../electron/main/log';

export function captureLog(): MainLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}
