import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import { applySpan, ruleFor } from '../deadlines';
import type { CoResult, TicketState } from '../ticket';
import { fail, type Effect, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { businessTrackOf, needsAuthorityReview } from './business';
import { citeSuffix, notifyLead, notifyUnits, rateInvitation, unitOf, withDeadlines } from './kit';
import { closureReviewer, REVIEW_DONE, reviewBy, reviewerAbove } from './tiers';

/** Rules of the handling unit's actions and the platform's oversight of them. */

export function sign(_t: TicketState, input: ActionInput<'sign'>, _a: Actor, ctx: TransitionContext): Outcome {
  return { to: 'handling', set: { signedAt: ctx.now }, note: input.note, effects: [] };
}

/** 003 §11 within 24 h of signing for it (查收); 002 §21, 004 §9 within 2 working days of dispatch. */
export function requestReturn(t: TicketState, input: ActionInput<'request-return'>, actor: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const window = ctx.profile.returnWindow;
  const fromSign = ctx.profile.returnWindowFrom.value === 'sign' && t.signedAt;
  const limit = applySpan(ctx.calendar, (fromSign ? t.signedAt : t.dispatchedAt) ?? ctx.now, window);
  if (limit && ctx.now.getTime() > limit.at.getTime()) {
    const span = window.unit === 'clockHours' ? `${window.value}小时` : `${window.value}个工作日`;
    return fail.rule(`已超过退回申请期限：应在${fromSign ? '签收' : '派单'}后${span}内申请${citeSuffix(window)}`, { deadline: limit.at });
  }
  const approval = ctx.profile.returnLeaderApproval;
  if (approval.value && !input.approvedBy) return fail.rule(`退回须经本单位分管领导审核批准，请填写批准的分管领导${citeSuffix(approval)}`);
  const transfer = ctx.profile.returnTransfer;
  if (input.transferTo && !transfer.value) return fail.rule(`当前规则下退回由平台重新交办，不能指定转办单位${citeSuffix(transfer)}`);
  const unit = unitOf(actor) ?? t.leadUnit ?? '';
  if (input.transferTo === unit) return fail.rule('转办单位不能是本单位');
  const bottomUp = ctx.profile.bottomUp;
  if (input.outOfScope && !bottomUp) return fail.rule('当前规则下不予受理由平台受理时决定，承办单位可申请退回');
  if (input.outOfScope && !ctx.profile.rejectReasons.value.includes(input.outOfScope)) return fail.rule(`当前规则不允许以此理由不予受理${citeSuffix(ctx.profile.rejectReasons)}`);
  const from = t.status === 'handling' ? 'handling' : 'dispatched';
  const named = {
    ...(input.transferTo ? { transferTo: input.transferTo } : {}),
    ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}),
    ...(input.grounds ? { grounds: input.grounds } : {}),
    ...(input.outOfScope ? { outOfScope: input.outOfScope } : {}),
  };
  // 004 §7-9: the application goes to the level above (乡镇（街道）, 区县指挥中心), else to the platform.
  const reviewUnit = reviewerAbove(unit, ctx);
  return {
    to: 'returning',
    set: { pendingReturn: { reason: input.reason, requestedAt: ctx.now, unit, from, ...named }, ...reviewBy(reviewUnit, ctx) },
    note: input.reason,
    data: Object.keys(named).length || reviewUnit ? { ...named, ...(reviewUnit ? { reviewUnit } : {}) } : undefined,
    effects: [reviewUnit ? { kind: 'notify', audience: 'unit', template: 'return-requested', units: [reviewUnit] } : { kind: 'notify', audience: 'platform', template: 'return-requested' }],
  };
}

