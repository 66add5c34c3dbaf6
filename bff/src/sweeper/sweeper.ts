/**
 * The sweeper: every minute (SWEEP_INTERVAL_MS) one BFF instance — the holder of the lease —
 * looks for what time alone has changed: deadlines coming up or passed (the final one and the
 * intermediate steps of missed-steps.ts), follow-up visits that
 * are overdue, repeated requests, stale knowledge, supervision nobody answered — and for the clusters
 * the tickets filed since the last pass complete (kept off the submit's request path). Every step is
 * idempotent (unique `_id`s, versioned writes), so a second pass, or a pass by an instance that
 * took over a lease, changes nothing more.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { acquireLease, leaseState, releaseLease, type LeaseState } from './lease';
import type { SweepDeps } from './types';
import { escalateUnanswered, superviseStaleKnowledge } from './unit-steps';
import { clusterNewTickets } from './new-tickets';
import { warnMissedSteps } from './missed-steps';
import { markOverdue, superviseRepeatedMatters, superviseRepeatedReturns, warnDueSoon, flagMissedVisits } from './ticket-steps';

export const SWEEP_LEASE = 'sweeper';
/** Longer than any pass; a crashed holder blocks the others at most this long. */
export const SWEEP_LEASE_MS = 5 * 60_000;

/** This process's identity as a lease holder. */
const PROCESS_HOLDER = `${process.pid}:${randomUUID()}`;

export interface SweepReport {
  ran: boolean;
  dueSoon: number;
  overdue: number;
  overdueSupervised: number;
  /** 督办 opened because a newly filed ticket completed a cluster (000 §23(5)). */
  clusters: number;
  repeatedMatters: number;
  repeatedReturns: number;
  visitWindows: number;
  /** Intermediate deadlines passed with their step still owed (watched-steps.ts), each warned once; of those, 督办 opened. */
  missedSteps: number;
  missedStepsSupervised: number;
  staleKnowledge: number;
  escalated: number;
}

const EMPTY: SweepReport = { ran: false, dueSoon: 0, overdue: 0, overdueSupervised: 0, clusters: 0, repeatedMatters: 0, repeatedReturns: 0, visitWindows: 0, missedSteps: 0, missedStepsSupervised: 0, staleKnowledge: 0, escalated: 0 };

/**
 * One pass, if this holder gets the lease (`ran: false` otherwise). Tests call it directly with
 * the ManualClock and distinct `holder`s to play several instances.
 */
export async function runSweep(deps: SweepDeps, options: { holder?: string } = {}): Promise<SweepReport> {
  const holder = options.holder ?? PROCESS_HOLDER;
  if (!(await acquireLease(deps.db, SWEEP_LEASE, holder, deps.clock.now(), SWEEP_LEASE_MS))) return EMPTY;
  const end = deps.metrics?.sweepDuration.startTimer();
  let report: SweepReport;
  try {
    report = await sweepSteps(deps);
  } catch (err) {
    end?.({ outcome: 'failed' });
    throw err;
  }
  end?.({ outcome: 'ran' });
  deps.metrics?.sweepLastPass.set(Date.now() / 1000);
  const changed = Object.entries(report).some(([k, v]) => k !== 'ran' && v !== 0);
  if (changed) deps.logger.info({ sweep: report }, 'sweep pass');
  return report;
}

async function sweepSteps(deps: SweepDeps): Promise<SweepReport> {
  const dueSoon = await warnDueSoon(deps);
  const overdue = await markOverdue(deps);
  const missed = await warnMissedSteps(deps);
  return {
    ran: true,
    dueSoon,
    overdue: overdue.marked,
    overdueSupervised: overdue.supervised,
    clusters: await clusterNewTickets(deps),
    repeatedMatters: await superviseRepeatedMatters(deps),
    repeatedReturns: await superviseRepeatedReturns(deps),
    visitWindows: await flagMissedVisits(deps),
    missedSteps: missed.warned,
    missedStepsSupervised: missed.supervised,
    staleKnowledge: await superviseStaleKnowledge(deps),
    escalated: await escalateUnanswered(deps),
  };
}

/** The sweeper's lease as this process sees it: held by this process (`self`), another instance, or nobody. */
export function sweeperLeaseState(db: Connection, now: Date): Promise<LeaseState> {
  return leaseState(db, SWEEP_LEASE, PROCESS_HOLDER, now);
}

/**
 * Runs a pass every `intervalMs` on this instance (0 disables); passes never overlap on one
 * instance, and the lease keeps instances from overlapping. Returns the stop function, which
 * waits for a running pass and releases the lease.
 */
export function startSweeper(deps: SweepDeps, intervalMs: number): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runSweep(deps)
      .catch((err: unknown) => deps.logger.error({ err }, 'sweep pass failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    // Hand the lease on at once instead of letting the other instances wait for it to expire.
    await releaseLease(deps.db, SWEEP_LEASE, PROCESS_HOLDER, deps.clock.now()).catch((err: unknown) => deps.logger.warn({ err }, 'sweeper lease not released'));
  };
}
