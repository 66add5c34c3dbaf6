/**
 * What the database knows, read when Prometheus scrapes (not kept in memory: any instance
 * answers the same, and a count is never stale). Every count is served by an index:
 * `{status, dueAt}` for tickets, `{status, nextAttemptAt}` for the outbox, `_id` for the lease.
 */
import { DUE_STATUSES, OPEN_STATUSES } from '@mashang/shared';
import type { AppDeps } from '../app';
import { ticketModel } from '../tickets/model';
import { outboxBacklog } from '../outbox/service';
import { sweeperLeaseState } from '../sweeper/sweeper';
import { within } from '../lib/within';
import type { Metrics } from './metrics';

export type GaugeDeps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'profile' | 'calendar'>;

/** The scrape waits at most this long for the database. */
export const SCRAPE_DB_MS = 1_000;

/** The end of the profile's warning window that starts now: tickets due before it are "due soon". */
export function dueSoonHorizon(deps: Pick<GaugeDeps, 'profile' | 'calendar'>, now: Date): Date {
  const lead = deps.profile.warningBefore;
  return lead.unit === 'clockHours' ? new Date(now.getTime() + lead.value * 3_600_000) : deps.calendar.addWorkingDays(now, lead.value).at;
}

async function ticketCounts(deps: GaugeDeps, now: Date) {
  const tickets = ticketModel(deps.db);
  const due = { $in: [...DUE_STATUSES] };
  const [open, overdue, dueSoon] = await Promise.all([
    tickets.countDocuments({ status: { $in: [...OPEN_STATUSES] } }).maxTimeMS(SCRAPE_DB_MS),
    tickets.countDocuments({ status: due, dueAt: { $lt: now } }).maxTimeMS(SCRAPE_DB_MS),
    tickets.countDocuments({ status: due, dueAt: { $gte: now, $lte: dueSoonHorizon(deps, now) } }).maxTimeMS(SCRAPE_DB_MS),
  ]);
  return { open, overdue, dueSoon };
}

/** Sets the database-derived gauges; when the database does not answer in time they are cleared and `mashang_database_up` is 0. */
export async function refreshDatabaseGauges(deps: GaugeDeps, metrics: Metrics): Promise<void> {
  const now = deps.clock.now();
  const work = Promise.all([ticketCounts(deps, now), outboxBacklog(deps.db, now, SCRAPE_DB_MS), sweeperLeaseState(deps.db, now)]);
  const gauges = [metrics.ticketsOpen, metrics.ticketsOverdue, metrics.ticketsDueSoon, metrics.outboxNotices, metrics.sweepLag];
  try {
    const [tickets, outbox, lease] = await within(SCRAPE_DB_MS, 'metrics scrape', work);
    const profile = { profile: deps.config.REGULATION_PROFILE };
    metrics.ticketsOpen.set(profile, tickets.open);
    metrics.ticketsOverdue.set(profile, tickets.overdue);
    metrics.ticketsDueSoon.set(profile, tickets.dueSoon);
    for (const state of ['queued', 'due', 'failed'] as const) metrics.outboxNotices.set({ state }, outbox[state]);
    if (lease.renewedAt) metrics.sweepLag.set({ lease: 'sweeper' }, Math.max(0, (now.getTime() - lease.renewedAt.getTime()) / 1000));
    else metrics.sweepLag.reset();
    metrics.databaseUp.set(1);
  } catch {
    for (const g of gauges) g.reset();
    metrics.databaseUp.set(0);
  }
}
