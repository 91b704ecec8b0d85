/**
 * Errors of the annotation core as values the UI can show: a stable code, a plain Chinese
 * message for the user and, for the log, what exactly was wrong.
 */

export type AnnotationErrorCode =
  | 'empty-selection'
  | 'reversed-selection'
  | 'unknown-paragraph'
  | 'offset-out-of-range'
  | 'selection-too-long'
  | 'unknown-section'
  | 'too-large'
  | 'invalid-json'
  | 'not-annotations';

export interface AnnotationError {
  code: AnnotationErrorCode;
  /** For the user, in Chinese. */
  message: string;
  /** For the log. */
  detail?: string;
}

export type AnnotationResult<T> = { ok: true; value: T } | { ok: false; error: AnnotationError };

export function succeed<T>(value: T): AnnotationResult<T> {
  return { ok: true, value };
}

export function fail<T>(
  code: AnnotationErrorCode,
  message: string,
  detail?: string,
): AnnotationResult<T> {
  const error: AnnotationError = { code, message };
  if (detail !== undefined) error.detail = detail;
  return { ok: false, error };
}
