/**
 * Failed reads and writes of user data in plain words, naming the cause (disk full, no
 * permission, a failing disk) instead of a generic "something went wrong". One wording for
 * annotations, settings and window state.
 */
import { ViewerError } from '../../core/api/errors';
import { errnoOf, errorMessage, isErrno } from './data-fs';

/** How a failed action starts and what stayed as it was, for the user. */
export interface FailedAction {
  /** e.g. { zh: '批注没有保存', en: 'The annotation was not saved' } */
  zh: string;
  en: string;
  /** e.g. { zh: '已保存的批注没有改变', en: 'The saved annotations are unchanged' } */
  unchanged: { zh: string; en: string };
}

export function isDiskFull(err: unknown): boolean {
  return isErrno(err, 'ENOSPC', 'EDQUOT');
}

export function isNoPermission(err: unknown): boolean {
  return isErrno(err, 'EACCES', 'EPERM', 'EROFS');
}

/** The cause of a failed write, in words; also used where a failure is only logged. */
export function plainCause(err: unknown): { zh: string; en: string } {
  if (isDiskFull(err)) return { zh: '磁盘空间不足', en: 'the disk is full' };
  if (isErrno(err, 'EROFS')) {
    return { zh: '数据文件夹所在的磁盘是只读的', en: 'the data folder is on a read-only disk' };
  }
  if (isNoPermission(err)) {
    return { zh: '没有使用数据文件夹的权限', en: 'there is no permission to use the data folder' };
  }
  if (isErrno(err, 'EIO')) {
    return { zh: '磁盘读写出错', en: 'the disk reported an input/output error' };
  }
  if (isErrno(err, 'EBUSY', 'ETXTBSY')) {
    return { zh: '文件正被别的程序占用', en: 'the file is in use by another program' };
  }
  const code = errnoOf(err);
  return {
    zh: `数据文件夹中的文件无法读写${code ? `（${code}）` : ''}`,
    en: `a file in the data folder could not be read or written${code ? ` (${code})` : ''}`,
  };
}

/**
 * A failed write. A full disk gets its own code and a message that starts with 磁盘空间不足,
 * so the UI (and the user) can tell it from the rest.
 */
export function writeFailure(action: FailedAction, file: string, err: unknown): ViewerError {
  const detail = `${file}: ${errorMessage(err)}`;
  if (isDiskFull(err)) {
    return new ViewerError(
      'disk-full',
      `磁盘空间不足：${action.zh}。请腾出一些磁盘空间后再试。${action.unchanged.zh}。`,
      `The disk is full: ${lowerFirst(action.en)}. Free some disk space and try again. ${action.unchanged.en}.`,
      detail,
    );
  }
  const why = plainCause(err);
  return new ViewerError(
    'io-error',
    `${action.zh}：${why.zh}。${action.unchanged.zh}。`,
    `${action.en}: ${why.en}. ${action.unchanged.en}.`,
    detail,
  );
}

/**
 * A file that is there but cannot be read. Not damage: nothing was set aside and no older
 * backup was loaded in its place, and the message says so.
 */
export function readFailure(
  what: { zh: string; en: string },
  file: string,
  err: unknown,
): ViewerError {
  const detail = `${file}: ${errorMessage(err)}`;
  if (isErrno(err, 'EACCES', 'EPERM')) {
    return new ViewerError(
      'io-error',
      `无法读取${what.zh}：没有权限读取文件 ${file}。这个文件没有被改动，也没有改用备份。请检查文件的权限后重试。`,
      `The ${what.en} could not be read: there is no permission to read ${file}. The file was not changed and no backup was used instead. Check the file's permissions and try again.`,
      detail,
    );
  }
  const why = plainCause(err);
  return new ViewerError(
    'io-error',
    `无法读取${what.zh}：${why.zh}。这个文件没有被改动，也没有改用备份。请稍后重试。`,
    `The ${what.en} could not be read: ${why.en}. The file was not changed and no backup was used instead. Try again later.`,
    detail,
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
