import type { Actor } from '../actor';
import { deadlinesFor } from '../deadlines';
import type { Effect, TransitionContext } from '../transition-types';
import type { TicketState } from '../ticket';

/** Helpers the action rules share. */

/** The patch plus freshly computed deadlines (and top-level dueAt) for the patched ticket. */
export function withDeadlines(t: TicketState, patch: Partial<TicketState>, ctx: TransitionContext): Partial<TicketState> {
  const merged: TicketState = { ...t, ...patch };
  const deadlines = deadlinesFor(ctx.profile, merged, ctx.now, ctx.calendar);
  return { ...patch, deadlines, dueAt: deadlines.dueAt };
}

/** 「（003 §9）」 when there is an article to name, else nothing. */
export function citeSuffix(source: { cite?: string } | null | undefined): string {
  return source?.cite ? `（${source.cite}）` : '';
}

export function unitOf(actor: Actor): string | null {
  return actor.kind === 'staff' ? (actor.unit ?? null) : null;
}

/** Notify the lead and co-units of a ticket, when it has been given units. */
export function notifyUnits(t: Pick<TicketState, 'leadUnit' | 'coUnits'>, template: Extract<Effect, { kind: 'notify' }>['template']): Effect[] {
  const units = [t.leadUnit, ...t.coUnits].filter((u): u is string => Boolean(u));
  return units.length ? [{ kind: 'notify', audience: 'unit', template, units }] : [];
}

export function notifyLead(t: Pick<TicketState, 'leadUnit'>, template: Extract<Effect, { kind: 'notify' }>['template']): Effect[] {
  return t.leadUnit ? [{ kind: 'notify', audience: 'unit', template, units: [t.leadUnit] }] : [];
}

/**
 * 004 §12: requests passed on from 12345 and other channels are rated as their source channel's
 * managing unit requires — the citizen is not invited here; the visitor records that rating.
 */
export function rateInvitation(t: Pick<TicketState, 'channel'>, ctx: TransitionContext): Effect[] {
  return ctx.profile.sourceRatedChannels.value.includes(t.channel) ? [] : [{ kind: 'notify', audience: 'citizen', template: 'rate-invited' }];
}

/** Adds calendar months to a Shanghai day and returns the end of that day (002 §19(4) 「2个月」). */
export function addMonthsEndOfDay(at: Date, months: number): Date {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(local.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, d, 23, 59, 59, 999) - 8 * 3_600_000);
}
