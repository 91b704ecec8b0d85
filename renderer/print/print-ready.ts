/**
 * How the print page tells its host it can be printed: an attribute on <html> that both hosts
 * wait for (Electron by polling executeJavaScript, playwright-core with waitForSelector). Ready
 * means laid out with every font it uses loaded, including the glyphs of the page numbers,
 * which live in @page margin boxes where layout alone would not load them.
 */
import type { ApiError } from '../../core/api/errors';
import { printErrors } from '../../core/print/print-errors';
import {
  PRINT_ERROR_ATTRIBUTE,
  PRINT_FAILED,
  PRINT_READY,
  PRINT_READY_ATTRIBUTE,
} from '../../core/print/print-options';

/** Bundled fonts load from the app itself; this only trips on a broken install. */
export const FONT_TIMEOUT_MS = 20_000;

/** The page numbers' bundled face, which must load, and the system face, which may be absent. */
const PAGE_NUMBER_FONT = '14pt "Noto Serif SC"';
const PAGE_NUMBER_SYSTEM_FONT = '14pt "GW Song"';
const PAGE_NUMBER_GLYPHS = '— 0123456789';

/** The next frame, or 100 ms, whichever comes first: a hidden window may not paint frames. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });
}

/** Resolves once layout is done and fonts are loaded; throws a ViewerError if they never are. */
export async function whenPrintable(timeoutMs = FONT_TIMEOUT_MS): Promise<void> {
  await nextFrame();
  // Reading layout makes the browser request the faces the text needs.
  void document.body.getBoundingClientRect();
  // A local() face that is not installed rejects its load; that is what the fallbacks are for.
  const systemFace = document.fonts
    .load(PAGE_NUMBER_SYSTEM_FONT, PAGE_NUMBER_GLYPHS)
    .catch(() => []);
  const loads = Promise.all([
    document.fonts.ready,
    systemFace,
    document.fonts.load(PAGE_NUMBER_FONT, PAGE_NUMBER_GLYPHS),
  ]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([
    loads.then(
      () => 'loaded' as const,
      (err: unknown) => {
        throw printErrors.fontsNotReady(`a bundled font failed to load: ${String(err)}`);
      },
    ),
    timeout,
  ]);
  clearTimeout(timer);
  if (outcome === 'timeout' || document.fonts.status !== 'loaded') {
    throw printErrors.fontsNotReady(`fonts ${document.fonts.status} after ${timeoutMs} ms`);
  }
  await document.fonts.ready;
  await nextFrame();
}

/** Back to "not ready": the page is about to lay out another job. */
export function clearSignal(): void {
  document.documentElement.removeAttribute(PRINT_READY_ATTRIBUTE);
  document.documentElement.removeAttribute(PRINT_ERROR_ATTRIBUTE);
}

export function signalReady(): void {
  document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, PRINT_READY);
}

export function signalFailure(error: ApiError): void {
  document.documentElement.setAttribute(PRINT_ERROR_ATTRIBUTE, JSON.stringify(error));
  document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, PRINT_FAILED);
}
