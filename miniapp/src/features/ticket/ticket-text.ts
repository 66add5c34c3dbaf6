import type { TicketView, TimelineEntry } from '../../services/types';

/** The unit's reply, whether the BFF sends it as text or as `{text}` / `{content}`. */
export function resultText(result: TicketView['result']): string | undefined {
  if (!result) return undefined;
  if (typeof result === 'string') return result;
  return result.text ?? result.content;
}

/** The most recent timeline entry of the given actions (e.g. the rejection, the request to supplement). */
export function latestEntry(ticket: TicketView, actions: string[]): TimelineEntry | undefined {
  return [...(ticket.timeline ?? [])].filter((e) => actions.includes(e.action)).sort((a, b) => b.at.localeCompare(a.at))[0];
}
