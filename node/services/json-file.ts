/**
 * Safe JSON files for user data. Writes are atomic (temp file, fsync, rename — by
 * write-file-atomic) and keep the previous version as `<file>.bak`. A file that cannot be
 * read as JSON is moved aside, never overwritten, so nothing the user had is destroyed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export type JsonReadResult =
  | { status: 'missing' }
  | { status: 'ok'; data: unknown }
  | { status: 'corrupt'; movedTo: string; reason: string };

export function backupPathFor(file: string): string {
  return `${file}.bak`;
}

/** Reads a JSON file. A file that exists but is not valid JSON is moved aside. */
export async function readJsonFile(file: string): Promise<JsonReadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return { status: 'missing' };
    // Unreadable (permissions, a directory in its place…): set it aside like a corrupt file.
    return setAside(file, `unreadable: ${errorMessage(err)}`);
  }
  try {
    return { status: 'ok', data: JSON.parse(text) as unknown };
  } catch (err) {
    return setAside(file, `not valid JSON: ${errorMessage(err)}`);
  }
}

/** Moves a bad file to `<file>.corrupt-<time>` so it is kept for the user and never overwritten. */
export async function setAside(file: string, reason: string): Promise<JsonReadResult> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let movedTo = `${file}.corrupt-${stamp}`;
  for (let n = 1; await exists(movedTo); n++) movedTo = `${file}.corrupt-${stamp}-${n}`;
  await fs.rename(file, movedTo);
  return { status: 'corrupt', movedTo, reason };
}

/**
 * Writes `data` as JSON atomically. The current file (the last good state, since only this
 * function writes it) is first copied to `<file>.bak`, itself atomically.
 */
export async function writeJsonFileAtomic(file: string, data: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify(data, null, 2)}\n`;
  let previous: Buffer | null = null;
  try {
    previous = await fs.readFile(file);
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
  }
  if (previous !== null && previous.length > 0) {
    await writeFileAtomic(backupPathFor(file), previous);
  }
  await writeFileAtomic(file, text, { encoding: 'utf8' });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

export function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
