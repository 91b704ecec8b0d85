/**
 * Loads a user-data JSON file with its backup as the fallback. What happened is returned as a
 * plain-language notice for the user: which file was damaged, where it was put, what was used.
 */
import { backupPathFor, readJsonFile, setAside } from './json-file';

export interface UserNotice {
  message: string;
  messageEn: string;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface LoadResult<T> {
  /** The loaded value, or null when there was nothing usable (start from defaults). */
  value: T | null;
  notice: UserNotice | null;
}

/**
 * @param what the file's meaning for the user, e.g. { zh: '设置', en: 'settings' }
 * @param parse validates the JSON; a value that fails is treated like a corrupt file
 */
export async function loadJsonWithBackup<T>(
  file: string,
  what: { zh: string; en: string },
  parse: (raw: unknown) => ParseOutcome<T>,
): Promise<LoadResult<T>> {
  const primary = await readValid(file, parse);
  if (primary.status === 'ok') return { value: primary.value, notice: null };
  if (primary.status === 'missing') return { value: null, notice: null };

  const backup = await readValid(backupPathFor(file), parse);
  const movedTo = primary.movedTo;
  if (backup.status === 'ok') {
    return {
      value: backup.value,
      notice: {
        message: `${what.zh}文件已损坏，无法读取。已改用上一次保存的备份。损坏的文件已保留在：${movedTo}`,
        messageEn: `The ${what.en} file was damaged and could not be read. The last saved backup is used instead. The damaged file was kept at: ${movedTo}`,
      },
    };
  }
  return {
    value: null,
    notice: {
      message: `${what.zh}文件已损坏，且没有可用的备份，已使用默认值。损坏的文件已保留在：${movedTo}`,
      messageEn: `The ${what.en} file was damaged and no usable backup was found, so defaults are used. The damaged file was kept at: ${movedTo}`,
    },
  };
}

type ValidRead<T> =
  { status: 'missing' } | { status: 'ok'; value: T } | { status: 'corrupt'; movedTo: string };

async function readValid<T>(
  file: string,
  parse: (raw: unknown) => ParseOutcome<T>,
): Promise<ValidRead<T>> {
  const read = await readJsonFile(file);
  if (read.status !== 'ok') return read;
  const parsed = parse(read.data);
  if (parsed.ok) return { status: 'ok', value: parsed.value };
  const aside = await setAside(file, parsed.reason);
  return aside.status === 'corrupt' ? aside : { status: 'missing' };
}
