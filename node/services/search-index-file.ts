/**
 * The on-disk form of a report's search index (exact-search-index.ts): one binary file that
 * loads without parsing the report, normalising or sorting. Typed arrays are stored as raw
 * little-endian bytes, the joined normalised text as UTF-16LE, and the unit table as columns
 * (numbers in typed arrays, strings once each in a JSON list), so a 30 MB report's index is a
 * memory copy and a checksum away, not a 100 MB JSON parse.
 *
 *   "RVSEARCH" | u32 file version | u32 index format | u32 CRC-32 of everything after it |
 *   u32 header bytes | header JSON (space-padded to 8) | each array, 8-byte aligned
 *
 * A unit whose text is a slice of the report is stored as that range, so the report's text is
 * not stored again; the cache is keyed by the report's SHA-256, so the ranges always fit.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { largestPosition } from '../../core/search/bigram-postings';
import {
  EXACT_INDEX_FORMAT,
  type ExactIndexData,
  type LoadableIndexData,
  type SearchUnitKind,
  type StoredUnit,
  type StoredUnitReader,
} from '../../core/search';

/** Bump when this layout changes (EXACT_INDEX_FORMAT covers the index's own shape). */
export const SEARCH_INDEX_FILE_VERSION = 1;

const MAGIC = Buffer.from('RVSEARCH', 'latin1');
/** magic, file version, index format, CRC-32, header length. */
const PREFIX_BYTES = MAGIC.length + 16;
/** Where the CRC is; it covers everything after it (header length, header, arrays). */
const CRC_AT = MAGIC.length + 8;
const HEADER_LENGTH_AT = MAGIC.length + 12;
const KINDS: readonly SearchUnitKind[] = ['paragraph', 'heading', 'metadata', 'note'];
/** The paragraph unit id convention of document-units.ts: not stored when it holds. */
const PARAGRAPH_ID_PREFIX = 'paragraph:';

type ArrayName = 'unitStarts' | 'positions' | 'keys' | 'offsets' | 'orders' | 'columns' | 'text';

interface FileHeader {
  /** SHA-256 of the report text the index was built from. */
  key: string;
  /** Whatever the caller stores beside the index (the report's title and sections). */
  extra: unknown;
  unitCount: number;
  /** Every distinct string the unit table uses. */
  strings: string[];
  arrays: Record<ArrayName, { offset: number; bytes: number }>;
}

/**
 * Per unit, in this order: kind, id (-1: "paragraph:" + paragraphId), paragraphId,
 * sectionId, numberPath, text (-1: a range of the source), source start, source end,
 * headingLength, headingEnd, mapped. Strings are indexes into `strings`, -1 for null.
 */
const COLUMNS = 11;

export interface IndexFileContents<Data extends LoadableIndexData = ExactIndexData> {
  key: string;
  extra: unknown;
  data: Data;
}

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
  const text = Buffer.from(data.text, 'utf16le');
  const parts: [ArrayName, Uint8Array][] = [
    ['orders', bytesOf(orders)],
    ['unitStarts', bytesOf(data.unitStarts)],
    ['positions', bytesOf(data.postings.positions)],
    ['keys', bytesOf(data.postings.keys)],
    ['offsets', bytesOf(data.postings.offsets)],
    ['columns', bytesOf(columns)],
    ['text', text],
  ];
  const arrays = {} as FileHeader['arrays'];
  let offset = 0;
  for (const [name, bytes] of parts) {
    arrays[name] = { offset, bytes: bytes.length };
    offset = align8(offset + bytes.length);
  }
  const header: FileHeader = { key, extra, unitCount: data.units.length, strings, arrays };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = align8(PREFIX_BYTES + headerBytes.length) - PREFIX_BYTES;
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc(padded - headerBytes.length, 0x20)]);

  const file = Buffer.alloc(PREFIX_BYTES + headerBytes.length + offset);
  MAGIC.copy(file, 0);
  file.writeUInt32LE(SEARCH_INDEX_FILE_VERSION, MAGIC.length);
  file.writeUInt32LE(data.format, MAGIC.length + 4);
  file.writeUInt32LE(headerBytes.length, HEADER_LENGTH_AT);
  headerBytes.copy(file, PREFIX_BYTES);
  const base = PREFIX_BYTES + headerBytes.length;
  for (const [name, bytes] of parts) file.set(bytes, base + arrays[name].offset);
  // The CRC covers the header length too, so nothing after the versions goes unchecked.
  file.writeUInt32LE(crc32(file.subarray(HEADER_LENGTH_AT)), CRC_AT);
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

/** Bytes per read: large enough to cost few calls, small enough that reading and the CRC overlap. */
const READ_CHUNK = 4 * 1024 * 1024;

const fail = (why: string): never => {
  throw new Error(`search index file ${why}`);
};

/** Checks the magic and both versions (the bytes before the CRC). */
function checkPrefix(file: Buffer): void {
  if (endianness() !== 'LE') fail('is not used on a big-endian machine');
  if (file.length < PREFIX_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    fail('is not a search index file');
  }
  const version = file.readUInt32LE(MAGIC.length);
  const format = file.readUInt32LE(MAGIC.length + 4);
  if (version !== SEARCH_INDEX_FILE_VERSION || format !== EXACT_INDEX_FORMAT) {
    fail(`is version ${version}/${format}, not ${SEARCH_INDEX_FILE_VERSION}/${EXACT_INDEX_FORMAT}`);
  }
}

function checkCrc(file: Buffer, crc: number): void {
  if (file.readUInt32LE(CRC_AT) !== crc) fail('fails its checksum (damaged or cut short)');
}

