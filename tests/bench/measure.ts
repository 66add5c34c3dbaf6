/**
 * What every scenario reports, whoever drives it (autocannon over HTTP or an in-process loop
 * over the driver): throughput and latency percentiles, and how many answers were not 2xx.
 */
export interface Figures {
  name: string;
  /** Completed operations per second. */
  opsPerSec: number;
  p50: number;
  p99: number;
  /** Operations done (2xx answers for HTTP scenarios). */
  ops: number;
  /** Non-2xx answers or thrown errors. */
  errors: number;
  /** e.g. `409×3, 429×1`: what the errors were. */
  errorDetail?: string;
  seconds: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return 0;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i];
}

/**
 * A closed loop like autocannon's: `concurrency` workers each run `op` back to back for
 * `seconds`, latencies recorded per call.
 */
export async function closedLoop(name: string, concurrency: number, seconds: number, op: (worker: number, i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      try {
        await op(w, i);
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, opsPerSec: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ops: latencies.length, errors, seconds: elapsed };
}

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');
