/** The file endings to offer in an open dialog's filter: exactly what the importers read. */
import { supportedExtensions } from '../importers/registry';

/** Endings without the dot, as Electron's dialog filters want them: ['txt', 'docx', …]. */
export function supportedReportEndings(): string[] {
  return supportedExtensions().map((ending) => ending.replace(/^\./, ''));
}
