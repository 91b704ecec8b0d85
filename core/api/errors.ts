/**
 * Errors are values the UI can show: a stable code, a plain-language message for the user
 * (Chinese first, English beside it) and an optional detail for the log.
 */

export const ERROR_CODES = [
  'bad-request',
  'unknown-channel',
  'forbidden',
  'not-found',
  'too-large',
  'io-error',
  'corrupt-data',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** For the user, in Chinese. */
  message: string;
  /** For the user, in English. */
  messageEn: string;
  /** For the log: what exactly went wrong. Never shown as the main message. */
  detail?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error a service throws on purpose; dispatch turns it into an ApiError value. */
export class ViewerError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, message: string, messageEn: string, detail?: string) {
    super(message);
    this.name = 'ViewerError';
    this.code = code;
    this.messageEn = messageEn;
    this.detail = detail;
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message, messageEn: this.messageEn };
    if (this.detail !== undefined) error.detail = this.detail;
    return error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string' &&
    typeof v.messageEn === 'string'
  );
}
