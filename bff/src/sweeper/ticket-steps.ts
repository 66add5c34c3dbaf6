/** Sweeper steps over tickets: deadlines (due soon, overdue), repeats (000 §23(4), 002 §23(3)), follow-up windows. */
import type { QueryFilter } from 'mongoose';
import { DUE_STATUSES, OPEN_STATUSES, isDueSoon, isOverdue, type TicketStatus } from '@mashang/shared';
import { ticketModel, type TicketDoc } from '../tickets/model';
import { SUPERVISION_DEFAULTS } from '../supervision/defaults';
import { tokenize, uniqueTokens } from '../text';
import { recordSweepEvent } from './events';
import { repeatedMatters } from './repeats';
import { superviseOnce } from './supervise';
import type { SweepDeps } from './types';

/** Tickets looked at per step and pass; the rest wait for the next minute. */
const BATCH = 200;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const SUPERVISED_FIELDS = { no: 1, leadUnit: 1, coUnits: 1, round: 1, version: 1, timeline: 1, roundStartedAt: 1, createdAt: 1, status: 1, dueAt: 1 } as const;

async function findTickets(deps: SweepDeps, filter: QueryFilter<TicketDoc>, sort: Record<string, 1 | -1>): Promise<TicketDoc[]> {
  return ticketModel(deps.db).find(filter).sort(sort).limit(BATCH).lean<TicketDoc[]>();
}

/** A bound past every warning window of the profile (working days can span long holidays). */
function warningHorizon(deps: SweepDeps, now: Date): Date {
  const lead = deps.profile.warningBefore;
  const ms = lead.unit === 'clockHours' ? lead.value * HOUR_MS : (lead.value * 2 + 10) * DAY_MS;
  return new Date(now.getTime() + ms);
}

/** Tickets inside the profile's warning window before their due date: one warning per ticket and round. */
export async function warnDueSoon(deps: SweepDeps): Promise<number> {
  const now = deps.clock.now();
  const candidates = await findTickets(deps, { status: { $in: [...DUE_STATUSES] }, dueAt: { $gt: now, $lte: warningHorizon(deps, now) } }, { dueAt: 1 });
  let warned = 0;
  for (const t of candidates) {
    if (!isDueSoon(deps.profile, t, now, deps.calendar)) continue;
    if (await recordSweepEvent(deps.db, { kind: 'due-soon', ticketNo: t.no, round: t.round, unit: t.leadUnit ?? null, deadline: t.dueAt ?? null, at: now })) {
      // There is no staff push channel: the unit sees the warning with the ticket and in its list.
      deps.logger.info({ no: t.no, unit: t.leadUnit, dueAt: t.dueAt }, 'ticket due soon');
      warned++;
    }
  }
  return warned;
}

/** 000 §23(2): past the deadline while the unit still owes the reply → recorded once, and 督办 opened. */
export async function markOverdue(deps: SweepDeps): Promise<{ marked: number; supervised: number }> {
  const now = deps.clock.now();
  const late = await findTickets(deps, { status: { $in: [...DUE_STATUSES] }, dueAt: { $lt: now } }, { dueAt: 1 });
  let marked = 0;
  let supervised = 0;
  for (const t of late) {
    if (!isOverdue(t, now)) continue;
    if (await recordSweepEvent(deps.db, { kind: 'overdue', ticketNo: t.no, round: t.round, unit: t.leadUnit ?? null, deadline: t.dueAt ?? null, at: now })) marked++;
    if (await superviseOnce(deps, t, { trigger: 'overdue', note: '超出办理时限未办结，请限期书面反馈（000 §23(2)）' })) supervised++;
  }
  return { marked, supervised };
}

interface CitizenTicket {
  no: string;
  createdAt: Date;
  content: string;
  status: TicketStatus;
}

const NOT_A_REQUEST: readonly TicketStatus[] = ['rejected', 'withdrawn'];

