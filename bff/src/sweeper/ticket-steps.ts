/** Sweeper steps over tickets: deadlines (due soon, overdue), repeats (000 §23(4), 002 §23(3)), follow-up windows. */
import { DUE_STATUSES, OPEN_STATUSES, STATE_MACHINE, isDueSoon, isOverdue, isVisitOverdue, type SupervisionTrigger, type TicketStatus } from '@mashang/shared';
import { ticketModel, type TicketDoc } from '../tickets/model';
import { SUPERVISION_DEFAULTS } from '../supervision/defaults';
import { supervisionModel } from '../supervision/model';
import { supervisionId } from '../supervision/service';
import { tokenize, uniqueTokens } from '../text';
import { recordSweepEvent, sweepEventId, sweepEventModel, type SweepEventKind } from './events';
import { repeatedMatters } from './repeats';
import { BATCH, existingIds, scanTickets, type ScanRow } from './scan';
import { chinaTime, postSweepNotice } from './notices';
import { superviseOnce } from './supervise';
import { SYSTEM_ACTOR, type SweepDeps } from './types';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The lead unit's inbox (nobody's before dispatch). */
const leadOf = (row: ScanRow) => (row.leadUnit ? [{ unit: row.leadUnit }] : []);
/** Who visits (the state machine's `visit` row). */
const VISITORS = (STATE_MACHINE.visit.who.roles ?? []).map((role) => ({ role }));

const SUPERVISED_FIELDS = { no: 1, leadUnit: 1, coUnits: 1, round: 1, version: 1, timeline: 1, roundStartedAt: 1, createdAt: 1, status: 1, dueAt: 1 } as const;

export async function supervisedTicket(deps: SweepDeps, no: string): Promise<TicketDoc | null> {
  return ticketModel(deps.db).findOne({ no }, SUPERVISED_FIELDS).lean<TicketDoc>();
}

/** Rows without the sweep event `kind` of their round. */
async function withoutEvent(deps: SweepDeps, kind: SweepEventKind, rows: ScanRow[]): Promise<ScanRow[]> {
  const done = await existingIds(sweepEventModel(deps.db), rows.map((r) => sweepEventId(kind, r.no, r.round)));
  return rows.filter((r) => !done.has(sweepEventId(kind, r.no, r.round)));
}

/** Rows without the automatic 督办 `trigger` of their round. */
async function withoutSupervision(deps: SweepDeps, trigger: SupervisionTrigger, rows: ScanRow[]): Promise<ScanRow[]> {
  const id = (r: ScanRow) => supervisionId({ ticket: r, trigger, by: SYSTEM_ACTOR });
  const done = await existingIds(supervisionModel(deps.db), rows.map(id));
  return rows.filter((r) => !done.has(id(r)));
}

async function record(deps: SweepDeps, kind: SweepEventKind, row: ScanRow, deadline: Date | null): Promise<boolean> {
  return recordSweepEvent(deps.db, { kind, ticketNo: row.no, round: row.round, unit: row.leadUnit ?? null, deadline, at: deps.clock.now() });
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
  return scanTickets(deps.db, {
    filter: { status: { $in: [...DUE_STATUSES] }, dueAt: { $gt: now, $lte: warningHorizon(deps, now) } },
    pending: (rows) => withoutEvent(deps, 'due-soon', rows.filter((r) => isDueSoon(deps.profile, r, now, deps.calendar))),
    work: async (row) => {
      const note = row.dueAt ? `办理期限 ${chinaTime(row.dueAt)}，请按时办结答复` : undefined;
      await postSweepNotice(deps, { kind: 'due-soon', ticket: row, to: leadOf(row), deadline: row.dueAt, ...(note ? { note } : {}) });
      return record(deps, 'due-soon', row, row.dueAt ?? null);
    },
  });
}

