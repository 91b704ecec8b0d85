/**
 * Where the main process reports what it refused or failed to do. Modules take a MainLog as a
 * parameter so tests can capture it; the app writes to the console (stderr for problems).
 */
export interface MainLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, detail?: unknown): void;
}

export const consoleLog: MainLog = {
  info: (message) => console.log(`[main] ${message}`),
  warn: (message) => console.warn(`[main] ${message}`),
  error: (message, detail) =>
    detail === undefined
      ? console.error(`[main] ${message}`)
      : console.error(`[main] ${message}:`, detail),
};

/** Shortens a URL for the log: a data: URL or a crafted one can be megabytes long. */
export function forLog(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
