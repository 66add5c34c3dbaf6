import { STATE_MACHINE, type TicketStatus } from '@mashang/shared';
import type { TimelineEntry } from '../../services/types';

export const CITIZEN_ACTIONS = ['supplement', 'withdraw', 'rate'] as const;
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];

/** 一事一评 (002 §28): after an unsatisfied rating the ticket waits in `visiting` for staff; no second rating. */
function ratedThisRound(timeline: readonly TimelineEntry[]): boolean {
  const sorted = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  const lastEntered = sorted.reduce((at, e, i) => (e.to === 'visiting' && e.action !== 'rate' ? i : at), -1);
  return sorted.slice(lastEntered + 1).some((e) => e.action === 'rate');
}

/**
 * The buttons the detail page offers. The BFF's `allowedActions` decides when it is there (it
 * knows more than the status, e.g. a rating already given); otherwise the citizen rows of the
 * shared state machine that start from this status.
 */
export function citizenActions(status: TicketStatus, timeline: readonly TimelineEntry[] = [], allowed?: readonly string[]): CitizenAction[] {
  if (allowed) return CITIZEN_ACTIONS.filter((action) => allowed.includes(action));
  return CITIZEN_ACTIONS.filter((action) => {
    const spec = STATE_MACHINE[action];
    if (!spec.who.citizen || !spec.from.includes(status)) return false;
    return action !== 'rate' || !ratedThisRound(timeline);
  });
}
