/**
 * Ticket lists: the citizen's own, newest first, and the staff list with filters. Keyset
 * pagination on (createdAt, _id), newest first, backed by the `(citizenId, createdAt)` and
 * `(createdAt)` indexes; the cursor is opaque base64url of both values.
 */
import type { QueryFilter } from 'mongoose';
import { DUE_STATUSES, PAGE_LIMITS, type AdminTicketListQuery, type CitizenTicketListQuery } from '@mashang/shared';
import { openSupervisionTicketNos } from '../supervision/open-tickets';
import { badRequest } from '../http/errors';
import type { CitizenActor, StaffActor } from '../http/route';
import { parseChinaDate } from '../text';
import { isUnitOnly, ticketScopeOf, type TicketScope } from './access';
import type { TicketDeps } from './deps';
import { readyTicketModel, type TicketDoc } from './model';
import { queryTokens } from './search-tokens';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

type Filter = QueryFilter<TicketDoc>;

export function encodeCursor(t: Pick<TicketDoc, 'createdAt' | '_id'>): string {
  return Buffer.from(`${t.createdAt.getTime()}.${t._id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  // `_id`: the ticket number, or the ObjectId of a ticket stored before ids were numbers.
  const m = /^(\d{1,15})\.([0-9a-f]{24}|\d{8}-\d{6,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badRequest('INVALID_CURSOR', '分页游标无效，请从第一页开始');
  return { at: new Date(Number(m[1])), id: m[2] };
}

function cursorClause(cursor: string | undefined): Filter[] {
  if (!cursor) return [];
  const { at, id } = decodeCursor(cursor);
  return [{ $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: id } }] }];
}

async function page(deps: TicketDeps, filter: Filter, and: Filter[], limit: number = PAGE_LIMITS.default): Promise<CursorPage<TicketDoc>> {
  const tickets = await readyTicketModel(deps.db);
  const query: Filter = and.length ? { ...filter, $and: and } : filter;
  const rows = await tickets.find(query, { timeline: 0, tokens: 0, metricKeys: 0, internalNotes: 0 }).sort({ createdAt: -1, _id: -1 }).limit(limit + 1).lean<TicketDoc[]>();
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}

export function listCitizenTickets(deps: TicketDeps, actor: CitizenActor, q: CitizenTicketListQuery): Promise<CursorPage<TicketDoc>> {
  return page(deps, { citizenId: actor.id, ...(q.status ? { status: q.status } : {}) }, cursorClause(q.cursor), q.limit);
}

const TICKET_NO = /^\d{8}-\d{6,9}$/;

function overdueClause(overdue: boolean | undefined, now: Date): Filter[] {
  if (overdue === undefined) return [];
  // `$lt` on a date matches dates only: a ticket without a due date is never in the range.
  if (overdue) return [{ status: { $in: [...DUE_STATUSES] } }, { dueAt: { $lt: now } }];
  return [{ $or: [{ status: { $nin: [...DUE_STATUSES] } }, { dueAt: null }, { dueAt: { $gte: now } }] }];
}

/** 003 §16: tickets whose visit is overdue (isVisitOverdue), or not. */
function visitOverdueClause(visitOverdue: boolean | undefined, now: Date): Filter[] {
  if (visitOverdue === undefined) return [];
  if (visitOverdue) return [{ status: 'visiting' }, { pendingDecision: { $ne: true } }, { 'deadlines.followUp': { $lt: now } }];
  return [{ $or: [{ status: { $ne: 'visiting' } }, { pendingDecision: true }, { 'deadlines.followUp': null }, { 'deadlines.followUp': { $gte: now } }] }];
}

/** A date means the whole China day (to inclusive); a date-time is exact. */
function createdClause(from: string | undefined, to: string | undefined): Filter[] {
  const range: Record<string, Date> = {};
  if (from) range.$gte = parseChinaDate(from);
  if (to) range[/^\d{4}-\d{2}-\d{2}$/.test(to) ? '$lt' : '$lte'] = /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(parseChinaDate(to).getTime() + 86_400_000) : parseChinaDate(to);
  return Object.keys(range).length ? [{ createdAt: range }] : [];
}

/** `q`: a ticket number finds that ticket; text must match every word (tokens `$all`). */
function textClause(q: string | undefined): Filter[] | null {
  if (!q) return [];
  if (TICKET_NO.test(q)) return [{ no: q }];
  const terms = queryTokens(q);
  return terms.length ? [{ tokens: { $all: terms } }] : null;
}

/** What this staff member may list at all: unit staff only their unit's tickets (lead or co) and the applications it reviews (004 §8-9). */
function scopeClause(actor: StaffActor, scope: TicketScope): Filter[] | null {
  if (!isUnitOnly(actor)) return [];
  if (!actor.unit) return null;
  // unitScope holds the lead and co-units and all above them: the jurisdiction is one indexed match.
  // Only profiles handling bottom-up ever name a reviewing unit (reviewUnit).
  if (scope === 'jurisdiction') return [{ $or: [{ unitScope: actor.unit }, { reviewUnit: actor.unit }] }];
  return [{ $or: [{ leadUnit: actor.unit }, { coUnits: actor.unit }] }];
}

type CommonFilters = Pick<AdminTicketListQuery, 'type' | 'unit' | 'channel' | 'class' | 'q' | 'from' | 'to'>;

/**
 * The filters list and counts share: the scope of the staff member, then type, unit subtree,
 * channel, class, text and creation date. Null when nothing can match (no unit, no words).
 */
export function staffFilter(actor: StaffActor, q: CommonFilters, ticketScope: TicketScope): { filter: Filter; and: Filter[] } | null {
  const scope = scopeClause(actor, ticketScope);
  const text = textClause(q.q);
  if (!scope || !text) return null;
  const filter: Filter = {};
  if (q.type) filter.type = q.type;
  if (q.unit) filter.unitScope = q.unit;
  if (q.channel) filter.channel = q.channel;
  if (q.class) filter.class = q.class;
  return { filter, and: [...scope, ...text, ...createdClause(q.from, q.to)] };
}

/**
 * 即将超期: still owed and due within the profile's warning window from now (the inverse of
 * shared `isDueSoon`'s window, one indexed range on `(status, dueAt)`).
 */
export function dueSoonClause(deps: TicketDeps, now: Date): Filter[] {
  const lead = deps.profile.warningBefore;
  const horizon = lead.unit === 'clockHours' ? new Date(now.getTime() + lead.value * 3_600_000) : deps.calendar.addWorkingDays(now, lead.value).at;
  return [{ status: { $in: [...DUE_STATUSES] } }, { dueAt: { $gte: now, $lte: horizon } }];
}

/**
 * 延期申请: an extension record without a decision (shared transitions/extensions `pendingOf`).
 * The status range (decide-extension's from) is indexed; the rest runs on that subset. One
 * condition per element needs no `$elemMatch`: `extensions.decided: null` (some element without
 * a decision) also matches an empty array, hence the first element must exist.
 */
export const EXTENSION_PENDING: Filter[] = [{ status: { $in: ['dispatched', 'handling', 'returning', 'replied'] } }, { 'extensions.0': { $exists: true } }, { 'extensions.decided': null }];

/**
 * 下级申请待审核 (004 §8-9): applications the staff member's unit decides; for platform staff, any
 * unit's. `$gt: ''` (any unit id), not `$ne: null`: the embedded engine pushes the range down to
 * SQL with the status range, where `$ne` would filter every ticket in Go.
 */
export function reviewPendingClause(actor: StaffActor): Filter[] {
  return isUnitOnly(actor) ? [{ reviewUnit: actor.unit as string }] : [{ status: { $in: ['returning', 'replied'] } }, { reviewUnit: { $gt: '' } }];
}

/** 督办: tickets with an open supervision record (one indexed read of the open records). */
export async function supervisedClause(deps: TicketDeps): Promise<Filter[]> {
  return [{ no: { $in: await openSupervisionTicketNos(deps.db) } }];
}

async function queueClauses(deps: TicketDeps, actor: StaffActor, q: AdminTicketListQuery, now: Date): Promise<Filter[]> {
  return [
    ...overdueClause(q.overdue, now),
    ...visitOverdueClause(q.visitOverdue, now),
    ...(q.dueSoon ? dueSoonClause(deps, now) : []),
    ...(q.extensionPending ? EXTENSION_PENDING : []),
    ...(q.returnPending ? [{ status: 'returning' } as Filter] : []),
    ...(q.reviewPending ? reviewPendingClause(actor) : []),
    ...(q.supervised ? await supervisedClause(deps) : []),
  ];
}

export async function listStaffTickets(deps: TicketDeps, actor: StaffActor, q: AdminTicketListQuery): Promise<CursorPage<TicketDoc>> {
  const base = staffFilter(actor, q, ticketScopeOf(deps.profile));
  if (!base) return { items: [], nextCursor: null };
  const filter: Filter = q.status ? { ...base.filter, status: q.status } : base.filter;
  const and = [...base.and, ...(await queueClauses(deps, actor, q, deps.clock.now())), ...cursorClause(q.cursor)];
  return page(deps, filter, and, q.limit);
}

/** Internal for counts: the overdue and visit-overdue queues. */
export const queueTimeClauses = { overdue: (now: Date) => overdueClause(true, now), visitOverdue: (now: Date) => visitOverdueClause(true, now) };
