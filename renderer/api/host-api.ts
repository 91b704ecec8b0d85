/**
 * The UI's only way to reach its host: `window.viewer` in Electron (exposed by the preload),
 * or HTTP to the browser host with the per-run secret. Both speak the same contract.
 */
import {
  CHANNELS,
  type ApiRequest,
  type ApiResponse,
  type Channel,
  type ViewerApi,
} from '../../core/api/contract';
import type { ApiError, ApiResult } from '../../core/api/errors';
import { bilingual } from '../../core/i18n/messages';

declare global {
  interface Window {
    viewer?: ViewerApi;
  }
}

/** A failed call, carrying the host's plain-language message. */
export class HostError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'HostError';
    this.error = error;
  }
}

const TOKEN_KEY = 'report-viewer-token';
const TOKEN_HEADER = 'X-Viewer-Token';

/** Takes the secret from the address (#token=…) once, keeps it for this tab, and hides it. */
function browserHostToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpApi(): ViewerApi {
  const token = browserHostToken();
  const entries = CHANNELS.map((channel) => [
    channel,
    (request: unknown): Promise<ApiResult<unknown>> =>
      post(`./api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify(request ?? {}),
      }),
  ]);
  const api = Object.fromEntries(entries) as ViewerApi;
  api.importReportFile = (request) => uploadReportFile(token, request);
  return api;
}

// --- The browser host's upload route -----------------------------------------------------
// A report file is too large for the JSON API (2 MB): its bytes go as the raw body to
// ./api-upload/importReportFile, the file name percent-encoded in X-File-Name (see
// node/web-host/web-host.ts). Electron needs none of this: its IPC carries the Uint8Array.
function uploadReportFile(
  token: string | null,
  request: ApiRequest<'importReportFile'>,
): Promise<ApiResult<ApiResponse<'importReportFile'>>> {
  return post('./api-upload/importReportFile', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      [TOKEN_HEADER]: token ?? '',
      'X-File-Name': encodeURIComponent(request.fileName),
    },
    body: new Blob([request.bytes as Uint8Array<ArrayBuffer>]),
  }) as Promise<ApiResult<ApiResponse<'importReportFile'>>>;
}
// --- end of the upload route --------------------------------------------------------------

/** One request to the browser host; every failure becomes an error envelope to show. */
async function post(url: string, init: RequestInit): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'io-error',
        ...bilingual('errorHostUnreachable'),
        detail: String(err),
      },
    };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        ...bilingual('errorHostAnswer'),
        detail: `HTTP ${response.status}`,
      },
    };
  }
}

let api: ViewerApi | null = null;

function hostApi(): ViewerApi {
  // Electron's bridge when there is one (read each time: tests install their own), else HTTP.
  if (window.viewer) return window.viewer;
  api ??= httpApi();
  return api;
}

/**
 * Fetches a file the browser host made for this page (a PDF at `download/<id>`), with the run's
 * secret, as a Blob. Only the browser host answers exportPdf with such an address.
 */
export async function fetchHostFile(url: string): Promise<Blob> {
  const response = await fetch(url, { headers: { [TOKEN_HEADER]: browserHostToken() ?? '' } });
  if (response.ok) return response.blob();
  const body = (await response.json().catch(() => null)) as ApiResult<never> | null;
  throw new HostError(
    body && !body.ok
      ? body.error
      : {
          code: 'io-error',
          ...bilingual('errorDownload'),
          detail: `HTTP ${response.status}`,
        },
  );
}

/** Calls the host; resolves with the value or throws a HostError with a message to show. */
export async function callHost<C extends Channel>(
  channel: C,
  request: ApiRequest<C>,
): Promise<ApiResponse<C>> {
  const call = hostApi()[channel] as (req: ApiRequest<C>) => Promise<ApiResult<ApiResponse<C>>>;
  const result = await call(request);
  if (!result.ok) throw new HostError(result.error);
  return result.value;
}
