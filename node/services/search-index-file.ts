/**
 * The on-disk form of a report's search index (exact-search-index.ts): one binary file that
 * loads without parsing the report, normalising or sorting. Typed arrays are stored as raw
 * little-endian bytes, the joined normalised text as UTF-16LE, and the unit table as columns
 * (numbers in typed arrays, each distinct string once, all in one UTF-16 run with their ends),
 * so a 30 MB report's index is a
 * memory copy and a checksum away, not a 100 MB JSON parse.
 *
 *   "RVSEARCH" | u32 file version | u32 index format | u32 CRC-32 | u32 header bytes |
 *   header JSON (space-padded to 8) | each array, 8-byte aligned | positions
 *
 * The positions (4 bytes per character of the report, over half the file) come last and are
 * not read when the index loads: a query reads the one run it needs (readPositions), block
 * by block, each block of POSITIONS_PER_BLOCK checked against its own CRC-32 in `blockChecks`.
 * The file's CRC-32 covers everything between it and the positions, `blockChecks` included,
 * so every byte a search uses is checked before it is used.
 *
 * A unit whose text is a slice of the report is stored as that range, so the report's text is
 * not stored again; the cache is keyed by the report's SHA-256, so the ranges always fit.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import {
  EXACT_INDEX_FORMAT,
  type ExactIndexData,
  type LoadableIndexData,
  type PositionReader,
  type SearchUnitKind,
  type StoredUnit,
  type StoredUnitReader,
} from '../../core/search';
import { largestPosition, positionRun } from '../../core/search/bigram-postings';

/** Bump when this layout changes (EXACT_INDEX_FORMAT covers the index's own shape). */
export const SEARCH_INDEX_FILE_VERSION = 2;

/** Positions per checked block: 16 KB, so a short run costs a 16 KB read and one CRC. */
export const POSITIONS_PER_BLOCK = 4096;
const BLOCK_BYTES = POSITIONS_PER_BLOCK * 4;

const MAGIC = Buffer.from('RVSEARCH', 'latin1');
/** magic, file version, index format, CRC-32, header length. */
const PREFIX_BYTES = MAGIC.length + 16;
/** Where the CRC is; it covers everything after it up to the positions. */
const CRC_AT = MAGIC.length + 8;
const HEADER_LENGTH_AT = MAGIC.length + 12;
const KINDS: readonly SearchUnitKind[] = ['paragraph', 'heading', 'metadata', 'note'];
/** The paragraph unit id convention of document-units.ts: not stored when it holds. */
const PARAGRAPH_ID_PREFIX = 'paragraph:';

type ArrayName =
  | 'extra'
  | 'strings'
  | 'stringEnds'
  | 'unitStarts'
  | 'positions'
  | 'blockChecks'
  | 'keys'
  | 'offsets'
  | 'orders'
  | 'columns'
  | 'text';

interface FileHeader {
  /** SHA-256 of the report text the index was built from. */
  key: string;
  unitCount: number;
  arrays: Record<ArrayName, { offset: number; bytes: number }>;
}

/**
 * Per unit, in this order: kind, id (-1: "paragraph:" + paragraphId), paragraphId,
 * sectionId, numberPath, text (-1: a range of the source), source start, source end,
 * headingLength, headingEnd, mapped. Strings are indexes into the string table, -1 for null.
 */
const COLUMNS = 11;

export interface IndexFileContents<Data extends LoadableIndexData = ExactIndexData> {
  key: string;
  /**
   * Whatever the caller stored beside the index (the report's title and sections), parsed
   * when first asked for: a library search needs it only for reports with hits.
   */
  readonly extra: unknown;
  data: Data;
}

/**
 * Why an index file cannot be used: not one, another version, damaged, cut short or
 * unreadable, found when it loads or when a query reads its positions. The index is then
 * built again from the report; nothing the user sees depends on the file.
 */
export class SearchIndexFileError extends Error {
  override readonly name = 'SearchIndexFileError';
}

const fail = (why: string): never => {
  throw new SearchIndexFileError(`search index file ${why}`);
};

