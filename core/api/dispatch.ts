/**
 * The one place a request from the UI is checked and handled, whatever the transport:
 * unknown channel, malformed or oversized arguments and thrown errors all become ApiError values.
 */
import { z } from 'zod';
import { isChannel, requestSchemas, type ApiHandlers, type Channel } from './contract';
import { apiErrors, ViewerError, type ApiError, type ApiResult } from './errors';

export interface DispatchLog {
  error(message: string, detail?: unknown): void;
}

export async function dispatch(
  handlers: ApiHandlers,
  channel: unknown,
  rawRequest: unknown,
  log?: DispatchLog,
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return fail({
      code: 'unknown-channel',
      message: '程序内部出错：未知的请求。',
      messageEn: 'Internal error: unknown request.',
      detail: `unknown channel ${JSON.stringify(String(channel)).slice(0, 100)}`,
    });
  }
  const parsed = requestSchemas[channel].safeParse(rawRequest ?? {});
  if (!parsed.success) {
    return fail(
      apiErrors.badRequest(`${channel}: ${z.prettifyError(parsed.error)}`.slice(0, 2000)),
    );
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ViewerError) return fail(err.toApiError());
    log?.error(`handler ${channel as Channel} failed`, err);
    return fail(apiErrors.internal(err instanceof Error ? err.message : String(err)));
  }
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}
