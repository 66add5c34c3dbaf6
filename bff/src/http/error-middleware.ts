import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { AppError } from './errors';
import { isDatabaseUnavailable } from '../db/connection';

interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

/** Maps any thrown error to `{error:{code,message,details}}`; internals never leak. */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError(400, 'VALIDATION_FAILED', '提交的内容不符合要求', err.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })));
  }
  const e = err as HttpishError;
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && ((status >= 400 && status < 500) || status === 501)) {
    if (e.type === 'entity.parse.failed' || /JSON/i.test(e.message ?? '')) {
      return new AppError(400, 'MALFORMED_JSON', '请求体不是合法的 JSON');
    }
    if (status === 413) return new AppError(413, 'PAYLOAD_TOO_LARGE', '请求体过大');
    if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求格式');
    if (status === 405) return new AppError(405, 'METHOD_NOT_ALLOWED', '接口不支持该请求方法');
    if (status === 501) return new AppError(405, 'METHOD_NOT_ALLOWED', '接口不支持该请求方法');
    return new AppError(status, 'BAD_REQUEST', e.expose && e.message ? e.message : '请求无效');
  }
  return undefined;
}

export function errorMiddleware() {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      // The router answers 405 (and 501 for methods it does not know) with `Allow` (RFC 9110
      // §15.5.6) and no body: give it the error shape, keeping the header.
      if ((ctx.status === 405 || ctx.status === 501) && ctx.body == null) {
        if (!ctx.response.get('Allow')) ctx.remove('Allow');
        throw new AppError(405, 'METHOD_NOT_ALLOWED', '接口不支持该请求方法');
      }
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'ROUTE_NOT_FOUND', '接口不存在');
      }
    } catch (err) {
      const app = toAppError(err);
      if (app) {
        ctx.status = app.status;
        ctx.body = { error: { code: app.code, message: app.message, ...(app.details !== undefined ? { details: app.details } : {}) } };
        return;
      }
      if (isDatabaseUnavailable(err)) {
        ctx.log?.warn({ err: (err as Error).message }, 'database unavailable');
        ctx.status = 503;
        ctx.set('Retry-After', '5');
        ctx.body = { error: { code: 'DATABASE_UNAVAILABLE', message: '系统繁忙，请稍后再试', details: { requestId: ctx.state.requestId } } };
        return;
      }
      ctx.log?.error({ err }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试', details: { requestId: ctx.state.requestId } } };
    }
  };
}
