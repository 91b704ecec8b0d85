/**
 * Per-report search indexes cached on disk, so a report is parsed and indexed once per
 * version of its text: `<dataDir>/index-cache/<SHA-256 of the report text>.idx`
 * (search-index-file.ts describes the file).
 *
 * It is only a cache, so it is never trusted and never worth an error: a file of another
 * version, for another text, failing its checksum, cut short or otherwise inconsistent is
 * rebuilt and replaced, and a write that fails (full disk, read-only data folder) only means
 * the next load builds again. Writes go through safe-write (verified, atomic), so a crash
 * leaves the old file or the new one, never half of one.
 *
 * A load reads the file up to its positions; a query reads the run of positions it needs
 * (search-index-file.ts), synchronously: a run is a few kilobytes, read from the page cache in
 * microseconds, where a round trip through the thread pool costs a tenth of a millisecond and
 * would make every search asynchronous for nothing. A run that cannot be read or fails its
 * checksum throws SearchIndexFileError; the caller loads again with `rebuild`.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import {
  loadExactSearchIndex,
  type ExactSearchIndex,
  type LoadableIndexData,
} from '../../core/search';
import { errorMessage, nodeDataFs, readRetrying, type DataFs, type RetriedRead } from './data-fs';
import { writeFileVerified } from './safe-write';
import {
  encodeIndexFile,
  readIndexFile,
  readIndexFileSync,
  type IndexFileContents,
  type IndexFileReader,
} from './search-index-file';

export const INDEX_CACHE_FOLDER = 'index-cache';
const EXTENSION = '.idx';

/** What a builder makes from a report's text: the index and what to keep beside it. */
export interface BuiltIndex<Extra> {
  index: ExactSearchIndex;
  extra: Extra;
  /**
   * The index already encoded as its cache file under the load's key (a worker thread built
   * and encoded it): written as it is, not encoded again here.
   */
  file?: Buffer;
}

/**
 * Builds an index from a report's text, here or elsewhere (a worker thread: a promise); `key`
 * is the cache key the file will be written under.
 */
export type IndexBuilder<Extra> = (
  source: string,
  key: string,
) => BuiltIndex<Extra> | Promise<BuiltIndex<Extra>>;

export interface CachedIndex<Extra> extends BuiltIndex<Extra> {
  /** SHA-256 (hex) of the report text: the cache key. */
  key: string;
  /** 'loaded' from the cache, 'built' when there was none, 'rebuilt' when it was unusable. */
  status: 'loaded' | 'built' | 'rebuilt';
  /** Why a cache file was not used, or why the new one was not written; for the log. */
  problems: string[];
}

export interface SearchIndexCacheOptions<Extra> {
  dataDir: string;
  build: IndexBuilder<Extra>;
  /** False while another window holds the data folder: the cache is read, never written. */
  mayWrite?: () => boolean;
  /** How cache files are written (and listed, pruned). */
  fs?: DataFs;
  /** How cache files are read. */
  files?: IndexFileAccess;
}

/** Reading cache files: whole loads, and runs of positions when a query needs them. */
export interface IndexFileAccess {
  /** The file's size in bytes; throws ENOENT when there is none. */
  size(file: string): number;
  /** Reads `into.length` bytes at `position` (fewer only where the file ends); returns how many. */
  readAt(file: string, position: number, into: Uint8Array): number;
  /** Opens the file for the chunked reads of a large load. */
  open(file: string): Promise<IndexFileReader & { close(): Promise<void> }>;
}

export const nodeIndexFileAccess: IndexFileAccess = {
  size: (file) => statSync(file).size,
  readAt(file, position, into) {
    const fd = openSync(file, 'r');
    try {
      let got = 0;
      while (got < into.length) {
        const read = readSync(fd, into, got, into.length - got, position + got);
        if (read === 0) break;
        got += read;
      }
      return got;
    } finally {
      closeSync(fd);
    }
  },
  open: (file) => open(file, 'r'),
};

/**
 * Files up to this size load with synchronous reads (what they read, up to their positions,
 * is under half of it): a library's reports are mostly this small, and three synchronous reads
 * of one take less time than a single round trip through the thread pool.
 */
const SYNC_LOAD_BYTES = 8 * 1024 * 1024;

export interface LoadOptions<Extra> {
  /** Builds the index when the cache has none; a report's own builder parses it as its
   * format says (tables, bold headings). Default: the cache's builder. */
  build?: IndexBuilder<Extra>;
  /**
   * The text's SHA-256 (hex) when the caller already knows it for this very text: the
   * library checks an imported report's text against the hash in its manifest each time it
   * opens it, so hashing 30 MB again here would only repeat that. Without it the text is
   * hashed. A wrong key cannot make a wrong index load unnoticed any more than a stale file
   * can: the file's ranges and lengths are still checked against the text.
   */
  key?: string;
  /**
   * Builds and writes the index without reading the file: a query found the loaded one's file
   * damaged (SearchIndexFileError), so it must not be read again.
   */
  rebuild?: boolean;
}

