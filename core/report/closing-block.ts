/**
 * The 落款 block at the end of a document's text: 附件说明, the signing body, the date,
 * （此件公开发布）, 抄送/印发 and 公开方式 lines, and page leftovers. It is kept apart from the
 * last section, so printing that section does not print the signature.
 */
import { recognizeHeading } from './heading';
import {
  isAnnotationLine,
  isDateLine,
  isRecordLine,
  isWebChrome,
  looksLikeIssuer,
} from './line-shapes';
import type { SourceBlock } from './source-blocks';

export interface ClosingFacts {
  /** Index (in the given blocks) where the closing block starts; blocks.length when none. */
  start: number;
  /** The signing body's lines joined with a space, if any. */
  issuer?: string;
  /** The first date line of the block (成文日期), if any. */
  date?: string;
}

/** The closing block at the end of `blocks` (non-empty blocks, no appendix parts). */
export function findClosing(blocks: readonly SourceBlock[]): ClosingFacts {
  let start = blocks.length;
  let sawDate = false;
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const block = blocks[i] as SourceBlock;
    if (block.rows) break;
    const { text } = block;
    if (
      isDateLine(text) ||
      isAnnotationLine(text) ||
      isRecordLine(text) ||
      isWebChrome(text) ||
      continuesCopyList(blocks, i)
    ) {
      sawDate ||= isDateLine(text);
      start = i;
      continue;
    }
    // A signing body stands right above the date (or above another signing line).
    if (sawDate && looksLikeIssuer(text) && i + 1 === start) {
      start = i;
      continue;
    }
    break;
  }
  start = withAttachmentNote(blocks, start);
  const closing = blocks.slice(start);
  const date = closing.find((b) => isDateLine(b.text))?.text;
  const dateIndex = closing.findIndex((b) => isDateLine(b.text));
  const issuerLines: string[] = [];
  for (let i = dateIndex - 1; i >= 0 && looksLikeIssuer(closing[i]?.text ?? ''); i -= 1) {
    issuerLines.unshift(closing[i]?.text ?? '');
  }
  return {
    start,
    ...(issuerLines.length > 0 ? { issuer: issuerLines.join(' ') } : {}),
    ...(date ? { date } : {}),
  };
}

/** A line that continues a 抄送 list above it ("抄送：市委办公厅，" / "市政协办公厅。"). */
function continuesCopyList(blocks: readonly SourceBlock[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 3; i -= 1) {
    const block = blocks[i];
    if (!block || block.rows || !/[，、,]$/u.test(block.text)) return false;
    if (/^(?:抄送|抄报|分送|发送)\s*[:：]/u.test(block.text)) return true;
  }
  return false;
}

/** Pulls the 附件说明 ("附件：1.…" and its numbered lines) above a signature into the block. */
function withAttachmentNote(blocks: readonly SourceBlock[], start: number): number {
  if (start >= blocks.length) return start;
  for (let i = start - 1; i >= 0 && i >= start - 12; i -= 1) {
    const block = blocks[i];
    if (!block || block.rows) return start;
    const { text } = block;
    if (/^附件\s*[:：]/u.test(text)) return i;
    const item = recognizeHeading(text);
    if (!item || item.family !== 'digit' || text.length > 60) return start;
  }
  return start;
}
