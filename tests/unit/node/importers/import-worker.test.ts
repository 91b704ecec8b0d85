import { describe, expect, it } from 'vitest';
import { importReportFileInWorker } from '../../../../node/importers/import-worker';
import { importReportFile } from '../../../../node/importers/registry';
import { fixture } from './fixtures';

describe('importing on a worker thread', () => {
  it('gives the same report as a direct import, with progress', async () => {
    const bytes = fixture('report.pdf');
    const progress: number[] = [];
    const inWorker = await importReportFileInWorker(bytes, 'report.pdf', {
      onProgress: ({ fraction }) => progress.push(fraction),
    });
    expect(inWorker).toEqual(await importReportFile(bytes, 'report.pdf'));
    expect(progress.at(-1)).toBe(1);
    expect(bytes.length).toBeGreaterThan(0); // the caller's bytes were copied, not detached
  }, 30_000);

  it('passes a refusal back as the same ViewerError', async () => {
    const error = await importReportFileInWorker(fixture('image-only.pdf'), 'scan.pdf').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: 'ViewerError',
      code: 'unsupported-format',
      message: expect.stringMatching(/^这是扫描件或图片型 PDF/u),
    });
  }, 30_000);

  it('turns a worker that cannot start into a ViewerError', async () => {
    const error = await importReportFileInWorker(fixture('report.txt'), 'a.txt', {
      workerUrl: new URL('./no-such-worker.js', import.meta.url),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ViewerError', code: 'internal' });
  }, 30_000);
});
