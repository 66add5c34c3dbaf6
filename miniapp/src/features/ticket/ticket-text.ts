import type { TicketView, TimelineEntry } from '../../services/types';

/** The most recent timeline entry of the given actions (e.g. the rejection, the request to supplement). */
export function latestEntry(ticket: TicketView, actions: string[]): TimelineEntry | undefined {
  return [...(ticket.timeline ?? [])].filter((e) => actions.includes(e.action)).sort((a, b) => b.at.localeCompare(a.at))[0];
}
