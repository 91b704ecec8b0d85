/** Which imports go to the worker thread: large files only (small ones are quicker in place). */
import { describe, expect, it, vi } from 'vitest';

const inWorker = vi.hoisted(() => vi.fn(async () => ({ source: { text: 'w', format: 'txt' } })));
const inThread = vi.hoisted(() => vi.fn(async () => ({ source: { text: 't', format: 'txt' } })));
vi.mock('../../../../node/importers/import-worker', () => ({ importReportFileInWorker: inWorker }));
vi.mock('../../../../node/importers/registry', () => ({ importReportFile: inThread }));

const { workerImporter, IN_THREAD_BELOW_BYTES, IMPORT_WORKER_FILE } =
  await import('../../../../electron/main/import-in-worker');

describe('workerImporter', () => {
  const importer = workerImporter({ mainDir: '/app/dist/electron', pdfjsAssetRoot: '/res/pdfjs' });

  it('imports a small file in place', async () => {
    await importer(new Uint8Array(1000), 'a.txt');
    expect(inThread).toHaveBeenCalledWith(expect.any(Uint8Array), 'a.txt');
    expect(inWorker).not.toHaveBeenCalled();
  });

  it('sends a large file to the worker beside main.js, with the packaged pdf.js data', async () => {
    await importer(new Uint8Array(IN_THREAD_BELOW_BYTES), 'big.pdf');
    expect(inWorker).toHaveBeenCalledWith(expect.any(Uint8Array), 'big.pdf', {
      workerUrl: expect.objectContaining({
        href: expect.stringMatching(new RegExp(`/app/dist/electron/${IMPORT_WORKER_FILE}$`)),
      }),
      pdfjsAssetRoot: '/res/pdfjs',
    });
  });
});
