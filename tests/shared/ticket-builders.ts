import {
  createWorkCalendar,
  emptyTicketFields,
  getProfile,
  type Actor,
  type ProfileName,
  type TicketState,
  type TransitionContext,
} from '@mashang/shared';

/** Shanghai wall-clock time. */
export const sh = (local: string) => new Date(`${local}+08:00`);

export const calendar = createWorkCalendar();

export function ctxAt(now: Date, profile: ProfileName = 'baiyin'): TransitionContext {
  return { now, profile: getProfile(profile), calendar };
}

export const LEAD = 'unit-lead';
export const CO = 'unit-co';
export const OTHER_UNIT = 'unit-other';

export const actors = {
  citizen: { kind: 'citizen', id: 'citizen-1' },
  otherCitizen: { kind: 'citizen', id: 'citizen-2' },
  system: { kind: 'system', id: 'system' },
  admin: { kind: 'staff', id: 's-admin', roles: ['admin'] },
  operator: { kind: 'staff', id: 's-op', roles: ['operator'] },
  dispatcher: { kind: 'staff', id: 's-disp', roles: ['dispatcher'] },
  supervisor: { kind: 'staff', id: 's-sup', roles: ['supervisor'] },
  visitor: { kind: 'staff', id: 's-vis', roles: ['visitor'] },
  leadHandler: { kind: 'staff', id: 's-lead', roles: ['handler'], unit: LEAD },
  coHandler: { kind: 'staff', id: 's-co', roles: ['handler'], unit: CO },
  otherHandler: { kind: 'staff', id: 's-other', roles: ['handler'], unit: OTHER_UNIT },
} satisfies Record<string, Actor>;
export type ActorName = keyof typeof actors;

/** A ticket in `handling` at the lead unit, dispatched Mon 2026-03-02 09:00; override anything. */
export function buildTicket(overrides: Partial<TicketState> = {}): TicketState {
  const dispatchedAt = sh('2026-03-02T09:00:00');
  return {
    ...emptyTicketFields(),
    no: '20260302-000001',
    type: 'complaint',
    status: 'handling',
    version: 3,
    channel: 'miniapp',
    class: null,
    citizenId: actors.citizen.id,
    createdAt: sh('2026-03-01T20:00:00'),
    acceptedAt: sh('2026-03-02T08:30:00'),
    dispatchedAt,
    signedAt: sh('2026-03-02T10:00:00'),
    leadUnit: LEAD,
    coUnits: [CO],
    dueAt: sh('2026-03-23T23:59:59.999'),
    ...overrides,
  };
}
