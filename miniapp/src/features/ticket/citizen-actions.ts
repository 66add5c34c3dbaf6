import type { TicketStatus } from '@mashang/shared';

export type CitizenAction = 'supplement' | 'withdraw' | 'rate';

const WITHDRAWABLE: readonly TicketStatus[] = ['submitted', 'supplementing', 'accepted', 'dispatched', 'handling', 'returning'];

/** The buttons the detail page offers for a status (ARCHITECTURE.md state machine, citizen rows). */
export function citizenActions(status: TicketStatus): CitizenAction[] {
  const actions: CitizenAction[] = [];
  if (status === 'supplementing') actions.push('supplement');
  if (status === 'visiting') actions.push('rate');
  if (WITHDRAWABLE.includes(status)) actions.push('withdraw');
  return actions;
}
