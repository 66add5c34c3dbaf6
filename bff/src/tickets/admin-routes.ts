import { z } from 'zod';
import { adminTicketListQuerySchema, operatorCreateTicketSchema, STAFF_ROLES, ticketActionParamsSchema, ticketNoParamsSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { defineRoute, type RouteKit } from '../http/route';
import { performAction } from './actions';
import { keyInTicket } from './create';
import { listStaffTickets } from './queries';
import { readStaffTicket, staffView, summaryView } from './read';
import { ACTION_ERRORS, IF_MATCH, oneStaffTicket, oneTicket, ticketPage } from './schemas';

const TAGS = ['tickets (staff)'];

const ACTION_BODIES =
  'Bodies by action (shared ACTION_INPUT_SCHEMAS, strict): accept `{class?, note?}` · reject `{reasonCode, note}` · request-supplement `{note, workingDays?}` · answer `{answer, knowledgeId?}` · ' +
  'dispatch `{leadUnit, coUnits?, category?, note?}` (suggestion: GET …/dispatch-suggestion) · sign `{note?}` · request-return `{reason}` · decide-return `{approve, note?}` · reply `{result, attachments?}` · review `{approve, note?}` · ' +
  'visit `{answered, satisfaction?, note?}` · decide-reopen `{reopen, note}` · terminate `{reasonCode, note}` · request-extension `{workingDays, reason}` · decide-extension `{approve, note?}` · ' +
  'set-deadline `{dueAt, note?}` · stage-report `{content, nextDate?}` · co-result `{result}` · supervise `{means, note, dueAt?, trigger?}` · merge `{into, note?}`. ' +
  'Who may do what is the state-machine table (ARCHITECTURE.md); a handler acts only on tickets of its unit. Citizen actions (supplement, withdraw, rate) answer 403 here.';

/** The staff ticket API: hotline intake, lists, detail and every action of the state machine. */
export function staffTicketRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/tickets',
      summary: 'Key in a hotline call, letter or message-board post (operator)',
      description: 'The caller is identified by phone (stored encrypted, with a keyed hash). `category` (a dispatch-catalogue code, 422 CATEGORY_NOT_FOUND otherwise) is optional: without it the catalogue suggests one at accept. With an idempotencyKey a repeated call answers 200 with the same ticket; a new ticket answers 201.',
      tags: TAGS,
      auth: 'staff',
      roles: ['operator'],
      body: operatorCreateTicketSchema,
      responses: { 201: { description: 'created', schema: oneTicket }, 200: { description: 'the ticket an earlier call with the same idempotencyKey created', schema: oneTicket } },
    },
    async (ctx, { body, actor }) => {
      const { ticket, created } = await keyInTicket(deps, actor, body);
      ctx.status = created ? 201 : 200;
      setVersionTag(ctx, ticket.version);
      ctx.body = { ticket: await staffView(deps, ticket, actor) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/tickets',
      summary: 'Tickets, newest first, with filters',
      description: '`unit` = that unit and its whole subtree (lead or co-unit). `q` = a ticket number, or words that must all occur. `from`/`to` = creation time (a date means the whole China day). Unit staff (handlers) see only tickets where their unit is lead or co-unit.',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      query: adminTicketListQuerySchema,
      responses: { 200: { description: 'a page', schema: ticketPage } },
    },
    async (ctx, { query, actor }) => {
      const page = await listStaffTickets(deps, actor, query);
      ctx.body = { items: page.items.map(summaryView(deps, actor)), nextCursor: page.nextCursor };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/tickets/:no',
      summary: 'One ticket with timeline, deadlines and the actions this staff member may take',
      description:
        'Confidential tickets (000 §14, 004 §14): unit staff see the contact masked; platform staff see it in clear and each such read is audited (`ticket.contact.read`). ' +
        'Also the platform\'s records about the ticket: `supervisions` (督办 records; unit staff only those addressed to their unit), `sweepEvents` (due-soon warnings, overdue, follow-up window passed) and `notices` (the citizen\'s subscribe messages: queued / sent / failed / skipped).',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      params: ticketNoParamsSchema,
      responses: { 200: { description: 'the ticket', schema: oneStaffTicket }, 404: ACTION_ERRORS[404] },
    },
    async (ctx, { params, actor }) => {
      const view = await readStaffTicket(deps, actor, params.no);
      setVersionTag(ctx, view.version);
      ctx.body = { ticket: view };
    },
  );

  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/tickets/:no/:action',
      summary: 'Perform a state-machine action on a ticket',
      description: ACTION_BODIES,
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      params: ticketActionParamsSchema,
      body: z.unknown().describe('the body of the action (see the description)'),
      headers: IF_MATCH,
      responses: { 200: { description: 'the ticket after the action', schema: oneTicket }, ...ACTION_ERRORS },
    },
    async (ctx, { params, body, actor }) => {
      const ticket = await performAction(deps, actor, { no: params.no, action: params.action, input: body, ifMatch: ifMatchVersion(ctx) });
      setVersionTag(ctx, ticket.version);
      ctx.body = { ticket: await staffView(deps, ticket, actor) };
    },
  );
}
