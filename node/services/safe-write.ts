/**
 * Verified, atomic writes for everything the app writes for the user: annotations, settings,
 * window state and exported PDFs.
 *
 * Not write-file-atomic: it issues one fs.write and takes a short write (which is what a
 * nearly full disk gives) for success, so on a full disk it renamed a truncated file over a
 * good one and reported the save as done. Here every write is checked end to end:
 *
 *   1. a new temp file in the same folder (same file system, so the rename is atomic);
 *   2. written in a loop until every byte is on it (a short write continues, 0 bytes is an error);
 *   3. fsync, close, then read back and compared (and, for JSON, parsed) before it is used;
 *   4. renamed over the target, then the folder fsynced so the rename itself survives a crash.
 *
 * Any failure before the rename removes the temp file and leaves the target as it was.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  errnoError,
  isErrno,
  nodeDataFs,
  readFileRetrying,
  type DataFileHandle,
  type DataFs,
} from './data-fs';

export interface SafeWriteOptions {
  fs?: DataFs;
  /** Throws if the bytes read back are not acceptable (e.g. do not parse). */
  verify?: (bytes: Buffer) => void;
}

/** `<name>.tmp-<pid>-<random>`: ours, and says which process is writing it. */
const TEMP_PATTERN = /^\.tmp-(\d{1,10})-[0-9a-f]{8,32}$/;
/** write-file-atomic's `<name>.<number>`, left behind by versions before this one. */
const LEGACY_TEMP_PATTERN = /^\.\d{1,10}$/;
/** A temp file this old is never in flight, whoever wrote it. */
export const STALE_TEMP_AGE_MS = 10 * 60_000;

export function tempPathFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function backupPathFor(file: string): string {
  return `${file}.bak`;
}

/** Writes `bytes` to `file` as described above. */
export async function writeFileVerified(
  file: string,
  bytes: Buffer,
  options: SafeWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeDataFs;
  const temp = await writeTemp(fs, file, bytes, options.verify);
  await commit(fs, temp, file);
  await syncFolder(fs, path.dirname(file));
}

export interface BackupWriteOptions extends SafeWriteOptions {
  /** Whether the current file is worth keeping as the backup (it parses). */
  isValid: (bytes: Buffer) => boolean;
}

/**
 * Writes `file` and keeps its previous content as `<file>.bak`, never making the backup from a
 * file that does not parse (a main file that was damaged is moved aside instead, not copied
 * over a good backup).
 *
 * Both temp files are written and verified before either is renamed, so a disk that fills up
 * changes nothing. The order of the renames keeps every crash point safe: after the backup's
 * rename the main file is still the old one (and equal to the backup); after the main's rename
 * both are complete. The main file is never missing.
 */
export async function writeFileWithBackup(
  file: string,
  bytes: Buffer,
  options: BackupWriteOptions,
): Promise<void> {
  const fs = options.fs ?? nodeDataFs;
  const folder = path.dirname(file);
  await fs.mkdir(folder);
  const previous = await readFileRetrying(fs, file);
  if (previous.status === 'unreadable') throw previous.error;

  const mainTemp = await writeTemp(fs, file, bytes, options.verify);
  try {
    if (previous.status === 'ok' && previous.bytes.length > 0) {
      if (options.isValid(previous.bytes)) {
        const backupTemp = await writeTemp(fs, backupPathFor(file), previous.bytes, undefined);
        await commit(fs, backupTemp, backupPathFor(file));
      } else {
        // Copied aside for the user (not moved: the main file must never be missing, even
        // for a moment a crash could catch); the good backup stays as it is.
        await writeFileVerified(await freeAsidePath(fs, file, 'corrupt'), previous.bytes, { fs });
      }
    }
  } catch (err) {
    await fs.remove(mainTemp).catch(() => undefined);
    throw err;
  }
  await commit(fs, mainTemp, file);
  await syncFolder(fs, folder);
}

/** `<file>.<label>-<time>`, with a counter if that name is taken; never an existing file. */
export async function freeAsidePath(fs: DataFs, file: string, label: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let candidate = `${file}.${label}-${stamp}`;
  for (let n = 1; await exists(fs, candidate); n++) {
    if (n > 1000) throw errnoError('EEXIST', `no free name beside ${file}`);
    candidate = `${file}.${label}-${stamp}-${n}`;
  }
  return candidate;
}

async function writeTemp(
  fs: DataFs,
  file: string,
  bytes: Buffer,
  verify: ((bytes: Buffer) => void) | undefined,
): Promise<string> {
  const temp = tempPathFor(file);
  let handle: DataFileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await writeAll(handle, bytes, temp);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    const back = await fs.readFile(temp);
    if (!back.equals(bytes)) {
      throw errnoError(
        'EIO',
        `${temp} reads back ${back.length} bytes, not the ${bytes.length} written`,
      );
    }
    verify?.(back);
    return temp;
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.remove(temp).catch(() => undefined);
    throw err;
  }
}

async function writeAll(handle: DataFileHandle, bytes: Buffer, temp: string): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
    if (!(bytesWritten > 0)) {
      // A write that makes no progress would loop for ever; treat it as the failure it is.
      throw errnoError('EIO', `no bytes written to ${temp} at ${offset} of ${bytes.length}`);
    }
    offset += bytesWritten;
  }
}

async function commit(fs: DataFs, temp: string, file: string): Promise<void> {
  try {
    await fs.rename(temp, file);
  } catch (err) {
    await fs.remove(temp).catch(() => undefined);
    throw err;
  }
}

/**
 * Makes a rename durable. Some systems cannot open or fsync a folder (Windows; some network
 * file systems): the rename is done by then, so that is not reported as a failed save.
 */
async function syncFolder(fs: DataFs, folder: string): Promise<void> {
  let handle: DataFileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // See above: best effort where the platform does not offer it.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function exists(fs: DataFs, file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (err) {
    return !isErrno(err, 'ENOENT');
  }
}

/**
 * Removes temp files a killed writer left beside `file` (or its backup). They only ever hold
 * a write that was never acknowledged. Call it only as the folder's one writer (the data-folder
 * lock held): it touches only our own temp names, and of those only files that cannot be in
 * flight: written by a process that no longer runs, or older than STALE_TEMP_AGE_MS.
 */
export async function removeStaleTempFiles(
  file: string,
  fs: DataFs = nodeDataFs,
  now: number = Date.now(),
): Promise<string[]> {
  const folder = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return []; // No folder yet, or unreadable: nothing to tidy, and loading reports the rest.
  }
  const removed: string[] = [];
  for (const name of names) {
    const writer = tempWriter(base, name);
    if (writer === null) continue;
    const full = path.join(folder, name);
    let old: boolean;
    try {
      old = now - (await fs.lstat(full)).mtimeMs > STALE_TEMP_AGE_MS;
    } catch {
      continue;
    }
    const writerGone = writer !== 'legacy' && writer !== process.pid && !isRunning(writer);
    if (!old && !writerGone) continue;
    await fs.remove(full).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** The pid in one of our temp names for `base`, 'legacy' for write-file-atomic's, else null. */
function tempWriter(base: string, name: string): number | 'legacy' | null {
  for (const target of [base, backupPathFor(base)]) {
    if (!name.startsWith(target)) continue;
    const rest = name.slice(target.length);
    const ours = TEMP_PATTERN.exec(rest);
    if (ours) return Number(ours[1]);
    if (LEGACY_TEMP_PATTERN.test(rest)) return 'legacy';
  }
  return null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user. Only "no such process" means it is gone.
    return !isErrno(err, 'ESRCH');
  }
}
