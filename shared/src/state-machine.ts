/**
 * The ticket state machine: ONE table (ARCHITECTURE.md "Ticket state machine") and a pure
 * `transition()`. Nothing else sets a ticket's status.
 *
 * How the BFF uses it (POST …/tickets/{no}/{action}, and the citizen's supplement/withdraw/rate):
 * 1. Load the ticket document (plain object, `.lean()`), build the `Actor` from the token and the
 *    `TransitionContext` `{now: clock.now(), profile, calendar}` (profile and calendar built once
 *    at startup with `getProfile(REGULATION_PROFILE, overrides)` and `createWorkCalendar(extra)`).
 * 2. `const r = transition(ticket, action, actor, body, ctx)`. The body may be passed raw: it is
 *    validated here with `ACTION_INPUT_SCHEMAS[action]` (routes may validate it first too).
 * 3. `r.ok === false` → throw `new AppError(r.error.status, r.error.code, r.error.message, r.error.details)`.
 * 4. `r.ok === true` → ONE conditional update (`applyVersioned`), filter `{_id, status: ticket.status,
 *    version: ticket.version}`:
 *    `$set: {...r.next.set, status: r.next.status, updatedAt: now}` (a `null` in `set` clears the
 *    field), `$inc: {version: 1}`, `$push: {timeline: {...r.entry, at: now, actor}}`.
 *    Losing the race → 409; a stale `If-Match` → 412.
 * 5. Only after the update succeeded, perform `r.effects` in order (notifications through the
 *    outbox, supervision records, counters, risk warnings). Deadlines are already in `next.set`
 *    (`deadlines`, `dueAt`); there is nothing to recompute.
 * New tickets come from `startTicket()` (the `submit` row), which returns the whole initial state.
 */
import type { Actor, StaffRole } from './actor';
import { ACTION_INPUT_SCHEMAS, type ActionInput } from './action-schemas';
import { deadlinesFor } from './deadlines';
import { OPEN_STATUSES, TICKET_ACTIONS, TICKET_STATUSES, type Channel, type ClaimantKind, type TicketAction, type TicketClass, type TicketStatus, type TicketType } from './enums';
import { emptyTicketFields, type TicketState } from './ticket';
import { fail, isTransitionError, type Effect, type Outcome, type TimelineEntryDraft, type TransitionContext, type TransitionError, type TransitionResult } from './transition-types';
import * as business from './transitions/business';
import * as escalation from './transitions/escalation';
import * as extensions from './transitions/extensions';
import * as handling from './transitions/handling';
import * as intake from './transitions/intake';
import { merge } from './transitions/merge';
import * as visiting from './transitions/visiting';
import { REVIEW_DONE } from './transitions/tiers';

export * from './transition-types';
export { deemedSatisfied } from './transitions/visiting';

/** Who may perform an action. `unit`: staff must belong to the ticket's lead unit or a co-unit. */
export interface ActionWho {
  /** The citizen who owns the ticket. */
  citizen?: true;
  roles?: readonly StaffRole[];
  unit?: 'lead' | 'co';
  /** The platform's own jobs (sweeper). */
  system?: true;
  /**
   * While the ticket names a `reviewUnit` (004 §7-9 bottom-up), the staff of that unit decide in
   * place of `roles`; nobody else may. Without one, `roles` as usual.
   */
  reviewer?: true;
}

export interface ActionSpec {
  from: readonly TicketStatus[];
  /** Possible target statuses; 'same' for actions that record without moving. */
  to: readonly TicketStatus[] | 'same';
  who: ActionWho;
}

const BEFORE_REPLY: readonly TicketStatus[] = ['submitted', 'supplementing', 'accepted', 'dispatched', 'handling', 'returning'];
const AT_UNIT: readonly TicketStatus[] = ['dispatched', 'handling'];
/** Where a unit above may be deciding an application (`reviewUnit`, 004 §8-9). */
const REVIEW_STATUSES: readonly TicketStatus[] = ['returning', 'replied'];
const lead = { roles: ['handler'], unit: 'lead' } as const;

