/**
 * The staff inbox (issue 12 item 6): notices to a staff member, to every staff member of a unit,
 * or to a platform role, posted by the ticket effects (tickets/effects.ts) and the sweeper, read
 * with GET /api/admin/v1/notices. Posting is idempotent (the `_id` names the source and the
 * recipient); reading is per staff member.
 */
import type { QueryFilter } from 'mongoose';
import { STAFF_NOTICE_LABELS, TYPE_LABELS, type StaffNoticeKind, type StaffNoticeLevel, type TicketType } from '@mashang/shared';
import type { AppDeps } from '../app';
import { isDuplicateKey } from '../db/atomic';
import { badRequest, notFound } from '../http/errors';
import type { StaffActor } from '../http/route';
import { loggedChannel } from './channel';
import { recipientKey, staffNoticeModel, type NoticeRecipient, type StaffNoticeDoc } from './model';

export type NoticeDeps = Pick<AppDeps, 'db' | 'clock' | 'logger' | 'staffChannel'>;

export interface NewStaffNotice {
  /** What produced it: `<no>:<version>:<kind>` for a ticket event, `<kind>:<no>:<round>[:<key>]` for the sweeper. */
  source: string;
  kind: StaffNoticeKind;
  level: StaffNoticeLevel;
  ticketNo: string;
  ticketType: TicketType;
  note?: string;
  deadline?: Date | null;
  cite?: string;
}

/** 「【投诉】新派单，请签收办理」: the type and what happened, never the citizen's words (000 §14). */
export const noticeTitle = (kind: StaffNoticeKind, type: TicketType): string => `【${TYPE_LABELS[type]}】${STAFF_NOTICE_LABELS[kind]}`;

/** Posts the notice to each recipient once; returns how many records were new. */
export async function postStaffNotice(deps: NoticeDeps, notice: NewStaffNotice, recipients: readonly NoticeRecipient[]): Promise<number> {
  const now = deps.clock.now();
  const channel = deps.staffChannel ?? loggedChannel(deps.logger);
  let created = 0;
  for (const to of new Set(recipients.map(recipientKey))) {
    const doc: StaffNoticeDoc = {
      _id: `${notice.source}:${to}`,
      to,
      kind: notice.kind,
      level: notice.level,
      title: noticeTitle(notice.kind, notice.ticketType),
      ...(notice.note ? { note: notice.note } : {}),
      ticketNo: notice.ticketNo,
      ticketType: notice.ticketType,
      deadline: notice.deadline ?? null,
      ...(notice.cite ? { cite: notice.cite } : {}),
      readBy: [],
      reads: [],
      createdAt: now,
    };
    try {
      await staffNoticeModel(deps.db).create(doc);
    } catch (err) {
      if (isDuplicateKey(err)) continue;
      throw err;
    }
    created++;
    await channel.deliver(doc).catch((err: unknown) => deps.logger.warn({ err, notice: doc._id, channel: channel.name }, 'staff notice channel failed'));
  }
  return created;
}

/** The recipient keys whose notices this staff member reads: their own, their unit's, their roles'. */
export function inboxKeys(actor: StaffActor): string[] {
  return [recipientKey({ staff: actor.id }), ...(actor.unit ? [recipientKey({ unit: actor.unit })] : []), ...actor.roles.map((role) => recipientKey({ role }))];
}

export interface StaffNoticeView {
  id: string;
  kind: StaffNoticeKind;
  level: StaffNoticeLevel;
  title: string;
  note: string | null;
  ticketNo: string;
  ticketType: TicketType;
  /** Whom it was addressed to: this member (`staff`), their unit (`unit`) or one of their roles (`role`). */
  to: { kind: 'staff' | 'unit' | 'role'; id: string };
  deadline: string | null;
  cite: string | null;
  createdAt: string;
  /** When this staff member read it; null: unread. */
  readAt: string | null;
}

