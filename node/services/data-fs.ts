/**
 * The few file-system calls the user-data code makes, behind one small interface so tests can
 * make the disk misbehave the way real disks do: a short write, a disk that fills up after N
 * bytes, a read that fails with EIO once, a file the user may not read.
 */
import { promises as fs } from 'node:fs';

/** An open file, as much of fs.promises.FileHandle as the writers use. */
export interface DataFileHandle {
  /** May write fewer bytes than asked (a short write); the caller loops. */
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export interface DataFs {
  readFile(file: string): Promise<Buffer>;
  /** Opens for writing; `wx` creates a new file and fails if one exists. */
  open(file: string, flags: 'wx' | 'r'): Promise<DataFileHandle>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  stat(file: string): Promise<FileStamp>;
  readdir(dir: string): Promise<string[]>;
  lstat(file: string): Promise<FileStamp>;
}

export const nodeDataFs: DataFs = {
  readFile: (file) => fs.readFile(file),
  open: (file, flags) => fs.open(file, flags, 0o600),
  rename: (from, to) => fs.rename(from, to),
  remove: (file) => fs.rm(file, { force: true }),
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true });
  },
  stat: async (file) => {
    const s = await fs.stat(file);
    return { mtimeMs: s.mtimeMs, size: s.size };
  },
  lstat: async (file) => {
    const s = await fs.lstat(file);
    return { mtimeMs: s.mtimeMs, size: s.size };
  },
  readdir: (dir) => fs.readdir(dir),
};

export function isErrno(err: unknown, ...codes: string[]): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && codes.includes(code);
}

export function errnoOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** An error carrying a system code, as Node's own are, for failures we detect ourselves. */
export function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Read errors that often pass: a disk or network share that hiccups, a file briefly locked. */
const TRANSIENT_READ_ERRORS = ['EIO', 'EAGAIN', 'EBUSY'];
const READ_ATTEMPTS = 4;

export type ReadOutcome =
  | { status: 'missing' }
  | { status: 'ok'; bytes: Buffer; stamp: FileStamp }
  /** The file is there but could not be read: not the same as damaged, nothing is set aside. */
  | { status: 'unreadable'; error: unknown };

/**
 * Reads a whole file, retrying errors that are usually transient. The stamp is taken before
 * the bytes, so a change in between shows up later as a changed stamp, never as a missed one.
 */
export async function readFileRetrying(fs: DataFs, file: string): Promise<ReadOutcome> {
  const read = await readRetrying(async () => {
    const stamp = await fs.stat(file);
    const bytes = await fs.readFile(file);
    return { bytes, stamp };
  });
  return read.status === 'ok' ? { status: 'ok', ...read.value } : read;
}

export type RetriedRead<T> =
  { status: 'missing' } | { status: 'ok'; value: T } | { status: 'unreadable'; error: unknown };

/**
 * Runs `read` (which reads one file its own way) until it succeeds, the file is missing
 * (ENOENT), or it fails with an error that is not transient or keeps failing.
 */
export async function readRetrying<T>(read: () => Promise<T>): Promise<RetriedRead<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { status: 'ok', value: await read() };
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return { status: 'missing' };
      if (isErrno(err, ...TRANSIENT_READ_ERRORS) && attempt < READ_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        continue;
      }
      return { status: 'unreadable', error: err };
    }
  }
}
