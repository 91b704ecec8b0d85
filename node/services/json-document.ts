/**
 * A user-data JSON file kept in memory, the same idea as the settings store, shared so every
 * store gets it right: loaded with its backup as the fallback (a damaged file is set aside and
 * the user told), changed one change at a time in arrival order, and the in-memory value
 * replaced only after the new file is on disk. A caller whose change resolved knows it is
 * saved; a caller whose write failed knows that memory and the file are as they were.
 *
 * Before each write the file is compared with what this process last loaded or wrote (mtime
 * and size, then a hash when those differ). A file changed by someone else (a sync tool, a
 * second copy of the app) is not overwritten: their version is kept beside it as
 * `<file>.external-<time>`, merged with ours, and the user is told.
 */
import { ViewerError } from '../../core/api/errors';
import { isErrno, nodeDataFs, readFileRetrying, type DataFs } from './data-fs';
import { parseJsonBytes, serializeJson } from './json-file';
import {
  loadJsonWithBackup,
  sha256,
  type ParseOutcome,
  type SeenFile,
  type UserNotice,
} from './load-with-backup';
import {
  freeAsidePath,
  removeStaleTempFiles,
  writeFileVerified,
  writeFileWithBackup,
} from './safe-write';
import { SerialQueue } from './serial-queue';

/** Writes a whole file; injectable so tests can make writes fail. */
export type JsonWriter = (file: string, data: unknown) => Promise<void>;

/** What a change decides: its result, and the new value to write (none: nothing to write). */
export interface Change<T, R> {
  next?: T;
  result: R;
  /** Runs once the new value is on disk, before the next change starts. */
  afterWrite?: () => void;
}

export interface JsonDocument<T> {
  /** The value as it is on disk (or was loaded). */
  get(): T;
  /**
   * What loading found wrong, and changes made to the file by others, in plain words; empty
   * when nothing happened. Grows during the run.
   */
  readonly notices: readonly UserNotice[];
  /**
   * Queues a change. `compute` sees the value left by every earlier change (and merged with
   * any change made by someone else); a throw from it, or a failed write, rejects with nothing
   * changed.
   */
  change<R>(compute: (current: T) => Change<T, R>): Promise<R>;
  /** Resolves when every change queued so far has finished. */
  flush(): Promise<void>;
  /**
   * Takes in a version someone else wrote since we last saw the file, when `mayAdopt` says
   * nothing of ours would be lost by it (e.g. nothing was changed here in this session);
   * otherwise that is left to the next change, which merges. Memory stays equal to the disk.
   */
  refresh(mayAdopt: () => boolean): Promise<void>;
}

export interface JsonDocumentOptions<T> {
  file: string;
  /** The file's meaning for the user, for notices: { zh: '设置', en: 'settings' }. */
  what: { zh: string; en: string };
  /** Validates the stored JSON; a value that fails is treated like a damaged file. */
  parse: (raw: unknown) => ParseOutcome<T>;
  /** The value when there is no usable file. */
  empty: () => T;
  /** The JSON to store for a value. */
  toJson: (value: T) => unknown;
  write?: JsonWriter;
  fs?: DataFs;
  /** Runs before every write; throws (e.g. another process has the folder) to refuse it. */
  beforeWrite?: () => Promise<void>;
  /** Whether this process is the folder's one writer and may remove stale temp files. */
  mayTidy?: () => boolean;
  /**
   * Combines a version someone else wrote with ours. Default: theirs (the change being made
   * is then applied to it).
   */
  mergeExternal?: (theirs: T, ours: T) => T;
  /**
   * A file that is there but cannot be read: 'fail' (opening rejects with a plain error) or
   * 'start-empty' (start from empty(), say so, and refuse every write so it is not overwritten).
   */
  whenUnreadable?: 'fail' | 'start-empty';
}

