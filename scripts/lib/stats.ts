/** Figures the benches print: percentiles of timings and sizes. */

/** The median of `xs` (the upper one of an even count), NaN when empty. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The 95th percentile of `xs` (nearest rank), NaN when empty. */
export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
}

/** Bytes as kilobytes with one decimal. */
export const kb = (x: number): string => `${(x / 1024).toFixed(1)} kB`;
