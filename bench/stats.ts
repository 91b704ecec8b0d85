/** Timing and summary statistics for the benchmarks. */

/** Milliseconds one call of `fn` takes, by process.hrtime.bigint. */
export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** The median time of `repeats` calls. */
export function medianTimeMs(fn: () => unknown, repeats: number): number {
  return median(Array.from({ length: repeats }, () => timeMs(fn)));
}
