import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import type { TicketState } from '../ticket';
import { fail, isTransitionError, type Effect, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { citeSuffix, notifyUnits, withDeadlines } from './kit';
import { decideReopen } from './visiting';

/**
 * Cases a unit cannot settle alone (issue 12 item 8): 会商 with the units involved (000 §11(3),
 * 001 §16, 003 §12) and escalation of hard cases (000 §13); leads referred to discipline bodies
 * (001 §23, 002 §7, 003 §25, 004 §17); third-party evaluation of a disputed result (003 §18).
 * Which of them a city has is profile data.
 */

/**
 * A recorded consultation: kind, the units that took part, the conclusion. When it names a lead
 * unit other than the current one, the ticket is dispatched to it (「明确具体承办单位」) with a
 * fresh clock; naming the current lead only changes the co-units.
 */
export function consult(t: TicketState, input: ActionInput<'consult'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const kinds = ctx.profile.consultationKinds;
  if (!kinds.value.includes(input.kind)) return fail.rule(`当前规则没有此类会商${citeSuffix(kinds)}`, { allowed: kinds.value });
  const record = { kind: input.kind, units: input.units, conclusion: input.conclusion, ...(input.escalatedTo ? { escalatedTo: input.escalatedTo } : {}) };
  if (!input.leadUnit) return { to: t.status, set: {}, note: input.conclusion, data: record, effects: [] };
  const coUnits = (input.coUnits ?? []).filter((u) => u !== input.leadUnit);
  const data = { ...record, leadUnit: input.leadUnit, coUnits };
  if (input.leadUnit === t.leadUnit && t.status !== 'returning') {
    const added = coUnits.filter((u) => !t.coUnits.includes(u));
    return { to: t.status, set: { coUnits }, note: input.conclusion, data, effects: notifyUnits({ leadUnit: null, coUnits: added }, 'dispatched') };
  }
  const patch: Partial<TicketState> = { leadUnit: input.leadUnit, coUnits, coResults: [], dispatchedAt: ctx.now, signedAt: null, pendingReturn: null };
  const effects: Effect[] = [...notifyUnits({ leadUnit: input.leadUnit, coUnits }, 'dispatched'), { kind: 'notify', audience: 'citizen', template: 'dispatched' }];
  return { to: 'dispatched', set: withDeadlines(t, patch, ctx), note: input.conclusion, data, effects };
}

/** A lead handed to a body the profile names, with the approval it requires (003 §25). */
export function referLead(t: TicketState, input: ActionInput<'refer-lead'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const rules = ctx.profile.leadReferral;
  if (!rules.value.bodies.includes(input.body)) return fail.rule(`当前规则不向此机关移交线索${citeSuffix(rules)}`, { allowed: rules.value.bodies });
  if (rules.value.approvalRequired && !input.approvedBy) return fail.rule(`移交线索须经市政府办公室分管领导同意，请填写批准人${citeSuffix(rules)}`);
  const data = { body: input.body, ...(input.unit ? { unit: input.unit } : {}), ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}) };
  return { to: t.status, set: {}, note: input.note, data, effects: [] };
}

/**
 * 003 §18: the citizen and the unit still disagree after the centre's coordination (an unsatisfied
 * rating awaits the decision); an outside evaluator's finding decides it — handled properly closes
 * the ticket, otherwise it is reopened for the unit like a 重办.
 */
export function thirdPartyEvaluation(t: TicketState, input: ActionInput<'third-party-evaluation'>, a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const enabled = ctx.profile.thirdPartyEvaluation;
  if (!enabled.value) return fail.rule(`当前规则没有第三方评估机制${citeSuffix(enabled)}`);
  if (!t.pendingDecision) return fail.rule('只有诉求人不满意、经协调仍有分歧的诉求才引入第三方评估（003 §18）');
  const decided = decideReopen(t, { reopen: input.finding !== 'handled-properly', note: input.note }, a, ctx);
  if (isTransitionError(decided)) return decided;
  return { ...decided, data: { ...decided.data, evaluator: input.evaluator, finding: input.finding } };
}
