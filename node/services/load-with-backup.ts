/**
 * Loads a user-data JSON file with its backup as the fallback. What happened is returned as a
 * plain-language notice for the user: which file was damaged, where it was put, what was used.
 *
 * Only a file whose bytes are there and do not parse is damaged. A file that cannot be read
 * (no permission, a disk error that persists after retries) is left where it is, the backup is
 * not loaded over it, and loading fails with a plain error saying so.
 */
import { createHash } from 'node:crypto';
import { nodeDataFs, type DataFs, type FileStamp } from './data-fs';
import { readFailure } from './io-failure';
import { backupPathFor, readJsonBytes, setAside } from './json-file';

export interface UserNotice {
  message: string;
  messageEn: string;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The main file as this process last loaded or wrote it, to notice changes made by others. */
export interface SeenFile extends FileStamp {
  sha256: string;
}

export interface LoadResult<T> {
  /** The loaded value, or null when there was nothing usable (start from defaults). */
  value: T | null;
  notice: UserNotice | null;
  /** The main file as loaded; null when it was missing or set aside. */
  seen: SeenFile | null;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * @param what the file's meaning for the user, e.g. { zh: '设置', en: 'settings' }
 * @param parse validates the JSON; a value that fails is treated like a corrupt file
 * @throws ViewerError when the main file is there but cannot be read
 */
export async function loadJsonWithBackup<T>(
  file: string,
  what: { zh: string; en: string },
  parse: (raw: unknown) => ParseOutcome<T>,
  fs: DataFs = nodeDataFs,
): Promise<LoadResult<T>> {
  const primary = await readValid(file, parse, fs);
  if (primary.status === 'ok') {
    return { value: primary.value, notice: null, seen: primary.seen };
  }
  if (primary.status === 'missing') return { value: null, notice: null, seen: null };
  if (primary.status === 'unreadable') throw readFailure(what, file, primary.error);

  const backup = await readValid(backupPathFor(file), parse, fs);
  const movedTo = primary.movedTo;
  if (backup.status === 'ok') {
    return {
      value: backup.value,
      seen: null,
      notice: {
        message: `${what.zh}文件已损坏，无法读取。已改用上一次保存的备份。损坏的文件已保留在：${movedTo}`,
        messageEn: `The ${what.en} file was damaged and could not be read. The last saved backup is used instead. The damaged file was kept at: ${movedTo}`,
      },
    };
  }
  return {
    value: null,
    seen: null,
    notice: {
      message: `${what.zh}文件已损坏，且没有可用的备份，已使用默认值。损坏的文件已保留在：${movedTo}`,
      messageEn: `The ${what.en} file was damaged and no usable backup was found, so defaults are used. The damaged file was kept at: ${movedTo}`,
    },
  };
}

type ValidRead<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T; seen: SeenFile }
  | { status: 'corrupt'; movedTo: string }
  | { status: 'unreadable'; error: unknown };

async function readValid<T>(
  file: string,
  parse: (raw: unknown) => ParseOutcome<T>,
  fs: DataFs,
): Promise<ValidRead<T>> {
  const read = await readJsonBytes(file, fs);
  if (read.status !== 'ok') return read;
  const parsed = parse(read.data);
  if (parsed.ok) {
    return {
      status: 'ok',
      value: parsed.value,
      seen: { ...read.stamp, sha256: sha256(read.bytes) },
    };
  }
  return setAside(file, parsed.reason, fs);
}
