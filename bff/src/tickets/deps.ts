import type { Actor } from '@mashang/shared';
import type { AppDeps } from '../app';
import type { TimelineActor } from './model';

/** What the ticket workflow needs from the app. */
export type TicketDeps = Pick<AppDeps, 'db' | 'clock' | 'logger' | 'secrets' | 'storage' | 'wechat' | 'config' | 'profile' | 'calendar' | 'staffChannel'>;

/** The transition context of `now`: the active profile and calendar built at startup. */
export const transitionContext = (deps: TicketDeps, now: Date) => ({ now, profile: deps.profile, calendar: deps.calendar });

/** Who acted, as the timeline records it (004 §4: who, when, why). */
export function timelineActor(actor: Actor): TimelineActor {
  if (actor.kind === 'citizen') return { kind: 'citizen', id: actor.id };
  if (actor.kind === 'system') return { kind: 'system', id: 'system' };
  return { kind: 'staff', id: actor.id, roles: actor.roles, ...(actor.name ? { name: actor.name } : {}), ...(actor.unit ? { unit: actor.unit } : {}) };
}