export function encodeIndexFile(key: string, extra: unknown, data: ExactIndexData): Buffer {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const ref = (value: string | null | undefined): number => {
    if (value === null || value === undefined) return -1;
    let at = stringIndex.get(value);
    if (at === undefined) {
      at = strings.length;
      strings.push(value);
      stringIndex.set(value, at);
    }
    return at;
  };
  const columns = new Int32Array(data.units.length * COLUMNS);
  const orders = new Float64Array(data.units.length);
  data.units.forEach((unit, u) => {
    const derivedId =
      unit.paragraphId !== null && unit.id === PARAGRAPH_ID_PREFIX + unit.paragraphId;
    columns.set(
      [
        KINDS.indexOf(unit.kind),
        derivedId ? -1 : ref(unit.id),
        ref(unit.paragraphId),
        ref(unit.sectionId),
        ref(unit.numberPath),
        unit.source ? -1 : ref(unit.text ?? ''),
        unit.source?.[0] ?? 0,
        unit.source?.[1] ?? 0,
        unit.headingLength,
        unit.headingEnd,
        unit.mapped ? 1 : 0,
      ],
      u * COLUMNS,
    );
    orders[u] = unit.order;
  });
  const positions = bytesOf(data.postings.positions);
  const blockChecks = new Uint32Array(Math.ceil(positions.length / BLOCK_BYTES));
  for (let b = 0; b < blockChecks.length; b++) {
    blockChecks[b] = crc32(positions.subarray(b * BLOCK_BYTES, (b + 1) * BLOCK_BYTES));
  }
  const text = Buffer.from(data.text, 'utf16le');
  // The positions last: a load reads everything before them and stops. JSON is stored as
  // UTF-16LE, which decodes ten times faster than UTF-8 (it is mostly Chinese either way).
  const parts: [ArrayName, Uint8Array][] = [
    ['extra', Buffer.from(JSON.stringify(extra) ?? 'null', 'utf16le')],
    ['orders', bytesOf(orders)],
    ['unitStarts', bytesOf(data.unitStarts)],
    ['keys', bytesOf(data.postings.keys)],
    ['offsets', bytesOf(data.postings.offsets)],
    ['columns', bytesOf(columns)],
    // The string table as one run of text and where each string ends in it: decoded in one
    // copy, where a JSON list of a thousand strings took longer to parse than the rest to load.
    ['strings', Buffer.from(strings.join(''), 'utf16le')],
    ['stringEnds', bytesOf(stringEnds(strings))],
    ['blockChecks', bytesOf(blockChecks)],
    ['text', text],
    ['positions', positions],
  ];
  const arrays = {} as FileHeader['arrays'];
  let offset = 0;
  for (const [name, bytes] of parts) {
    offset = align8(offset);
    arrays[name] = { offset, bytes: bytes.length };
    offset += bytes.length;
  }
  const header: FileHeader = { key, unitCount: data.units.length, arrays };
  const json = JSON.stringify(header);
  // Padded with spaces to a multiple of 8 bytes (UTF-16: 4 characters).
  const headerBytes = Buffer.from(json.padEnd(align8(json.length * 2) / 2, ' '), 'utf16le');

  const file = Buffer.alloc(PREFIX_BYTES + headerBytes.length + offset);
  MAGIC.copy(file, 0);
  file.writeUInt32LE(SEARCH_INDEX_FILE_VERSION, MAGIC.length);
  file.writeUInt32LE(data.format, MAGIC.length + 4);
  file.writeUInt32LE(headerBytes.length, HEADER_LENGTH_AT);
  headerBytes.copy(file, PREFIX_BYTES);
  const base = PREFIX_BYTES + headerBytes.length;
  for (const [name, bytes] of parts) file.set(bytes, base + arrays[name].offset);
  // The CRC covers the header length too, so nothing after the versions goes unchecked.
  const positionsAt = base + arrays.positions.offset;
  file.writeUInt32LE(crc32(file.subarray(HEADER_LENGTH_AT, positionsAt)), CRC_AT);
  return file;
}

