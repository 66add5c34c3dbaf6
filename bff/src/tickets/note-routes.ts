import { z } from 'zod';
import { internalNoteSchema, STAFF_ROLES, ticketNoParamsSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { addInternalNote } from './notes';
import { ACTION_ERRORS } from './schemas';

const noteView = z.object({ at: z.string(), by: z.object({ kind: z.string(), id: z.string() }).loose(), text: z.string() });

/** Registered before staffTicketRoutes, whose generic `/tickets/:no/:action` would take `notes` for an action. */
export function internalNoteRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/tickets/:no/notes',
      summary: 'Add an internal note to a ticket (staff only; never shown to the citizen; audited)',
      description: 'Notes appear in the staff detail under `internalNotes`, oldest first. A note does not change the ticket version or its timeline.',
      tags: ['tickets (staff)'],
      auth: 'staff',
      roles: STAFF_ROLES,
      params: ticketNoParamsSchema,
      body: internalNoteSchema,
      responses: { 201: { description: 'the note', schema: z.object({ note: noteView }) }, 404: ACTION_ERRORS[404] },
    },
    async (ctx, { params, body, actor }) => {
      ctx.status = 201;
      ctx.body = { note: await addInternalNote(deps, actor, params.no, body.note) };
    },
  );
}