/** THE table. Tests walk every status × action × actor against it. */
export const STATE_MACHINE: Readonly<Record<TicketAction, ActionSpec>> = {
  submit: { from: [], to: ['submitted'], who: { citizen: true, roles: ['operator'] } },
  accept: { from: ['submitted'], to: ['accepted'], who: { roles: ['operator'] } },
  reject: { from: ['submitted'], to: ['rejected'], who: { roles: ['operator'] } },
  'request-supplement': { from: ['submitted'], to: ['supplementing'], who: { roles: ['operator'] } },
  supplement: { from: ['supplementing'], to: ['submitted'], who: { citizen: true } },
  answer: { from: ['submitted', 'accepted'], to: ['visiting'], who: { roles: ['operator'] } },
  dispatch: { from: ['accepted'], to: ['dispatched'], who: { roles: ['dispatcher'] } },
  sign: { from: ['dispatched'], to: ['handling'], who: lead },
  'request-return': { from: AT_UNIT, to: ['returning'], who: lead },
  'decide-return': { from: ['returning'], to: ['accepted', 'dispatched', 'handling', 'returning', 'rejected'], who: { roles: ['dispatcher'], reviewer: true } },
  reply: { from: ['handling'], to: ['replied'], who: lead },
  review: { from: ['replied'], to: ['visiting', 'handling'], who: { roles: ['operator'], reviewer: true } },
  rate: { from: ['visiting'], to: ['closed', 'visiting'], who: { citizen: true } },
  visit: { from: ['visiting'], to: ['closed', 'visiting'], who: { roles: ['visitor'] } },
  'decide-reopen': { from: ['visiting'], to: ['handling', 'accepted', 'closed'], who: { roles: ['operator', 'visitor'] } },
  terminate: { from: OPEN_STATUSES, to: ['terminated'], who: { roles: ['operator'], system: true } },
  withdraw: { from: BEFORE_REPLY, to: ['withdrawn'], who: { citizen: true } },
  'request-extension': { from: AT_UNIT, to: 'same', who: lead },
  'decide-extension': { from: ['dispatched', 'handling', 'returning', 'replied'], to: 'same', who: { roles: ['supervisor'] } },
  'set-deadline': { from: AT_UNIT, to: 'same', who: { roles: ['dispatcher', 'supervisor'] } },
  'stage-report': { from: AT_UNIT, to: 'same', who: lead },
  'co-result': { from: AT_UNIT, to: 'same', who: { roles: ['handler'], unit: 'co' } },
  supervise: { from: OPEN_STATUSES, to: 'same', who: { roles: ['supervisor'], system: true } },
  merge: { from: OPEN_STATUSES, to: ['terminated'], who: { roles: ['operator', 'dispatcher'] } },
  'close-visit': { from: ['visiting'], to: ['closed'], who: { roles: ['visitor', 'operator'] } },
  'transfer-emergency': { from: ['submitted', 'accepted'], to: ['terminated'], who: { roles: ['operator'] } },
  consult: { from: ['accepted', 'dispatched', 'handling', 'returning'], to: ['accepted', 'dispatched', 'handling', 'returning'], who: { roles: ['dispatcher', 'supervisor'] } },
  'refer-lead': { from: TICKET_STATUSES, to: 'same', who: { roles: ['supervisor'] } },
  'third-party-evaluation': { from: ['visiting'], to: ['closed', 'handling', 'accepted'], who: { roles: ['supervisor'] } },
  'request-termination': { from: AT_UNIT, to: 'same', who: lead },
  'decide-termination': { from: AT_UNIT, to: ['dispatched', 'handling', 'terminated'], who: { roles: ['operator'] } },
  // 002 §19 ¶1, §26: the 营商环境建设主管部门 is the supervising authority (002 §6-7); its staff act as supervisors.
  'business-review': { from: ['replied'], to: ['visiting', 'handling'], who: { roles: ['supervisor'] } },
};

type Rule<A extends TicketAction> = (t: TicketState, input: ActionInput<A>, actor: Actor, ctx: TransitionContext) => Outcome | TransitionError;

const RULES: { [A in Exclude<TicketAction, 'submit'>]: Rule<A> } = {
  accept: intake.accept,
  reject: intake.reject,
  'request-supplement': intake.requestSupplement,
  supplement: intake.supplement,
  answer: intake.answer,
  dispatch: intake.dispatch,
  'decide-return': intake.decideReturn,
  sign: handling.sign,
  'request-return': handling.requestReturn,
  reply: handling.reply,
  review: handling.review,
  'stage-report': handling.stageReport,
  'co-result': handling.coResult,
  'set-deadline': handling.setDeadline,
  supervise: handling.supervise,
  terminate: handling.terminate,
  withdraw: handling.withdraw,
  'request-extension': extensions.requestExtension,
  'decide-extension': extensions.decideExtension,
  rate: visiting.rate,
  visit: visiting.visit,
  'decide-reopen': visiting.decideReopen,
  merge,
  'close-visit': visiting.closeVisit,
  'transfer-emergency': intake.transferEmergency,
  consult: escalation.consult,
  'refer-lead': escalation.referLead,
  'third-party-evaluation': escalation.thirdPartyEvaluation,
  'request-termination': business.requestTermination,
  'decide-termination': business.decideTermination,
  'business-review': business.businessReview,
};

/** Role check (403 ROLE_NOT_ALLOWED): citizen owner, staff role, or the system. */
export function checkActor(who: ActionWho, actor: Actor, citizenId: string | null): TransitionError | null {
  if (actor.kind === 'citizen') {
    if (!who.citizen) return fail.roleNotAllowed('诉求人不能进行此操作');
    if (citizenId !== null && citizenId !== actor.id) return fail.roleNotAllowed('只能操作本人提交的诉求');
    return null;
  }
  if (actor.kind === 'system') return who.system ? null : fail.roleNotAllowed('系统任务不能进行此操作');
  const roles = who.roles ?? [];
  return actor.roles.some((r) => roles.includes(r)) ? null : fail.roleNotAllowed(`需要以下角色之一：${roles.join('、') || '（无）'}`, { roles });
}

