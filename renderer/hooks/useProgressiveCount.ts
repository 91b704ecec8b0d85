/**
 * How many of `total` items to render now: a first screenful at once, then more in small
 * batches between frames, so a list of thousands never blocks the page while it fills in.
 */
import { useEffect, useState } from 'react';

export function useProgressiveCount(total: number, first = 100, step = 200): number {
  const [count, setCount] = useState(Math.min(total, first));
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setCount((n) => Math.min(total, n + step)), 0);
    return () => clearTimeout(timer);
  }, [count, total, step]);
  return Math.min(count, total);
}