export interface SearchIndexCache<Extra> {
  /** The index of a text: from the cache when it is sound, else built and cached. */
  load(source: string, options?: LoadOptions<Extra>): Promise<CachedIndex<Extra>>;
  fileFor(key: string): string;
  /**
   * Removes cache files whose key is not in `keep` (texts no longer in the library) and that
   * were last written at least `minAgeMs` ago (another reports folder used with the same data
   * folder keeps its recent ones). Returns the names removed.
   */
  prune(keep: ReadonlySet<string>, minAgeMs?: number): Promise<string[]>;
}

export function textKey(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

export function createSearchIndexCache<Extra>(
  options: SearchIndexCacheOptions<Extra>,
): SearchIndexCache<Extra> {
  const fs = options.fs ?? nodeDataFs;
  const files = options.files ?? nodeIndexFileAccess;
  const folder = path.join(options.dataDir, INDEX_CACHE_FOLDER);
  const mayWrite = options.mayWrite ?? (() => true);
  const fileFor = (key: string): string => path.join(folder, `${key}${EXTENSION}`);

  async function load(
    source: string,
    { build, key = textKey(source), rebuild = false }: LoadOptions<Extra> = {},
  ): Promise<CachedIndex<Extra>> {
    const file = fileFor(key);
    const problems: string[] = [];
    const read: RetriedRead<IndexFileContents<LoadableIndexData>> = rebuild
      ? { status: 'unreadable', error: new Error('damaged when a search read it') }
      : await readCached(files, file);
    if (read.status === 'ok') {
      try {
        const contents = read.value;
        if (contents.key !== key) throw new Error('search index file is for another text');
        const index = loadExactSearchIndex(contents.data, source);
        return {
          key,
          index,
          status: 'loaded',
          problems,
          // Parsed when first used (the file's decoder keeps it).
          get extra() {
            return contents.extra as Extra;
          },
        };
      } catch (err) {
        problems.push(`${file}: ${errorMessage(err)}`);
      }
    } else if (read.status !== 'missing') {
      problems.push(`${file}: ${errorMessage(read.error)}`);
    }

    const { file: encoded, ...built } = await (build ?? options.build)(source, key);
    if (mayWrite()) {
      try {
        await fs.mkdir(folder);
        const bytes = encoded ?? encodeIndexFile(key, built.extra, built.index.toData());
        await writeFileVerified(file, bytes, { fs });
      } catch (err) {
        problems.push(`not cached: ${errorMessage(err)}`);
      }
    }
    const status = read.status === 'missing' ? 'built' : 'rebuilt';
    return { key, ...built, status, problems };
  }

  async function prune(keep: ReadonlySet<string>, minAgeMs = 0): Promise<string[]> {
    if (!mayWrite()) return [];
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return [];
    }
    const removed: string[] = [];
    for (const name of names) {
      if (!name.endsWith(EXTENSION) || keep.has(name.slice(0, -EXTENSION.length))) continue;
      const file = path.join(folder, name);
      if (minAgeMs > 0) {
        const age = await fs.lstat(file).then(
          (s) => Date.now() - s.mtimeMs,
          () => -1,
        );
        if (age < minAgeMs) continue;
      }
      await fs.remove(file).catch(() => undefined);
      removed.push(name);
    }
    return removed;
  }

  return { load, fileFor, prune };
}

/**
 * Reads and decodes a cache file up to its positions, checked as it is read (readIndexFile),
 * retrying read errors that usually pass. A file that is not a sound index file is
 * 'unreadable' too: either way it is rebuilt.
 */
function readCached(
  files: IndexFileAccess,
  file: string,
): Promise<RetriedRead<IndexFileContents<LoadableIndexData>>> {
  return readRetrying(() => readIndexCacheFile(file, files));
}

/** Reads a cache file as a load does, without retries (for the benchmark's breakdown). */
export async function readIndexCacheFile(
  file: string,
  files: IndexFileAccess = nodeIndexFileAccess,
): Promise<IndexFileContents<LoadableIndexData>> {
  const size = files.size(file);
  const readPositions = (position: number, into: Uint8Array) => files.readAt(file, position, into);
  if (size <= SYNC_LOAD_BYTES) return readIndexFileSync(readPositions, size);
  const handle = await files.open(file);
  try {
    return await readIndexFile(handle, size, readPositions);
  } finally {
    await handle.close();
  }
}
