// The search index cache's key when the caller knows it: an imported report's text hash from
// the manifest, used only when the library has just checked the text against it. A stored
// text changed behind the library's back (even to one of the same size) is hashed again, so
// a stale key never finds a stale index.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotationStores } from '../../../../node/services/annotation-stores';
import { createLibrarySearch } from '../../../../node/services/library-search';
import { buildReportIndex, type ReportSearchInfo } from '../../../../node/services/report-index';
import { createReportLibrary } from '../../../../node/services/report-library';
import {
  createSearchIndexCache,
  INDEX_CACHE_FOLDER,
  textKey,
} from '../../../../node/services/search-index-cache';

const bundledDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const REPORT = [
  '某县2024年度测试工作报告',
  '',
  '一、总体情况',
  '全年办理行政复议案件甲乙丙件，执法监督覆盖全县。',
  '二、下一步',
  '继续推进执法监督。',
  '',
].join('\n');
// The same number of characters and of UTF-8 bytes: only the hash tells them apart.
const SAME_SIZE = REPORT.replace('甲乙丙', '丁戊己');

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'index-key-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function libraryWithOneImport() {
  const library = await createReportLibrary({
    reportsDir: bundledDir,
    dataDir,
    annotations: createAnnotationStores(dataDir),
  });
  const { report } = await library.importFile(Buffer.from(REPORT, 'utf8'), '测试.txt');
  const sourceFile = path.join(dataDir, 'library', report.id, 'source.json');
  return { library, id: report.id, sourceFile };
}

describe('the text hash the library vouches for', () => {
  it('is the manifest’s hash of an imported report’s intact text', async () => {
    const { library, id } = await libraryWithOneImport();
    const opened = await library.openWithTextHash(id);
    expect(opened.text).toBe(REPORT);
    expect(opened.textSha256).toBe(sha(REPORT));
    // open() gives the report as the contract has it, without the hash.
    expect(await library.open(id)).toEqual({
      id,
      title: opened.title,
      source: opened.source,
      text: REPORT,
    });
  });

  it('is not given for a stored text changed to one of the same size', async () => {
    const { library, id, sourceFile } = await libraryWithOneImport();
    const before = await stat(sourceFile);
    const stored = JSON.parse(await readFile(sourceFile, 'utf8'));
    await writeFile(sourceFile, JSON.stringify({ ...stored, text: SAME_SIZE }));
    expect((await stat(sourceFile)).size).toBe(before.size);

    const opened = await library.openWithTextHash(id);
    // The changed text fails the manifest's hash: the original is imported again, unvouched.
    expect(opened.textSha256).toBeNull();
    expect(opened.text).toBe(REPORT);
  });

  it('is not given for a bundled report (its text is imported when opened)', async () => {
    const { library } = await libraryWithOneImport();
    const { reports } = await library.list();
    const bundled = reports.find((r) => r.origin === 'bundled')!;
    expect((await library.openWithTextHash(bundled.id)).textSha256).toBeNull();
  });
});

describe('the cache with a known key', () => {
  it('loads the file of that key without building', async () => {
    const build = vi.fn(buildReportIndex);
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build });
    const key = textKey(REPORT);
    expect((await cache.load(REPORT, { key })).status).toBe('built');
    const loaded = await cache.load(REPORT, { key });
    expect(loaded.status).toBe('loaded');
    expect(loaded.key).toBe(key);
    expect(build).toHaveBeenCalledTimes(1);
    expect(loaded.index.firstHits('执法监督', 10).total).toBe(2);
    // Loading by hashing the text finds the same file.
    expect((await cache.load(REPORT)).status).toBe('loaded');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('library search: keyed by the vouched hash; a changed stored text is hashed again', async () => {
    const { library, id, sourceFile } = await libraryWithOneImport();
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build: buildReportIndex });
    const load = vi.spyOn(cache, 'load');
    const search = () =>
      createLibrarySearch({
        listReports: async () => (await library.list()).reports.filter((r) => r.id === id),
        openReport: (reportId) => library.openWithTextHash(reportId),
        listAnnotations: async () => [],
        cache,
      }).search({ query: '执法监督' });

    expect((await search()).groups[0]!.hitCount).toBe(2);
    expect(load.mock.calls[0]![1]!.key).toBe(sha(REPORT));
    expect(await readdir(path.join(dataDir, INDEX_CACHE_FOLDER))).toEqual([`${sha(REPORT)}.idx`]);

    // source.json changed behind the library's back, same size: not vouched, so hashed here.
    const stored = JSON.parse(await readFile(sourceFile, 'utf8'));
    await writeFile(sourceFile, JSON.stringify({ ...stored, text: SAME_SIZE }));
    load.mockClear();
    const again = await search();
    expect(load.mock.calls[0]![1]!.key).toBeUndefined();
    expect((await load.mock.results[0]!.value).key).toBe(sha(REPORT));
    expect(again.groups[0]!.hitCount).toBe(2);
  });
});
