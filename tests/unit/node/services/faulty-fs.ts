/**
 * The real file system with the faults real disks have, switched on by a test: short writes,
 * a disk that fills up part way through a write (a short write, then ENOSPC, as Linux does),
 * writes that make no progress, and read or rename errors (EIO, EACCES…) for chosen files.
 */
import type { DataFileHandle, DataFs } from '../../../../node/services/data-fs';
import { nodeDataFs } from '../../../../node/services/data-fs';

export interface Faults {
  /** Each write call writes at most this many bytes. */
  maxBytesPerWrite?: number;
  /** Bytes the disk still takes; once used up, writes fail with ENOSPC. */
  spaceLeft?: number;
  /** Write calls return 0 bytes written. */
  zeroWrites?: boolean;
  /** Codes the next readFile calls of matching files throw, one per call. */
  readErrors?: { match: (file: string) => boolean; codes: string[] };
  /** A code every rename throws. */
  renameError?: string;
}

export interface FaultyFs extends DataFs {
  faults: Faults;
  /** Files read, in order (to count retries). */
  reads: string[];
}

export function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected by the test`), { code });
}

export function faultyFs(faults: Faults = {}): FaultyFs {
  const fs: FaultyFs = {
    ...nodeDataFs,
    faults,
    reads: [],
    async readFile(file) {
      fs.reads.push(file);
      const injected = fs.faults.readErrors;
      if (injected?.match(file)) {
        const code = injected.codes.shift();
        if (code) throw errno(code);
      }
      return nodeDataFs.readFile(file);
    },
    async rename(from, to) {
      if (fs.faults.renameError) throw errno(fs.faults.renameError);
      return nodeDataFs.rename(from, to);
    },
    async open(file, flags) {
      const real = await nodeDataFs.open(file, flags);
      const handle: DataFileHandle = {
        sync: () => real.sync(),
        close: () => real.close(),
        async write(buffer, offset, length, position) {
          const f = fs.faults;
          if (f.zeroWrites) return { bytesWritten: 0 };
          let n = Math.min(length, f.maxBytesPerWrite ?? length);
          if (f.spaceLeft !== undefined) {
            if (f.spaceLeft <= 0) throw errno('ENOSPC');
            n = Math.min(n, f.spaceLeft);
            f.spaceLeft -= n;
          }
          return real.write(buffer, offset, n, position);
        },
      };
      return handle;
    },
  };
  return fs;
}
