import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { AppError } from './errors';

/**
 * The routes that serve `path`. A literal route names its own resource: where one matches
 * (`/api/v1/tickets/similar`), routes with parameters that also match (`/api/v1/tickets/:no`)
 * do not serve that path, so they neither handle other methods there nor appear in its `Allow`.
 */
function servingLayers(router: Router, path: string) {
  const layers = router.match(path, 'GET').path.filter((l) => l.methods.length > 0);
  const literal = layers.filter((l) => l.paramNames.length === 0);
  return literal.length > 0 ? literal : layers;
}

/**
 * Answers a method the path does not serve with 405 and `Allow` (RFC 9110 §15.5.6), and OPTIONS
 * with 204 and `Allow`, before any route runs; in place of the router's own `allowedMethods()`,
 * which would count the parameter routes a literal path shadows.
 */
export function methodGuard(router: Router): Middleware {
  return async (ctx, next) => {
    const layers = servingLayers(router, ctx.path);
    if (layers.length === 0) return next();
    const allowed = [...new Set(layers.flatMap((l) => l.methods))];
    if (allowed.includes(ctx.method)) return next();
    ctx.set('Allow', allowed.join(', '));
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    throw new AppError(405, 'METHOD_NOT_ALLOWED', '接口不支持该请求方法');
  };
}
