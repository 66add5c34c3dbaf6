/**
 * Walking the tickets a step concerns without being stuck on the ones already handled: pages of
 * a small projection (keyset on `_id`), the handled rows dropped with one bulk `_id $in` lookup
 * per page, and the work done for at most `limit` pending rows per pass (the rest next minute).
 */
import type { Connection, Model, QueryFilter } from 'mongoose';
import { ticketModel, type TicketDoc } from '../tickets/model';

export const BATCH = 200;
/** Pages per step and pass: enough for a big city, bounded so a pass always ends. */
const MAX_PAGES = 100;
/**
 * Real time one step may spend per pass. On a store that scans whole collections (the embedded
 * FerretDB pushes down only `_id` lookups) a page can be slow; the steps of a pass together must
 * stay well inside the sweeper's 5-minute lease so two instances never overlap. What is left
 * waits for the next pass (every step is idempotent).
 */
const STEP_BUDGET_MS = 40_000;

/** What the steps read of a ticket: deadlines and the facts that say whether a step is still owed (watched-steps.ts). */
export type ScanRow = Pick<
  TicketDoc,
  | '_id' | 'no' | 'type' | 'class' | 'channel' | 'round' | 'status' | 'dueAt' | 'leadUnit' | 'coUnits' | 'coResults' | 'returnCount' | 'rating' | 'pendingDecision' | 'deadlines'
  | 'fixedDueAt' | 'lastStageReportAt' | 'roundStartedAt' | 'dispatchedAt' | 'supplementDueAt' | 'extensions' | 'reviewUnit' | 'reviewDueAt'
>;

const ROW_FIELDS = {
  _id: 1, no: 1, type: 1, class: 1, channel: 1, round: 1, status: 1, dueAt: 1, leadUnit: 1, coUnits: 1, coResults: 1, returnCount: 1, rating: 1, pendingDecision: 1, deadlines: 1,
  fixedDueAt: 1, lastStageReportAt: 1, roundStartedAt: 1, dispatchedAt: 1, supplementDueAt: 1, extensions: 1, reviewUnit: 1, reviewDueAt: 1,
} as const;

/** Which of `ids` exist in `model` (one query). */
export async function existingIds<T>(model: Model<T>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await model.find({ _id: { $in: [...ids] } } as QueryFilter<T>, { _id: 1 }).lean<Array<{ _id: string }>>();
  return new Set(rows.map((r) => r._id));
}

export interface ScanSpec {
  filter: QueryFilter<TicketDoc>;
  /** The rows of a page that still need work. */
  pending(rows: ScanRow[]): Promise<ScanRow[]>;
  /** The work for one row; true when it changed something (counted). */
  work(row: ScanRow): Promise<boolean>;
  limit?: number;
}

/** Runs `spec` over every matching ticket; returns how many rows the work changed something for. */
export async function scanTickets(db: Connection, spec: ScanSpec): Promise<number> {
  const limit = spec.limit ?? BATCH;
  let last: string | null = null;
  let worked = 0;
  let changed = 0;
  const started = performance.now();
  for (let page = 0; page < MAX_PAGES && worked < limit && performance.now() - started < STEP_BUDGET_MS; page++) {
    const filter: QueryFilter<TicketDoc> = last ? ({ $and: [spec.filter, { _id: { $gt: last } }] } as QueryFilter<TicketDoc>) : spec.filter;
    const rows: ScanRow[] = await ticketModel(db).find(filter, ROW_FIELDS).sort({ _id: 1 }).limit(BATCH).lean<ScanRow[]>();
    if (!rows.length) break;
    last = rows[rows.length - 1]._id;
    for (const row of (await spec.pending(rows)).slice(0, limit - worked)) {
      worked++;
      if (await spec.work(row)) changed++;
    }
    if (rows.length < BATCH) break;
  }
  return changed;
}
