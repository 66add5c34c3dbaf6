import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import { onBusinessTrack } from '../deadlines';
import type { ClosureConsent, TicketState, VisitAttempt } from '../ticket';
import { fail, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { citeSuffix, notifyLead, notifyUnits, rateInvitation, unitOf, withDeadlines } from './kit';

/**
 * The 涉企营商环境 track (002 §19 ¶1, §19(3), §26, §30; profile `businessTrack`) and the unit's
 * application to end handling (001 §15(5)(6); profile `unitTerminationRequest`).
 */

/** The profile's track, when this ticket is on it (an organisation's request, 002 §19). */
export function businessTrackOf(t: TicketState, ctx: TransitionContext) {
  const track = ctx.profile.businessTrack;
  return track && onBusinessTrack(ctx.profile, t) ? track : null;
}

/** Whether the 营商环境建设主管部门, not the operator, reviews this ticket's result (002 §19 ¶1 审定, §26 通报办结情况). */
export function needsAuthorityReview(t: TicketState, ctx: TransitionContext): boolean {
  return Boolean(businessTrackOf(t, ctx)?.value.authorityReview);
}

/**
 * What a 涉企 request still lacks before it may close as agreed: a visit that reached the claimant
 * (002 §30 办结件逐一回访) and the claimant's signed or sealed agreement (002 §26). Null: nothing.
 */
export function businessClosureGap(t: TicketState, ctx: TransitionContext, attempts: VisitAttempt[], consent: ClosureConsent | null | undefined): string | null {
  const track = businessTrackOf(t, ctx);
  if (!track) return null;
  const missing: string[] = [];
  if (track.value.visitEvery && !attempts.some((a) => a.answered && a.round === t.round)) missing.push('涉企营商环境诉求办结件须逐一回访（002 §30）');
  if (track.value.signedClosure && !(consent && consent.round === t.round)) missing.push('诉求人同意办结的，应书面签字（盖章）：回访时请填写签字（盖章）人（002 §26）');
  return missing.length ? missing.join('；') : null;
}

/** 002 §19 ¶1, §26: the authority approves the result (the visit window opens) or sends it back to the unit. */
export function businessReview(t: TicketState, input: ActionInput<'business-review'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const track = ctx.profile.businessTrack;
  if (!track) return fail.rule('当前规则没有涉企营商环境诉求的审定程序');
  if (!needsAuthorityReview(t, ctx)) return fail.rule(`只有法人和非法人组织的涉营商环境诉求由营商环境建设主管部门审定${citeSuffix(track)}`);
  if (input.approve) {
    return {
      to: 'visiting',
      set: withDeadlines(t, { visitStartedAt: ctx.now, businessReviewedAt: ctx.now }, ctx),
      note: input.note,
      data: { approve: true },
      effects: rateInvitation(t, ctx),
    };
  }
  return { to: 'handling', set: { repliedAt: null, onTime: null }, note: input.note, data: { approve: false }, effects: notifyLead(t, 'review-rejected') };
}

/** 001 §15(5)(6): the lead unit applies to end handling with the material; one application at a time. */
export function requestTermination(t: TicketState, input: ActionInput<'request-termination'>, actor: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const rule = ctx.profile.unitTerminationRequest;
  if (!rule.value) return fail.rule('当前规则下终止办理由平台决定，承办单位不能申请');
  if (t.pendingTermination) return fail.rule('已有待审核的终止办理申请');
  const allowed = ctx.profile.terminationReasons.value;
  if (!allowed.includes(input.reasonCode)) return fail.rule(`当前规则不允许以此理由终止办理${citeSuffix(ctx.profile.terminationReasons)}`, { allowed });
  const unit = unitOf(actor) ?? t.leadUnit ?? '';
  return {
    to: t.status,
    set: { pendingTermination: { reasonCode: input.reasonCode, reason: input.reason, material: input.material, unit, requestedAt: ctx.now } },
    note: input.reason,
    data: { reasonCode: input.reasonCode, material: input.material },
    effects: [{ kind: 'notify', audience: 'platform', template: 'termination-requested' }],
  };
}

/** 001 §15(5)(6) 经审核后终止办理: approved ends the ticket with the unit's reason; refused, the unit carries on. */
export function decideTermination(t: TicketState, input: ActionInput<'decide-termination'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const pending = t.pendingTermination;
  if (!pending) return fail.invalidTransition('没有待审核的终止办理申请');
  if (!input.approve) {
    return { to: t.status, set: { pendingTermination: null }, note: input.note, data: { approve: false }, effects: notifyLead(t, 'termination-refused') };
  }
  const note = input.note ?? pending.reason;
  return {
    to: 'terminated',
    set: { pendingTermination: null, termination: { code: pending.reasonCode, note }, closedAt: ctx.now, pendingDecision: false },
    note,
    data: { approve: true, reasonCode: pending.reasonCode, requestedBy: pending.unit },
    effects: [{ kind: 'notify', audience: 'citizen', template: 'terminated' }, ...notifyUnits(t, 'terminated')],
  };
}
