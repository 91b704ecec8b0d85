/**
 * Small file-system pieces the report library needs: durable writes of whole files, moving a
 * file or folder aside, a containment check for symlinks, and disk failures in plain words.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ViewerError } from '../../core/api/errors';
import { errorMessage, isErrno } from './json-file';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes a new file and flushes it to the disk before resolving (the file must not exist). */
export async function writeNewFileDurably(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True when `target` is `dir` itself or lies inside it (both already resolved, real paths). */
export function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Renames when it exists; false when there was nothing to move. */
export async function moveIfExists(from: string, to: string): Promise<boolean> {
  try {
    await fs.rename(from, to);
    return true;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return false;
    throw err;
  }
}

/** A time stamp usable in a file name on every system: 2024-03-05T08-00-00-000Z. */
export function fileTimeStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A failed read or write of the library in plain words: what was not done, and why. */
export function libraryIoFailure(
  action: { zh: string; en: string },
  file: string,
  err: unknown,
): ViewerError {
  const why = plainCause(err);
  return new ViewerError(
    'io-error',
    `${action.zh}：${why.zh}。`,
    `${action.en}: ${why.en}.`,
    `${file}: ${errorMessage(err)}`,
  );
}

function plainCause(err: unknown): { zh: string; en: string } {
  if (isErrno(err, 'ENOSPC') || isErrno(err, 'EDQUOT')) {
    return { zh: '磁盘已满', en: 'the disk is full' };
  }
  if (isErrno(err, 'EACCES') || isErrno(err, 'EPERM') || isErrno(err, 'EROFS')) {
    return { zh: '没有使用数据文件夹的权限', en: 'there is no permission to use the data folder' };
  }
  return {
    zh: '数据文件夹中的文件无法读写',
    en: 'a file in the data folder could not be read or written',
  };
}
