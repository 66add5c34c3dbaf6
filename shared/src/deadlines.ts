import type { CalendarInstant, WorkCalendar } from './calendar';
import type { Channel, ClaimantKind, TicketClass, TicketStatus, TicketType } from './enums';
import type { DeadlineRule, RegulationProfile, Span } from './profiles/schema';
import type { TicketDeadlines, TicketState } from './ticket';

/**
 * Stage deadlines from the active profile. Precedence of rules: an urgent class (003 §8 A, D)
 * over the channel (003 §14) over the other classes over the type. Stage and final deadlines run from the profile's clock start
 * (submission, acceptance or dispatch); in a reopened round (重办) from the reopen. Stages
 * whose starting event has not happened yet are null.
 */

export type DeadlineInput = Pick<
  TicketState,
  'type' | 'channel' | 'class' | 'claimant' | 'createdAt' | 'acceptedAt' | 'dispatchedAt' | 'repliedAt' | 'visitStartedAt' | 'roundStartedAt' | 'round' | 'fixedDueAt' | 'extensions'
>;

/** Statuses in which the unit still owes the reply, so the final deadline can be missed. */
export const DUE_STATUSES: readonly TicketStatus[] = ['accepted', 'dispatched', 'handling', 'returning'];

/** Whether a ticket runs on the profile's 涉企营商环境 track (002 §19(3)): an organisation's request other than a consultation (002 §19(1) keeps its 5 days). */
export function onBusinessTrack(profile: RegulationProfile, t: { type: TicketType; claimant?: ClaimantKind | null }): boolean {
  return profile.businessTrack !== null && t.claimant === 'organisation' && t.type !== 'consultation';
}

/**
 * The rule for one ticket: an urgent class (profile `classOverChannel`, 003 §8), else the channel rule, else the class rule,
 * else the 涉企营商环境 track (002 §19(3)), else the type rule.
 */
export function ruleFor(profile: RegulationProfile, type: TicketType, cls?: TicketClass | null, channel?: Channel, claimant?: ClaimantKind | null): DeadlineRule {
  if (cls && profile.byClass && profile.classOverChannel?.value.includes(cls)) return profile.byClass[cls];
  const byChannel = channel ? profile.byChannel[channel] : undefined;
  if (byChannel) return byChannel;
  if (cls && profile.byClass) return profile.byClass[cls];
  if (profile.businessTrack && onBusinessTrack(profile, { type, claimant })) return { final: profile.businessTrack.value.final, stageReply: null, plan: null };
  return profile.byType[type];
}

/** A span added to a start; null span or start → null. */
export function applySpan(calendar: WorkCalendar, start: Date | null | undefined, span: Span | null): CalendarInstant | null {
  if (!start || !span) return null;
  return span.unit === 'clockHours' ? calendar.addClockHours(start, span.value) : calendar.addWorkingDays(start, span.value);
}

function clockStart(profile: RegulationProfile, t: DeadlineInput): Date | null {
  if (t.round > 1 && t.roundStartedAt) return t.roundStartedAt;
  const start = profile.clockStart.value;
  if (start === 'submission') return t.createdAt;
  if (start === 'acceptance') return t.acceptedAt ?? null;
  return t.dispatchedAt ?? null;
}

function approvedWorkingDays(t: DeadlineInput): number {
  return t.extensions.filter((e) => e.approved === true && e.round === t.round).reduce((sum, e) => sum + e.workingDays, 0);
}

/** Goes back from the final deadline by the co-unit lead (004 §11 「提前1个工作日」). */
function beforeFinal(calendar: WorkCalendar, final: Date | null, lead: Span): CalendarInstant | null {
  if (!final) return null;
  if (lead.unit === 'clockHours') return { at: new Date(final.getTime() - lead.value * 3_600_000), calendarIncomplete: false };
  return lead.value === 0 ? { at: final, calendarIncomplete: false } : calendar.addWorkingDays(final, -lead.value);
}

/**
 * Every stage deadline of the ticket's current round. Deadlines depend only on recorded events,
 * never on the time of asking: `_now` is part of the contract for callers (the BFF passes its
 * clock) but does not move any date; use `isOverdue` / `isDueSoon` for time-dependent flags.
 */
