/**
 * Safe JSON files for user data. Writes are verified and atomic (see safe-write.ts) and keep
 * the previous version as `<file>.bak`. A file whose bytes are there but are not JSON is moved
 * aside, never overwritten; a file that cannot be read (no permission, a failing disk) is left
 * exactly where it is and reported as unreadable, which is not the same as damaged.
 */
import {
  errnoOf,
  errorMessage,
  isErrno,
  nodeDataFs,
  readFileRetrying,
  type DataFs,
  type FileStamp,
} from './data-fs';
import { backupPathFor, freeAsidePath, writeFileWithBackup } from './safe-write';

export { backupPathFor, errorMessage, isErrno };

export type JsonReadResult =
  | { status: 'missing' }
  | { status: 'ok'; data: unknown }
  | { status: 'corrupt'; movedTo: string; reason: string }
  | { status: 'unreadable'; code: string | undefined; error: unknown };

/** What readJsonBytes found, with the bytes and stamp the caller may need to detect changes. */
export type JsonBytesResult =
  | { status: 'missing' }
  | { status: 'ok'; data: unknown; bytes: Buffer; stamp: FileStamp }
  | { status: 'corrupt'; movedTo: string; reason: string }
  | { status: 'unreadable'; code: string | undefined; error: unknown };

/** Reads a JSON file. A file that exists but is not valid JSON is moved aside. */
export async function readJsonFile(file: string, fs: DataFs = nodeDataFs): Promise<JsonReadResult> {
  const read = await readJsonBytes(file, fs);
  return read.status === 'ok' ? { status: 'ok', data: read.data } : read;
}

export async function readJsonBytes(
  file: string,
  fs: DataFs = nodeDataFs,
): Promise<JsonBytesResult> {
  const read = await readFileRetrying(fs, file);
  if (read.status === 'missing') return read;
  if (read.status === 'unreadable') {
    // A folder where the file should be is not a read error that may pass: set it aside so
    // the file can be written again.
    if (isErrno(read.error, 'EISDIR')) {
      return setAside(file, `not a file: ${errorMessage(read.error)}`, fs);
    }
    return { status: 'unreadable', code: errnoOf(read.error), error: read.error };
  }
  try {
    const data = parseJsonBytes(read.bytes);
    return { status: 'ok', data, bytes: read.bytes, stamp: read.stamp };
  } catch (err) {
    return setAside(file, `not valid JSON: ${errorMessage(err)}`, fs);
  }
}

export function parseJsonBytes(bytes: Buffer): unknown {
  return JSON.parse(bytes.toString('utf8')) as unknown;
}

/** Moves a bad file to `<file>.corrupt-<time>` so it is kept for the user and never overwritten. */
export async function setAside(
  file: string,
  reason: string,
  fs: DataFs = nodeDataFs,
): Promise<{ status: 'corrupt'; movedTo: string; reason: string }> {
  const movedTo = await freeAsidePath(fs, file, 'corrupt');
  await fs.rename(file, movedTo);
  return { status: 'corrupt', movedTo, reason };
}

/** The bytes stored for a value: what the writer writes and what change detection hashes. */
export function serializeJson(data: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
}

/**
 * Writes `data` as JSON, verified and atomically; the current file, if it parses, becomes
 * `<file>.bak`.
 */
export async function writeJsonFileAtomic(
  file: string,
  data: unknown,
  fs: DataFs = nodeDataFs,
): Promise<void> {
  await writeFileWithBackup(file, serializeJson(data), {
    fs,
    verify: (bytes) => void parseJsonBytes(bytes),
    isValid: (bytes) => {
      try {
        parseJsonBytes(bytes);
        return true;
      } catch {
        return false;
      }
    },
  });
}
