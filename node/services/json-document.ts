/**
 * A user-data JSON file kept in memory, the same idea as the settings store, shared so every
 * store gets it right: loaded with its backup as the fallback (a damaged file is set aside and
 * the user told), changed one change at a time in arrival order, and the in-memory value
 * replaced only after the new file is on disk. A caller whose change resolved knows it is
 * saved; a caller whose write failed knows that memory and the file are as they were.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeJsonFileAtomic } from './json-file';
import { loadJsonWithBackup, type ParseOutcome, type UserNotice } from './load-with-backup';
import { SerialQueue } from './serial-queue';

/** Writes a whole file atomically; injectable so tests can make writes fail. */
export type JsonWriter = (file: string, data: unknown) => Promise<void>;

/** What a change decides: its result, and the new value to write (none: nothing to write). */
export interface Change<T, R> {
  next?: T;
  result: R;
}

export interface JsonDocument<T> {
  /** The value as it is on disk (or was loaded). */
  get(): T;
  /** What loading found wrong, in plain words; null when it loaded cleanly or was missing. */
  readonly notice: UserNotice | null;
  /**
   * Queues a change. `compute` sees the value left by every earlier change; a throw from it,
   * or a failed write, rejects with nothing changed.
   */
  change<R>(compute: (current: T) => Change<T, R>): Promise<R>;
  /** Resolves when every change queued so far has finished. */
  flush(): Promise<void>;
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
}

export async function openJsonDocument<T>(
  options: JsonDocumentOptions<T>,
): Promise<JsonDocument<T>> {
  const { file, toJson } = options;
  const write = options.write ?? writeJsonFileAtomic;
  const loaded = await loadJsonWithBackup(file, options.what, options.parse);
  await removeStaleTempFiles(file);
  let current: T = loaded.value ?? options.empty();
  const queue = new SerialQueue();

  return {
    notice: loaded.notice,
    get: () => current,
    change: (compute) =>
      queue.run(async () => {
        const decided = compute(current);
        if (decided.next === undefined) return decided.result;
        await write(file, toJson(decided.next));
        current = decided.next;
        return decided.result;
      }),
    flush: () => queue.idle(),
  };
}

/**
 * write-file-atomic writes `<file>.<number>` and renames it over the file. A process killed
 * in between leaves that temp file behind for good; it only ever holds a write that was never
 * acknowledged, so it is removed when the file is next opened (before any write of ours to it).
 */
export async function removeStaleTempFiles(file: string): Promise<void> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return; // No folder yet, or unreadable: nothing to tidy, and loading already reported it.
  }
  for (const name of names) {
    if (!isTempNameFor(base, name)) continue;
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isTempNameFor(base: string, name: string): boolean {
  for (const target of [base, `${base}.bak`]) {
    if (name.startsWith(`${target}.`) && /^\d{1,10}$/.test(name.slice(target.length + 1))) {
      return true;
    }
  }
  return false;
}
