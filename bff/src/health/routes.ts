import { z } from 'zod';
import type { AppDeps } from '../app';
import { describeDb, type DbInfo } from '../db/connection';
import { defineRoute, type RouteKit } from '../http/route';
import { checkReadiness } from './readiness';

const healthSchema = z.object({
  ok: z.boolean(),
  db: z.object({ kind: z.enum(['ferretdb', 'mongodb']), version: z.string() }),
  profile: z.string(),
});

const liveSchema = z.object({ status: z.literal('live'), uptimeSeconds: z.number() });

const readySchema = z.object({
  status: z.enum(['ready', 'unavailable', 'draining']),
  checks: z.object({
    database: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }),
    sweeper: z.object({
      enabled: z.boolean(),
      lease: z.enum(['self', 'other', 'free', 'unknown']).describe('self: this instance holds the lease; other: another instance; free: nobody'),
      expiresAt: z.string().optional(),
      lastPassAt: z.string().optional().describe('when the holder last started a pass'),
    }),
    outbox: z.object({ queued: z.number(), due: z.number(), failed: z.number() }).nullable(),
  }),
});

export function healthRoutes(kit: RouteKit, deps: AppDeps): void {
  let dbInfo: DbInfo | undefined;
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/health',
      summary: 'Liveness and database check',
      tags: ['system'],
      auth: 'public',
      responses: { 200: { description: 'up, with the database kind/version and active regulation profile', schema: healthSchema } },
    },
    async (ctx) => {
      dbInfo ??= await describeDb(deps.db);
      await deps.db.db!.admin().ping();
      ctx.body = { ok: true, db: dbInfo, profile: deps.config.REGULATION_PROFILE };
    },
  );
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/health/live',
      summary: 'Liveness probe: the process serves HTTP (no database call)',
      description: 'For a Kubernetes livenessProbe: restart the instance only when this fails; a database outage is not a reason.',
      tags: ['system'],
      auth: 'public',
      responses: { 200: { description: 'the process is up', schema: liveSchema } },
    },
    (ctx) => {
      ctx.body = { status: 'live', uptimeSeconds: Math.round(process.uptime()) };
    },
  );
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/health/ready',
      summary: 'Readiness probe: the database answers within a second and the instance is not shutting down',
      description: 'For a load balancer health check or a Kubernetes readinessProbe: 200 send traffic, 503 do not. Answers within about 1 s. The sweeper lease and the outbox backlog are informational.',
      tags: ['system'],
      auth: 'public',
      responses: {
        200: { description: 'ready', schema: readySchema },
        503: { description: 'the database is unreachable or the instance is draining', schema: readySchema },
      },
    },
    async (ctx) => {
      const { ready, ...body } = await checkReadiness(deps);
      ctx.status = ready ? 200 : 503;
      if (!ready) ctx.set('Retry-After', '5');
      ctx.body = body;
    },
  );
}
