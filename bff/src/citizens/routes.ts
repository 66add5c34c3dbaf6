import { z } from 'zod';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { recordAudit } from '../audit/service';
import { citizenStaffView, flagCitizen, getCitizen } from './service';
import { citizenIdParams, citizenStaffSchema, flagBodySchema } from './schemas';

const one = z.object({ citizen: citizenStaffSchema });
const PLATFORM = ['admin', 'operator', 'supervisor', 'visitor'] as const;

/** Platform staff view a citizen (contact data masked) and record abuse (000 §29, 002 §38). */
export function citizenAdminRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/citizens/:id',
      summary: 'A citizen with masked contact data and the abuse record',
      tags: ['citizens'],
      auth: 'staff',
      roles: PLATFORM,
      params: citizenIdParams,
      responses: { 200: { description: 'the citizen', schema: one }, 404: { description: 'CITIZEN_NOT_FOUND' } },
    },
    async (ctx, { params }) => {
      ctx.body = { citizen: citizenStaffView(deps, await getCitizen(deps.db, params.id)) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/citizens/:id/flags',
      summary: 'Flag abusive use by a citizen (recorded, never blocks a request by itself)',
      tags: ['citizens'],
      auth: 'staff',
      roles: PLATFORM,
      params: citizenIdParams,
      body: flagBodySchema,
      responses: { 201: { description: 'flag recorded', schema: one }, 404: { description: 'CITIZEN_NOT_FOUND' } },
    },
    async (ctx, { params, body, actor }) => {
      const citizen = await flagCitizen(deps, params.id, actor.id, body.reason);
      await recordAudit(deps.db, { actor, action: 'citizen.flag', target: { type: 'citizen', id: params.id }, at: deps.clock.now() });
      ctx.status = 201;
      ctx.body = { citizen: citizenStaffView(deps, citizen) };
    },
  );
}