export function deadlinesFor(profile: RegulationProfile, ticket: DeadlineInput, _now: Date, calendar: WorkCalendar): TicketDeadlines {
  const rule = ruleFor(profile, ticket.type, ticket.class, ticket.channel, ticket.claimant);
  const start = clockStart(profile, ticket);
  const parts = {
    acceptanceNotice: applySpan(calendar, ticket.createdAt, profile.acceptanceNotice),
    dispatch: applySpan(calendar, ticket.acceptedAt, profile.dispatch),
    sign: applySpan(calendar, ticket.dispatchedAt, profile.signFor),
    plan: applySpan(calendar, start, rule.plan),
    stageReply: applySpan(calendar, start, rule.stageReply),
    final: ticket.fixedDueAt ? { at: ticket.fixedDueAt, calendarIncomplete: false } : applySpan(calendar, start, rule.final),
    // 003 §16 「收到网络单位办结回复后」: the platform has the reply once it approved it (review),
    // or once it answered itself; a reply still under review starts no visit window.
    followUp: applySpan(calendar, ticket.visitStartedAt, profile.followUp),
  };
  const extended = parts.final ? calendar.addWorkingDays(parts.final.at, approvedWorkingDays(ticket)) : null;
  const dueAt = extended && approvedWorkingDays(ticket) > 0 ? extended : parts.final;
  const coResult = beforeFinal(calendar, dueAt?.at ?? null, profile.coResultLead);
  const all = [...Object.values(parts), dueAt, coResult];
  return {
    acceptanceNotice: parts.acceptanceNotice?.at ?? null,
    dispatch: parts.dispatch?.at ?? null,
    sign: parts.sign?.at ?? null,
    plan: parts.plan?.at ?? null,
    stageReply: parts.stageReply?.at ?? null,
    coResult: coResult?.at ?? null,
    final: parts.final?.at ?? null,
    dueAt: dueAt?.at ?? null,
    followUp: parts.followUp?.at ?? null,
    calendarIncomplete: all.some((p) => p?.calendarIncomplete === true),
  };
}

/** Whether the unit's final deadline has passed while it still owes the reply. */
export function isOverdue(ticket: Pick<TicketState, 'status' | 'dueAt'>, now: Date): boolean {
  return Boolean(ticket.dueAt) && DUE_STATUSES.includes(ticket.status) && now.getTime() > (ticket.dueAt as Date).getTime();
}

/**
 * 003 §16: the platform owes the citizen a visit — the ticket waits in 'visiting' with no rating
 * this round and no decision pending, and the visit window has passed. This is the visitor's
 * overdue work, never a reason to close the ticket.
 */
export function isVisitOverdue(ticket: Pick<TicketState, 'status' | 'pendingDecision' | 'deadlines'>, now: Date): boolean {
  const due = ticket.deadlines?.followUp ?? null;
  return ticket.status === 'visiting' && !ticket.pendingDecision && Boolean(due) && now.getTime() > (due as Date).getTime();
}

/** Whether `now` is inside the warning window before the due date (and not yet overdue). */
export function isDueSoon(profile: RegulationProfile, ticket: Pick<TicketState, 'status' | 'dueAt'>, now: Date, calendar: WorkCalendar): boolean {
  if (!ticket.dueAt || !DUE_STATUSES.includes(ticket.status) || isOverdue(ticket, now)) return false;
  const lead = profile.warningBefore;
  const warnFrom =
    lead.unit === 'clockHours' ? new Date(ticket.dueAt.getTime() - lead.value * 3_600_000) : calendar.addWorkingDays(ticket.dueAt, -lead.value).at;
  return now.getTime() >= warnFrom.getTime();
}

export interface SlaPreview extends TicketDeadlines {
  /** The spans used, with their articles, for display next to each date. */
  rules: {
    acceptanceNotice: Span | null;
    dispatch: Span | null;
    signFor: Span;
    plan: Span | null;
    stageReply: Span | null;
    final: Span | null;
    followUp: Span;
    clockStart: RegulationProfile['clockStart'];
  };
}

/**
 * Deadlines a new request of `type` would get if it were submitted, accepted and dispatched at
 * `start` (GET /api/admin/v1/sla/preview). The follow-up runs from the final deadline.
 */
export function slaPreview(
  profile: RegulationProfile,
  type: TicketType,
  start: Date,
  calendar: WorkCalendar,
  cls?: TicketClass | null,
  channel?: Channel,
): SlaPreview {
  const ticket: DeadlineInput = { type, class: cls ?? null, channel: channel ?? 'miniapp', createdAt: start, acceptedAt: start, dispatchedAt: start, round: 1, extensions: [] };
  const d = deadlinesFor(profile, ticket, start, calendar);
  const followUp = applySpan(calendar, d.final, profile.followUp);
  const rule = ruleFor(profile, type, cls, channel);
  return {
    ...d,
    followUp: followUp?.at ?? null,
    calendarIncomplete: d.calendarIncomplete || followUp?.calendarIncomplete === true,
    rules: {
      acceptanceNotice: profile.acceptanceNotice,
      dispatch: profile.dispatch,
      signFor: profile.signFor,
      plan: rule.plan,
      stageReply: rule.stageReply,
      final: rule.final,
      followUp: profile.followUp,
      clockStart: profile.clockStart,
    },
  };
}
