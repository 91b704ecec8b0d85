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
  /** The action exists, but not in this host (e.g. a system printer in the browser host). */
  'unavailable',
  /** A save refused because the disk (or the user's quota) is full; nothing was changed. */
  'disk-full',
  /** A save refused because another window or host has the data folder; nothing was changed. */
  'read-only',
  /** A file the importers refuse: a format they do not read (OFD, spreadsheets, scans, binaries). */
  'unsupported-format',
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

/** The same refusals and failures, worded once, for every transport. */
export const apiErrors = {
  forbidden: (detail: string): ApiError => ({
    code: 'forbidden',
    message: '拒绝访问：这个请求不是来自阅读器本身。',
    messageEn: 'Access denied: this request did not come from the viewer itself.',
    detail,
  }),
  badRequest: (detail: string): ApiError => ({
    code: 'bad-request',
    message: '程序内部出错：请求的格式不正确。',
    messageEn: 'Internal error: the request was malformed.',
    detail,
  }),
  tooLarge: (detail: string): ApiError => ({
    code: 'too-large',
    message: '请求的内容太大，没有处理。',
    messageEn: 'The request was too large and was not processed.',
    detail,
  }),
  /** A file over the import transports' cap (the upload route, the IPC channel). */
  fileTooLarge: (limitBytes: number, detail: string): ApiError => ({
    code: 'too-large',
    message: `文件太大，无法导入：最大 ${limitBytes / (1024 * 1024)} MB。`,
    messageEn: `The file is too large to import: at most ${limitBytes / (1024 * 1024)} MB.`,
    detail,
  }),
  internal: (detail?: string): ApiError => ({
    code: 'internal',
    message: '程序出错了，操作没有完成。您的数据没有改变。',
    messageEn: 'Something went wrong and the action was not completed. Your data is unchanged.',
    ...(detail === undefined ? {} : { detail }),
  }),
};
