/**
 * Which parts of a report a print job covers: the preamble and any subset of sections, always
 * in document order whatever order they were chosen in, and the file name that says so.
 */
import type { ReportDocument, Section } from '../report/report-model';
import { PREAMBLE_ID } from './print-options';

/** Everything that can be chosen, in document order: the preamble (if any), then every section. */
export function printableIds(doc: ReportDocument): string[] {
  const ids = doc.flatSections.map((section) => section.id);
  return doc.preamble.length > 0 ? [PREAMBLE_ID, ...ids] : ids;
}

export interface PrintSelection {
  /** The chosen ids that exist, deduplicated, in document order. */
  ids: string[];
  /** Chosen ids this report does not have (a stale dialog, a corrected edition). */
  unknown: string[];
}

export function resolvePrintSelection(
  doc: ReportDocument,
  chosen: readonly string[],
): PrintSelection {
  const wanted = new Set(chosen);
  const ids = printableIds(doc).filter((id) => wanted.has(id));
  const known = new Set(ids);
  return { ids, unknown: [...wanted].filter((id) => !known.has(id)) };
}

/** The section and all its subsections' ids: what checking a section in the dialog selects. */
export function sectionWithDescendants(section: Section): string[] {
  return [section.id, ...section.children.flatMap(sectionWithDescendants)];
}

const MAX_NAME_LENGTH = 120;
/** Characters no common file system accepts in a name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * "<title> <numbers>.pdf", e.g. "南京市…报告 一(二)5、三.pdf". Only the topmost chosen sections are
 * named (a chosen parent stands for its children); the whole report gets the title alone.
 */
export function printFileName(doc: ReportDocument, ids: readonly string[]): string {
  const title = safeTitle(doc);
  const chosen = new Set(ids);
  const everything = printableIds(doc).every((id) => chosen.has(id));
  const byId = new Map(doc.flatSections.map((section) => [section.id, section]));
  const topmost = doc.flatSections.filter(
    (section) => chosen.has(section.id) && !(section.parentId && chosen.has(section.parentId)),
  );
  const parts = topmost.map((section) => compactNumber(section, byId));
  if (chosen.has(PREAMBLE_ID) && !everything) parts.unshift('导语');
  let suffix = everything ? '' : parts.join('、');
  const room = MAX_NAME_LENGTH - title.length - 1;
  if (suffix.length > room) suffix = `${suffix.slice(0, Math.max(0, room - 1))}等`;
  const name = suffix ? `${title} ${suffix}` : title;
  return `${name.replace(UNSAFE, '')}.pdf`;
}

/** The title as a file name may hold it; '报告' when there is none. */
function safeTitle(doc: ReportDocument): string {
  return (doc.title ?? '报告').replace(UNSAFE, '').trim() || '报告';
}

/**
 * "对照-<old title>-<new title>.pdf" for the comparison of two editions; each title is cut
 * (ending in "…") so the name stays within MAX_NAME_LENGTH.
 */
export function compareFileName(oldDoc: ReportDocument, newDoc: ReportDocument): string {
  const room = Math.floor((MAX_NAME_LENGTH - '对照--'.length) / 2);
  const cut = (title: string) => (title.length > room ? `${title.slice(0, room - 1)}…` : title);
  return `对照-${cut(safeTitle(oldDoc))}-${cut(safeTitle(newDoc))}.pdf`;
}

/** "一、(二) 5." -> "一(二)5": the number path without spaces and trailing punctuation. */
function compactNumber(section: Section, byId: Map<string, Section>): string {
  const path: string[] = [];
  for (let s: Section | undefined = section; s; s = s.parentId ? byId.get(s.parentId) : undefined) {
    path.unshift(s.number.replace(/[、.．\s]+$/u, ''));
  }
  return path.join('');
}
