import type { Actor } from '../actor';
import type { ActionInput } from '../action-schemas';
import type { TicketState } from '../ticket';
import { fail, type Outcome, type TransitionContext, type TransitionError } from '../transition-types';
import { notifyUnits } from './kit';

/**
 * 重复诉求 (002 §17(7)) and 多人反映同一事项 (000 §23(5)): the ticket ends as terminated with
 * the coded reason `duplicate-merged` and a pointer to the ticket the matter is handled under.
 * The BFF records the other side (`mergedFrom`, the citizen as a follower) on the target; this
 * rule only moves the merged ticket. The profile's termination list does not apply: the matter
 * is not given up, it continues under `into`.
 */
export function merge(t: TicketState, input: ActionInput<'merge'>, _a: Actor, ctx: TransitionContext): Outcome | TransitionError {
  if (input.into === t.no) return fail.rule('不能将诉求合并到其自身');
  const note = input.note ? `已并入诉求 ${input.into}：${input.note}` : `已并入诉求 ${input.into}，将随该诉求一并办理并告知您结果`;
  return {
    to: 'terminated',
    set: { termination: { code: 'duplicate-merged', note }, mergedInto: input.into, closedAt: ctx.now, pendingDecision: false, pendingReturn: null },
    note,
    data: { into: input.into, reasonCode: 'duplicate-merged' },
    effects: [{ kind: 'notify', audience: 'citizen', template: 'terminated' }, ...notifyUnits(t, 'terminated')],
  };
}
