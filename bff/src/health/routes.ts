import type Router from '@koa/router';
import type { AppDeps } from '../app';
import { describeDb } from '../db/connection';

export function healthRoutes(router: Router, deps: AppDeps): void {
  let dbInfo: Awaited<ReturnType<typeof describeDb>> | undefined;
  router.get('/api/health', async (ctx) => {
    dbInfo ??= await describeDb(deps.db);
    await deps.db.db!.admin().ping();
    ctx.body = { ok: true, db: dbInfo, profile: deps.config.REGULATION_PROFILE };
  });
}
