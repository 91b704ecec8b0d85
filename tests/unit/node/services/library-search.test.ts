// searchLibrary through the one dispatch point, against real files in temp folders: three
// reports and a note, each hit checked by its position in the paragraph the reader shows;
// grouping, snippets, counts, paging, scope, validation and the on-disk index cache.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import type { ReportSummary } from '../../../../core/api/contract';
import { describeRange } from '../../../../core/annotations/describe-selection';
import { documentText } from '../../../../core/annotations/document-text';
import type { ApiResponse } from '../../../../core/api/contract';
import { dispatch } from '../../../../core/api/dispatch';
import { ViewerError, type ApiResult } from '../../../../core/api/errors';
import { parseReport } from '../../../../core/report/parse-report';
import type { ReportDocument } from '../../../../core/report/report-model';
import { createHostServices, type HostServices } from '../../../../node/services/host-services';
import { createLibrarySearch } from '../../../../node/services/library-search';
import { buildReportIndex, type ReportSearchInfo } from '../../../../node/services/report-index';
import {
  createSearchIndexCache,
  INDEX_CACHE_FOLDER,
  textKey,
} from '../../../../node/services/search-index-cache';
import { textReportSummary } from '../../../fixtures/report-summary';

const TERM = '数字卷宗';

/** Three reports of our own text; each has TERM once, in a different place. */
const REPORTS: Record<string, string> = {
  'a-county.txt': [
    '东山县2024年度法治政府建设报告',
    '',
    '一、主要工作',
    '（一）推进执法规范化',
    `1．完善执法程序。全县推行${TERM}管理，执法记录全程留痕。`,
    '二、存在问题',
    '基层执法力量仍显不足。',
  ].join('\n'),
  'b-city.txt': [
    '西河市2024年度依法行政工作报告',
    '',
    `今年以来，全市围绕${TERM}建设，提升办案效率。`,
    '一、工作成效',
    '行政复议案件办理质量稳步提高。',
  ].join('\n'),
  'c-district.txt': [
    '南湖区2024年度法治建设情况报告',
    '',
    '一、总体情况',
    '全区法治建设取得新进展。',
    '二、重点任务',
    '（一）提升审判质效',
    '（二）推进智慧法院',
    `法院全面应用电子${TERM}随案生成系统。`,
  ].join('\n'),
};

let root: string;
let reportsDir: string;
let dataDir: string;
let services: HostServices;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'library-search-'));
  reportsDir = path.join(root, 'reports');
  dataDir = path.join(root, 'data');
  await mkdir(reportsDir);
  for (const [name, text] of Object.entries(REPORTS)) {
    await writeFile(path.join(reportsDir, name), text);
  }
  services = await startServices();
});

afterEach(async () => {
  await services.close();
  await rm(root, { recursive: true, force: true });
});

