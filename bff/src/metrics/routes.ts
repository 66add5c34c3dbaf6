import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../app';
import { unauthorized } from '../http/errors';
import { defineRoute, type RouteKit } from '../http/route';
import { refreshDatabaseGauges } from './gauges';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of the presented bearer token with METRICS_TOKEN. */
function tokenMatches(header: string, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * `GET /api/metrics` in Prometheus' text format, for a scraper holding METRICS_TOKEN (as a
 * bearer token). Without METRICS_TOKEN the route does not exist (404): the figures name routes,
 * load and backlog, which are nobody else's business.
 */
export function metricsRoutes(kit: RouteKit, deps: AppDeps): void {
  const token = deps.config.METRICS_TOKEN;
  const metrics = deps.metrics;
  if (!token || !metrics) return;
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/metrics',
      summary: 'Prometheus metrics (Authorization: Bearer METRICS_TOKEN; absent unless METRICS_TOKEN is set)',
      tags: ['system'],
      auth: 'public',
      responses: {
        200: { description: 'Prometheus text exposition format 0.0.4' },
        401: { description: 'missing or wrong token (METRICS_TOKEN_REQUIRED)' },
      },
    },
    async (ctx) => {
      if (!tokenMatches(ctx.get('Authorization'), token)) throw unauthorized('需要指标令牌', 'METRICS_TOKEN_REQUIRED');
      await refreshDatabaseGauges(deps, metrics);
      ctx.type = metrics.registry.contentType;
      ctx.body = await metrics.registry.metrics();
    },
  );
}
