/**
 * Saves text as a file the way the host does downloads: in the browser, a download; in
 * Electron, the native save dialog (main handles `will-download`). Nothing goes over the network:
 * the file is a blob: URL made here.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.replace(/[\\/:*?"<>|]/g, '_');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