/** Unit check (403 NOT_YOUR_UNIT) for actions of the lead unit or a co-unit. */
function checkUnit(who: ActionWho, actor: Actor, t: TicketState): TransitionError | null {
  if (!who.unit || actor.kind !== 'staff') return null;
  if (who.unit === 'lead' && (!actor.unit || actor.unit !== t.leadUnit)) return fail.notYourUnit('只有牵头承办单位可以进行此操作');
  if (who.unit === 'co' && (!actor.unit || !t.coUnits.includes(actor.unit))) return fail.notYourUnit('只有协办单位可以提交协办结果');
  return null;
}

/** 004 §8-9: the unit above decides its subordinate's application — its staff, nobody else. */
function checkReviewer(reviewUnit: string, actor: Actor): TransitionError | null {
  if (actor.kind !== 'staff') return fail.roleNotAllowed('此申请由上级单位审核');
  return actor.unit === reviewUnit ? null : fail.notYourUnit('此申请由上级单位审核');
}

/** Role, status and unit checks of the table, without input or business rules. */
export function checkAllowed(t: TicketState, action: TicketAction, actor: Actor): TransitionError | null {
  const spec = STATE_MACHINE[action];
  if (spec.who.reviewer && t.reviewUnit && spec.from.includes(t.status)) return checkReviewer(t.reviewUnit, actor);
  const roleError = checkActor(spec.who, actor, t.citizenId);
  if (roleError) return roleError;
  if (!spec.from.includes(t.status)) return fail.invalidTransition(`当前状态不能进行此操作`, { status: t.status, action });
  return checkUnit(spec.who, actor, t);
}

/** Actions the actor may offer in the UI for this ticket (table checks only). */
export function allowedActions(t: TicketState, actor: Actor): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => a !== 'submit' && checkAllowed(t, a, actor) === null);
}

/**
 * The one way a ticket changes state. Pure: the same arguments give the same result. Errors:
 * 403 ROLE_NOT_ALLOWED, 409 INVALID_TRANSITION, 403 NOT_YOUR_UNIT, 400 INVALID_INPUT,
 * 422 RULE_VIOLATION (a regulation rule; the message names the article).
 */
export function transition(ticket: TicketState, action: TicketAction, actor: Actor, input: unknown, ctx: TransitionContext): TransitionResult {
  if (action === 'submit') return { ok: false, error: fail.invalidTransition('工单已提交，不能重复提交') };
  const denied = checkAllowed(ticket, action, actor);
  if (denied) return { ok: false, error: denied };
  const parsed = ACTION_INPUT_SCHEMAS[action].safeParse(input ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    return { ok: false, error: fail.invalidInput('提交的内容不符合要求', details) };
  }
  const rule = RULES[action] as Rule<typeof action>;
  const outcome = rule(ticket, parsed.data as ActionInput<typeof action>, actor, ctx);
  if (isTransitionError(outcome)) return { ok: false, error: outcome };
  // An application waits for the unit above only while `returning` or `replied` (004 §8-9): leaving them ends it.
  const set = ticket.reviewUnit && !REVIEW_STATUSES.includes(outcome.to) ? { ...outcome.set, ...REVIEW_DONE } : outcome.set;
  const entry: TimelineEntryDraft = { action, from: ticket.status, to: outcome.to, ...(outcome.note ? { note: outcome.note } : {}), ...(outcome.data ? { data: outcome.data } : {}) };
  return { ok: true, next: { status: outcome.to, set }, entry, effects: outcome.effects };
}

export interface NewTicketParams {
  no: string;
  type: TicketType;
  channel: Channel;
  citizenId: string;
  class?: TicketClass | null;
  /** 002 §3, §19: a legal person or other organisation; absent: a person. */
  claimant?: ClaimantKind;
}

export type StartResult = { ok: true; ticket: TicketState; entry: TimelineEntryDraft; effects: Effect[] } | { ok: false; error: TransitionError };

/**
 * The `submit` row: the initial state of a new ticket (citizen via the mini-program, or an
 * operator keying in a call). The BFF inserts it with `version: 0` and the entry as the first
 * timeline item; deadlines that run from submission (004 §11) are already computed.
 */
export function startTicket(params: NewTicketParams, actor: Actor, ctx: TransitionContext): StartResult {
  const denied = checkActor(STATE_MACHINE.submit.who, actor, params.citizenId);
  if (denied) return { ok: false, error: denied };
  const base: TicketState = { ...emptyTicketFields(), ...params, class: params.class ?? null, status: 'submitted', createdAt: ctx.now };
  const deadlines = deadlinesFor(ctx.profile, base, ctx.now, ctx.calendar);
  const ticket: TicketState = { ...base, deadlines, dueAt: deadlines.dueAt };
  return {
    ok: true,
    ticket,
    entry: { action: 'submit', from: null, to: 'submitted', data: { channel: params.channel } },
    // 000 §10: tell the citizen it was received and how it will be handled.
    effects: [{ kind: 'notify', audience: 'citizen', template: 'received' }],
  };
}
