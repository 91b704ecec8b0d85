/**
 * Turns any string (a report id) into a file name that is safe and distinct on every file
 * system the app runs on. Distinct matters as much as safe: two reports must never share a
 * file, so the mapping is one-to-one even on case-insensitive (Windows, macOS) and
 * normalising (macOS) file systems.
 *
 * - Lower-case ASCII letters, digits, `_ - .` and CJK ideographs are kept, so typical names
 *   stay readable ("2024年报告.txt"). They have no case and no Unicode normal forms.
 * - Everything else, upper-case letters included, becomes `%XX` per UTF-8 byte (upper-case
 *   hex), and a lone UTF-16 surrogate `%uXXXX`, so no two inputs can encode alike.
 * - A leading dot (hidden files, "." and "..") and Windows device names (CON, NUL, COM1…,
 *   which Windows reserves whatever the extension) get their first character encoded.
 * - A name too long for the file system (with room left for `.json.bak`, temp and
 *   `.corrupt-<time>` suffixes) is cut and ends in `~` and a hash of the whole input. `~` is
 *   never produced otherwise, so cut names cannot collide with uncut ones.
 */
import { createHash } from 'node:crypto';

/** In UTF-8 bytes; file systems allow 255, suffixes added later need about 60. */
export const SAFE_NAME_MAX_BYTES = 150;
const HASH_LENGTH = 16;

const KEPT = /^[a-z0-9_.\-\u3400-\u4dbf\u4e00-\u9fff]$/u;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/;

export function safeFileName(input: string): string {
  const pieces: string[] = [];
  for (const ch of input) pieces.push(KEPT.test(ch) ? ch : encodeChar(ch));

  const first = pieces[0];
  const stem = pieces.slice(0, pieces.indexOf('.') === -1 ? undefined : pieces.indexOf('.'));
  if (first !== undefined && (first === '.' || WINDOWS_DEVICE.test(stem.join('')))) {
    pieces[0] = encodeChar(first);
  }

  const name = pieces.join('');
  if (input.length > 0 && Buffer.byteLength(name) <= SAFE_NAME_MAX_BYTES) return name;

  // Too long (or empty): keep a readable start, cut between pieces, and make it unique.
  const hash = createHash('sha256').update(input, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  const room = SAFE_NAME_MAX_BYTES - HASH_LENGTH - 1;
  let head = '';
  for (const piece of pieces) {
    if (Buffer.byteLength(head + piece) > room) break;
    head += piece;
  }
  return `${head}~${hash}`;
}

function encodeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // A lone surrogate has no UTF-8 form (Buffer would turn every one into U+FFFD).
  if (code >= 0xd800 && code <= 0xdfff) return `%u${code.toString(16).toUpperCase()}`;
  let out = '';
  for (const byte of Buffer.from(ch, 'utf8')) {
    out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