/** Citizens with at least `repeatCount` requests in the window: one single-accumulator `$group`. */
async function frequentCitizens(deps: SweepDeps, since: Date): Promise<string[]> {
  const rows = await ticketModel(deps.db).aggregate<{ _id: string; n: number }>([
    { $match: { createdAt: { $gte: since }, status: { $nin: [...NOT_A_REQUEST] } } },
    { $group: { _id: '$citizenId', n: { $sum: 1 } } },
  ]);
  return rows.filter((r) => r.n >= SUPERVISION_DEFAULTS.repeatCount).map((r) => r._id);
}

async function superviseCitizenRepeats(deps: SweepDeps, citizenId: string, since: Date): Promise<number> {
  const tickets = await ticketModel(deps.db)
    .find({ citizenId, createdAt: { $gte: since }, status: { $nin: [...NOT_A_REQUEST] } }, { no: 1, createdAt: 1, content: 1, status: 1 })
    .lean<CitizenTicket[]>();
  const candidates = tickets.map((t) => ({ ...t, tokens: uniqueTokens(tokenize(t.content)) }));
  let opened = 0;
  for (const group of repeatedMatters(candidates, SUPERVISION_DEFAULTS.repeatSimilarity, SUPERVISION_DEFAULTS.repeatCount)) {
    const open = group.filter((t) => (OPEN_STATUSES as readonly string[]).includes(t.status));
    const target = open[open.length - 1];
    if (!target) continue; // every request of the matter is finished: nothing left to supervise
    const full = await ticketModel(deps.db).findOne({ no: target.no }, SUPERVISED_FIELDS).lean<TicketDoc>();
    if (!full) continue;
    const related = group.filter((t) => t.no !== target.no).map((t) => t.no);
    const note = `同一诉求人 ${SUPERVISION_DEFAULTS.repeatWindowDays} 日内 ${group.length} 次反映同一事项（000 §23(4)）：${related.join('、')}`;
    if (await superviseOnce(deps, full, { trigger: 'repeated-by-citizen', note, related })) opened++;
  }
  return opened;
}

/** 000 §23(4): one citizen filing the same matter again and again (token Jaccard over the content). */
export async function superviseRepeatedMatters(deps: SweepDeps): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - SUPERVISION_DEFAULTS.repeatWindowDays * DAY_MS);
  let opened = 0;
  for (const citizenId of (await frequentCitizens(deps, since)).slice(0, BATCH)) opened += await superviseCitizenRepeats(deps, citizenId, since);
  return opened;
}

/** 002 §23(3) 「无正当理由反复退件」: open tickets returned at least `returnCount` times. */
export async function superviseRepeatedReturns(deps: SweepDeps): Promise<number> {
  const tickets = await findTickets(deps, { status: { $in: [...OPEN_STATUSES] }, returnCount: { $gte: SUPERVISION_DEFAULTS.returnCount } }, { createdAt: 1 });
  let opened = 0;
  for (const t of tickets) {
    const note = `该诉求已被退回 ${t.returnCount} 次（002 §23(3)），请核查退回理由`;
    if (await superviseOnce(deps, t, { trigger: 'repeated-returns', note })) opened++;
  }
  return opened;
}

/**
 * Follow-up visits whose window (profile `followUp`, 003 §16) passed with no rating this round.
 * The state machine's `visit` and `rate` are for the visitor and the citizen only (no system
 * actor), so the sweeper does not close the ticket: it records the lapse once for the
 * platform's visitors to act on.
 */
export async function noteVisitWindows(deps: SweepDeps): Promise<number> {
  const now = deps.clock.now();
  const visiting = await findTickets(deps, { status: 'visiting', 'deadlines.followUp': { $lt: now } }, { updatedAt: 1 });
  let noted = 0;
  for (const t of visiting) {
    if (t.pendingDecision || (t.rating && t.rating.round === t.round)) continue;
    const followUp = t.deadlines?.followUp ?? null;
    if (await recordSweepEvent(deps.db, { kind: 'visit-window-passed', ticketNo: t.no, round: t.round, unit: t.leadUnit ?? null, deadline: followUp, at: now })) {
      deps.logger.warn({ no: t.no, followUp }, 'follow-up window passed without a rating');
      noted++;
    }
  }
  return noted;
}
