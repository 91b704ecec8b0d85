/**
 * Exports a PDF through the host and finishes the job the host leaves to the page: in the
 * browser host, fetching the one-time download and handing it to the browser. Shared by the
 * print dialog and by whatever else prints (the comparison panel's 导出 PDF).
 */
import type { ApiRequest } from '../../core/api/contract';
import { callHost, fetchHostFile } from '../api/host-api';
import { saveBlob } from './save-blob';

export type PdfExportOutcome =
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' };

/** Rejects with the host's error (see errorOf) when the PDF could not be made or saved. */
export async function exportPdfFile(request: ApiRequest<'exportPdf'>): Promise<PdfExportOutcome> {
  const result = await callHost('exportPdf', request);
  if (result.outcome === 'download') {
    saveBlob(await fetchHostFile(result.url), result.fileName);
    return { kind: 'downloaded', fileName: result.fileName };
  }
  if (result.outcome === 'saved') return { kind: 'saved', path: result.path };
  return { kind: 'cancelled' };
}
