import type { Context } from 'koa';

/**
 * Makes a root-relative storage URL absolute against the request's own scheme and host
 * (X-Forwarded-* honoured, the app runs with `proxy: true`), since Taro.uploadFile and the
 * mini-program's media tags need absolute URLs. Absolute URLs pass through unchanged.
 */
export function absoluteUrl(ctx: Context, url: string): string {
  if (/^https?:\/\//i.test(url) || !ctx.host) return url;
  return new URL(url, `${ctx.protocol}://${ctx.host}`).toString();
}
