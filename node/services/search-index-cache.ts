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
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  loadExactSearchIndex,
  type ExactSearchIndex,
  type LoadableIndexData,
} from '../../core/search';
import {
  errorMessage,
  nodeDataFs,
  readRetrying,
  type DataFileHandle,
  type DataFs,
  type RetriedRead,
} from './data-fs';
import { writeFileVerified } from './safe-write';
import {
  decodeIndexFile,
  encodeIndexFile,
  readIndexFile,
  type IndexFileContents,
  type IndexFileReader,
} from './search-index-file';

export const INDEX_CACHE_FOLDER = 'index-cache';
const EXTENSION = '.idx';

/** What a builder makes from a report's text: the index and what to keep beside it. */
export interface BuiltIndex<Extra> {
  index: ExactSearchIndex;
  extra: Extra;
}

export type IndexBuilder<Extra> = (source: string) => BuiltIndex<Extra>;

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
  fs?: DataFs;
}

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
  const folder = path.join(options.dataDir, INDEX_CACHE_FOLDER);
  const mayWrite = options.mayWrite ?? (() => true);
  const fileFor = (key: string): string => path.join(folder, `${key}${EXTENSION}`);

  async function load(
    source: string,
    { build, key = textKey(source) }: LoadOptions<Extra> = {},
  ): Promise<CachedIndex<Extra>> {
    const file = fileFor(key);
    const problems: string[] = [];
    const read = await readCached(fs, file);
    if (read.status === 'ok') {
      try {
        const contents = read.value;
        if (contents.key !== key) throw new Error('search index file is for another text');
        const index = loadExactSearchIndex(contents.data, source);
        return { key, index, extra: contents.extra as Extra, status: 'loaded', problems };
      } catch (err) {
        problems.push(`${file}: ${errorMessage(err)}`);
      }
    } else if (read.status !== 'missing') {
      problems.push(`${file}: ${errorMessage(read.error)}`);
    }

    const built = (build ?? options.build)(source);
    if (mayWrite()) {
      try {
        await fs.mkdir(folder);
        await writeFileVerified(file, encodeIndexFile(key, built.extra, built.index.toData()), {
          fs,
        });
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
 * Reads and decodes a cache file, its CRC checked while it is read (readIndexFile), retrying
 * read errors that usually pass. A file system whose handles cannot read (a test's) gives the
 * whole file, decoded after. A file that is not a sound index file is 'unreadable' too: either
 * way it is rebuilt.
 */
function readCached(
  fs: DataFs,
  file: string,
): Promise<RetriedRead<IndexFileContents<LoadableIndexData>>> {
  return readRetrying(async () => {
    const { size } = await fs.stat(file);
    const handle: DataFileHandle & Partial<IndexFileReader> = await fs.open(file, 'r');
    try {
      if (handle.read) return await readIndexFile({ read: handle.read.bind(handle) }, size);
    } finally {
      await handle.close();
    }
    return decodeIndexFile(await fs.readFile(file));
  });
}
