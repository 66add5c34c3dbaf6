/**
 * 000 §23(5) clusters, off the submit's request path: each pass looks at the tickets filed since
 * the previous pass and lets every one of them join its cluster (duplicates/service.ts
 * `onTicketSubmitted`, which opens the 督办 once per round). The citizen's submit answers
 * without the similarity search; the 督办 follows within a sweep interval.
 *
 * The position is a `createdAt` kept in `sweeper_cursors` (written only by the lease holder).
 * Each pass starts OVERLAP_MS before it, so a submit still in flight when the last pass read
 * (its `createdAt` taken before, its insert after) is seen next time; checking a ticket twice
 * changes nothing.
 */
import { Schema, type Connection, type Model, type QueryFilter } from 'mongoose';
import { onTicketSubmitted } from '../duplicates/service';
import { ticketModel, type TicketDoc } from '../tickets/model';
import type { SweepDeps } from './types';

/** Longer than any request may take (the server's request timeout is 30 s). */
export const OVERLAP_MS = 60_000;
/** Where the first pass ever starts: tickets filed just before the sweeper first ran. */
const FIRST_LOOKBACK_MS = 60 * 60_000;
const PAGE = 200;
/** Tickets per pass; the rest waits for the next pass (the cursor stops at the last one checked). */
const PER_PASS = 2_000;

interface CursorDoc {
  _id: string;
  at: Date;
}

const cursorSchema = new Schema<CursorDoc>({ _id: String, at: Date }, { versionKey: false, collection: 'sweeper_cursors' });

function cursorModel(db: Connection): Model<CursorDoc> {
  return (db.models.SweeperCursor as Model<CursorDoc>) ?? db.model<CursorDoc>('SweeperCursor', cursorSchema);
}

const CURSOR = 'new-tickets';

/** What the cluster check reads of a ticket (the 督办 needs the timeline); not the search and stats fields. */
const FIELDS = { tokens: 0, metricKeys: 0, internalNotes: 0 } as const;

interface Position {
  at: Date;
  id: string | null;
}

/** The next page after `p` in (createdAt, _id) order: tickets filed at one instant are never skipped. */
async function page(deps: SweepDeps, p: Position): Promise<TicketDoc[]> {
  const after = p.id === null ? { createdAt: { $gte: p.at } } : { $or: [{ createdAt: { $gt: p.at } }, { createdAt: p.at, _id: { $gt: p.id } }] };
  return ticketModel(deps.db)
    .find({ $and: [after, { type: { $ne: 'consultation' } }] } as QueryFilter<TicketDoc>, FIELDS)
    .sort({ createdAt: 1, _id: 1 })
    .limit(PAGE)
    .lean<TicketDoc[]>();
}

/** The tickets filed since the cursor, oldest first, each checked for its cluster; returns how many 督办 were opened. */
export async function clusterNewTickets(deps: SweepDeps): Promise<number> {
  const now = deps.clock.now();
  const cursors = cursorModel(deps.db);
  const since = (await cursors.findById(CURSOR).lean())?.at ?? new Date(now.getTime() - FIRST_LOOKBACK_MS);
  let position: Position = { at: new Date(since.getTime() - OVERLAP_MS), id: null };
  let checked = 0;
  let opened = 0;
  let rows: TicketDoc[] = [];
  do {
    rows = await page(deps, position);
    for (const row of rows) if (await checkOne(deps, row)) opened++;
    checked += rows.length;
    if (rows.length) position = { at: rows[rows.length - 1].createdAt, id: rows[rows.length - 1]._id };
  } while (rows.length === PAGE && checked < PER_PASS);
  // All caught up: the next pass starts from now; else from the last ticket checked.
  const next = rows.length === PAGE ? position.at : new Date(Math.max(now.getTime(), position.at.getTime()));
  await cursors.updateOne({ _id: CURSOR }, { $set: { at: next } }, { upsert: true });
  return opened;
}

async function checkOne(deps: SweepDeps, ticket: TicketDoc): Promise<boolean> {
  try {
    return await onTicketSubmitted(deps, ticket);
  } catch (err) {
    deps.logger.error({ err, no: ticket.no }, 'cluster check of a new ticket failed; the ticket stands');
    return false;
  }
}
