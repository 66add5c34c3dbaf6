import type { Context } from 'koa';
import { badRequest } from '../http/errors';

/** What an `If-Match` header may hold: a version (`3`), or that version as an ETag (`"3"`, `W/"3"`). Also its documented pattern. */
export const IF_MATCH_PATTERN = /^(?:W\/)?"?(\d{1,9})"?$/;

/** The version in an `If-Match` header (`3`, `"3"` or `W/"3"`), or undefined when absent. */
export function ifMatchVersion(ctx: Context): number | undefined {
  const raw = ctx.get('If-Match').trim();
  if (!raw) return undefined;
  const m = IF_MATCH_PATTERN.exec(raw);
  if (!m) throw badRequest('INVALID_IF_MATCH', 'If-Match 应为数据版本号');
  return Number(m[1]);
}

/** Sends the version as the ETag so clients can echo it in If-Match. */
export function setVersionTag(ctx: Context, version: number): void {
  ctx.set('ETag', `"${version}"`);
}
