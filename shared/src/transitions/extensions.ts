import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import type { ExtensionRules } from '../profiles/schema';
import type { ExtensionRecord, TicketState } from '../ticket';
import { fail, type Effect, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { addMonthsEndOfDay, citeSuffix, notifyLead, unitOf, withDeadlines } from './kit';

/** Extension requests (003 §9, 002 §19(4), 004 §11) and their decision by a supervisor. */

const pendingOf = (t: TicketState) => t.extensions.find((e) => e.decided === undefined);

function counted(rules: ExtensionRules, t: TicketState): ExtensionRecord[] {
  return t.extensions.filter((e) => rules.countsRejected.value || e.approved !== false);
}

/** Checks that depend on the ticket and the clock, in the order a person would explain them. */
function checkTiming(t: TicketState, rules: ExtensionRules, ctx: TransitionContext): TransitionError | null {
  const allowed = rules.allowedClasses.value;
  if (allowed && !(t.class && allowed.includes(t.class))) {
    return fail.rule(`只有${allowed.join('、')}类事项可以申请延期${citeSuffix(rules.allowedClasses)}`);
  }
  if (!t.dueAt) return fail.rule('该工单尚无办理时限，无需申请延期');
  if (rules.refusedAfterDeadline.value && ctx.now.getTime() > t.dueAt.getTime()) {
    return fail.rule(`已超过办理时限，延期申请不予受理${citeSuffix(rules.refusedAfterDeadline)}`);
  }
  const lead = rules.minLeadWorkingDays.value;
  if (lead > 0 && ctx.calendar.workingDaysBetween(ctx.now, t.dueAt).days < lead) {
    return fail.rule(`应在办理时限到期前至少${lead}个工作日申请延期${citeSuffix(rules.minLeadWorkingDays)}`);
  }
  return null;
}

function checkAmounts(t: TicketState, rules: ExtensionRules, days: number, ctx: TransitionContext): TransitionError | null {
  const previous = counted(rules, t);
  const max = rules.maxRequests.value;
  if (max !== null && previous.length >= max) return fail.rule(`同一事项延期申请不得超过${max}次${citeSuffix(rules.maxRequests)}`);
  const perRequest = rules.maxWorkingDaysPerRequest.value;
  if (perRequest !== null && days > perRequest) return fail.rule(`单次延期不得超过${perRequest}个工作日${citeSuffix(rules.maxWorkingDaysPerRequest)}`);
  const total = rules.maxTotalWorkingDays.value;
  const used = t.extensions.filter((e) => e.approved !== false).reduce((s, e) => s + e.workingDays, 0);
  if (total !== null && used + days > total) return fail.rule(`延期时限累计不得超过${total}个工作日${citeSuffix(rules.maxTotalWorkingDays)}`, { used });
  const months = rules.maxTotalMonths.value;
  const base = t.deadlines?.final ?? t.dueAt;
  if (months !== null && base && t.dueAt) {
    const newDue = ctx.calendar.addWorkingDays(t.dueAt, days).at;
    if (newDue.getTime() > addMonthsEndOfDay(base, months).getTime()) return fail.rule(`延期累计不得超过${months}个月${citeSuffix(rules.maxTotalMonths)}`);
  }
  return null;
}

export function requestExtension(t: TicketState, input: ActionInput<'request-extension'>, actor: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const rules = ctx.profile.extension;
  if (pendingOf(t)) return fail.rule('已有待审核的延期申请');
  const problem = checkTiming(t, rules, ctx) ?? checkAmounts(t, rules, input.workingDays, ctx);
  if (problem) return problem;
  const record: ExtensionRecord = { workingDays: input.workingDays, reason: input.reason, requestedAt: ctx.now, unit: unitOf(actor), round: t.round };
  if (!rules.requiresApproval.value) return decided(t, { ...record, decided: ctx.now, approved: true }, ctx, input.reason);
  return {
    to: t.status,
    set: { extensions: [...t.extensions, record] },
    note: input.reason,
    data: { workingDays: input.workingDays },
    effects: [{ kind: 'notify', audience: 'platform', template: 'extension-requested' }],
  };
}

export function decideExtension(t: TicketState, input: ActionInput<'decide-extension'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  const pending = pendingOf(t);
  if (!pending) return fail.rule('没有待审核的延期申请');
  const record: ExtensionRecord = { ...pending, decided: ctx.now, approved: input.approve, ...(input.note ? { note: input.note } : {}) };
  return decided(t, record, ctx, input.note);
}

/** Stores the decided record, moves dueAt when approved, tells the unit and (003 §9, 004 §11) the citizen. */
function decided(t: TicketState, record: ExtensionRecord, ctx: TransitionContext, note?: string): Outcome {
  const extensions = [...t.extensions.filter((e) => e.decided !== undefined), record];
  const set = withDeadlines(t, { extensions }, ctx);
  const tellCitizen = record.approved === true && ctx.profile.extension.notifyCitizen.value;
  const effects: Effect[] = [
    ...notifyLead(t, 'extension-decided'),
    ...(tellCitizen ? [{ kind: 'notify', audience: 'citizen', template: 'extension-decided' } as const] : []),
    ...(record.approved ? [{ kind: 'count', metric: 'extension' } as const] : []),
  ];
  return { to: t.status, set, note, data: { approve: record.approved, workingDays: record.workingDays, dueAt: set.dueAt }, effects };
}