/** As much of a file handle as readIndexFile uses (fs.promises.FileHandle has it). */
export interface IndexFileReader {
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
}

/**
 * Reads bytes of the index file synchronously: `into.length` bytes at `position`, fewer only
 * where the file ends; returns how many. What a query uses to read a run of positions (a few
 * kilobytes; see search-index-cache.ts for why this is synchronous).
 */
export type SyncFileRead = (position: number, into: Uint8Array) => number;

/** SyncFileRead over a file held in memory. */
export function readFromMemory(file: Uint8Array): SyncFileRead {
  return (position, into) => {
    const piece = file.subarray(position, position + into.length);
    into.set(piece);
    return piece.length;
  };
}

/** Bytes per read: large enough to cost few calls, small enough that reading and the CRC overlap. */
const READ_CHUNK = 4 * 1024 * 1024;

/** Checks the magic and both versions (the bytes before the CRC); returns the header length. */
function checkPrefix(file: Buffer): number {
  if (endianness() !== 'LE') fail('is not used on a big-endian machine');
  if (file.length < PREFIX_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    fail('is not a search index file');
  }
  const version = file.readUInt32LE(MAGIC.length);
  const format = file.readUInt32LE(MAGIC.length + 4);
  if (version !== SEARCH_INDEX_FILE_VERSION || format !== EXACT_INDEX_FORMAT) {
    fail(`is version ${version}/${format}, not ${SEARCH_INDEX_FILE_VERSION}/${EXACT_INDEX_FORMAT}`);
  }
  return file.readUInt32LE(HEADER_LENGTH_AT);
}

function checkCrc(file: Buffer, crc: number): void {
  if (file.readUInt32LE(CRC_AT) !== crc) fail('fails its checksum (damaged or cut short)');
}

/** Where the parts of a file are, from its header. */
interface Layout {
  header: FileHeader;
  /** Where the arrays start (after the header). */
  base: number;
  /** Where the positions start: what a load reads, and what the CRC covers, ends here. */
  positionsAt: number;
}

type Slot = FileHeader['arrays'][ArrayName];

/** A header's slot for an array of `size`-byte items: whole, not negative, 8-byte aligned. */
function slotFits(slot: Slot | undefined, size: number): slot is Slot {
  return (
    !!slot &&
    Number.isSafeInteger(slot.offset) &&
    Number.isSafeInteger(slot.bytes) &&
    slot.offset >= 0 &&
    slot.bytes >= 0 &&
    slot.offset % 8 === 0 &&
    slot.bytes % size === 0
  );
}

/** The layout of a file of `size` bytes with this header; throws when they do not fit. */
function layoutOf(headerBytes: Buffer, size: number): Layout {
  let header: FileHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf16le')) as FileHeader;
  } catch {
    return fail('has a damaged header');
  }
  const base = PREFIX_BYTES + headerBytes.length;
  const slot = header?.arrays?.positions;
  if (base % 8 !== 0) fail('has a bad header length');
  if (!slotFits(slot, 4) || base + slot.offset + slot.bytes !== size) {
    fail(`was cut short or added to (${size} bytes, not where its positions end)`);
  }
  return { header, base, positionsAt: base + slot.offset };
}

/**
 * Reads an index file held in memory, positions and all (every block checked), with the
 * checks of readIndexFile. Throws (saying why) when it is not one, is of another version,
 * fails a checksum or does not fit together; it never returns data it could not check.
 */
export function decodeIndexFile(file: Buffer): IndexFileContents {
  const headerLength = checkPrefix(file);
  if (PREFIX_BYTES + headerLength > file.length) fail('was cut short');
  const layout = layoutOf(file.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength), file.length);
  const bytes = file.byteOffset % 8 === 0 ? file : alignedCopy(file);
  checkCrc(bytes, crc32(bytes.subarray(HEADER_LENGTH_AT, layout.positionsAt)));
  const contents = decodeChecked(bytes, layout, readFromMemory(bytes));
  const { positions } = contents.data.postings;
  return {
    ...contents,
    data: {
      ...contents.data,
      units: contents.data.units.toArray(),
      postings: {
        ...contents.data.postings,
        positions: positionRun(positions, 0, positions.length),
      },
    },
  };
}

