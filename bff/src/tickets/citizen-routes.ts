import { z } from 'zod';
import {
  citizenTicketListQuerySchema,
  createTicketSchema,
  rateInputSchema,
  supplementInputSchema,
  ticketNoParamsSchema,
  withdrawInputSchema,
  TICKET_STATUSES,
  type TicketAction,
} from '@mashang/shared';
import type { AppDeps } from '../app';
import { setVersionTag } from '../auth/if-match';
import { defineRoute, type RouteKit } from '../http/route';
import { actionRoute } from './action-route';
import { submitTicket } from './create';
import { listCitizenTickets } from './queries';
import { citizenView, readCitizenTicket, summaryView } from './read';
import { ACTION_ERRORS, oneTicket, ticketPage } from './schemas';
import { citizenActionId, OPERATION_IDS, SUBMIT_EXAMPLE, ticketLinks } from './links';

const TAGS = ['tickets (citizen)'];

const CITIZEN_ACTIONS = [
  { action: 'supplement', body: supplementInputSchema, summary: 'Supply the material the platform asked for (补正, 002 §18)' },
  { action: 'withdraw', body: withdrawInputSchema, summary: 'Withdraw the request (before the unit replied)' },
  { action: 'rate', body: rateInputSchema, summary: 'Rate the handling once per round (一事一评, 002 §28); unsatisfied goes to the reopen decision' },
] as const satisfies ReadonlyArray<{ action: TicketAction; body: z.ZodType; summary: string }>;
const CITIZEN_ACTION_NAMES = CITIZEN_ACTIONS.map((a) => a.action);

/** The citizen's ticket API (mini-program). */
export function citizenTicketRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/tickets',
      operationId: OPERATION_IDS.citizenSubmit,
      summary: 'Submit a request',
      description:
        'Text is checked with WeChat msg_sec_check (risky → 422 CONTENT_RISKY; check unreachable → accepted with needsReview). Attachments must be this citizen\'s uploads, unused, of the declared kind. ' +
        'Idempotent per (citizen, idempotencyKey): the first call answers **201**; any repeat — also while the first is still running — answers **200** with the same ticket.',
      tags: TAGS,
      auth: 'citizen',
      body: createTicketSchema,
      bodyExample: SUBMIT_EXAMPLE,
      responses: {
        201: { description: 'created', schema: oneTicket, links: ticketLinks('citizen', CITIZEN_ACTION_NAMES, ['submitted']) },
        200: { description: 'the ticket an earlier call with the same idempotencyKey created', schema: oneTicket, links: ticketLinks('citizen', CITIZEN_ACTION_NAMES, ['submitted']) },
        400: ACTION_ERRORS[400],
        403: { description: 'MEDIA_NOT_OWNED' },
        404: { description: 'MEDIA_NOT_FOUND' },
        409: { description: 'MEDIA_ALREADY_USED' },
        422: { description: 'CONTENT_RISKY' },
      },
    },
    async (ctx, { body, actor }) => {
      const { ticket, created } = await submitTicket(deps, actor, body);
      ctx.status = created ? 201 : 200;
      setVersionTag(ctx, ticket.version);
      ctx.body = { ticket: await citizenView(deps, ticket, actor) };
    },
  );

  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/tickets', summary: 'My requests, newest first', tags: TAGS, auth: 'citizen', query: citizenTicketListQuerySchema, responses: { 200: { description: 'a page', schema: ticketPage } } },
    async (ctx, { query, actor }) => {
      const page = await listCitizenTickets(deps, actor, query);
      ctx.body = { items: page.items.map(summaryView(deps, actor)), nextCursor: page.nextCursor };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/v1/tickets/:no',
      operationId: OPERATION_IDS.citizenGet,
      summary: 'One of my requests with its timeline',
      tags: TAGS,
      auth: 'citizen',
      params: ticketNoParamsSchema,
      responses: { 200: { description: 'the ticket', schema: oneTicket, links: ticketLinks('citizen', CITIZEN_ACTION_NAMES, TICKET_STATUSES) }, 404: ACTION_ERRORS[404] },
    },
    async (ctx, { params, actor }) => {
      const view = await readCitizenTicket(deps, actor, params.no);
      setVersionTag(ctx, view.version);
      ctx.body = { ticket: view };
    },
  );

  for (const spec of CITIZEN_ACTIONS) {
    actionRoute(
      kit,
      deps,
      { auth: 'citizen', base: '/api/v1/tickets', action: spec.action, operationId: citizenActionId(spec.action), summary: spec.summary, tags: TAGS, body: spec.body, links: { read: ticketLinks('citizen', [], []).read } },
      (ticket, actor) => citizenView(deps, ticket, actor),
    );
  }
}