function startServices(): Promise<HostServices> {
  return createHostServices({
    reportsDir,
    dataDir,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
}

async function call<T>(channel: string, request: unknown): Promise<ApiResult<T>> {
  return (await dispatch(services.handlers, channel, request)) as ApiResult<T>;
}

async function search(request: Record<string, unknown>): Promise<ApiResponse<'searchLibrary'>> {
  const result = await call<ApiResponse<'searchLibrary'>>('searchLibrary', request);
  if (!result.ok) throw new Error(`searchLibrary failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Where TERM is in the parsed report: the paragraph and the offsets in its text. */
function expectedHit(doc: ReportDocument, term: string) {
  const paragraph = doc.paragraphs.find((p) => p.text.includes(term))!;
  const start = paragraph.text.indexOf(term);
  const section = doc.flatSections.find((s) => s.id === paragraph.sectionId) ?? null;
  return { paragraph, start, end: start + term.length, section };
}

async function annotate(reportId: string, quote: string, note: string): Promise<Annotation> {
  const doc = parseReport(REPORTS[reportId]!);
  const at = documentText(doc).text.indexOf(quote);
  const stamp = '2026-01-01T00:00:00.000Z';
  const annotation: Annotation = {
    id: `note-${reportId}`,
    reportId,
    kind: 'highlight',
    color: 'yellow',
    note,
    tags: [],
    target: describeRange(doc, at, at + quote.length),
    created: stamp,
    updated: stamp,
  };
  const saved = await call('saveAnnotation', { annotation });
  expect(saved.ok).toBe(true);
  return annotation;
}

describe('searchLibrary', () => {
  it('finds the one hit in each of three reports, at its paragraph and offsets, grouped by report', async () => {
    const response = await search({ query: TERM });
    expect(response.totalReports).toBe(3);
    expect(response.searchedReports).toBe(3);
    expect(response.nextCursor).toBeNull();
    expect(response.skipped).toEqual([]);
    expect(response.groups.map((g) => g.reportId)).toEqual(Object.keys(REPORTS));

    for (const group of response.groups) {
      const doc = parseReport(REPORTS[group.reportId]!);
      const expected = expectedHit(doc, TERM);
      expect(group.title).toBe(doc.title);
      expect(group.hitCount).toBe(1);
      expect(group.noteHitCount).toBe(0);
      expect(group.hits).toHaveLength(1);
      const hit = group.hits[0]!;
      expect(hit.paragraphId).toBe(expected.paragraph.id);
      expect(hit.unitId).toBe(`paragraph:${expected.paragraph.id}`);
      expect([hit.start, hit.end]).toEqual([expected.start, expected.end]);
      // The offsets are in the text the reader shows.
      expect(expected.paragraph.text.slice(hit.start, hit.end)).toBe(TERM);
      expect(hit.snippet.match).toBe(TERM);
      expect(hit.snippet.before + hit.snippet.match + hit.snippet.after).toBe(
        expected.paragraph.text,
      );
      expect(hit.section).toEqual(
        expected.section && {
          id: expected.section.id,
          numberPath: expected.section.numberPath,
          title: expected.section.title,
        },
      );
      expect(hit.annotationId).toBeNull();
    }
    // The section paths differ per report: a 1. under (一) under 一、, the preamble, a (二).
    expect(response.groups.map((g) => g.hits[0]!.section?.numberPath ?? null)).toEqual([
      '一、(一) 1.',
      null,
      '二、(二)',
    ]);
  });

  it("searches the user's notes too, and says which annotation a note hit belongs to", async () => {
    const annotation = await annotate('b-city.txt', '行政复议', `下次核对${TERM}的归档情况`);
    const response = await search({ query: TERM });
    const group = response.groups.find((g) => g.reportId === 'b-city.txt')!;
    expect(group.hitCount).toBe(1);
    expect(group.noteHitCount).toBe(1);
    const noteHit = group.noteHits[0]!;
    expect(noteHit).toMatchObject({
      kind: 'note',
      unitId: `note:${annotation.id}`,
      annotationId: annotation.id,
      paragraphId: annotation.target.start.paragraphId,
      start: 4,
      end: 4 + TERM.length,
      snippet: { before: '下次核对', match: TERM, after: '的归档情况' },
    });
    expect(noteHit.section?.numberPath).toBe('一、');
    // A query found only in a note still makes a group.
    const onlyNote = await search({ query: '归档情况' });
    expect(onlyNote.groups.map((g) => [g.reportId, g.hitCount, g.noteHitCount])).toEqual([
      ['b-city.txt', 0, 1],
    ]);
  });

  it('counts every hit but lists only limitPerReport, in document order', async () => {
    const many = [
      '多次出现的报告',
      '',
      ...Array.from({ length: 30 }, (_, i) => `第${i}段：复核。`),
    ];
    await writeFile(path.join(reportsDir, 'd-many.txt'), many.join('\n'));
    const response = await search({ query: '复核', limitPerReport: 5 });
    const group = response.groups.find((g) => g.reportId === 'd-many.txt')!;
    expect(group.hitCount).toBe(30);
    expect(group.hits).toHaveLength(5);
    const doc = parseReport(many.join('\n'));
    const order = doc.paragraphs.map((p) => p.id);
    const ids = group.hits.map((h) => order.indexOf(h.paragraphId!));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(group.hits[0]!.paragraphId).toBe(
      doc.paragraphs.find((p) => p.text.includes('第0段'))!.id,
    );
  });

  it('answers a page at a time: maxHits ends a page, the cursor continues it', async () => {
    const first = await search({ query: TERM, maxHits: 1 });
    expect(first.groups.map((g) => g.reportId)).toEqual(['a-county.txt']);
    expect(first.searchedReports).toBe(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await search({ query: TERM, maxHits: 1, cursor: first.nextCursor });
    expect(second.groups.map((g) => g.reportId)).toEqual(['b-city.txt']);
    const rest = await search({ query: TERM, cursor: second.nextCursor });
    expect(rest.groups.map((g) => g.reportId)).toEqual(['c-district.txt']);
    expect(rest.searchedReports).toBe(3);
    expect(rest.nextCursor).toBeNull();

    const byReports = await search({ query: TERM, maxReports: 2 });
    expect(byReports.groups).toHaveLength(2);
    expect(byReports.nextCursor).not.toBeNull();
  });

  it('searches only the reports asked for', async () => {
    const response = await search({ query: TERM, reportIds: ['c-district.txt', 'a-county.txt'] });
    expect(response.totalReports).toBe(2);
    expect(response.groups.map((g) => g.reportId)).toEqual(['a-county.txt', 'c-district.txt']);
  });

  it('finds the text in any width and case, and nothing for an absent term', async () => {
    await writeFile(
      path.join(reportsDir, 'e-latin.txt'),
      '含英文的报告\n\n全面推广ＡＩ辅助审查。\n',
    );
    const wide = await search({ query: 'ai辅助' });
    expect(wide.groups.map((g) => [g.reportId, g.hits[0]!.snippet.match])).toEqual([
      ['e-latin.txt', 'ＡＩ辅助'],
    ]);
    expect((await search({ query: '不存在的词语' })).groups).toEqual([]);
  });

  it('refuses malformed requests with a bad-request error', async () => {
    for (const request of [
      {},
      { query: '' },
      { query: '法'.repeat(201) },
      { query: TERM, limitPerReport: 0 },
      { query: TERM, reportIds: ['../x'] },
      { query: TERM, extra: true },
    ]) {
      const result = await call('searchLibrary', request);
      expect(result.ok ? 'ok' : result.error.code).toBe('bad-request');
    }
    const badCursor = await call('searchLibrary', { query: TERM, cursor: 'x' });
    expect(badCursor.ok ? 'ok' : badCursor.error.code).toBe('bad-request');
  });

  it('caches each report’s index on disk and sees a changed report', async () => {
    await search({ query: TERM });
    const cached = await readdir(path.join(dataDir, INDEX_CACHE_FOLDER));
    expect(cached.filter((n) => n.endsWith('.idx'))).toHaveLength(3);

    const changed = `${REPORTS['a-county.txt']!}\n三、补充\n${TERM}二期上线，${TERM}全覆盖。`;
    await writeFile(path.join(reportsDir, 'a-county.txt'), changed);
    const response = await search({ query: TERM });
    expect(response.groups[0]).toMatchObject({ reportId: 'a-county.txt', hitCount: 3 });

    // A new host on the same data folder loads the cached indexes (rewriting none of them)
    // and answers the same.
    const before = await search({ query: TERM });
    const folder = path.join(dataDir, INDEX_CACHE_FOLDER);
    const stamps = async () =>
      Promise.all(
        (await readdir(folder))
          .sort()
          .map(async (n) => [n, (await stat(path.join(folder, n))).mtimeMs]),
      );
    const written = await stamps();
    expect(written).toHaveLength(4);
    await services.close();
    services = await startServices();
    expect(await search({ query: TERM })).toEqual(before);
    expect(await stamps()).toEqual(written);
  });
});

describe('library search memory', () => {
  const summaries: ReportSummary[] = Object.entries(REPORTS).map(([id, text]) =>
    textReportSummary(id, text.length, 'bundled'),
  );

  function librarySearch(memoryBudget?: number, failing: string[] = [], pruneAfterMs?: number) {
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build: buildReportIndex });
    const load = vi.spyOn(cache, 'load');
    const service = createLibrarySearch({
      listReports: async () => summaries,
      openReport: async (id) => {
        if (failing.includes(id)) {
          throw new ViewerError('too-large', '这份报告文件太大，无法打开。', 'Too large.', id);
        }
        const text = REPORTS[id]!;
        return { id, title: id, text, source: { text, format: 'txt' as const } };
      },
      listAnnotations: async () => [],
      cache,
      memoryBudget,
      pruneAfterMs,
    });
    return { service, load };
  }

  it('keeps indexes in memory while the listing is unchanged', async () => {
    const { service, load } = librarySearch();
    const first = await service.search({ query: TERM });
    expect(await service.search({ query: TERM })).toEqual(first);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('loads each report once when two searches run at the same time', async () => {
    const { service, load } = librarySearch();
    const [a, b] = await Promise.all([
      service.search({ query: TERM }),
      service.search({ query: '执法' }),
    ]);
    expect(a.groups).toHaveLength(3);
    expect(b.groups.map((g) => g.reportId)).toEqual(['a-county.txt']);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('answers the same with a budget that holds one index at a time, reloading from disk', async () => {
    const { service: roomy } = librarySearch();
    const { service: tight, load } = librarySearch(1);
    const expected = await roomy.search({ query: TERM });
    expect(await tight.search({ query: TERM })).toEqual(expected);
    expect(await tight.search({ query: TERM })).toEqual(expected);
    expect(load).toHaveBeenCalledTimes(6);
    expect((await Promise.all(load.mock.results.map((r) => r.value))).map((c) => c.status)).toEqual(
      ['loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded'],
    );
  });

  it('builds a report’s index again when its cache file is damaged after it loaded', async () => {
    const { service: fresh } = librarySearch();
    const expected = await fresh.search({ query: TERM });
    // A new run loads the cached indexes (their positions stay on disk until a query reads them).
    const logged: string[] = [];
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build: buildReportIndex });
    const load = vi.spyOn(cache, 'load');
    const service = createLibrarySearch({
      listReports: async () => summaries,
      openReport: async (id) => {
        const text = REPORTS[id]!;
        return { id, title: id, text, source: { text, format: 'txt' as const } };
      },
      listAnnotations: async () => [],
      cache,
      log: (line) => logged.push(line),
    });
    for (const s of summaries) expect((await service.indexOf(s)).status).toBe('loaded');
    // Then a file changes behind the app's back: one byte of its positions flipped.
    const file = cache.fileFor(textKey(REPORTS['b-city.txt']!));
    const good = await readFile(file);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 3]! ^= 0x40;
    await writeFile(file, damaged);
    // The search answers as before: that report's index is built again from its text.
    expect(await service.search({ query: TERM })).toEqual(expected);
    expect(logged.join('\n')).toMatch(
      /b-city\.txt: search index file has positions that fail their checksum; built again/,
    );
    expect((await Promise.all(load.mock.results.map((r) => r.value))).map((c) => c.status)).toEqual(
      ['loaded', 'loaded', 'loaded', 'rebuilt'],
    );
    // The file is sound again, and the next search uses the index in memory.
    expect(await readFile(file)).toEqual(good);
    expect(await service.search({ query: TERM })).toEqual(expected);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('skips a report it cannot open, saying why, and searches the others', async () => {
    const { service } = librarySearch(undefined, ['b-city.txt']);
    const response = await service.search({ query: TERM });
    expect(response.groups.map((g) => g.reportId)).toEqual(['a-county.txt', 'c-district.txt']);
    expect(response.skipped).toEqual([
      { reportId: 'b-city.txt', message: '这份报告文件太大，无法打开。', messageEn: 'Too large.' },
    ]);
  });

  it('removes cache files of texts no longer in the library after searching all of it', async () => {
    const { service } = librarySearch(undefined, [], 0);
    const folder = path.join(dataDir, INDEX_CACHE_FOLDER);
    await service.search({ query: TERM });
    const current = (await readdir(folder)).sort();
    expect(current).toHaveLength(3);
    // A file of a text the library no longer has (an older version of a report).
    const stale = createSearchIndexCache<ReportSearchInfo>({ dataDir, build: buildReportIndex });
    const old = await stale.load(`${REPORTS['a-county.txt']!}\n旧版本。`);
    expect((await readdir(folder)).length).toBe(4);
    // Pruning runs after a search that covered the whole library, at most once an hour: a new
    // service (a new run) does it.
    const { service: next } = librarySearch(undefined, [], 0);
    await next.search({ query: TERM, reportIds: ['a-county.txt'] });
    expect((await readdir(folder)).length).toBe(4);
    await next.search({ query: TERM });
    await vi.waitFor(async () => expect((await readdir(folder)).sort()).toEqual(current));
    expect(current).not.toContain(`${old.key}.idx`);
  });
});