export async function openJsonDocument<T>(
  options: JsonDocumentOptions<T>,
): Promise<JsonDocument<T>> {
  const { file, toJson, parse, what } = options;
  const fs = options.fs ?? nodeDataFs;
  const notices: UserNotice[] = [];
  let current: T;
  let seen: SeenFile | null;
  let unreadable: ViewerError | null = null;
  try {
    const loaded = await loadJsonWithBackup(file, what, parse, fs);
    current = loaded.value ?? options.empty();
    seen = loaded.seen;
    if (loaded.notice) notices.push(loaded.notice);
  } catch (err) {
    if (options.whenUnreadable !== 'start-empty' || !(err instanceof ViewerError)) throw err;
    unreadable = err;
    current = options.empty();
    seen = null;
    notices.push({ message: err.message, messageEn: err.messageEn });
  }
  if (options.mayTidy?.()) await removeStaleTempFiles(file, fs);

  const parsesAsOurs = (bytes: Buffer): boolean => {
    if (seen && sha256(bytes) === seen.sha256) return true;
    try {
      return parse(parseJsonBytes(bytes)).ok;
    } catch {
      return false;
    }
  };
  const write: JsonWriter =
    options.write ??
    ((target, data) =>
      writeFileWithBackup(target, serializeJson(data), {
        fs,
        verify: (bytes) => void parseJsonBytes(bytes),
        // The backup is only ever a version that loads (ours, or one that parses as ours).
        isValid: parsesAsOurs,
      }));

  /** Someone else's version of the file, if it changed since we last saw it. */
  async function theirVersion(): Promise<{
    bytes: Buffer;
    value: T | null;
    seen: SeenFile;
  } | null> {
    let stamp;
    try {
      stamp = await fs.stat(file);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return null; // Deleted: our next write puts it back.
      throw err;
    }
    if (seen && stamp.mtimeMs === seen.mtimeMs && stamp.size === seen.size) return null;
    const read = await readFileRetrying(fs, file);
    if (read.status === 'missing') return null;
    if (read.status === 'unreadable') throw read.error;
    const hash = sha256(read.bytes);
    if (seen && hash === seen.sha256) {
      seen = { ...read.stamp, sha256: hash }; // Touched, not changed.
      return null;
    }
    let value: T | null = null;
    try {
      const parsed = parse(parseJsonBytes(read.bytes));
      if (parsed.ok) value = parsed.value;
    } catch {
      // Not JSON: kept aside below, and ours is written.
    }
    return { bytes: read.bytes, value, seen: { ...read.stamp, sha256: hash } };
  }

  const queue = new SerialQueue();
  return {
    notices,
    get: () => current,
    change: (compute) =>
      queue.run(async () => {
        if (unreadable) {
          // Still computed, so a change that writes nothing (or is invalid) answers as usual.
          const decided = compute(current);
          if (decided.next === undefined) return decided.result;
          throw refusedUnreadable(what, unreadable);
        }
        const theirs = await theirVersion();
        const base =
          theirs?.value != null
            ? (options.mergeExternal ?? ((t: T) => t))(theirs.value, current)
            : current;
        const decided = compute(base);
        // Their version replaces ours in memory only once the merged file is on disk, so a
        // change that writes nothing leaves the merge to the next one that does.
        const next = decided.next;
        if (next === undefined) return decided.result;
        await options.beforeWrite?.();

        let keptAt: string | null = null;
        if (theirs) {
          keptAt = await freeAsidePath(fs, file, 'external');
          await writeFileVerified(keptAt, theirs.bytes, { fs });
        }
        const data = toJson(next);
        try {
          await write(file, data);
        } catch (err) {
          if (keptAt) await fs.remove(keptAt).catch(() => undefined);
          throw err;
        }
        current = next;
        const hash = sha256(serializeJson(data));
        seen = await fs.stat(file).then(
          (stamp) => ({ ...stamp, sha256: hash }),
          // Unknown stamp: the next change reads the file and finds it is ours by its hash.
          () => ({ mtimeMs: -1, size: -1, sha256: hash }),
        );
        if (theirs && keptAt) notices.push(externalNotice(what, keptAt, theirs.value !== null));
        decided.afterWrite?.();
        return decided.result;
      }),
    flush: () => queue.idle(),
    refresh: (mayAdopt) =>
      queue.run(async () => {
        if (unreadable) return;
        let theirs;
        try {
          theirs = await theirVersion();
        } catch {
          // Reading on: what is in memory is still what was last on disk, and the next save
          // checks the file again and reports a failure plainly.
          return;
        }
        if (theirs?.value == null || !mayAdopt()) return;
        current = theirs.value;
        seen = theirs.seen;
      }),
  };
}

function externalNotice(
  what: { zh: string; en: string },
  keptAt: string,
  merged: boolean,
): UserNotice {
  if (!merged) {
    return {
      message: `${what.zh}文件在阅读器之外被改动过，而且改动后的文件无法读取。阅读器保存了自己的版本；被改动的文件另存在：${keptAt}`,
      messageEn: `The ${what.en} file was changed outside the viewer and the changed file could not be read. The viewer saved its own version; the changed file was kept at: ${keptAt}`,
    };
  }
  return {
    message: `${what.zh}文件在阅读器之外被改动过（例如同步工具或另一个程序）。两边的内容已经合并：别处新增或修改的都保留了，本次在阅读器中修改的以阅读器为准。改动后的原文件另存在：${keptAt}`,
    messageEn: `The ${what.en} file was changed outside the viewer (for example by a sync tool or another program). Both versions were merged: what was added or changed elsewhere is kept, and what you changed in the viewer this session takes precedence. The changed file as found was kept at: ${keptAt}`,
  };
}

function refusedUnreadable(what: { zh: string; en: string }, cause: ViewerError): ViewerError {
  return new ViewerError(
    'io-error',
    `修改没有保存：${what.zh}文件无法读取，为了不覆盖它，阅读器不会写入它。${cause.message}`,
    `The change was not saved: the ${what.en} file could not be read, so the viewer will not overwrite it. ${cause.messageEn}`,
    cause.detail,
  );
}
