/**
 * One ticket action as one route, `POST <base>/{no}/<action>`, for the staff and the citizen API
 * alike: the body validated with the action's schema, `If-Match` honoured, the state machine run
 * (actions.ts), the new version in the `ETag` and the ticket answered as the caller may see it.
 */
import type { z } from 'zod';
import { ticketNoParamsSchema, type TicketAction } from '@mashang/shared';
import type { AppDeps } from '../app';
import type { ResponseDoc } from '../openapi/registry';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { defineRoute, type ActorFor, type RouteKit, type RouteSpec } from '../http/route';
import { performAction } from './actions';
import type { TicketDoc } from './model';
import { ACTION_EXAMPLES } from './links';
import { ACTION_ERRORS, IF_MATCH, oneTicket } from './schemas';

type ActionAuth = 'staff' | 'citizen';

export interface ActionRouteSpec<A extends ActionAuth> extends Pick<RouteSpec<undefined, undefined, undefined, A>, 'operationId' | 'summary' | 'description' | 'tags' | 'roles'> {
  auth: A;
  /** `/api/admin/v1/tickets` or `/api/v1/tickets`. */
  base: string;
  action: TicketAction;
  body: z.ZodType;
  /** OpenAPI links of the 200 answer. */
  links: ResponseDoc['links'];
}

export function actionRoute<A extends ActionAuth>(kit: RouteKit, deps: AppDeps, spec: ActionRouteSpec<A>, view: (ticket: TicketDoc, actor: ActorFor<A>) => Promise<unknown>): void {
  const { base, action, links, body, ...doc } = spec;
  defineRoute(
    kit,
    {
      ...doc,
      method: 'post',
      path: `${base}/:no/${action}`,
      params: ticketNoParamsSchema,
      body,
      bodyExample: ACTION_EXAMPLES[action],
      headers: IF_MATCH,
      responses: { 200: { description: 'the ticket after the action', schema: oneTicket, links }, ...ACTION_ERRORS },
    },
    async (ctx, { params, body: input, actor }) => {
      const ticket = await performAction(deps, actor, { no: params.no, action, input, ifMatch: ifMatchVersion(ctx) });
      setVersionTag(ctx, ticket.version);
      ctx.body = { ticket: await view(ticket, actor) };
    },
  );
}
