import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import type { Satisfaction } from '../enums';
import type { RatingRecord, TicketState, VisitAttempt } from '../ticket';
import { fail, type Effect, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { businessClosureGap, businessTrackOf } from './business';
import { citeSuffix, notifyLead, withDeadlines } from './kit';

/** Rating, follow-up visits and the reopen decision (000 §17, 001 §17, 002 §28, 003 §16-17, 004 §13). */

function ratedThisRound(t: TicketState): boolean {
  return Boolean(t.rating && t.rating.round === t.round);
}

const ONE_RATING = '本轮办理已评价，一事一评（002 §28）';

/** Satisfied or basic → closed; unsatisfied → stays in visiting until someone decides on reopening. */
function applyRating(t: TicketState, rating: RatingRecord, ctx: TransitionContext, extra: Partial<TicketState> = {}): Outcome {
  const data = { satisfaction: rating.satisfaction, by: rating.by, ...(rating.deemed ? { deemed: true } : {}) };
  if (rating.satisfaction === 'unsatisfied') {
    return {
      to: 'visiting',
      set: { ...extra, rating, pendingDecision: true },
      note: rating.comment,
      data,
      effects: [{ kind: 'notify', audience: 'platform', template: 'rated-unsatisfied' }, ...notifyLead(t, 'rated')],
    };
  }
  // 002 §26, §30: a 涉企 request agreed to still waits for the visit and the signed agreement.
  const gap = businessClosureGap(t, ctx, extra.visitAttempts ?? t.visitAttempts, extra.closureConsent ?? t.closureConsent);
  if (gap) return { to: 'visiting', set: { ...extra, rating, pendingDecision: false }, note: rating.comment ?? gap, data: { ...data, awaiting: gap }, effects: notifyLead(t, 'rated') };
  return {
    to: 'closed',
    set: { ...extra, rating, pendingDecision: false, closedAt: ctx.now },
    note: rating.comment,
    data,
    effects: [{ kind: 'notify', audience: 'citizen', template: 'closed' }, ...notifyLead(t, 'rated')],
  };
}

/** 002 §26, §30: the visit that completes an agreed 涉企 request — the claimant reached and the written agreement recorded. */
function completeBusinessClosure(t: TicketState, input: ActionInput<'visit'>, visitAttempts: VisitAttempt[], ctx: TransitionContext): Outcome {
  const closureConsent = input.signedBy ? { signedBy: input.signedBy, at: ctx.now, round: t.round } : t.closureConsent;
  const gap = businessClosureGap(t, ctx, visitAttempts, closureConsent);
  const set = { visitAttempts, ...(input.signedBy ? { closureConsent } : {}) };
  const data = { answered: input.answered, ...(input.signedBy ? { signedBy: input.signedBy } : {}) };
  if (gap) return { to: 'visiting', set, note: input.note ?? gap, data: { ...data, awaiting: gap }, effects: [] };
  return { to: 'closed', set: { ...set, closedAt: ctx.now }, note: input.note, data, effects: [{ kind: 'notify', audience: 'citizen', template: 'closed' }, ...notifyLead(t, 'closed')] };
}

function ratingOf(t: TicketState, satisfaction: Satisfaction, by: RatingRecord['by'], ctx: TransitionContext, comment?: string): RatingRecord {
  return { satisfaction, at: ctx.now, round: t.round, by, ...(comment ? { comment } : {}) };
}

export function rate(t: TicketState, input: ActionInput<'rate'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (ratedThisRound(t)) return fail.rule(ONE_RATING);
  const sourceRated = ctx.profile.sourceRatedChannels;
  if (sourceRated.value.includes(t.channel)) return fail.rule(`此诉求由其他渠道转入，按来源渠道管理单位的要求开展满意度评价${citeSuffix(sourceRated)}`, { channel: t.channel });
  return applyRating(t, ratingOf(t, input.satisfaction, 'citizen', ctx, input.comment), ctx);
}

/**
 * 003 §17: unanswered calls in different periods, each at least `minGapHours` after the previous
 * counted one; reaching `unansweredAttempts` counts as satisfied.
 */
export function deemedSatisfied(attempts: VisitAttempt[], round: number, rule: { unansweredAttempts: number; minGapHours: number }): boolean {
  const unanswered = attempts.filter((a) => !a.answered && a.round === round).sort((a, b) => a.at.getTime() - b.at.getTime());
  let counted = 0;
  let last: Date | null = null;
  for (const a of unanswered) {
    if (!last || a.at.getTime() - last.getTime() >= rule.minGapHours * 3_600_000) {
      counted++;
      last = a.at;
    }
  }
  return counted >= rule.unansweredAttempts;
}

export function visit(t: TicketState, input: ActionInput<'visit'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const attempt: VisitAttempt = { at: ctx.now, answered: input.answered, round: t.round, ...(input.note ? { note: input.note } : {}) };
  const visitAttempts = [...t.visitAttempts, attempt];
  if (input.signedBy && !businessTrackOf(t, ctx)) return fail.rule('书面签字（盖章）确认办结只用于涉企营商环境诉求（002 §26）');
  if (input.signedBy && !input.answered) return fail.rule('未接通的回访不能记录书面签字');
  if (businessTrackOf(t, ctx) && ratedThisRound(t) && !t.pendingDecision && !input.satisfaction) return completeBusinessClosure(t, input, visitAttempts, ctx);
  if (input.satisfaction) {
    if (ratedThisRound(t)) return fail.rule(ONE_RATING);
    const consent = input.signedBy ? { closureConsent: { signedBy: input.signedBy, at: ctx.now, round: t.round } } : {};
    return applyRating(t, ratingOf(t, input.satisfaction, 'visitor', ctx, input.note), ctx, { visitAttempts, ...consent });
  }
  const rule = ctx.profile.deemedSatisfied;
  if (!input.answered && rule && !ratedThisRound(t) && deemedSatisfied(visitAttempts, t.round, rule)) {
    const rating: RatingRecord = { ...ratingOf(t, 'satisfied', 'visitor', ctx), deemed: true };
    const outcome = applyRating(t, rating, ctx, { visitAttempts });
    return { ...outcome, note: input.note ?? `两次回访未接通，视为满意${rule.cite ? `（${rule.cite}）` : ''}` };
  }
  return { to: 'visiting', set: { visitAttempts }, note: input.note, data: { answered: input.answered }, effects: [] };
}

/**
 * 000 §17, 001 §17, 004 §13: an unsatisfied rating that is reasonable goes back to the unit
 * (重办: a new round, counted); otherwise the ticket closes with an explanation.
 */
export function decideReopen(t: TicketState, input: ActionInput<'decide-reopen'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (!t.pendingDecision) return fail.invalidTransition('没有待处理的不满意评价');
  if (!input.reopen) {
    return {
      to: 'closed',
      set: { pendingDecision: false, closedAt: ctx.now },
      note: input.note,
      data: { reopen: false },
      effects: [{ kind: 'notify', audience: 'citizen', template: 'closed' }],
    };
  }
  const patch: Partial<TicketState> = {
    pendingDecision: false,
    round: t.round + 1,
    reopenCount: t.reopenCount + 1,
    roundStartedAt: ctx.now,
    repliedAt: null,
    visitStartedAt: null,
    onTime: null,
  };
  // A consultation the platform answered itself has no unit yet: it goes back to the pool.
  const to = t.leadUnit ? 'handling' : 'accepted';
  const effects: Effect[] = [
    { kind: 'count', metric: 'reopen' },
    { kind: 'open-supervision', trigger: 'bad-rating', note: input.note },
    { kind: 'notify', audience: 'citizen', template: 'reopened' },
    ...notifyLead(t, 'reopened'),
  ];
  return { to, set: withDeadlines(t, patch, ctx), note: input.note, data: { reopen: true, round: t.round + 1 }, effects };
}

/**
 * 003 §16: a ticket leaves 'visiting' by a rating (the citizen's or one a visit recorded), by
 * 003 §17's unanswered calls, or by this: a visitor or operator decides, with a reason, to close
 * it unrated (e.g. the citizen declined to rate). Nothing closes it because time passed — a
 * missed visit window is the platform's overdue work (deadlines.ts `isVisitOverdue`).
 */
export function closeVisit(t: TicketState, input: ActionInput<'close-visit'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (t.pendingDecision) return fail.rule('不满意评价待处理，请先决定是否重办（000 §17）');
  if (ratedThisRound(t)) return fail.rule('本轮办理已评价');
  if (businessTrackOf(t, ctx)?.value.visitEvery) return fail.rule('涉企营商环境诉求办结件须逐一回访落实，不能未回访即办结（002 §30）');
  return {
    to: 'closed',
    set: { pendingDecision: false, closedAt: ctx.now },
    note: input.reason,
    data: { unrated: true, visitAttempts: t.visitAttempts.filter((a) => a.round === t.round).length },
    effects: [{ kind: 'notify', audience: 'citizen', template: 'closed' }, ...notifyLead(t, 'closed')],
  };
}
