export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[k]!;
}

export function summary(samples: number[]): { p50: number; p95: number; mean: number; n: number } {
  const s = samples.slice().sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), n: s.length };
}

export const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
export const mib = (n: number): number => n / (1024 * 1024);
export const rssMB = (): number => process.memoryUsage().rss / (1024 * 1024);
export const heapMB = (): number => process.memoryUsage().heapUsed / (1024 * 1024);
