import type { Context } from 'koa';
import { z } from 'zod';
import { STAFF_ROLES } from '@mashang/shared';
import type { AppDeps } from '../app';
import { notFound } from '../http/errors';
import { defineRoute, type RouteKit } from '../http/route';
import { absoluteUrl } from '../storage/absolute-url';
import { isObjectKey } from '../storage/object-key';
import { ownerOnly, type CanReadMedia, type MediaReader } from './access';

/** Read URLs live long enough to start a download or a video, not to be passed around. */
export const READ_URL_TTL_SECONDS = 300;

const params = z.object({ key: z.string().min(1).max(200) });
const query = z.object({ redirect: z.enum(['true', 'false']).default('true') });
const linkSchema = z.object({ url: z.string(), expiresAt: z.string() });

async function answer(ctx: Context, deps: AppDeps, canRead: CanReadMedia, actor: MediaReader, key: string, redirect: boolean): Promise<void> {
  // Not allowed and not there look the same, so keys cannot be probed.
  if (!isObjectKey(key) || !(await canRead(deps, actor, key))) throw notFound('文件', 'MEDIA_NOT_FOUND');
  if (!(await deps.storage.head(key))) throw notFound('文件', 'MEDIA_NOT_FOUND');
  const url = absoluteUrl(deps.config, deps.storage.signedReadUrl(key, READ_URL_TTL_SECONDS));
  if (!redirect) {
    ctx.body = { url, expiresAt: new Date(deps.clock.now().getTime() + READ_URL_TTL_SECONDS * 1000).toISOString() };
    return;
  }
  ctx.redirect(url);
}

const doc = (who: string) => ({
  description: `Checks that the ${who} may see the object, then answers 302 to a signed URL valid for ${READ_URL_TTL_SECONDS} s (OSS signatureUrl, or the BFF's HMAC-signed local URL). With \`?redirect=false\` the same URL comes back as JSON, for <image>/<video> tags that cannot send a bearer token.`,
  tags: ['media'],
  params,
  query,
  responses: { 200: { description: 'the signed URL (redirect=false)', schema: linkSchema }, 302: { description: 'redirect to the signed URL' }, 404: { description: 'MEDIA_NOT_FOUND (also when not allowed)' } },
});

/** Citizen and admin media reads; `canRead` is the ticket-visibility rule (default: the uploader only). */
export function mediaRoutes(canRead: CanReadMedia = ownerOnly) {
  return (kit: RouteKit, deps: AppDeps): void => {
    defineRoute(kit, { method: 'get', path: '/api/v1/media/*key', summary: 'Read an attachment (citizen)', auth: 'citizen', ...doc('citizen') }, (ctx, input) =>
      answer(ctx, deps, canRead, input.actor, input.params.key, input.query.redirect === 'true'),
    );
    defineRoute(
      kit,
      { method: 'get', path: '/api/admin/v1/media/*key', summary: 'Read an attachment (staff)', auth: 'staff', roles: STAFF_ROLES, ...doc('staff member') },
      (ctx, input) => answer(ctx, deps, canRead, input.actor, input.params.key, input.query.redirect === 'true'),
    );
  };
}
