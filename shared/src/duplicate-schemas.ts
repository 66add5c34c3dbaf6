import { z } from 'zod';
import { TICKET_TYPES, type TicketStatus } from './enums';
import { CONTENT_LIMITS, TEXT_LIMITS } from './limits';
import { locationSchema } from './ticket-schemas';
import { optionalText, sceneSchema, text, ticketNoSchema } from './validation';

/**
 * Duplicates and clusters (000 §23(4)(5)): while filling in the form the citizen is offered
 * open requests on the same matter nearby, to follow (关注此诉求) instead of filing again.
 */

/** POST /api/v1/tickets/similar — the draft of the submit form (content may still be short). */
export const similarTicketsRequestSchema = z.strictObject({
  type: z.enum(TICKET_TYPES),
  content: text(CONTENT_LIMITS.max, 2),
  scene: sceneSchema.optional(),
  location: locationSchema.optional(),
});
export type SimilarTicketsRequest = z.output<typeof similarTicketsRequestSchema>;

export interface SimilarTicketView {
  no: string;
  /** Masked (no names, phones, house numbers) and cut short. */
  summary: string;
  status: TicketStatus;
  statusLabel: string;
  /** Citizens behind the request: its own citizen, followers and merged-in citizens. */
  supporters: number;
  createdAt: string;
  /** The asking citizen already filed or follows it. */
  mine: boolean;
  following: boolean;
  /** Send it back to follow this request (POST /api/v1/tickets/{no}/follow); valid 30 minutes, for this citizen only. */
  offer: string;
}

/** POST /api/v1/tickets/{no}/follow — the offer the similar-requests check made for that ticket. */
export const followTicketSchema = z.strictObject({ offer: z.string().trim().max(80) });
export type FollowTicketInput = z.output<typeof followTicketSchema>;

/** POST /api/admin/v1/tickets/{no}/merge */
export const mergeTicketBodySchema = z.strictObject({ into: ticketNoSchema, note: optionalText(TEXT_LIMITS.note) });

export interface FollowView {
  no: string;
  following: boolean;
  supporters: number;
}
