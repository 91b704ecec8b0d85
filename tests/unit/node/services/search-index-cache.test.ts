// The on-disk search index cache: a good file is used (the builder is not called), and every
// kind of bad file (another text, another version, cut short, damaged, garbage, a folder) is
// rebuilt and replaced, never searched.
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildReportIndex, type ReportSearchInfo } from '../../../../node/services/report-index';
import {
  createSearchIndexCache,
  INDEX_CACHE_FOLDER,
  nodeIndexFileAccess,
  textKey,
  type IndexFileAccess,
} from '../../../../node/services/search-index-cache';
import {
  loadExactSearchIndex,
  type PositionReader,
  type StoredUnitReader,
} from '../../../../core/search';
import {
  decodeIndexFile,
  encodeIndexFile,
  readIndexFile,
  readIndexFileSync,
  SEARCH_INDEX_FILE_VERSION,
  SearchIndexFileError,
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

/** Where a file's positions start (they are last: their length is known from the text's). */
function positionsAt(bytes: Buffer): number {
  const { text } = decodeIndexFile(bytes).data;
  return bytes.length - 4 * Math.max(0, text.length - 1);
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
    ['cut short', (b) => b.subarray(0, Math.floor(b.length / 2)), /cut short/],
    ['added to', (b) => Buffer.concat([b, Buffer.alloc(8)]), /added to/],
    ['cut to a few bytes', (b) => b.subarray(0, 5), /not a search index/],
    ['empty', () => Buffer.alloc(0), /not a search index/],
    [
      'a flipped byte in the joined text (just before the positions)',
      (b) => {
        const copy = Buffer.from(b);
        copy[positionsAt(b) - 10]! ^= 0xff;
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
    const positionsRead: number[] = [];
    const readAt = (file: Buffer) => (position: number, into: Uint8Array) => {
      positionsRead.push(position);
      const piece = file.subarray(position, position + into.length);
      into.set(piece);
      return piece.length;
    };
    const read = await readIndexFile(reader(bytes), bytes.length, readAt(bytes));
    const readSync = readIndexFileSync(readAt(bytes), bytes.length);
    // Loading reads nothing from the positions on: they are read when a query needs them.
    expect(positionsRead.filter((at) => at >= positionsAt(bytes))).toEqual([]);
    const decoded = decodeIndexFile(bytes);
    for (const loaded of [read, readSync]) {
      // The units come as a reader over the file's columns; read out, they are decoded's.
      const { units, postings, ...rest } = loaded.data;
      expect(Array.isArray(units)).toBe(false);
      expect((units as StoredUnitReader).toArray()).toEqual(decoded.data.units);
      const positions = postings.positions as PositionReader;
      expect(positions.read(0, positions.length)).toEqual(decoded.data.postings.positions);
      expect({
        ...loaded,
        data: { ...rest, units: decoded.data.units, postings: decoded.data.postings },
      }).toEqual(decoded);
      // Loaded from either, the index answers alike.
      expect(hitsOf(loadExactSearchIndex(loaded.data, REPORT))).toEqual(
        hitsOf(loadExactSearchIndex(decoded.data, REPORT)),
      );
    }
    // The file shrank after its size was taken: refused, not decoded from unread bytes.
    const half = bytes.subarray(0, positionsAt(bytes) >> 1);
    await expect(readIndexFile(reader(half), bytes.length, readAt(half))).rejects.toThrow(
      /cut short/,
    );
    expect(() => readIndexFileSync(readAt(half), bytes.length)).toThrow(/cut short/);
    const flipped = Buffer.from(bytes);
    flipped[positionsAt(bytes) - 1]! ^= 0x01;
    await expect(readIndexFile(reader(flipped), bytes.length, readAt(flipped))).rejects.toThrow(
      /checksum/,
    );
    expect(() => readIndexFileSync(readAt(flipped), bytes.length)).toThrow(/checksum/);
  });

  it('finds damaged positions when a query reads them; a rebuild replaces the file', async () => {
    const { cache, build } = cacheWithSpy();
    const good = await cache.load(REPORT);
    const file = cache.fileFor(good.key);
    const bytes = await readFile(file);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 2]! ^= 0xff;
    await writeFile(file, damaged);
    // The positions are not read when the index loads...
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('loaded');
    // ...but the first query that reads their block finds the damage, and answers nothing.
    expect(() => hitsOf(loaded.index)).toThrow(SearchIndexFileError);
    expect(() => hitsOf(loaded.index)).toThrow(/positions that fail their checksum/);
    // The caller then loads again with rebuild: built from the text, the file replaced.
    const rebuilt = await cache.load(REPORT, { rebuild: true });
    expect(rebuilt.status).toBe('rebuilt');
    expect(build).toHaveBeenCalledTimes(2);
    expect(hitsOf(rebuilt.index)).toEqual(hitsOf(good.index));
    expect(await readFile(file)).toEqual(bytes);
    expect(hitsOf((await cache.load(REPORT)).index)).toEqual(hitsOf(good.index));
  });

  it('finds a file that was cut short, or cannot be read, after it loaded', async () => {
    let failWith: string | null = null;
    const files: IndexFileAccess = {
      ...nodeIndexFileAccess,
      readAt(file, position, into) {
        if (failWith) throw Object.assign(new Error(`${failWith}: injected`), { code: failWith });
        return nodeIndexFileAccess.readAt(file, position, into);
      },
    };
    const build = vi.fn(buildReportIndex);
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build, files });
    const good = await cache.load(REPORT);
    const loaded = await cache.load(REPORT);
    expect(loaded.status).toBe('loaded');
    failWith = 'EIO';
    expect(() => loaded.index.firstHits('执法监督', 10)).toThrow(/could not be read.*EIO/);
    failWith = null;
    expect(loaded.index.firstHits('执法监督', 10)).toEqual(good.index.firstHits('执法监督', 10));
    const file = cache.fileFor(good.key);
    await truncate(file, positionsAt(await readFile(file)) + 8);
    expect(() => loaded.index.firstHits('执法监督', 10)).toThrow(/cut short after it was loaded/);
    await rm(file);
    expect(() => loaded.index.firstHits('执法监督', 10)).toThrow(SearchIndexFileError);
    expect(build).toHaveBeenCalledTimes(1);
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
    // Found when a query reads that run: the last one, of the largest pair.
    const { keys } = contents.data.postings;
    const last = keys[keys.length - 1]!;
    const pair = String.fromCharCode(last >>> 16, last & 0xffff);
    expect(() => loaded.index.firstHits(pair, 10)).toThrow(/position out of range/);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('refuses a file whose checksum is right but whose header places an array outside it', async () => {
    const { cache, build } = cacheWithSpy();
    const good = await cache.load(REPORT);
    const file = cache.fileFor(good.key);
    const bytes = await readFile(file);
    // The header (UTF-16 JSON after the 24-byte prefix) edited in place, the CRC made right.
    const headerLength = bytes.readUInt32LE(20);
    const header = JSON.parse(bytes.toString('utf16le', 24, 24 + headerLength)) as {
      arrays: Record<string, { offset: number; bytes: number }>;
    };
    const edits: [string, (h: typeof header) => void][] = [
      ['a negative offset', (h) => (h.arrays.keys!.offset = -8)],
      ['an array running into the positions', (h) => (h.arrays.text!.bytes += 64)],
      ['a fractional size', (h) => (h.arrays.columns!.bytes = 4.5)],
    ];
    for (const [what, edit] of edits) {
      const copy = structuredClone(header);
      edit(copy);
      const json = JSON.stringify(copy);
      expect(json.length * 2, what).toBeLessThanOrEqual(headerLength);
      const edited = Buffer.from(bytes);
      edited.write(json.padEnd(headerLength / 2, ' '), 24, 'utf16le');
      edited.writeUInt32LE(crc32(edited.subarray(20, positionsAt(bytes))), 16);
      await writeFile(file, edited);
      const loaded = await cache.load(REPORT);
      expect(loaded.status, what).toBe('rebuilt');
      expect(loaded.problems.join(), what).toMatch(/has a bad (keys|text|columns) array/);
      expect(hitsOf(loaded.index)).toEqual(hitsOf(good.index));
    }
    expect(build).toHaveBeenCalledTimes(1 + edits.length);
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
