import type { Context } from 'koa';
import { z } from 'zod';
import { STAFF_ROLES } from '@mashang/shared';
import type { AppDeps } from '../app';
import { forbidden, notFound } from '../http/errors';
import { defineRoute, type RouteKit } from '../http/route';
import { absoluteUrl } from '../storage/absolute-url';
import { CONTENT_TYPE_BY_EXT, isObjectKey, parseObjectKey } from '../storage/object-key';
import { sendRanged, SIGNED_READ_DOC } from '../storage/routes';
import { checkHandleUrl, HANDLE_FILES_PATH, isHandle, openHandle, signedHandleUrl } from './handles';
import { ownerOnly, type CanReadMedia, type MediaReader } from './access';

/** Read URLs live long enough to start a download or a video, not to be passed around. */
export const READ_URL_TTL_SECONDS = 300;

const params = z.object({ key: z.string().min(1).max(300) });
const query = z.object({ redirect: z.enum(['true', 'false']).default('true') });
const linkSchema = z.object({ url: z.string(), expiresAt: z.string() });

async function answer(ctx: Context, deps: AppDeps, canRead: CanReadMedia, actor: MediaReader, keyOrHandle: string, redirect: boolean): Promise<void> {
  // A handle (masked views, legacy keys) is opened here and served by the BFF under the handle.
  const handle = isHandle(keyOrHandle) ? keyOrHandle : null;
  const key = handle ? openHandle(deps.secrets.dataKey, handle) : keyOrHandle;
  // Not allowed and not there look the same, so keys cannot be probed.
  if (!key || !isObjectKey(key) || !(await canRead(deps, actor, key))) throw notFound('文件', 'MEDIA_NOT_FOUND');
  if (!(await deps.storage.head(key))) throw notFound('文件', 'MEDIA_NOT_FOUND');
  const expires = Math.floor(deps.clock.now().getTime() / 1000) + READ_URL_TTL_SECONDS;
  const url = absoluteUrl(deps.config, handle ? signedHandleUrl(deps.secrets.dataKey, handle, expires) : deps.storage.signedReadUrl(key, READ_URL_TTL_SECONDS));
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

/** Serves the object behind a handle, through a URL signed over the handle (never naming the key). */
async function serveHandle(ctx: Context, deps: AppDeps, handle: string, expires: number, signature: string): Promise<void> {
  const verdict = checkHandleUrl(deps.secrets.dataKey, handle, expires, signature, deps.clock.now());
  if (verdict === 'invalid') throw forbidden('文件链接无效', 'MEDIA_URL_INVALID');
  if (verdict === 'expired') throw forbidden('文件链接已过期，请刷新后重试', 'MEDIA_URL_EXPIRED');
  const key = openHandle(deps.secrets.dataKey, handle);
  const head = key ? await deps.storage.head(key) : null;
  if (!key || !head) throw notFound('文件', 'MEDIA_NOT_FOUND');
  ctx.set('Cache-Control', 'private, no-store');
  await sendRanged(ctx, { size: head.size, contentType: CONTENT_TYPE_BY_EXT[parseObjectKey(key)!.ext] }, (range) =>
    // Gone between the HEAD and the read (deleted, or a storage 404): not found, not a 500.
    deps.storage.stream(key, range).catch((err: unknown) => {
      if ((err as { status?: number; code?: string }).status === 404 || (err as { code?: string }).code === 'ENOENT') throw notFound('文件', 'MEDIA_NOT_FOUND');
      throw err;
    }),
  );
}

/** Citizen and admin media reads; `canRead` is the ticket-visibility rule (default: the uploader only). */
export function mediaRoutes(canRead: CanReadMedia = ownerOnly) {
  return (kit: RouteKit, deps: AppDeps): void => {
    defineRoute(
      kit,
      {
        method: 'get',
        path: `${HANDLE_FILES_PATH}/*handle`,
        summary: 'Read an attachment through an opaque handle and a signed, expiring URL',
        description:
          'URLs come only from the media routes when they are given a handle (`h/…`, what masked staff views of a confidential ticket show instead of an object key that names the citizen). HMAC-signed over the handle and expiry; the BFF serves the bytes itself (single byte ranges supported), so no storage URL naming the key is handed out.',
        tags: ['media'],
        auth: 'public',
        params: z.object({ handle: z.string().min(1).max(300) }),
        ...SIGNED_READ_DOC,
      },
      (ctx, { params, query }) => serveHandle(ctx, deps, params.handle, query.expires, query.signature),
    );
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
