/**
 * The file endings to offer in an open dialog's filter: whatever the importer registry says it
 * supports, asked by name (the registry is the one place that decides; this list only names
 * the candidates to ask about, so a format the registry gains or drops needs no change here
 * unless it is new to the list).
 */
import { isSupportedFileName } from '../importers/registry';

const CANDIDATE_ENDINGS = ['txt', 'docx', 'doc', 'wps', 'html', 'htm', 'xhtml', 'pdf', 'ofd'];

/** Endings without the dot, as Electron's dialog filters want them: ['txt', 'docx', …]. */
export function supportedReportEndings(): string[] {
  return CANDIDATE_ENDINGS.filter((ending) => isSupportedFileName(`report.${ending}`));
}
