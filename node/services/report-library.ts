/**
 * The reports the app can open: every .txt file in the reports folder (bundled ones in
 * resources/reports). A report's id is its file name; only names found in the folder open.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenedReport, ReportSummary } from '../../core/api/contract';
import { ViewerError } from '../../core/api/errors';
import { parseReport } from '../../core/report/parse-report';
import { errorMessage } from './json-file';

/** Larger than any real report by far; protects the UI from a stray huge file. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

export interface ReportLibrary {
  list(): Promise<ReportSummary[]>;
  open(id: string): Promise<OpenedReport>;
}

export function createReportLibrary(reportsDir: string): ReportLibrary {
  // Titles need a parse; keep them per file version so listing stays cheap.
  const titleCache = new Map<string, { mtimeMs: number; size: number; title: string }>();

  async function list(): Promise<ReportSummary[]> {
    let names: string[];
    try {
      names = await fs.readdir(reportsDir);
    } catch (err) {
      throw new ViewerError(
        'io-error',
        '找不到报告文件夹，无法列出报告。',
        'The reports folder could not be read.',
        `${reportsDir}: ${errorMessage(err)}`,
      );
    }
    const summaries: ReportSummary[] = [];
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.txt')).sort()) {
      const file = path.join(reportsDir, name);
      try {
        const stat = await fs.stat(file);
        if (!stat.isFile()) continue;
        let cached = titleCache.get(name);
        if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
          const title =
            stat.size <= MAX_REPORT_BYTES
              ? (parseReport(decode(await fs.readFile(file))).title ?? baseName(name))
              : baseName(name);
          cached = { mtimeMs: stat.mtimeMs, size: stat.size, title };
          titleCache.set(name, cached);
        }
        summaries.push({ id: name, title: cached.title, size: stat.size });
      } catch {
        // A file that vanished or cannot be read is simply not offered.
      }
    }
    return summaries;
  }

  async function open(id: string): Promise<OpenedReport> {
    const known = (await list()).some((r) => r.id === id);
    if (!known) {
      throw new ViewerError(
        'not-found',
        '找不到这份报告，它可能已被移动或删除。',
        'This report could not be found; it may have been moved or deleted.',
        `report id ${JSON.stringify(id)} not in ${reportsDir}`,
      );
    }
    const file = path.join(reportsDir, id);
    const stat = await fs.stat(file);
    if (stat.size > MAX_REPORT_BYTES) {
      throw new ViewerError(
        'too-large',
        '这份报告文件太大，无法打开。',
        'This report file is too large to open.',
        `${file}: ${stat.size} bytes`,
      );
    }
    return { id, text: decode(await fs.readFile(file)) };
  }

  return { list, open };
}

/** UTF-8 with any BOM removed; invalid bytes become U+FFFD rather than failing. */
function decode(bytes: Buffer): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function baseName(fileName: string): string {
  return fileName.replace(/\.txt$/i, '');
}
