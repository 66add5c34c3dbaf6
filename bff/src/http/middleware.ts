import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../lib/logger';

declare module 'koa' {
  interface DefaultContext {
    log: Logger;
  }
}

/** A request id on every log line and response, taken from the caller when it sends a sane one. */
export function requestContext(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const incoming = ctx.get('x-request-id');
    const id = /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    ctx.log = logger.child({ reqId: id });
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      ctx.log.info({ method: ctx.method, url: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  };
}

/** `hsts`: in production (behind TLS), browsers are told to use HTTPS only, for a year. */
export function securityHeaders(options: { hsts?: boolean } = {}) {
  return async (ctx: Context, next: Next) => {
    await next();
    if (options.hsts) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (ctx.path.startsWith('/api/')) {
      ctx.set('Cache-Control', 'no-store');
      if (!ctx.path.startsWith('/api/docs')) ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
  };
}