/**
 * Reads an index file. Throws (saying why) when it is not one, is of another version, fails
 * its checksum or does not fit together; it never returns data it could not check.
 */
export function decodeIndexFile(file: Buffer): IndexFileContents {
  checkPrefix(file);
  checkCrc(file, crc32(file.subarray(HEADER_LENGTH_AT)));
  const contents = decodeChecked(file);
  return { ...contents, data: { ...contents.data, units: contents.data.units.toArray() } };
}

/**
 * Reads the `size` bytes of an index file from `handle` and decodes them as decodeIndexFile
 * does, with the same checks. The file is read in chunks into one aligned buffer, and each
 * chunk's CRC is computed while the next one is read, so the checksum costs little more than
 * the read (a cached 30 MB report's file is 70 MB; reading and then checking took twice as
 * long). Throws when a read fails, saying why.
 */
export async function readIndexFile(
  handle: IndexFileReader,
  size: number,
): Promise<IndexFileContents<LoadableIndexData>> {
  if (size < PREFIX_BYTES) fail('is not a search index file');
  // allocUnsafeSlow: a buffer of its own, at offset 0, so every array is aligned in place.
  const file = Buffer.allocUnsafeSlow(size);
  let got = 0;
  const readMore = async (length: number): Promise<void> => {
    const { bytesRead } = await handle.read(file, got, length, got);
    if (bytesRead === 0) fail('was cut short while it was read');
    got += bytesRead;
  };
  // The first read takes a whole chunk, which holds the header (and all of a small file).
  while (got < PREFIX_BYTES) await readMore(Math.min(READ_CHUNK, size) - got);
  checkPrefix(file);
  // The header says where the positions are; they are the bulk of the file, so their range
  // check (largestPosition) is done here too, on each chunk while it is in the CPU's cache.
  // A header that does not parse is left to the CRC and decodeChecked to refuse.
  const headerEnd = Math.min(size, PREFIX_BYTES + file.readUInt32LE(HEADER_LENGTH_AT));
  while (got < headerEnd) await readMore(Math.min(READ_CHUNK, headerEnd - got));
  const header = parseHeader(file);
  const slot = header?.arrays?.positions;
  const from = slot ? headerEnd + slot.offset : size;
  const to = slot ? Math.min(size, from + slot.bytes) : size;
  let scanned = from % 4 === 0 ? from : size;
  let largest = 0;
  let crc = 0;
  let checked = HEADER_LENGTH_AT;
  const checkRead = (): void => {
    crc = crc32(file.subarray(checked, got), crc);
    checked = got;
    const end = Math.min(got, to) & ~3;
    if (end > scanned) {
      largest = Math.max(
        largest,
        largestPosition(new Uint32Array(file.buffer, scanned, (end - scanned) / 4)),
      );
      scanned = end;
    }
  };
  while (got < size) {
    const reading = readMore(Math.min(READ_CHUNK, size - got));
    checkRead();
    await reading;
  }
  checkRead();
  checkCrc(file, crc);
  return decodeChecked(file, header ?? undefined, scanned === (to & ~3) ? largest : undefined);
}

function parseHeader(file: Buffer): FileHeader | null {
  try {
    const end = PREFIX_BYTES + file.readUInt32LE(HEADER_LENGTH_AT);
    return JSON.parse(file.toString('utf8', PREFIX_BYTES, end)) as FileHeader;
  } catch {
    return null;
  }
}

/**
 * Decodes a file whose prefix and CRC have been checked; `header` when it was parsed already,
 * `largest` when the positions' largest value was found while the file was read.
 */
function decodeChecked(
  file: Buffer,
  parsed?: FileHeader,
  largest?: number,
): IndexFileContents<LoadableIndexData & { units: StoredUnitReader }> {
  const format = file.readUInt32LE(MAGIC.length + 4);
  // Typed arrays need aligned offsets; a file read into a pooled buffer may not be.
  const bytes = file.byteOffset % 8 === 0 ? file : alignedCopy(file);
  const headerLength = bytes.readUInt32LE(HEADER_LENGTH_AT);
  const base = PREFIX_BYTES + headerLength;
  if (base > bytes.length || base % 8 !== 0) fail('has a bad header length');
  const header =
    parsed && bytes === file
      ? parsed
      : (JSON.parse(bytes.toString('utf8', PREFIX_BYTES, base)) as FileHeader);
  const view = <T>(
    name: ArrayName,
    make: (b: ArrayBuffer, at: number, n: number) => T,
    size: number,
  ): T => {
    const slot = header.arrays?.[name];
    if (
      !slot ||
      slot.offset % 8 !== 0 ||
      slot.bytes % size !== 0 ||
      base + slot.offset + slot.bytes > bytes.length
    ) {
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
  const textSlot = header.arrays.text;
  const text = bytes.toString(
    'utf16le',
    base + textSlot.offset,
    base + textSlot.offset + textSlot.bytes,
  );
  const count = header.unitCount;
  if (!Number.isInteger(count) || columns.length !== count * COLUMNS || orders.length !== count) {
    fail('has a bad unit table');
  }
  const strings = header.strings;
  if (!Array.isArray(strings)) fail('has no string table');
  return {
    key: header.key,
    extra: header.extra,
    data: {
      format,
      units: columnReader(columns, orders, strings),
      text,
      unitStarts: u32('unitStarts'),
      postings: { positions: u32('positions'), keys: u32('keys'), offsets: u32('offsets') },
      ...(largest === undefined ? {} : { largestPosition: largest }),
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
  strings: readonly unknown[],
): StoredUnitReader {
  const str = (at: number): string | null => {
    if (at === -1) return null;
    const value = strings[at];
    return typeof value === 'string' ? value : fail('refers to a missing string');
  };
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
