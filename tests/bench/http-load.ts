/**
 * One HTTP scenario through autocannon over loopback. Each request can be built per call
 * (unique idempotency keys, rotating citizens, the next ticket of a pool).
 */
import autocannon from 'autocannon';
import type { Figures } from './measure';

export type ConnState = Record<string, unknown>;

export interface HttpScenario {
  name: string;
  method: 'GET' | 'POST';
  /**
   * Builds request `i` (0-based, across all connections). `conn` is the connection's own
   * scratch object, handed to `onAnswer` with that request's answer.
   */
  build: (i: number, conn: ConnState) => { path: string; headers?: Record<string, string>; body?: unknown };
  /** Sees each answer (e.g. to collect the numbers of created tickets). */
  onAnswer?: (status: number, body: string, conn: ConnState) => void;
  /** Run for this long… */
  seconds?: number;
  /** …or exactly this many requests (pools of tickets that each take one action). */
  amount?: number;
}

export async function runHttp(baseUrl: string, s: HttpScenario, connections: number): Promise<Figures> {
  let i = 0;
  const statuses = new Map<number, number>();
  const first = s.build(0, {});
  const result = await autocannon({
    url: baseUrl,
    connections,
    ...(s.amount ? { amount: s.amount } : { duration: s.seconds ?? 5 }),
    timeout: 30,
    requests: [
      {
        method: s.method,
        path: first.path,
        setupRequest: (req, context) => {
          const r = s.build(i++, context as ConnState);
          return {
            ...req,
            path: r.path,
            headers: { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
            ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
          };
        },
        onResponse: (status, body, context) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          s.onAnswer?.(status, body, context as ConnState);
        },
      },
    ],
  });
  const failed = [...statuses].filter(([st]) => st < 200 || st >= 300);
  // autocannon's `errors` already includes its `timeouts`.
  const errors = failed.reduce((n, [, c]) => n + c, 0) + result.errors;
  const detail = [...failed.map(([st, c]) => `${st}×${c}`), ...(result.errors ? [`socket errors×${result.errors} (timeouts ${result.timeouts})`] : [])].join(', ');
  const ok = result['2xx'];
  return {
    name: s.name,
    opsPerSec: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ops: ok,
    errors,
    ...(detail ? { errorDetail: detail } : {}),
    seconds: result.duration,
  };
}
