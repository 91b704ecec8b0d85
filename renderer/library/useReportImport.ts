/**
 * Bringing reports into the library: the native open dialog in Electron (main reads the files
 * the user chose), a file chooser in the browser host, and files dropped on the window in both
 * (their bytes travel to the host). Says what happened to each file, in plain words.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportedReportFile, Notice } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';

export interface ReportImport {
  /** The file being imported now ('' while the native dialog's files import); null when idle. */
  busy: string | null;
  /** Asks for files: the native dialog in Electron, the hidden file input in the browser. */
  choose: () => void;
  /** Imports files the user dropped or picked in the browser. */
  importFiles: (files: readonly File[]) => Promise<void>;
  /** The hidden <input type=file> to render once. */
  inputRef: React.RefObject<HTMLInputElement | null>;
}

export function useReportImport(options: {
  host: 'electron' | 'web' | null;
  onImported: (imported: ImportedReportFile[]) => void;
  onError: (error: ApiError) => void;
  onNotice: (notice: Notice) => void;
}): ReportImport {
  const { host, onImported, onError, onNotice } = options;
  const [busy, setBusy] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const report = useCallback(
    (imported: ImportedReportFile[], failed: { fileName: string; error: ApiError }[]) => {
      for (const item of imported) for (const notice of item.notices) onNotice(notice);
      for (const { fileName, error } of failed) {
        // Which file, then why: several may be dropped at once.
        onError({
          ...error,
          message: `${fileName}：${error.message}`,
          messageEn: `${fileName}: ${error.messageEn}`,
        });
      }
      if (imported.length > 0) onImported(imported);
    },
    [onError, onImported, onNotice],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const imported: ImportedReportFile[] = [];
      const failed: { fileName: string; error: ApiError }[] = [];
      for (const file of files) {
        setBusy(file.name);
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          imported.push(await callHost('importReportFile', { fileName: file.name, bytes }));
        } catch (err) {
          failed.push({ fileName: file.name, error: errorOf(err) });
        }
      }
      setBusy(null);
      report(imported, failed);
    },
    [report],
  );

  const choose = useCallback(() => {
    if (host !== 'electron') {
      inputRef.current?.click();
      return;
    }
    setBusy('');
    callHost('chooseAndImportReports', {})
      .then((result) => {
        setBusy(null);
        if (!result.canceled) report(result.imported, result.failed);
      })
      .catch((err: unknown) => {
        setBusy(null);
        onError(errorOf(err));
      });
  }, [host, onError, report]);

  return { busy, choose, importFiles, inputRef };
}