/**
 * Loads an index file of `size` bytes through `handle`, up to its positions, which stay in
 * the file: a query reads the run it needs with `readPositions`. The part read is checked as
 * decodeIndexFile checks it. It is read in chunks into one aligned buffer, and each chunk's
 * CRC is computed while the next one is read, so the checksum costs little more than the read
 * (for a report of tens of megabytes; a small file is quicker read with readIndexFileSync).
 * Throws when a read fails, saying why.
 */
export async function readIndexFile(
  handle: IndexFileReader,
  size: number,
  readPositions: SyncFileRead,
): Promise<IndexFileContents<LoadableIndexData & { units: StoredUnitReader }>> {
  const readExactly = async (into: Buffer, position: number): Promise<void> => {
    for (let got = 0; got < into.length;) {
      const { bytesRead } = await handle.read(into, got, into.length - got, position + got);
      if (bytesRead === 0) fail('was cut short while it was read');
      got += bytesRead;
    }
  };
  const layout = await readLayout(size, readExactly);
  const file = headAndHeader(layout);
  const end = layout.positionsAt;
  let crc = crc32(file.subarray(HEADER_LENGTH_AT, layout.base));
  let got = layout.base;
  let checked = got;
  while (got < end) {
    const reading = handle.read(file, got, Math.min(READ_CHUNK, end - got), got);
    crc = crc32(file.subarray(checked, got), crc);
    checked = got;
    const { bytesRead } = await reading;
    if (bytesRead === 0) fail('was cut short while it was read');
    got += bytesRead;
  }
  checkCrc(file, crc32(file.subarray(checked, got), crc));
  return decodeChecked(file, layout, readPositions);
}

/**
 * readIndexFile with synchronous reads: for a small file (the bulk of a library), where the
 * three reads take less time than one round trip through the thread pool would.
 */
export function readIndexFileSync(
  read: SyncFileRead,
  size: number,
): IndexFileContents<LoadableIndexData & { units: StoredUnitReader }> {
  const readExactly = (into: Buffer, position: number): void => {
    if (read(position, into) !== into.length) fail('was cut short while it was read');
  };
  const layout = readLayoutSync(size, readExactly);
  const file = headAndHeader(layout);
  readExactly(file.subarray(layout.base), layout.base);
  checkCrc(file, crc32(file.subarray(HEADER_LENGTH_AT)));
  return decodeChecked(file, layout, read);
}

interface ReadLayout extends Layout {
  head: Buffer;
  headerBytes: Buffer;
}

async function readLayout(
  size: number,
  readExactly: (into: Buffer, position: number) => Promise<void>,
): Promise<ReadLayout> {
  if (size < PREFIX_BYTES) fail('is not a search index file');
  const head = Buffer.alloc(PREFIX_BYTES);
  await readExactly(head, 0);
  const headerBytes = Buffer.alloc(headerLengthOf(head, size));
  await readExactly(headerBytes, PREFIX_BYTES);
  return { ...layoutOf(headerBytes, size), head, headerBytes };
}

function readLayoutSync(
  size: number,
  readExactly: (into: Buffer, position: number) => void,
): ReadLayout {
  if (size < PREFIX_BYTES) fail('is not a search index file');
  const head = Buffer.alloc(PREFIX_BYTES);
  readExactly(head, 0);
  const headerBytes = Buffer.alloc(headerLengthOf(head, size));
  readExactly(headerBytes, PREFIX_BYTES);
  return { ...layoutOf(headerBytes, size), head, headerBytes };
}

function headerLengthOf(head: Buffer, size: number): number {
  const headerLength = checkPrefix(head);
  if (PREFIX_BYTES + headerLength > size) fail('was cut short');
  return headerLength;
}

