import type { Context, Next } from 'koa';
import type { Metrics } from './metrics';

/**
 * Times every request by its route template (`/api/v1/tickets/:no`, never the raw path: one
 * series per route, not per ticket). Placed outside the error middleware, so the status is the
 * one the client got.
 */
export function httpMetrics(metrics: Metrics) {
  return async (ctx: Context, next: Next) => {
    const end = metrics.httpDuration.startTimer();
    try {
      await next();
    } finally {
      const route = (ctx as Context & { _matchedRoute?: string | RegExp })._matchedRoute;
      end({ method: ctx.method, route: typeof route === 'string' ? route : 'unmatched', status: String(ctx.status) });
    }
  };
}
