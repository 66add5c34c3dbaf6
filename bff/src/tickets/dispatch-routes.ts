import { z } from 'zod';
import { ticketNoParamsSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { loadTicketFor } from './access';
import { ticketDispatchSuggestion } from './dispatch-catalog';
import { ACTION_ERRORS } from './schemas';

const suggestionSchema = z.object({ leadUnit: z.string().nullable(), coUnits: z.array(z.string()), category: z.string().nullable(), confidence: z.number(), reasons: z.array(z.string()) });

/**
 * GET /api/admin/v1/tickets/{no}/dispatch-suggestion. Registered before staffTicketRoutes, whose
 * generic `/tickets/:no/:action` would take the path for an action.
 */
export function dispatchSuggestionRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/tickets/:no/dispatch-suggestion',
      summary: 'The dispatch catalogue’s suggestion for a ticket (002 §20): lead unit, co-units, category, reasons',
      description: 'From the ticket’s code point, region, stored category and text. The dispatcher confirms or changes it with `dispatch {leadUnit, coUnits?, category?}`; each dispatch records suggestion vs choice for `GET /api/admin/v1/catalog/accuracy`.',
      tags: ['tickets (staff)', 'catalog'],
      auth: 'staff',
      roles: ['admin', 'operator', 'dispatcher'],
      params: ticketNoParamsSchema,
      responses: { 200: { description: 'the suggestion', schema: z.object({ suggestion: suggestionSchema }) }, 404: ACTION_ERRORS[404] },
    },
    async (ctx, { params, actor }) => {
      ctx.body = { suggestion: await ticketDispatchSuggestion(deps, await loadTicketFor(deps, actor, params.no)) };
    },
  );
}
