/**
 * What a load balancer or Kubernetes asks before sending traffic: can this instance reach its
 * database now (within PROBE_MS, while the driver itself would wait DB_WAIT_MS), and is it
 * draining for a shutdown. The sweeper's lease and the outbox backlog come along for the
 * operator; they do not decide readiness (any instance serves requests whoever sweeps).
 */
import type { AppDeps } from '../app';
import { outboxBacklog, type OutboxBacklog } from '../outbox/service';
import { sweeperLeaseState } from '../sweeper/sweeper';
import { within } from '../lib/within';

/** A probe answers within about a second, whatever the database does. */
export const PROBE_MS = 900;

/** Set by the server entry when SIGTERM arrives: readiness turns 503 so balancers stop sending. */
export interface Lifecycle {
  draining: boolean;
}

export type ReadinessDeps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'lifecycle'>;

export interface Readiness {
  ready: boolean;
  status: 'ready' | 'unavailable' | 'draining';
  checks: {
    database: { ok: boolean; ms: number; error?: string };
    sweeper: { enabled: boolean; lease: 'self' | 'other' | 'free' | 'unknown'; expiresAt?: string; lastPassAt?: string };
    outbox: OutboxBacklog | null;
  };
}

const settled = <T>(r: PromiseSettledResult<T>): T | undefined => (r.status === 'fulfilled' ? r.value : undefined);

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const now = deps.clock.now();
  const started = Date.now();
  const [ping, lease, outbox] = await Promise.allSettled([
    within(PROBE_MS, 'database ping', deps.db.db ? deps.db.db.admin().ping() : Promise.reject(new Error('not connected'))),
    within(PROBE_MS, 'sweeper lease', sweeperLeaseState(deps.db, now)),
    within(PROBE_MS, 'outbox backlog', outboxBacklog(deps.db, now, PROBE_MS)),
  ]);
  const database = ping.status === 'fulfilled' ? { ok: true, ms: Date.now() - started } : { ok: false, ms: Date.now() - started, error: (ping.reason as Error).message.split('\n')[0] };
  const l = settled(lease);
  const draining = deps.lifecycle?.draining ?? false;
  const ready = database.ok && !draining;
  return {
    ready,
    status: draining ? 'draining' : ready ? 'ready' : 'unavailable',
    checks: {
      database,
      sweeper: {
        enabled: deps.config.SWEEP_INTERVAL_MS > 0,
        lease: l?.held ?? 'unknown',
        ...(l?.expiresAt ? { expiresAt: l.expiresAt.toISOString() } : {}),
        ...(l?.renewedAt ? { lastPassAt: l.renewedAt.toISOString() } : {}),
      },
      outbox: settled(outbox) ?? null,
    },
  };
}