export function reply(t: TicketState, input: ActionInput<'reply'>, _a: Actor, ctx: TransitionContext): Outcome {
  const onTime: 0 | 1 = t.dueAt && ctx.now.getTime() > t.dueAt.getTime() ? 0 : 1;
  const reported = new Set(t.coResults.filter((c) => c.round === t.round).map((c) => c.unit));
  const missingCoResults = t.coUnits.filter((u) => !reported.has(u));
  // 004 §8 ¶2: a community's reply is its 办结申请; the street above reviews it.
  const reviewUnit = closureReviewer(t.leadUnit, ctx);
  return {
    to: 'replied',
    set: { ...withDeadlines(t, { result: input.result, repliedAt: ctx.now, onTime }, ctx), ...reviewBy(reviewUnit, ctx) },
    data: { attachments: input.attachments ?? [], ...(missingCoResults.length ? { missingCoResults } : {}), ...(reviewUnit ? { reviewUnit } : {}) },
    // 003 §13: the citizen hears the result before the centre does.
    effects: [
      { kind: 'notify', audience: 'citizen', template: 'replied' },
      reviewUnit
        ? { kind: 'notify', audience: 'unit', template: 'replied', units: [reviewUnit] }
        : { kind: 'notify', audience: 'platform', template: needsAuthorityReview(t, ctx) ? 'business-replied' : 'replied' },
    ],
  };
}

export function review(t: TicketState, input: ActionInput<'review'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (needsAuthorityReview(t, ctx)) return fail.rule(`法人和非法人组织的涉营商环境诉求由营商环境建设主管部门审定办理结果（business-review）${citeSuffix(ctx.profile.businessTrack)}`);
  if (input.approve) {
    // 003 §16: the visit window starts now, when the platform has approved the unit's reply.
    return { to: 'visiting', set: { ...withDeadlines(t, { visitStartedAt: ctx.now }, ctx), ...REVIEW_DONE }, note: input.note, data: { approve: true }, effects: rateInvitation(t, ctx) };
  }
  if (t.reviewUnit) return takeOver(t, t.reviewUnit, input.note, ctx);
  return { to: 'handling', set: { repliedAt: null, onTime: null }, note: input.note, data: { approve: false }, effects: notifyLead(t, 'review-rejected') };
}

/** 004 §8 ¶2 「不符合办结标准的转由本单位承办」: the reviewing street handles the request itself, from now. */
function takeOver(t: TicketState, reviewUnit: string, note: string | undefined, ctx: TransitionContext): Outcome {
  const coUnits = t.coUnits.filter((u) => u !== reviewUnit);
  const patch: Partial<TicketState> = { leadUnit: reviewUnit, coUnits, signedAt: ctx.now, repliedAt: null, onTime: null, ...REVIEW_DONE };
  return {
    to: 'handling',
    set: withDeadlines(t, patch, ctx),
    note,
    data: { approve: false, takenOverBy: reviewUnit, unit: t.leadUnit },
    effects: notifyLead(t, 'review-rejected'),
  };
}

export function stageReport(t: TicketState, input: ActionInput<'stage-report'>, _a: Actor, ctx: TransitionContext): Outcome {
  return {
    to: t.status,
    set: { lastStageReportAt: ctx.now },
    note: input.content,
    data: input.nextDate ? { nextDate: input.nextDate } : undefined,
    // 000 §15: tell the citizen the progress, measures and the new date.
    effects: [
      { kind: 'notify', audience: 'citizen', template: 'stage-report' },
      { kind: 'notify', audience: 'platform', template: 'stage-report' },
    ],
  };
}

export function coResult(t: TicketState, input: ActionInput<'co-result'>, actor: Actor, ctx: TransitionContext): Outcome {
  const unit = unitOf(actor) ?? '';
  const entry: CoResult = { unit, result: input.result, at: ctx.now, round: t.round };
  const others = t.coResults.filter((c) => !(c.unit === unit && c.round === t.round));
  return { to: t.status, set: { coResults: [...others, entry] }, note: input.result, data: { unit }, effects: notifyLead(t, 'co-result') };
}

/**
 * 003 §8 C 类: the centre sets the deadline once the unit has reported its plan; where the profile's
 * `assignedDeadline` is on (004 §11), the assigning level sets any ticket's deadline at assignment.
 */
