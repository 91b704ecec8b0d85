/**
 * Resolves a URL path to a file of the built renderer, refusing anything outside its folder,
 * and names its MIME type. Shared by the app:// protocol and the browser host (which also opens
 * the file here, safely).
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname ("/assets/a.js", percent-encoded) to an absolute file path inside
 * `root`, or null if it is malformed or would leave `root`. "/" means "/index.html".
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..')) return null;
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, relative);
  if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) return null;
  return file;
}

export type OpenedStaticFile =
  | { ok: true; file: string; handle: FileHandle; size: number }
  /**
   * 'missing': no such file (or not a regular file, or outside the root); 'forbidden': it is
   * there but we may not read it; 'failed': reading it failed otherwise (EIO, EMFILE, …).
   */
  | { ok: false; reason: 'missing' | 'forbidden' | 'failed'; detail: string };

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG']);
const FORBIDDEN_CODES = new Set(['EACCES', 'EPERM']);

/**
 * Opens the file a URL path names, for reading, or says why not; never throws. The file is
 * opened once and its size read from the open handle, so nothing can change between the check
 * and the read. A symbolic link is followed only when the file it reaches is inside the root
 * (its real path is checked), so a link cannot hand out a file from elsewhere.
 */
export async function openStaticFile(root: string, urlPathname: string): Promise<OpenedStaticFile> {
  const file = resolveStaticPath(root, urlPathname);
  if (file === null) return { ok: false, reason: 'missing', detail: 'outside the root' };
  let handle: FileHandle | null = null;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep)) {
      return { ok: false, reason: 'missing', detail: 'a link out of the root' };
    }
    handle = await fs.open(realFile, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return { ok: false, reason: 'missing', detail: 'not a regular file' };
    }
    return { ok: true, file, handle, size: stat.size };
  } catch (err) {
    await handle?.close().catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const detail = err instanceof Error ? err.message : String(err);
    const reason = MISSING_CODES.has(code)
      ? 'missing'
      : FORBIDDEN_CODES.has(code)
        ? 'forbidden'
        : 'failed';
    return { ok: false, reason, detail };
  }
}