/** 000 §23(2): past the deadline while the unit still owes the reply → recorded once, and 督办 opened. */
export async function markOverdue(deps: SweepDeps): Promise<{ marked: number; supervised: number }> {
  const now = deps.clock.now();
  let marked = 0;
  const supervised = await scanTickets(deps.db, {
    filter: { status: { $in: [...DUE_STATUSES] }, dueAt: { $lt: now } },
    pending: async (rows) => {
      const late = rows.filter((r) => isOverdue(r, now));
      const unrecorded = new Set((await withoutEvent(deps, 'overdue', late)).map((r) => r.no));
      const unsupervised = new Set((await withoutSupervision(deps, 'overdue', late)).map((r) => r.no));
      return late.filter((r) => unrecorded.has(r.no) || unsupervised.has(r.no));
    },
    work: async (row) => {
      await postSweepNotice(deps, { kind: 'overdue', ticket: row, to: leadOf(row), deadline: row.dueAt, note: '超出办理时限未办结', cite: '000 §23(2)' });
      if (await record(deps, 'overdue', row, row.dueAt ?? null)) marked++;
      const t = await supervisedTicket(deps, row.no);
      return Boolean(t) && superviseOnce(deps, t as TicketDoc, { trigger: 'overdue', note: '超出办理时限未办结，请限期书面反馈（000 §23(2)）' });
    },
  });
  return { marked, supervised };
}

interface CitizenTicket {
  no: string;
  createdAt: Date;
  content: string;
  status: TicketStatus;
  confidential?: boolean;
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
    .find({ citizenId, createdAt: { $gte: since }, status: { $nin: [...NOT_A_REQUEST] } }, { no: 1, createdAt: 1, content: 1, status: 1, confidential: 1 })
    .lean<CitizenTicket[]>();
  const candidates = tickets.map((t) => ({ ...t, tokens: uniqueTokens(tokenize(t.content)) }));
  // A confidential request is never grouped with the citizen's ordinary ones: a supervision
  // naming both would tell their unit who filed it (000 §14, 004 §14).
  const partitions = [candidates.filter((t) => !t.confidential), candidates.filter((t) => t.confidential)];
  const groups = partitions.flatMap((part) => repeatedMatters(part, SUPERVISION_DEFAULTS.repeatSimilarity, SUPERVISION_DEFAULTS.repeatCount));
  let opened = 0;
  for (const group of groups) {
    const open = group.filter((t) => (OPEN_STATUSES as readonly string[]).includes(t.status));
    const target = open[open.length - 1];
    if (!target) continue; // every request of the matter is finished: nothing left to supervise
    const full = await supervisedTicket(deps, target.no);
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
  return scanTickets(deps.db, {
    filter: { status: { $in: [...OPEN_STATUSES] }, returnCount: { $gte: SUPERVISION_DEFAULTS.returnCount } },
    pending: (rows) => withoutSupervision(deps, 'repeated-returns', rows),
    work: async (row) => {
      const t = await supervisedTicket(deps, row.no);
      const note = `该诉求已被退回 ${row.returnCount} 次（002 §23(3)），请核查退回理由`;
      return Boolean(t) && superviseOnce(deps, t as TicketDoc, { trigger: 'repeated-returns', note });
    },
  });
}

/**
 * 003 §16 「2个工作日内逐件回访」: a visit window (from the platform's approval of the reply) that
 * passed with no rating this round is the platform's overdue work: recorded once per round, so
 * the ticket shows `visitOverdue` in the visitors' queue (`GET …/tickets?visitOverdue=true`).
 * The ticket stays in 'visiting' until a rating, a recorded visit or a staff decision closes it.
 */
export async function flagMissedVisits(deps: SweepDeps): Promise<number> {
  const now = deps.clock.now();
  return scanTickets(deps.db, {
    filter: { status: 'visiting', 'deadlines.followUp': { $lt: now } },
    pending: (rows) => withoutEvent(deps, 'visit-window-passed', rows.filter((r) => isVisitOverdue(r, now))),
    work: async (row) => {
      const due = row.deadlines?.followUp ?? null;
      await postSweepNotice(deps, { kind: 'visit-overdue', ticket: row, to: VISITORS, deadline: due, ...(due ? { note: `回访应于 ${chinaTime(due)} 前完成` } : {}), ...(deps.profile.followUp.cite ? { cite: deps.profile.followUp.cite } : {}) });
      return record(deps, 'visit-window-passed', row, due);
    },
  });
}
