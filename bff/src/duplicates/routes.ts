import { z } from 'zod';
import { followTicketSchema, similarTicketsRequestSchema, ticketNoParamsSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { createRateLimiter } from '../ratelimit';
import { followTicket, similarOffers, unfollowTicket } from './service';

const TAGS = ['duplicates (citizen)'];

/** Each lookup shows (redacted) words of other citizens: bounded per citizen against scraping. */
const SIMILAR_PER_MINUTE = 30;

const offerSchema = z.object({ no: z.string(), summary: z.string(), status: z.string(), statusLabel: z.string(), supporters: z.number(), createdAt: z.string(), mine: z.boolean(), following: z.boolean(), offer: z.string().describe('send back to POST /api/v1/tickets/{no}/follow; valid 30 minutes, for this citizen only') });
const followSchema = z.object({ no: z.string(), following: z.boolean(), supporters: z.number() });

export function duplicateRoutes(kit: RouteKit, deps: AppDeps): void {
  const limiter = createRateLimiter(deps, { name: 'similar-citizen', limit: SIMILAR_PER_MINUTE, windowMs: 60_000 });
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/tickets/similar',
      summary: 'Open requests on the same matter nearby, to follow instead of filing again (000 §23(4)(5))',
      description:
        'Same QR code point, or within the 3×3 geohash cells (precision 7, ≈ 450 m) around `location`, or — with neither — the same place named in the text; filed in the last 30 days; not consultations, not confidential. ' +
        'At most 3, best first; `summary` is redacted (names, phones, house numbers) and short. The citizen may follow one (「关注此诉求」) or file anyway.',
      tags: TAGS,
      auth: 'citizen',
      body: similarTicketsRequestSchema,
      responses: { 200: { description: 'offers', schema: z.object({ items: z.array(offerSchema) }) }, 429: { description: 'RATE_LIMITED' } },
    },
    async (ctx, { body, actor }) => {
      await limiter.consume(actor.id, ctx);
      ctx.body = { items: await similarOffers(deps, actor, body) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/tickets/:no/follow',
      summary: 'Follow another citizen’s open request: counted as a supporter, receives its notices',
      description:
        'Needs the `offer` that POST /api/v1/tickets/similar made to this citizen for this ticket (30 minutes). Idempotent. Without a valid offer, and for a request that has ended, is confidential, a consultation or one’s own, the same 404 TICKET_NOT_FOUND. Reaching 5 supporters (citizens who filed the matter or were offered it) opens an automatic 督办 (000 §23(5)).',
      tags: TAGS,
      auth: 'citizen',
      params: ticketNoParamsSchema,
      body: followTicketSchema,
      responses: { 200: { description: 'following', schema: followSchema }, 404: { description: 'TICKET_NOT_FOUND (also: no valid offer, ended, confidential, own request)' } },
    },
    async (ctx, { params, body, actor }) => {
      ctx.body = await followTicket(deps, actor, params.no, body.offer);
    },
  );

  defineRoute(
    kit,
    {
      method: 'delete',
      path: '/api/v1/tickets/:no/follow',
      summary: 'Stop following a request',
      description: 'Idempotent. 422 FOLLOW_BY_MERGE when the citizen’s own request was merged into it (it is handled under this one).',
      tags: TAGS,
      auth: 'citizen',
      params: ticketNoParamsSchema,
      responses: { 200: { description: 'not following', schema: followSchema }, 404: { description: 'TICKET_NOT_FOUND' }, 422: { description: 'FOLLOW_BY_MERGE' } },
    },
    async (ctx, { params, actor }) => {
      ctx.body = await unfollowTicket(deps, actor, params.no);
    },
  );
}
