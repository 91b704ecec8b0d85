// The on-disk search index cache: a good file is used (the builder is not called), and every
// kind of bad file (another text, another version, cut short, damaged, garbage, a folder) is
// rebuilt and replaced, never searched.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildReportIndex, type ReportSearchInfo } from '../../../../node/services/library-search';
import {
  createSearchIndexCache,
  INDEX_CACHE_FOLDER,
  textKey,
} from '../../../../node/services/search-index-cache';
import { loadExactSearchIndex, type StoredUnitReader } from '../../../../core/search';
import { nodeDataFs, type DataFs } from '../../../../node/services/data-fs';
import {
  decodeIndexFile,
  encodeIndexFile,
  readIndexFile,
  SEARCH_INDEX_FILE_VERSION,
} from '../../../../node/services/search-index-file';

const REPORT = [
  '索 引 号:    TEST-0001 发布机构:    测试区司法局',
  '信息名称:    测试区2024年度依法行政工作报告',
  '',
  '测试区2024年度依法行政工作报告',
  '',
  '今年，全区坚持依法行政，ＡＢＣ平台上线，㈠类事项全部公开。',
  '一、主要工作',
  '（一）规范行政执法',
  '1．完善执法程序。全年办理行政执法案件１２３件，执法监督覆盖全区。',
  '二、下一步安排',
  '继续推进依法行政，执法监督常态化。',
  '',
].join('\n');
const OTHER = REPORT.replace('１２３', '４５６');

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'index-cache-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function cacheWithSpy(options: { mayWrite?: () => boolean } = {}) {
  const build = vi.fn(buildReportIndex);
  const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build, ...options });
  return { cache, build };
}

const hitsOf = (index: { firstHits(q: string, n: number): { total: number; hits: unknown[] } }) =>
  ['执法监督', '依法行政', '123', 'abc', '一', '行'].map((q) => index.firstHits(q, 100));

