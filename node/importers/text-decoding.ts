/**
 * Decodes the bytes of a Chinese text file: a BOM decides; otherwise strict UTF-8; otherwise
 * whichever of GB18030, UTF-16LE and UTF-16BE reads as plausible text, with jschardet only
 * breaking a tie. Text that reads as garbage under every candidate is not guessed at.
 */
import { detectAll } from 'jschardet';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const DECODER_LABEL: Record<TextEncodingName, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
};

/** Decodes with one encoding; `fatal` makes invalid sequences an error instead of U+FFFD. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName, fatal = false): string {
  return new TextDecoder(DECODER_LABEL[encoding], { fatal, ignoreBOM: false }).decode(bytes);
}

/** The encoding a byte-order mark declares, and the mark's length. */
export function byteOrderMark(
  bytes: Uint8Array,
): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'UTF-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', length: 2 };
  return null;
}

// Characters a Chinese report is made of: Han, CJK and full-width punctuation, ASCII, common
// symbols (①, ℃, ×, ■, box drawing) and Latin-1. Random code units mostly fall outside.
const PLAUSIBLE =
  /[\p{Script=Han}\u0020-\u007e\t\n\r\f\u00a0-\u00ff\u2000-\u22ff\u2460-\u27bf\u3000-\u30ff\uff00-\uffef]/u;
const MIN_PLAUSIBLE = 0.9;
const MAX_REPLACEMENT = 0.002;

// Judging an encoding needs a sample, not a whole 30 MB file.
const SAMPLE = 256 * 1024;

/** Share of characters (code points) that belong in a Chinese text file; 0 for an empty text. */
export function plausibility(text: string): number {
  let total = 0;
  let good = 0;
  let replacements = 0;
  for (const char of text.length > SAMPLE ? text.slice(0, SAMPLE) : text) {
    total++;
    if (char === '\ufffd') replacements++;
    else if (PLAUSIBLE.test(char)) good++;
  }
  if (total === 0) return 0;
  if (replacements / total > MAX_REPLACEMENT) return 0;
  return good / total;
}

/** True when the text is readable Chinese-office text (the test for guessed encodings). */
export function isPlausibleText(text: string): boolean {
  return plausibility(text) >= MIN_PLAUSIBLE;
}

// eslint-disable-next-line no-control-regex -- control characters are what marks binary data
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/gu;

/**
 * True when text in a known encoding (a BOM, valid UTF-8) is text at all rather than binary:
 * any script is welcome, control characters and U+FFFD are not.
 */
export function isTextNotBinary(text: string): boolean {
  if (text.length === 0) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls / text.length <= MAX_REPLACEMENT;
}

/**
 * Decodes text bytes, or returns null when no candidate encoding yields readable text.
 * `declared` (an HTML charset, for example) is tried first and kept when it reads well.
 */
export function decodeText(bytes: Uint8Array, declared?: TextEncodingName): DecodedText | null {
  const bom = byteOrderMark(bytes);
  if (bom) {
    const text = decodeAs(bytes.subarray(bom.length), bom.encoding);
    return isTextNotBinary(text) ? { text, encoding: bom.encoding } : null;
  }
  if (declared) {
    const text = decodeAs(bytes, declared);
    if (isPlausibleText(text)) return { text, encoding: declared };
  }
  try {
    const text = decodeAs(bytes, 'UTF-8', true);
    if (isTextNotBinary(text)) return { text, encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: try the others.
  }
  const candidates = (['GB18030', 'UTF-16LE', 'UTF-16BE'] as const)
    .filter((encoding) => encoding === 'GB18030' || bytes.length % 2 === 0)
    .map((encoding) => {
      const text = decodeAs(bytes, encoding);
      return { text, encoding, score: plausibility(text) };
    })
    .filter((candidate) => candidate.score >= MIN_PLAUSIBLE)
    .sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return null;
  const runnerUp = candidates[1];
  if (runnerUp && best.score - runnerUp.score < 0.02) {
    const named = detectorChoice(
      bytes,
      candidates.map((c) => c.encoding),
    );
    const chosen = candidates.find((c) => c.encoding === named);
    if (chosen) return { text: chosen.text, encoding: chosen.encoding };
  }
  return { text: best.text, encoding: best.encoding };
}

/** jschardet's pick among the candidates, when it names one of them. */
function detectorChoice(
  bytes: Uint8Array,
  candidates: readonly TextEncodingName[],
): TextEncodingName | null {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const result of detectAll(sample)) {
    const name = normaliseEncodingName(result.encoding ?? '');
    if (name && candidates.includes(name)) return name;
  }
  return null;
}

/** Maps a charset label (HTML meta, jschardet) to the encodings we decode; null if foreign. */
export function normaliseEncodingName(label: string): TextEncodingName | null {
  const name = label.trim().toLowerCase().replace(/[_\s]/gu, '-');
  if (name === 'utf-8' || name === 'utf8') return 'UTF-8';
  if (name === 'utf-16le' || name === 'utf-16') return 'UTF-16LE';
  if (name === 'utf-16be') return 'UTF-16BE';
  if (
    ['gb18030', 'gbk', 'gb2312', 'gb-2312', 'cp936', 'x-gbk', 'euc-cn', 'hz-gb-2312'].includes(name)
  ) {
    return 'GB18030';
  }
  return null;
}
