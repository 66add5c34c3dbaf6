/**
 * What unit staff read of a confidential ticket (000 §14 keep confidential what the citizen asks;
 * 004 §14 never reveal the complainant): nothing that links the request to a person or to the
 * citizen's other requests. No account id (not on the ticket, not on the timeline's citizen
 * entries), no merge or follower data, the contact masked, and every text the citizen wrote
 * (content, supplements, rating comment, notes) passed through the redactor with the ticket's
 * own contact name. Platform staff see it all, audited (read.ts).
 */
import { redact } from '../cases/redact';
import { decryptOptional } from '../crypto';
import { CONTACT_NAME_CONTEXT, type TicketDoc, type TimelineActor, type TimelineEntry } from './model';

/** Timeline data that names other tickets or people: left out of masked views. */
const LINKING_DATA = new Set(['mergedFrom', 'related', 'citizenId', 'openid', 'fromTicket', 'followers']);

/** The redactor over one text, with the contact name of the ticket (names without a cue word too). */
export type Redactor = (text: string) => string;

export function ticketRedactor(t: Pick<TicketDoc, 'contact'>, dataKey: Buffer): Redactor {
  const name = decryptOptional(dataKey, t.contact?.nameEnc, CONTACT_NAME_CONTEXT);
  const names = name ? [name] : [];
  return (text) => redact(text, { names }).text;
}

function maskedData(data: Record<string, unknown>, clean: Redactor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (LINKING_DATA.has(k)) continue;
    out[k] = typeof v === 'string' && (k === 'content' || k === 'comment') ? clean(v) : v;
  }
  return out;
}

/** A timeline entry whose citizen actor carries no id. */
export type ShownTimelineEntry = Omit<TimelineEntry, 'actor'> & { actor: Omit<TimelineActor, 'id'> & { id?: string } };

/** One timeline entry as unit staff see it on a confidential ticket. */
export function maskedEntry(e: TimelineEntry, clean: Redactor): ShownTimelineEntry {
  const actor = e.actor.kind === 'citizen' ? { kind: e.actor.kind } : e.actor;
  // A merge names the other request, whose citizen follows this one.
  const note = e.action === 'merge' ? '另一诉求反映同一事项，已并入本诉求一并办理' : e.note === undefined ? undefined : clean(e.note);
  return { ...e, actor, ...(note === undefined ? {} : { note }), ...(e.data ? { data: maskedData(e.data, clean) } : {}) };
}

/**
 * What `q` may find: on a confidential ticket the redacted text, so a phone or name typed into
 * it does not lead anyone, unit staff included, from a person to the request.
 */
export function searchableText(deps: { secrets: { dataKey: Buffer } }, t: Pick<TicketDoc, 'confidential' | 'contact'>, text: string): string {
  return t.confidential ? ticketRedactor(t, deps.secrets.dataKey)(text) : text;
}