export function noticeView(d: StaffNoticeDoc, staffId: string): StaffNoticeView {
  const [kind, ...id] = d.to.split(':');
  const read = d.reads.find((r) => r.by === staffId);
  return {
    id: d._id,
    kind: d.kind,
    level: d.level,
    title: d.title,
    note: d.note ?? null,
    ticketNo: d.ticketNo,
    ticketType: d.ticketType,
    to: { kind: kind as 'staff' | 'unit' | 'role', id: id.join(':') },
    deadline: d.deadline ? d.deadline.toISOString() : null,
    cite: d.cite ?? null,
    createdAt: d.createdAt.toISOString(),
    readAt: read ? new Date(read.at).toISOString() : null,
  };
}

/** Cursor: the last item's creation time and id, base64url, so paging is stable while notices arrive. */
function encodeCursor(d: StaffNoticeDoc): string {
  return Buffer.from(JSON.stringify([d.createdAt.getTime(), d._id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'number' && Number.isFinite(at) && typeof id === 'string') return { at: new Date(at), id };
  } catch {
    // answered below
  }
  throw badRequest('INVALID_CURSOR', '分页游标无效');
}

const unreadBy = (actor: StaffActor): QueryFilter<StaffNoticeDoc> => ({ to: { $in: inboxKeys(actor) }, readBy: { $ne: actor.id } });

export interface InboxQuery {
  unread?: boolean;
  cursor?: string;
  limit: number;
}

export interface InboxPage {
  items: StaffNoticeView[];
  nextCursor: string | null;
  unreadCount: number;
}

/** The signed-in member's notices, newest first, with the number still unread. */
export async function listInbox(deps: Pick<NoticeDeps, 'db'>, actor: StaffActor, q: InboxQuery): Promise<InboxPage> {
  const model = staffNoticeModel(deps.db);
  const base: QueryFilter<StaffNoticeDoc> = q.unread ? unreadBy(actor) : { to: { $in: inboxKeys(actor) } };
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const filter = after ? { $and: [base, { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] }] } : base;
  const docs = await model.find(filter).sort({ createdAt: -1, _id: -1 }).limit(q.limit + 1).lean<StaffNoticeDoc[]>();
  const page = docs.slice(0, q.limit);
  return {
    items: page.map((d) => noticeView(d, actor.id)),
    nextCursor: docs.length > q.limit ? encodeCursor(page[page.length - 1]) : null,
    unreadCount: await model.countDocuments(unreadBy(actor)),
  };
}

const readUpdate = (actor: StaffActor, at: Date) => ({ $addToSet: { readBy: actor.id }, $push: { reads: { by: actor.id, at } } });

/** Marks one notice of the member's inbox read (again: nothing changes); 404 when it is not theirs. */
export async function markNoticeRead(deps: NoticeDeps, actor: StaffActor, id: string): Promise<{ notice: StaffNoticeView; unreadCount: number }> {
  const model = staffNoticeModel(deps.db);
  const mine = { _id: id, to: { $in: inboxKeys(actor) } };
  await model.updateOne({ ...mine, readBy: { $ne: actor.id } }, readUpdate(actor, deps.clock.now()));
  const doc = await model.findOne(mine).lean<StaffNoticeDoc>();
  if (!doc) throw notFound('通知', 'NOTICE_NOT_FOUND');
  return { notice: noticeView(doc, actor.id), unreadCount: await model.countDocuments(unreadBy(actor)) };
}

/** Marks every unread notice of the member's inbox read; returns how many were. */
export async function markAllNoticesRead(deps: NoticeDeps, actor: StaffActor): Promise<{ marked: number; unreadCount: number }> {
  const model = staffNoticeModel(deps.db);
  const res = await model.updateMany(unreadBy(actor), readUpdate(actor, deps.clock.now()));
  return { marked: res.modifiedCount, unreadCount: await model.countDocuments(unreadBy(actor)) };
}
