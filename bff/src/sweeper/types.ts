import type { AppDeps } from '../app';
import type { TicketDeps } from '../tickets/deps';

/** A sweep pass acts on tickets through the tickets workflow, so it needs what that needs (and times itself when metrics are on). */
export type SweepDeps = TicketDeps & Pick<AppDeps, 'metrics'>;

/** The platform's own jobs act as this actor (state machine `who.system`). */
export const SYSTEM_ACTOR = { kind: 'system', id: 'system' } as const;