describe('search index cache', () => {
  it('builds once, writes <sha256>.idx, and then loads it without building', async () => {
    const { cache, build } = cacheWithSpy();
    const first = await cache.load(REPORT);
    expect(first.status).toBe('built');
    expect(first.key).toBe(textKey(REPORT));
    expect(await readdir(path.join(dataDir, INDEX_CACHE_FOLDER))).toEqual([`${first.key}.idx`]);

    const second = await cache.load(REPORT);
    expect(second.status).toBe('loaded');
    expect(second.problems).toEqual([]);
    expect(build).toHaveBeenCalledTimes(1);
    expect(hitsOf(second.index)).toEqual(hitsOf(first.index));
    expect(second.index.firstHits('执法监督', 10).total).toBe(2);
    expect(second.extra).toEqual(first.extra);
    expect(second.extra.sections.map((s) => s.numberPath)).toContain('一、(一) 1.');
  });

  it('does not store the report text again: paragraphs are ranges of it', async () => {
    const { cache } = cacheWithSpy();
    const { key } = await cache.load(REPORT);
    const contents = decodeIndexFile(await readFile(cache.fileFor(key)));
    const paragraphs = contents.data.units.filter((u) => u.kind !== 'metadata');
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(paragraphs.every((u) => u.source !== undefined && u.text === undefined)).toBe(true);
  });

  it('builds a new index for a changed text (its hash is another key)', async () => {
    const { cache, build } = cacheWithSpy();
    await cache.load(REPORT);
    const changed = await cache.load(OTHER);
    expect(changed.status).toBe('built');
    expect(build).toHaveBeenCalledTimes(2);
    expect(changed.index.firstHits('456', 10).total).toBe(1);
    expect(changed.index.firstHits('123', 10).total).toBe(0);
  });

  it('rebuilds when the file under this text’s name was built from another text', async () => {
    const { cache, build } = cacheWithSpy();
    const other = await cache.load(OTHER);
    // A stale file put where REPORT's cache belongs: its key and ranges are for OTHER.
    await writeFile(cache.fileFor(textKey(REPORT)), await readFile(cache.fileFor(other.key)));
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.problems.join()).toMatch(/another text/);
    expect(build).toHaveBeenCalledTimes(2);
    expect(loaded.index.firstHits('123', 10).total).toBe(1);
    // The stale file was replaced: the next load uses the cache.
    expect((await cache.load(REPORT)).status).toBe('loaded');
  });

  const damages: [string, (bytes: Buffer) => Buffer, RegExp][] = [
    ['cut short', (b) => b.subarray(0, Math.floor(b.length / 2)), /checksum/],
    ['cut to a few bytes', (b) => b.subarray(0, 5), /not a search index/],
    ['empty', () => Buffer.alloc(0), /not a search index/],
    [
      'a flipped byte in the postings',
      (b) => {
        const copy = Buffer.from(b);
        copy[copy.length - 100]! ^= 0xff;
        return copy;
      },
      /checksum/,
    ],
    [
      'a flipped byte in the header',
      (b) => {
        const copy = Buffer.from(b);
        copy[40]! ^= 0x01;
        return copy;
      },
      /checksum/,
    ],
    ['garbage', () => Buffer.from('{"not": "an index"}'), /not a search index/],
    [
      'another file version',
      (b) => {
        const copy = Buffer.from(b);
        copy.writeUInt32LE(SEARCH_INDEX_FILE_VERSION + 1, 8);
        return copy;
      },
      /version/,
    ],
  ];
  it.each(damages)('rebuilds and replaces a cache file that is %s', async (_, damage, why) => {
    const { cache, build } = cacheWithSpy();
    const good = await cache.load(REPORT);
    const file = cache.fileFor(good.key);
    const goodBytes = await readFile(file);
    await writeFile(file, damage(goodBytes));

    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.problems.join()).toMatch(why);
    expect(build).toHaveBeenCalledTimes(2);
    expect(hitsOf(loaded.index)).toEqual(hitsOf(good.index));
    // Replaced with a sound file, which the next load uses.
    expect(decodeIndexFile(await readFile(file)).key).toBe(good.key);
    expect((await cache.load(REPORT)).status).toBe('loaded');
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('refuses a file whose checksum is right but whose contents do not fit the text', async () => {
    const { cache, build } = cacheWithSpy();
    const good = await cache.load(REPORT);
    // Re-encoded (valid checksum) with a unit range beyond the report's end.
    const contents = decodeIndexFile(await readFile(cache.fileFor(good.key)));
    const unit = contents.data.units.find((u) => u.source)!;
    unit.source = [REPORT.length, REPORT.length + 10];
    await writeFile(cache.fileFor(good.key), encodeIndexFile(good.key, good.extra, contents.data));
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.problems.join()).toMatch(/outside the source/);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('reads a file in pieces as decodeIndexFile does, and refuses one that ends early', async () => {
    const { cache } = cacheWithSpy();
    const { key } = await cache.load(REPORT);
    const bytes = await readFile(cache.fileFor(key));
    // A reader that gives at most 1,000 bytes a call, as a slow disk or a pipe may.
    const reader = (file: Buffer) => ({
      read: async (into: Uint8Array, offset: number, length: number, position: number) => {
        const piece = file.subarray(position, position + Math.min(length, 1000));
        into.set(piece, offset);
        return { bytesRead: piece.length };
      },
    });
    const read = await readIndexFile(reader(bytes), bytes.length);
    const decoded = decodeIndexFile(bytes);
    // The positions' largest value comes from the bytes as they were read.
    expect(read.data.largestPosition).toBe(Math.max(...decoded.data.postings.positions));
    // The units come as a reader over the file's columns; read out, they are decoded's.
    const { units, ...rest } = read.data;
    expect(Array.isArray(units)).toBe(false);
    expect((units as StoredUnitReader).toArray()).toEqual(decoded.data.units);
    expect({
      ...read,
      data: { ...rest, units: decoded.data.units, largestPosition: undefined },
    }).toEqual(decoded);
    // Loaded from either, the index answers alike.
    expect(hitsOf(loadExactSearchIndex(read.data, REPORT))).toEqual(
      hitsOf(loadExactSearchIndex(decoded.data, REPORT)),
    );
    // The file shrank after its size was taken: refused, not decoded from unread bytes.
    await expect(
      readIndexFile(reader(bytes.subarray(0, bytes.length >> 1)), bytes.length),
    ).rejects.toThrow(/cut short/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1]! ^= 0x01;
    await expect(readIndexFile(reader(flipped), bytes.length)).rejects.toThrow(/checksum/);
  });

  it('uses a file system whose handles cannot read (whole-file reads), with the same checks', async () => {
    const fs: DataFs = {
      ...nodeDataFs,
      open: async (file, flags) => {
        const real = await nodeDataFs.open(file, flags);
        return { write: real.write.bind(real), sync: () => real.sync(), close: () => real.close() };
      },
    };
    const build = vi.fn(buildReportIndex);
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build, fs });
    const { key } = await cache.load(REPORT);
    expect((await cache.load(REPORT)).status).toBe('loaded');
    const file = cache.fileFor(key);
    const damaged = await readFile(file);
    damaged[damaged.length - 100]! ^= 0xff;
    await writeFile(file, damaged);
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.problems.join()).toMatch(/checksum/);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('refuses a file whose checksum is right but whose postings point past the text', async () => {
    const { cache, build } = cacheWithSpy();
    const good = await cache.load(REPORT);
    const contents = decodeIndexFile(await readFile(cache.fileFor(good.key)));
    const positions = contents.data.postings.positions.slice();
    positions[positions.length - 1] = contents.data.text.length + 3;
    const data = { ...contents.data, postings: { ...contents.data.postings, positions } };
    await writeFile(cache.fileFor(good.key), encodeIndexFile(good.key, good.extra, data));
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.problems.join()).toMatch(/position out of range/);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('refuses a file whose checksum is right but whose unit table holds an unknown kind', async () => {
    const { cache, build } = cacheWithSpy();
    const good = await cache.load(REPORT);
    const contents = decodeIndexFile(await readFile(cache.fileFor(good.key)));
    const units = contents.data.units.map((u, i) =>
      i === 3 ? { ...u, kind: 'bogus' as unknown as typeof u.kind } : u,
    );
    const data = { ...contents.data, units };
    await writeFile(cache.fileFor(good.key), encodeIndexFile(good.key, good.extra, data));
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.problems.join()).toMatch(/unknown kind/);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('rebuilds when a folder stands where the file should be, and still answers', async () => {
    const { cache } = cacheWithSpy();
    await mkdir(cache.fileFor(textKey(REPORT)), { recursive: true });
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('rebuilt');
    expect(loaded.index.firstHits('执法监督', 10).total).toBe(2);
  });

  it('never writes while another window holds the data folder', async () => {
    const { cache, build } = cacheWithSpy({ mayWrite: () => false });
    await cache.load(REPORT);
    await cache.load(REPORT);
    expect(build).toHaveBeenCalledTimes(2);
    await expect(readdir(path.join(dataDir, INDEX_CACHE_FOLDER))).rejects.toThrow();
  });

  it('prunes files of texts no longer in the library', async () => {
    const { cache } = cacheWithSpy();
    const kept = await cache.load(REPORT);
    const gone = await cache.load(OTHER);
    // A recent file is kept when a minimum age is asked for (another library may use it).
    expect(await cache.prune(new Set([kept.key]), 3600_000)).toEqual([]);
    expect(await cache.prune(new Set([kept.key]))).toEqual([`${gone.key}.idx`]);
    expect(await readdir(path.join(dataDir, INDEX_CACHE_FOLDER))).toEqual([`${kept.key}.idx`]);
  });
});
