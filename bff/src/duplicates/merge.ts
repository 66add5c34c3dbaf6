/**
 * The target side of `merge` (shared/src/transitions/merge.ts moves the merged ticket): the
 * target must be an open ticket that was not itself merged away; afterwards it records where
 * the request came from (`mergedFrom`, a timeline entry — 004 §4 traceable), the merged
 * ticket's citizen and followers follow the target, and the cluster is checked (000 §23(5)).
 */
import { isTerminal, type Actor } from '@mashang/shared';
import { applyVersioned } from '../db/atomic';
import { unprocessable } from '../http/errors';
import { findTicketByNo } from '../tickets/access';
import { timelineActor, type TicketDeps } from '../tickets/deps';
import { readyTicketModel, type TicketDoc, type TimelineEntry } from '../tickets/model';
import { addFollower, ticketFollowers } from './followers';
import { superviseCluster, supporterCount } from './service';

/** Before the transition: 422 when the target cannot carry the matter. */
export async function checkMergeTarget(deps: Pick<TicketDeps, 'db'>, source: Pick<TicketDoc, 'no'>, into: string): Promise<TicketDoc> {
  const target = await findTicketByNo(deps.db, into);
  if (!target || target.no === source.no) throw unprocessable('MERGE_TARGET_NOT_FOUND', '要合并到的诉求不存在');
  if (isTerminal(target.status)) throw unprocessable('MERGE_TARGET_CLOSED', '要合并到的诉求已办结或终止，请选择正在办理的诉求', { status: target.status });
  return target;
}

const WRITE_ATTEMPTS = 5;

/** `$addToSet mergedFrom` + a timeline entry on the target, retried over concurrent changes (no status change). */
async function recordOnTarget(deps: TicketDeps, into: string, source: TicketDoc, actor: Actor, now: Date): Promise<TicketDoc | null> {
  const tickets = await readyTicketModel(deps.db);
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const target = await findTicketByNo(deps.db, into);
    if (!target) return null;
    if (target.mergedFrom?.includes(source.no)) return target;
    const entry: TimelineEntry = { action: 'merge', from: target.status, to: target.status, note: `诉求 ${source.no} 反映同一事项，已并入本诉求一并办理`, data: { mergedFrom: source.no }, at: now, actor: timelineActor(actor) };
    const won = await applyVersioned(tickets, target._id, target.version, { $addToSet: { mergedFrom: source.no }, $push: { timeline: entry }, $set: { updatedAt: now } }, now);
    if (won === 'applied') return tickets.findById(target._id).lean<TicketDoc>();
  }
  deps.logger.warn({ into, from: source.no }, 'merge: the target kept changing; mergedFrom not recorded');
  return findTicketByNo(deps.db, into);
}

/** After the merged ticket was stored as terminated (idempotent: every write is keyed or guarded). */
export async function completeMerge(deps: TicketDeps, source: TicketDoc, into: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const owner = (await findTicketByNo(deps.db, into))?.citizenId;
  // The target's own citizen is its first supporter already (a citizen's repeat merged into their own request).
  if (source.citizenId !== owner) await addFollower(deps.db, { ticketNo: into, citizenId: source.citizenId, via: 'merged', fromTicket: source.no, at: now });
  for (const f of await ticketFollowers(deps.db, source.no)) {
    if (f.citizenId !== owner) await addFollower(deps.db, { ticketNo: into, citizenId: f.citizenId, via: f.via, fromTicket: f.fromTicket ?? source.no, at: now });
  }
  const target = await recordOnTarget(deps, into, source, actor, now);
  if (target) await superviseCluster(deps, target, await supporterCount(deps, into), [source.no]);
}