/** The buffer a load reads into (up to the positions), its first two parts filled in. */
function headAndHeader(layout: ReadLayout): Buffer {
  // allocUnsafeSlow: a buffer of its own, at offset 0, so every array is aligned in place.
  const file = Buffer.allocUnsafeSlow(layout.positionsAt);
  layout.head.copy(file, 0);
  layout.headerBytes.copy(file, PREFIX_BYTES);
  return file;
}

/**
 * Decodes a file read up to its positions, whose prefix and CRC have been checked; the
 * positions are read through `readPositions` a run at a time.
 */
function decodeChecked(
  bytes: Buffer,
  { header, base, positionsAt }: Layout,
  readPositions: SyncFileRead,
): IndexFileContents<LoadableIndexData & { units: StoredUnitReader }> {
  const format = bytes.readUInt32LE(MAGIC.length + 4);
  const view = <T>(
    name: ArrayName,
    make: (b: ArrayBuffer, at: number, n: number) => T,
    size: number,
  ): T => {
    const slot = header.arrays?.[name];
    if (!slotFits(slot, size) || base + slot.offset + slot.bytes > positionsAt) {
      return fail(`has a bad ${name} array`);
    }
    return make(
      bytes.buffer as ArrayBuffer,
      bytes.byteOffset + base + slot.offset,
      slot.bytes / size,
    );
  };
  const u32 = (name: ArrayName) => view(name, (b, at, n) => new Uint32Array(b, at, n), 4);
  const columns = view('columns', (b, at, n) => new Int32Array(b, at, n), 4);
  const orders = view('orders', (b, at, n) => new Float64Array(b, at, n), 8);
  const text = view('text', (b, at, n) => Buffer.from(b, at, n * 2).toString('utf16le'), 2);
  const blockChecks = u32('blockChecks');
  const count = header.unitCount;
  if (!Number.isInteger(count) || columns.length !== count * COLUMNS || orders.length !== count) {
    fail('has a bad unit table');
  }
  const strings = stringTable(
    view('strings', (b, at, n) => Buffer.from(b, at, n * 2).toString('utf16le'), 2),
    u32('stringEnds'),
  );
  const extraJson = view('extra', (b, at, n) => Buffer.from(b, at, n * 2), 2);
  const positionCount = header.arrays.positions.bytes / 4;
  if (blockChecks.length !== Math.ceil(positionCount / POSITIONS_PER_BLOCK)) {
    fail('has a bad blockChecks array');
  }
  return {
    key: header.key,
    get extra() {
      // Checked by the CRC with the rest; written by JSON.stringify.
      const value: unknown = JSON.parse(extraJson.toString('utf16le'));
      Object.defineProperty(this, 'extra', { value });
      return value;
    },
    data: {
      format,
      units: columnReader(columns, orders, strings),
      text,
      unitStarts: u32('unitStarts'),
      postings: {
        positions: positionReader(
          readPositions,
          positionsAt,
          positionCount,
          blockChecks,
          text.length,
        ),
        keys: u32('keys'),
        offsets: u32('offsets'),
      },
    },
  };
}

/**
 * The positions of a file, read a run at a time: the whole blocks that hold the run, each
 * checked against its CRC, then every value of the run against the text's length (a file
 * whose checksums are right but whose positions point past the text is refused too).
 */
function positionReader(
  read: SyncFileRead,
  at: number,
  length: number,
  blockChecks: Uint32Array,
  textLength: number,
): PositionReader {
  return {
    length,
    read(from, to) {
      if (!(
        Number.isInteger(from) &&
        Number.isInteger(to) &&
        0 <= from &&
        from <= to &&
        to <= length
      )) {
        throw new RangeError(`no positions ${from}..${to} of ${length}`);
      }
      if (from === to) return new Uint32Array(0);
      const first = Math.floor(from / POSITIONS_PER_BLOCK);
      const last = Math.floor((to - 1) / POSITIONS_PER_BLOCK);
      const start = first * BLOCK_BYTES;
      const end = Math.min((last + 1) * BLOCK_BYTES, length * 4);
      const bytes = Buffer.allocUnsafeSlow(end - start);
      let got: number;
      try {
        got = read(at + start, bytes);
      } catch (err) {
        return fail(`could not be read (${err instanceof Error ? err.message : String(err)})`);
      }
      if (got !== bytes.length) fail('was cut short after it was loaded');
      for (let b = first; b <= last; b++) {
        const block = bytes.subarray((b - first) * BLOCK_BYTES, (b - first + 1) * BLOCK_BYTES);
        if (crc32(block) !== blockChecks[b]) fail('has positions that fail their checksum');
      }
      const run = new Uint32Array(bytes.buffer, from * 4 - start, to - from);
      if (largestPosition(run) > textLength - 2) fail('has a position out of range');
      return run;
    },
  };
}

