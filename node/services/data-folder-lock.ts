/**
 * One writer per data folder, whichever host it is (the Electron app, the browser host, or
 * both at once on the same folder): without it two processes each keep their own copy of the
 * notes in memory and overwrite each other's acknowledged saves.
 *
 * proper-lockfile (a lock directory whose mtime the holder keeps fresh; a lock left by a
 * process that died goes stale after `stale` ms and is then taken over) is shared by every
 * process that opens the folder. A process that cannot take the lock works read-only: reading
 * works, every save is refused in plain words, and it tries again before each save, so it
 * becomes the writer as soon as the other one has quit.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ViewerError } from '../../core/api/errors';
import { errorMessage, isErrno } from './data-fs';
import { plainCause } from './io-failure';
import type { UserNotice } from './load-with-backup';

/** The lock directory, inside the data folder so every host finds the same one. */
export const LOCK_NAME = 'data-folder.lock';
/** proper-lockfile's default; a lock not refreshed for this long is stale. */
const STALE_MS = 10_000;

export interface DataFolderLock {
  /** True while this process holds the lock and may write. */
  readonly held: boolean;
  /** Why this process is read-only, for the user; null while it holds the lock. */
  notice(): UserNotice | null;
  /** Resolves when this process may write (taking the lock if it has come free). */
  ensureWritable(): Promise<void>;
  /** Gives the lock up (on quit); afterwards every save is refused. */
  release(): Promise<void>;
}

export interface DataFolderLockOptions {
  /** Told when the lock is lost while running (e.g. the folder was removed). */
  onLost?: (err: unknown) => void;
}

export async function lockDataFolder(
  dataDir: string,
  options: DataFolderLockOptions = {},
): Promise<DataFolderLock> {
  let releaseLock: (() => Promise<void>) | null = null;
  let lastFailure: unknown = null;
  let closed = false;

  async function tryLock(): Promise<boolean> {
    if (closed) return false;
    try {
      releaseLock = await lockfile.lock(dataDir, {
        lockfilePath: path.join(dataDir, LOCK_NAME),
        stale: STALE_MS,
        retries: 0,
        realpath: false,
        onCompromised: (err) => {
          // The default throws, which would end the process; losing the lock only means
          // this process must stop writing until it can take it again.
          releaseLock = null;
          lastFailure = err;
          options.onLost?.(err);
        },
      });
      lastFailure = null;
      return true;
    } catch (err) {
      lastFailure = err;
      return false;
    }
  }

  await tryLock();

  return {
    get held() {
      return releaseLock !== null;
    },
    notice: () => (releaseLock ? null : readOnlyWords(dataDir, lastFailure)),
    async ensureWritable() {
      if (releaseLock || (await tryLock())) return;
      const words = readOnlyWords(dataDir, lastFailure);
      throw new ViewerError(
        'read-only',
        `${words.message} 这次的修改没有保存。`,
        `${words.messageEn} This change was not saved.`,
        `${dataDir}: ${errorMessage(lastFailure)}`,
      );
    },
    async release() {
      closed = true;
      const release = releaseLock;
      releaseLock = null;
      await release?.().catch(() => undefined);
    },
  };
}

function readOnlyWords(dataDir: string, failure: unknown): UserNotice {
  if (isErrno(failure, 'ELOCKED') || failure === null) {
    return {
      message: `报告阅读器已在另一个窗口中打开，并且正在使用同一个数据文件夹（${dataDir}）。为了不互相覆盖批注，这个窗口只能阅读，不能保存修改。请在另一个窗口中修改，或者关闭另一个窗口后再保存。`,
      messageEn: `The report viewer is already open in another window using the same data folder (${dataDir}). So that the two do not overwrite each other's notes, this window is read-only and cannot save changes. Make changes in the other window, or close it and then save here.`,
    };
  }
  const why = plainCause(failure);
  return {
    message: `无法锁定数据文件夹（${dataDir}）：${why.zh}。为了不覆盖别处的修改，这个窗口只能阅读，不能保存修改。`,
    messageEn: `The data folder (${dataDir}) could not be locked: ${why.en}. So as not to overwrite changes made elsewhere, this window is read-only and cannot save changes.`,
  };
}
