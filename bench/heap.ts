/**
 * Heap measurements need a forced GC. `npx tsx bench/index.ts` runs without --expose-gc, so
 * the flag is turned on at run time and `gc` taken from a fresh context, where V8 then
 * installs it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in bytes. */
export function settledHeapBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
