import { z } from 'zod';
import type { AppDeps } from '../app';
import { describeDb, type DbInfo } from '../db/connection';
import { defineRoute, type RouteKit } from '../http/route';

const healthSchema = z.object({
  ok: z.boolean(),
  db: z.object({ kind: z.enum(['ferretdb', 'mongodb']), version: z.string() }),
  profile: z.string(),
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
}
