import { z } from 'zod';
import { STAFF_ROLES, sceneCreateSchema, sceneListQuerySchema, sceneParamsSchema, scenePatchSchema, sceneSchema as sceneCodeSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { clientIp, createRateLimiter } from '../ratelimit';
import { qrCodeFor } from '../wechat/qr';
import { createScene, deleteScene, getScene, listScenes, scanScene, sceneView, updateScene } from './service';
import { posterSvg } from './poster';

const TAGS = ['scenes'];
const sceneOut = z.object({ id: z.string(), scene: z.string(), name: z.string(), address: z.string(), location: z.object({ lat: z.number(), lng: z.number() }), region: z.string().nullable(), defaultUnit: z.string().nullable(), categories: z.array(z.string()), active: z.boolean(), scans: z.number(), version: z.number(), createdAt: z.string(), updatedAt: z.string() });
const one = z.object({ scene: sceneOut });
const idParams = z.strictObject({ id: sceneCodeSchema });
const publicView = z.object({ scene: z.string(), name: z.string(), address: z.string(), location: z.object({ lat: z.number(), lng: z.number() }), suggestedUnit: z.object({ id: z.string(), name: z.string() }).nullable(), categories: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })) });
const NOT_FOUND = { 404: { description: 'SCENE_NOT_FOUND' } };
const REF_ERRORS = { 422: { description: 'UNIT_NOT_FOUND, CATEGORY_NOT_FOUND' } };
const PRINTERS = ['admin', 'operator'] as const;

/**
 * The mini-program asks for the point right after a scan, before a login is certain, so the
 * lookup is public; it is rate-limited per client address (000 §29) and reveals only what the
 * printed poster already says.
 */
function publicRoutes(kit: RouteKit, deps: AppDeps): void {
  const limiter = createRateLimiter(deps, { name: 'scene-lookup', limit: 60, windowMs: 60_000 });
  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/scenes/:scene', summary: 'The QR code point behind a scanned code: place, suggested unit and categories (counts the scan)', tags: TAGS, auth: 'public', params: sceneParamsSchema, responses: { 200: { description: 'the point', schema: z.object({ scene: publicView }) }, ...NOT_FOUND, 429: { description: 'RATE_LIMITED' } } },
    async (ctx, { params }) => {
      await limiter.consume(clientIp(ctx), ctx);
      ctx.body = { scene: await scanScene(deps, params.scene) };
    },
  );
}

function adminRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/scenes', summary: 'Create a QR code point (scene code generated unless given)', tags: TAGS, auth: 'staff', roles: ['admin'], body: sceneCreateSchema, responses: { 201: { description: 'created', schema: one }, 409: { description: 'SCENE_TAKEN' }, ...REF_ERRORS } },
    async (ctx, { body, actor }) => {
      const scene = await createScene(deps, body, actor);
      ctx.status = 201;
      setVersionTag(ctx, scene.version);
      ctx.body = { scene: sceneView(scene) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/scenes', summary: 'QR code points, newest first', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, query: sceneListQuerySchema, responses: { 200: { description: 'points', schema: z.object({ items: z.array(sceneOut) }) } } },
    async (ctx, { query }) => {
      ctx.body = { items: (await listScenes(deps.db, query)).map(sceneView) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/scenes/:id', summary: 'One QR code point (id = scene code)', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, params: idParams, responses: { 200: { description: 'the point', schema: one }, ...NOT_FOUND } },
    async (ctx, { params }) => {
      const scene = await getScene(deps.db, params.id);
      setVersionTag(ctx, scene.version);
      ctx.body = { scene: sceneView(scene) };
    },
  );
  defineRoute(
    kit,
    { method: 'patch', path: '/api/admin/v1/scenes/:id', summary: 'Edit or (de)activate a point; the printed code itself never changes', tags: TAGS, auth: 'staff', roles: ['admin'], params: idParams, body: scenePatchSchema, headers: { 'If-Match': 'the point version last read' }, responses: { 200: { description: 'updated', schema: one }, ...NOT_FOUND, 409: { description: 'CONCURRENT_UPDATE' }, 412: { description: 'VERSION_MISMATCH' }, ...REF_ERRORS } },
    async (ctx, { params, body, actor }) => {
      const scene = await updateScene(deps, params.id, body, actor, ifMatchVersion(ctx));
      setVersionTag(ctx, scene.version);
      ctx.body = { scene: sceneView(scene) };
    },
  );
  defineRoute(
    kit,
    { method: 'delete', path: '/api/admin/v1/scenes/:id', summary: 'Erase a point that was never scanned (otherwise deactivate it)', tags: TAGS, auth: 'staff', roles: ['admin'], params: idParams, responses: { 204: { description: 'erased' }, ...NOT_FOUND, 409: { description: 'SCENE_IN_USE' } } },
    async (ctx, { params, actor }) => {
      await deleteScene(deps, params.id, actor);
      ctx.status = 204;
    },
  );
}

function printRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/scenes/:id/qrcode', summary: 'The code to print: WeChat mini-program code, or (dev / WeChat down) a plain QR of the h5 link', tags: TAGS, auth: 'staff', roles: PRINTERS, params: idParams, responses: { 200: { description: 'PNG image', contentType: 'image/png' }, ...NOT_FOUND } },
    async (ctx, { params }) => {
      const scene = await getScene(deps.db, params.id);
      const qr = await qrCodeFor(deps, scene._id);
      ctx.type = qr.contentType;
      ctx.set('Content-Disposition', `inline; filename="scene-${scene._id}.png"`);
      ctx.body = qr.image;
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/scenes/:id/poster', summary: 'Printable A4 poster (SVG): place, code, 「扫码反映问题」 and the three steps', tags: TAGS, auth: 'staff', roles: PRINTERS, params: idParams, responses: { 200: { description: 'SVG document', contentType: 'image/svg+xml' }, ...NOT_FOUND } },
    async (ctx, { params }) => {
      const scene = await getScene(deps.db, params.id);
      const qr = await qrCodeFor(deps, scene._id);
      ctx.type = 'image/svg+xml; charset=utf-8';
      ctx.set('Content-Disposition', `inline; filename="poster-${scene._id}.svg"`);
      ctx.body = posterSvg(scene, qr);
    },
  );
}

/** QR code points 码上反映. */
export function sceneRoutes(kit: RouteKit, deps: AppDeps): void {
  publicRoutes(kit, deps);
  adminRoutes(kit, deps);
  printRoutes(kit, deps);
}