/**
 * The unit table read in place: each unit's fields straight from the columns into the
 * loader's one object (see StoredUnitReader). A bad kind or string reference throws, and the
 * load fails, as a bad file must.
 */
function columnReader(
  columns: Int32Array,
  orders: Float64Array,
  strings: (at: number) => string,
): StoredUnitReader {
  const str = (at: number): string | null => (at === -1 ? null : strings(at));
  const range: [number, number] = [0, 0];
  const read = (u: number, into: StoredUnit): void => {
    const at = u * COLUMNS;
    into.kind = KINDS[columns[at]!] ?? fail('has a unit of unknown kind');
    const paragraphId = str(columns[at + 2]!);
    const idRef = columns[at + 1]!;
    into.id =
      idRef === -1
        ? PARAGRAPH_ID_PREFIX + (paragraphId ?? fail('has a unit without id'))
        : (str(idRef) ?? fail('has a unit without id'));
    into.paragraphId = paragraphId;
    into.order = orders[u]!;
    into.sectionId = str(columns[at + 3]!);
    into.numberPath = str(columns[at + 4]!);
    into.headingLength = columns[at + 8]!;
    into.headingEnd = columns[at + 9]!;
    into.mapped = columns[at + 10] === 1;
    const textRef = columns[at + 5]!;
    if (textRef === -1) {
      range[0] = columns[at + 6]!;
      range[1] = columns[at + 7]!;
      into.source = range;
      into.text = undefined;
    } else {
      into.source = undefined;
      into.text = str(textRef) ?? '';
    }
  };
  const length = orders.length;
  return {
    length,
    read,
    toArray() {
      const units: StoredUnit[] = [];
      for (let u = 0; u < length; u++) {
        // Both optional fields are always set, so every unit object has the same shape.
        const unit = { text: undefined, source: undefined } as unknown as StoredUnit;
        read(u, unit);
        if (unit.source) unit.source = [unit.source[0], unit.source[1]];
        units.push(unit);
      }
      return units;
    },
  };
}

function stringEnds(strings: readonly string[]): Uint32Array {
  const ends = new Uint32Array(strings.length);
  let end = 0;
  strings.forEach((value, i) => (ends[i] = end += value.length));
  return ends;
}

/**
 * The string table: string i is text[ends[i - 1], ends[i]), cut out when first asked for and
 * kept. Throws when the ends do not fit the text, or for a reference past the table.
 */
function stringTable(text: string, ends: Uint32Array): (at: number) => string {
  for (let i = 0, previous = 0; i < ends.length; previous = ends[i++]!) {
    if (ends[i]! < previous) fail('has a bad string table');
  }
  if ((ends.length === 0 ? 0 : ends[ends.length - 1]) !== text.length) {
    fail('has a bad string table');
  }
  const cut: (string | undefined)[] = new Array<string | undefined>(ends.length);
  return (at) => {
    if (!(at >= 0 && at < ends.length)) fail('refers to a missing string');
    return (cut[at] ??= text.slice(at === 0 ? 0 : ends[at - 1], ends[at]));
  };
}

function bytesOf(array: Uint32Array | Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function alignedCopy(file: Buffer): Buffer {
  const copy = new Uint8Array(file);
  return Buffer.from(copy.buffer, 0, copy.length);
}
