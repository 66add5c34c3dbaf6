/**
 * Queue counts of the staff workbench (GET /api/admin/v1/tickets/counts): how many tickets each
 * queue of the list holds for this staff member, under the same scope and filters as the list
 * (queries.ts), so a count always equals the number of tickets its list pages through.
 */
import type { QueryFilter } from 'mongoose';
import { TICKET_STATUSES, type AdminTicketCountsQuery, type TicketStatus } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import type { TicketDeps } from './deps';
import { ticketScopeOf } from './access';
import { readyTicketModel, type TicketDoc } from './model';
import { EXTENSION_PENDING, dueSoonClause, queueTimeClauses, reviewPendingClause, staffFilter, supervisedClause } from './queries';

type Filter = QueryFilter<TicketDoc>;

export const QUEUE_FLAGS = ['dueSoon', 'overdue', 'visitOverdue', 'supervised', 'extensionPending', 'returnPending', 'reviewPending'] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];

export interface QueueCounts {
  /** Tickets per status (every status, zero included). */
  status: Record<TicketStatus, number>;
  /** The queues that are not a status, each the list's `<flag>=true`. */
  flags: Record<QueueFlag, number>;
  total: number;
}

const zeroStatuses = (): Record<TicketStatus, number> => Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;

async function flagClauses(deps: TicketDeps, actor: StaffActor, now: Date): Promise<Record<QueueFlag, Filter[]>> {
  return {
    dueSoon: dueSoonClause(deps, now),
    overdue: queueTimeClauses.overdue(now),
    visitOverdue: queueTimeClauses.visitOverdue(now),
    supervised: await supervisedClause(deps),
    extensionPending: EXTENSION_PENDING,
    returnPending: [{ status: 'returning' }],
    reviewPending: reviewPendingClause(actor),
  };
}

/** One `$group` by status (pushed down to SQL when exact) and one count per flag queue. */
export async function countStaffQueues(deps: TicketDeps, actor: StaffActor, q: AdminTicketCountsQuery): Promise<QueueCounts> {
  const empty: QueueCounts = { status: zeroStatuses(), flags: { dueSoon: 0, overdue: 0, visitOverdue: 0, supervised: 0, extensionPending: 0, returnPending: 0, reviewPending: 0 }, total: 0 };
  const base = staffFilter(actor, q, ticketScopeOf(deps.profile));
  if (!base) return empty;
  const tickets = await readyTicketModel(deps.db);
  const match = (extra: Filter[]): Filter => (base.and.length + extra.length ? { ...base.filter, $and: [...base.and, ...extra] } : base.filter);
  const clauses = await flagClauses(deps, actor, deps.clock.now());
  const [groups, ...flagCounts] = await Promise.all([
    tickets.aggregate<{ _id: TicketStatus; n: number }>([{ $match: match([]) }, { $group: { _id: '$status', n: { $sum: 1 } } }]),
    ...QUEUE_FLAGS.map((f) => tickets.countDocuments(match(clauses[f]))),
  ]);
  const status = zeroStatuses();
  for (const g of groups) if (g._id in status) status[g._id] = g.n;
  const flags = Object.fromEntries(QUEUE_FLAGS.map((f, i) => [f, flagCounts[i]])) as Record<QueueFlag, number>;
  return { status, flags, total: groups.reduce((sum, g) => sum + g.n, 0) };
}
