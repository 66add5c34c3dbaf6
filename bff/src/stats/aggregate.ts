/**
 * The portable aggregations behind the figures (README "The embedded database": FerretDB v1
 * computes only the first accumulator of a `$group`, and `$unwind` keeps only `_id` and the
 * unwound field). So: one `$unwind: '$metricKeys'` + `$group {n: $sum 1}` pass for every count,
 * and one single-accumulator `$group` per summed figure.
 */
import type { Connection, PipelineStage, QueryFilter } from 'mongoose';
import { DUE_STATUSES } from '@mashang/shared';
import { ticketModel, type TicketDoc } from '../tickets/model';
import { PLATFORM } from '../tickets/metric-keys';
import { emptyFigures, UNIT_COUNTS, type UnitCount, type UnitFigures } from './rates';
import type { StatsWindow } from './window';

interface GroupRow {
  _id: string | null;
  n: number;
}

export function windowMatch(w: StatsWindow, scope?: string): QueryFilter<TicketDoc> {
  return { createdAt: { $gte: w.from, $lt: w.to }, ...(scope ? { unitScope: scope } : {}) };
}

async function group(db: Connection, match: QueryFilter<TicketDoc>, stages: PipelineStage[]): Promise<GroupRow[]> {
  return ticketModel(db).aggregate<GroupRow>([{ $match: match } as PipelineStage, ...stages]);
}

const COUNT_NAMES: ReadonlySet<string> = new Set(UNIT_COUNTS);

function figuresOf(map: Map<string, UnitFigures>, unit: string): UnitFigures {
  let f = map.get(unit);
  if (!f) map.set(unit, (f = emptyFigures()));
  return f;
}

/** Counts per unit from the tickets' `"<unit>|<count>"` keys. */
async function keyCounts(db: Connection, match: QueryFilter<TicketDoc>, into: Map<string, UnitFigures>): Promise<void> {
  const rows = await group(db, match, [{ $unwind: '$metricKeys' }, { $group: { _id: '$metricKeys', n: { $sum: 1 } } }]);
  for (const row of rows) {
    if (!row._id) continue;
    const cut = row._id.lastIndexOf('|');
    const count = row._id.slice(cut + 1);
    if (cut > 0 && COUNT_NAMES.has(count)) figuresOf(into, row._id.slice(0, cut))[count as UnitCount] += row.n;
  }
}

/**
 * Σ handlingWorkingDays and the number of replies carrying it, per lead unit: two one-accumulator
 * groups. A ticket has a working-day count exactly while it has a reply (tickets/actions.ts), so
 * "replied" is the numeric range `≥ 0`: a filter an index serves, where `$ne: null` is not.
 */
async function workingDays(db: Connection, match: QueryFilter<TicketDoc>, into: Map<string, UnitFigures>): Promise<void> {
  const timed = { ...match, handlingWorkingDays: { $gte: 0 } } as QueryFilter<TicketDoc>;
  const sums = await group(db, timed, [{ $group: { _id: '$leadUnit', n: { $sum: '$handlingWorkingDays' } } }]);
  const counts = await group(db, timed, [{ $group: { _id: '$leadUnit', n: { $sum: 1 } } }]);
  for (const r of sums) figuresOf(into, r._id ?? PLATFORM).workingDays += r.n;
  for (const r of counts) figuresOf(into, r._id ?? PLATFORM).timedReplies += r.n;
}

/**
 * Tickets whose deadline passed since their last transition carry no `overdue` key yet (the key
 * is written by the next transition, e.g. the sweeper's 督办); they are counted here.
 */
async function overdueSinceLastChange(db: Connection, match: QueryFilter<TicketDoc>, now: Date, into: Map<string, UnitFigures>): Promise<void> {
  const open = await ticketModel(db)
    .find({ ...match, status: { $in: [...DUE_STATUSES] }, dueAt: { $lt: now }, leadUnit: { $ne: null } } as QueryFilter<TicketDoc>, { leadUnit: 1, metricKeys: 1 })
    .lean<Array<Pick<TicketDoc, 'leadUnit' | 'metricKeys'>>>();
  for (const t of open) {
    const unit = t.leadUnit as string;
    const f = figuresOf(into, unit);
    // 002 §27: late and still unanswered now — the denominator of 按时反馈率 includes it.
    f.overdueOpen += 1;
    if (!t.metricKeys.includes(`${unit}|overdue`)) f.overdue += 1;
  }
}

/** Every unit's own figures for the tickets submitted in the window (optionally only those in a unit's scope). */
export async function unitFigures(db: Connection, w: StatsWindow, now: Date, scope?: string): Promise<Map<string, UnitFigures>> {
  const match = windowMatch(w, scope);
  const out = new Map<string, UnitFigures>();
  await keyCounts(db, match, out);
  await workingDays(db, match, out);
  await overdueSinceLastChange(db, match, now, out);
  return out;
}

/** Tickets of the window per value of one field (status, type): one `$sum` per group. */
export async function countBy(db: Connection, w: StatsWindow, field: 'status' | 'type'): Promise<Record<string, number>> {
  const rows = await group(db, windowMatch(w), [{ $group: { _id: `$${field}`, n: { $sum: 1 } } }]);
  return Object.fromEntries(rows.filter((r) => r._id !== null).map((r) => [r._id as string, r.n]));
}

export async function countOverdueNow(db: Connection, w: StatsWindow, now: Date): Promise<number> {
  return ticketModel(db).countDocuments({ ...windowMatch(w), status: { $in: [...DUE_STATUSES] }, dueAt: { $lt: now } } as QueryFilter<TicketDoc>);
}
