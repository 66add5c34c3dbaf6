import { z } from 'zod';
import { idSchema, text } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { clientView, createClient, listClients, revokeClient } from './clients';

const TAGS = ['open311'];
const ADMIN = ['admin'] as const;
const MAX_REQUESTS_PER_HOUR = 10_000;

const actor = z.object({ id: z.string(), name: z.string().optional() });
const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  keyHint: z.string().describe('the first characters of the api_key, to tell keys apart'),
  requestsPerHour: z.number().int(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: actor,
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: actor.nullable(),
});
const createBody = z.strictObject({
  name: text(100),
  requestsPerHour: z.number().int().min(1).max(MAX_REQUESTS_PER_HOUR).optional().describe('requests it may file per hour (POST requests.json), default 100'),
});

/** Administrators register the civic apps that may file requests through Open311 (bff/src/open311/routes.ts). */
export function open311AdminRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/open311/clients',
      summary: 'Register an Open311 client; its api_key is answered once',
      description: 'Only a SHA-256 of the key is stored: note `apiKey` now, it cannot be read back (revoke and register again to replace it). The client files requests through POST /open311/v2/requests.json, at most `requestsPerHour` per hour (429 beyond).',
      tags: TAGS,
      auth: 'staff',
      roles: ADMIN,
      body: createBody,
      responses: { 201: { description: 'registered', schema: z.object({ client: clientSchema, apiKey: z.string().describe('shown once') }) } },
    },
    async (ctx, { body, actor: by }) => {
      const { client, apiKey } = await createClient(deps, body, by);
      ctx.status = 201;
      ctx.body = { client: clientView(client), apiKey };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/open311/clients',
      summary: 'Open311 clients, newest first (revoked ones too)',
      tags: TAGS,
      auth: 'staff',
      roles: ADMIN,
      responses: { 200: { description: 'all clients', schema: z.object({ items: z.array(clientSchema) }) } },
    },
    async (ctx) => {
      ctx.body = { items: (await listClients(deps.db)).map(clientView) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'delete',
      path: '/api/admin/v1/open311/clients/:id',
      summary: 'Revoke an Open311 client: its api_key stops working at once',
      description: 'The record stays (with revokedAt/revokedBy); the requests it filed stay tickets. Revoking a revoked client answers it unchanged.',
      tags: TAGS,
      auth: 'staff',
      roles: ADMIN,
      params: z.strictObject({ id: idSchema }),
      responses: { 200: { description: 'the revoked client', schema: z.object({ client: clientSchema }) }, 404: { description: 'OPEN311_CLIENT_NOT_FOUND' } },
    },
    async (ctx, { params, actor: by }) => {
      ctx.body = { client: clientView(await revokeClient(deps, params.id, by)) };
    },
  );
}