export function setDeadline(t: TicketState, input: ActionInput<'set-deadline'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const rule = ruleFor(ctx.profile, t.type, t.class, t.channel, t.claimant);
  if (rule.final !== null && !ctx.profile.assignedDeadline.value) return fail.rule('此类事项的办理时限由规则确定，不能手工设定（003 §8 仅C类由指挥中心确定）');
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() <= ctx.now.getTime()) return fail.rule('办理时限应晚于当前时间');
  return { to: t.status, set: withDeadlines(t, { fixedDueAt: dueAt }, ctx), note: input.note, data: { dueAt }, effects: notifyLead(t, 'deadline-set') };
}

/** 000 §22 means, 000 §24 escalation to 政务督查. */
export function supervise(t: TicketState, input: ActionInput<'supervise'>, _a: Actor, ctx: TransitionContext): Outcome {
  const escalated = t.supervision.escalated || input.means === 'inspection';
  const trigger = input.trigger ?? 'manual';
  const dueAt = input.dueAt ? new Date(input.dueAt) : undefined;
  const effects: Effect[] = [
    { kind: 'open-supervision', trigger, means: input.means, note: input.note, ...(dueAt ? { dueAt } : {}) },
    { kind: 'count', metric: 'supervision' },
    ...notifyUnits(t, 'supervised'),
  ];
  return {
    to: t.status,
    set: { supervision: { count: t.supervision.count + 1, lastAt: ctx.now, lastMeans: input.means, escalated } },
    note: input.note,
    data: { means: input.means, trigger, ...(dueAt ? { dueAt } : {}) },
    effects,
  };
}

/** 000 §19, 001 §15(5)(6), 002 §25: only the reasons the active profile lists. */
export function terminate(t: TicketState, input: ActionInput<'terminate'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (input.reasonCode === 'duplicate-merged') return fail.rule('重复诉求请使用「合并」操作，并指明合并到的诉求（002 §17(7)）');
  if (input.reasonCode === 'emergency-transferred') return fail.rule('紧急事项请使用「转接专线」操作（002 §18）');
  const allowed = ctx.profile.terminationReasons.value;
  if (!allowed.includes(input.reasonCode)) return fail.rule(`当前规则不允许以此理由终止办理${citeSuffix(ctx.profile.terminationReasons)}`, { allowed });
  const days = ctx.profile.noCooperationDays;
  if (input.reasonCode === 'no-cooperation' && days) {
    const since = input.uncooperativeSince ? new Date(input.uncooperativeSince) : null;
    const lasted = since ? (ctx.now.getTime() - since.getTime()) / 86_400_000 : 0;
    if (!since || lasted < days.value) return fail.rule(`诉求人连续${days.value}日无正当理由不配合的，方可视为办结${citeSuffix(days)}`, { uncooperativeSince: since, days: days.value });
  }
  return {
    to: 'terminated',
    set: { termination: { code: input.reasonCode, note: input.note }, closedAt: ctx.now, pendingDecision: false },
    note: input.note,
    data: { reasonCode: input.reasonCode },
    effects: [
      { kind: 'notify', audience: 'citizen', template: 'terminated' },
      ...notifyUnits(t, 'terminated'),
      // 002 §26: a 涉企 request ended (视为办结, 002 §25) is reported to the 营商环境建设主管部门 with the reason.
      ...(businessTrackOf(t, ctx) ? [{ kind: 'notify' as const, audience: 'platform' as const, template: 'business-ended' as const }] : []),
    ],
  };
}

export function withdraw(t: TicketState, input: ActionInput<'withdraw'>, _a: Actor, ctx: TransitionContext): Outcome {
  return {
    to: 'withdrawn',
    set: { closedAt: ctx.now, pendingReturn: null },
    note: input.reason,
    effects: [{ kind: 'notify', audience: 'platform', template: 'withdrawn' }, ...notifyUnits(t, 'withdrawn')],
  };
}
