import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import { applySpan } from '../deadlines';
import type { TicketClass } from '../enums';
import type { RejectReasonCode } from '../reasons';
import type { TicketState } from '../ticket';
import { fail, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { citeSuffix, notifyUnits, withDeadlines } from './kit';
import { REVIEW_DONE, reviewBy, reviewerAbove, withinJurisdiction } from './tiers';

/** Rules of the platform's intake actions: accept, reject, supplement, answer, dispatch, return. */

/** 003 §8: consultations are A (即办), everything else B (一般) unless the operator says otherwise. */
function defaultClass(t: TicketState): TicketClass {
  return t.type === 'consultation' ? 'A' : 'B';
}

export function accept(t: TicketState, input: ActionInput<'accept'>, _a: Actor, ctx: TransitionContext): Outcome {
  const cls = input.class ?? (ctx.profile.byClass ? defaultClass(t) : null);
  const set = withDeadlines(t, { acceptedAt: ctx.now, class: cls }, ctx);
  const warning = cls === 'D' ? [{ kind: 'risk-warning' as const, reason: '重要紧急事项（D类），须第一时间处置（003 §8，000 §20）' }] : [];
  return { to: 'accepted', set, note: input.note, data: cls ? { class: cls } : undefined, effects: [{ kind: 'notify', audience: 'citizen', template: 'accepted' }, ...warning] };
}

export function reject(_t: TicketState, input: ActionInput<'reject'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const allowed = ctx.profile.rejectReasons.value;
  if (!allowed.includes(input.reasonCode)) {
    return fail.rule(`当前规则不允许以此理由不予受理${ctx.profile.rejectReasons.cite ? `（${ctx.profile.rejectReasons.cite}）` : ''}`, { allowed });
  }
  return {
    to: 'rejected',
    set: { rejectReason: { code: input.reasonCode, note: input.note }, closedAt: ctx.now },
    note: input.note,
    data: { reasonCode: input.reasonCode },
    effects: [{ kind: 'notify', audience: 'citizen', template: 'rejected' }],
  };
}

/**
 * 002 §18 「及时转接相应专线或通报应急、消防、卫生、公安等部门，启动应急处理机制」: an emergency is
 * handed over and recorded as such — never a 不予受理 — with a risk warning (000 §20). Where the
 * profile has no such transfer, the operator uses its reject reasons instead.
 */
export function transferEmergency(_t: TicketState, input: ActionInput<'transfer-emergency'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const rule = ctx.profile.emergencyTransfer;
  if (!rule.value) return fail.rule('当前规则未规定紧急事项转接，请按不予受理理由处理');
  return {
    to: 'terminated',
    set: { termination: { code: 'emergency-transferred', note: input.note }, emergencyTransfer: { line: input.line, at: ctx.now }, closedAt: ctx.now },
    note: input.note,
    data: { line: input.line },
    effects: [
      { kind: 'notify', audience: 'citizen', template: 'terminated' },
      { kind: 'risk-warning', reason: `紧急事项已转接 ${input.line}${rule.cite ? `（${rule.cite}）` : ''}` },
    ],
  };
}

export function requestSupplement(_t: TicketState, input: ActionInput<'request-supplement'>, _a: Actor, ctx: TransitionContext): Outcome {
  const span = input.workingDays ? { unit: 'workingDays' as const, value: input.workingDays, platformDefault: true as const } : ctx.profile.supplement;
  const due = applySpan(ctx.calendar, ctx.now, span);
  return {
    to: 'supplementing',
    set: { supplementDueAt: due?.at ?? null },
    note: input.note,
    data: { dueAt: due?.at },
    effects: [{ kind: 'notify', audience: 'citizen', template: 'supplement-requested' }],
  };
}

export function supplement(_t: TicketState, input: ActionInput<'supplement'>): Outcome {
  return {
    to: 'submitted',
    set: { supplementDueAt: null },
    data: { content: input.content, attachments: input.attachments ?? [] },
    effects: [{ kind: 'notify', audience: 'platform', template: 'supplemented' }],
  };
}

/** 即时答复 (000 §10, 002 §18): consultations answered by the platform go straight to the visit. */
export function answer(t: TicketState, input: ActionInput<'answer'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (t.type !== 'consultation') return fail.rule('只有咨询类诉求可以由平台直接答复（000 §10，002 §18）');
  if (!ctx.profile.instantAnswer.value) return fail.rule('当前规则不支持平台即时答复');
  const set = withDeadlines(t, { result: input.answer, repliedAt: ctx.now, acceptedAt: t.acceptedAt ?? ctx.now, visitStartedAt: ctx.now, onTime: 1 }, ctx);
  return { to: 'visiting', set, data: input.knowledgeId ? { knowledgeId: input.knowledgeId } : undefined, effects: [{ kind: 'notify', audience: 'citizen', template: 'answered' }] };
}

export function dispatch(t: TicketState, input: ActionInput<'dispatch'>, _a: Actor, ctx: TransitionContext): Outcome {
  const coUnits = input.coUnits ?? [];
  const patch: Partial<TicketState> = { leadUnit: input.leadUnit, coUnits, coResults: [], dispatchedAt: ctx.now, signedAt: null, pendingReturn: null };
  return {
    to: 'dispatched',
    set: withDeadlines(t, patch, ctx),
    note: input.note,
    data: { leadUnit: input.leadUnit, coUnits },
    effects: [...notifyUnits({ leadUnit: input.leadUnit, coUnits }, 'dispatched'), { kind: 'notify', audience: 'citizen', template: 'dispatched' }],
  };
}

/** 000 §12, 003 §11: the platform reviews a return; approved → back to the pool for re-dispatch. */
export function decideReturn(t: TicketState, input: ActionInput<'decide-return'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const pending = t.pendingReturn;
  const reviewer = t.reviewUnit ?? null;
  const data: ReturnDecision = { approve: input.approve, unit: pending?.unit ?? t.leadUnit, ...(reviewer ? { reviewUnit: reviewer } : {}) };
  if (!input.approve) {
    if (input.rejectReason || input.transferTo) return fail.rule('不同意申请时不能同时转办或确认不予受理', { field: input.rejectReason ? 'rejectReason' : 'transferTo' });
    return {
      to: pending?.from ?? 'dispatched',
      set: { pendingReturn: null, ...REVIEW_DONE },
      note: input.note,
      data,
      effects: notifyUnits({ leadUnit: pending?.unit ?? t.leadUnit, coUnits: [] }, 'return-refused'),
    };
  }
  if (input.rejectReason) return confirmOutOfScope(t, input.rejectReason, input.note, data, ctx);
  if (input.coUnits && !input.transferTo) return fail.rule('指定协办单位时须同时指定主办（承办）单位（transferTo）');
  if (reviewer) return decideAsUnitAbove(t, reviewer, input, data, ctx);
  const transferTo = input.transferTo ?? pending?.transferTo;
  if (transferTo) return transferReturned(t, transferTo, input.note, data, ctx, input.coUnits);
  const patch: Partial<TicketState> = { leadUnit: null, coUnits: [], coResults: [], dispatchedAt: null, signedAt: null, pendingReturn: null, ...REVIEW_DONE, returnCount: t.returnCount + 1 };
  return {
    to: 'accepted',
    set: withDeadlines(t, patch, ctx),
    note: input.note,
    data,
    effects: [
      { kind: 'count', metric: 'return' },
      ...notifyUnits({ leadUnit: pending?.unit ?? t.leadUnit, coUnits: [] }, 'return-approved'),
      { kind: 'notify', audience: 'citizen', template: 'returned' },
    ],
  };
}

/** What the timeline records of a decision on a return application. */
type ReturnDecision = {
  approve: boolean;
  unit?: string | null;
  reviewUnit?: string;
};

/**
 * 004 §9 as the unit above: 「由本级受理承办」 (`transferTo` itself) or 分办 to a unit under it, else
 * 「向区县指挥中心（市指挥中心）提出转请处理申请」 — the application goes one level up, with the reason.
 */
function decideAsUnitAbove(t: TicketState, reviewer: string, input: ActionInput<'decide-return'>, data: ReturnDecision, ctx: TransitionContext): Outcome | TransitionError {
  const cite = citeSuffix(ctx.profile.bottomUp);
  if (input.transferTo) {
    const outside = [input.transferTo, ...(input.coUnits ?? [])].filter((u) => !withinJurisdiction(u, reviewer, ctx));
    if (outside.length) return fail.rule(`只能由本级承办或分办给本辖区的单位，事权不在本级的请转请上级处理${cite}`, { outside });
    return transferReturned(t, input.transferTo, input.note, data, ctx, input.coUnits);
  }
  if (!input.note) return fail.rule(`转请上级处理须说明原因（note）${cite}`);
  const next = reviewerAbove(reviewer, ctx);
  const pending = t.pendingReturn ? { ...t.pendingReturn, passedUpBy: [...(t.pendingReturn.passedUpBy ?? []), reviewer] } : null;
  return {
    to: 'returning',
    set: { pendingReturn: pending, ...reviewBy(next, ctx) },
    note: input.note,
    data: { ...data, passedUpTo: next ?? 'platform' },
    effects: [next ? { kind: 'notify', audience: 'unit', template: 'return-requested', units: [next] } : { kind: 'notify', audience: 'platform', template: 'return-requested' }],
  };
}

/** 004 §8 ¶2 「审核不属于平台受理范围内的，应告知反映人并说明原因」: the request ends as 不予受理. */
function confirmOutOfScope(t: TicketState, code: RejectReasonCode, note: string | undefined, data: ReturnDecision, ctx: TransitionContext): Outcome | TransitionError {
  if (!t.pendingReturn?.outOfScope) return fail.rule('只有不予受理申请可以确认不予受理');
  if (!ctx.profile.rejectReasons.value.includes(code)) return fail.rule(`当前规则不允许以此理由不予受理${citeSuffix(ctx.profile.rejectReasons)}`, { allowed: ctx.profile.rejectReasons.value });
  const reasonNote = note ?? t.pendingReturn.reason;
  return {
    to: 'rejected',
    set: { rejectReason: { code, note: reasonNote }, closedAt: ctx.now, pendingReturn: null, ...REVIEW_DONE },
    note: reasonNote,
    data: { ...data, reasonCode: code },
    effects: [{ kind: 'notify', audience: 'citizen', template: 'rejected' }, ...notifyUnits({ leadUnit: t.pendingReturn.unit, coUnits: [] }, 'return-approved')],
  };
}

/**
 * 002 §21 「另行转办」: an approved return that names the responsible unit goes straight to it —
 * a new dispatch with a fresh clock, the co-units kept; the returning unit is counted and told.
 */
function transferReturned(t: TicketState, transferTo: string, note: string | undefined, decided: ReturnDecision, ctx: TransitionContext, named?: readonly string[]): Outcome | TransitionError {
  if (transferTo === decided.unit) return fail.rule('转办单位不能是申请退回的单位');
  if (named?.includes(transferTo)) return fail.rule('主办单位不能同时是协办单位');
  if (named && new Set(named).size !== named.length) return fail.rule('协办单位重复');
  const coUnits = named ? [...named] : t.coUnits.filter((u) => u !== transferTo);
  const patch: Partial<TicketState> = { leadUnit: transferTo, coUnits, coResults: [], dispatchedAt: ctx.now, signedAt: null, pendingReturn: null, ...REVIEW_DONE, returnCount: t.returnCount + 1 };
  return {
    to: 'dispatched',
    set: withDeadlines(t, patch, ctx),
    note,
    data: { ...decided, transferTo },
    effects: [
      { kind: 'count', metric: 'return' },
      ...notifyUnits({ leadUnit: decided.unit ?? null, coUnits: [] }, 'return-approved'),
      ...notifyUnits({ leadUnit: transferTo, coUnits }, 'dispatched'),
      { kind: 'notify', audience: 'citizen', template: 'dispatched' },
    ],
  };
}
