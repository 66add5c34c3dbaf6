import Router from '@koa/router';
import Koa from 'koa';
import supertest from 'supertest';
import { TokenService } from '../../bff/src/auth/tokens';
import { errorMiddleware } from '../../bff/src/http/error-middleware';
import { requestContext } from '../../bff/src/http/middleware';
import { OpenApiRegistry } from '../../bff/src/openapi/registry';
import { mediaRoutes } from '../../bff/src/media/routes';
import { buildTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app';

const tokens = new TokenService(TEST_JWT_SECRET);
const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const citizen = (id: string) => ({ Authorization: `Bearer ${tokens.signCitizen(id)}` });
const staff = { Authorization: `Bearer ${tokens.signStaff({ sub: 'staff1', roles: ['operator'] })}` };

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(500, 3)]);

let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.http.post('/api/v1/uploads').set(citizen(ALICE)).send({ kind: 'image', mime: 'image/jpeg', size: JPEG.length });
  key = res.body.key;
  const form = t.http.post(new URL(res.body.uploadUrl).pathname);
  for (const [k, v] of Object.entries(res.body.fields as Record<string, string>)) form.field(k, v);
  expect((await form.attach('file', JPEG, 'photo.jpg')).status).toBe(200);
});
afterAll(() => t.close());

const signedPath = (location: string) => {
  const u = new URL(location);
  return `${u.pathname}${u.search}`;
};

describe('media reads', () => {
  test('when the owner reads an attachment, then 302 to a signed URL that serves the bytes with their type', async () => {
    const res = await t.http.get(`/api/v1/media/${key}`).set(citizen(ALICE));
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(/\/api\/v1\/media-files\/m\/\d{6}\/[0-9a-f]{32}\.jpg\?expires=\d+&signature=/);
    expect(res.headers.location).not.toContain(ALICE);
    const file = await t.http.get(signedPath(res.headers.location)).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(file.body as Buffer, JPEG)).toBe(0);
  });

  test('when a player asks for a byte range, then 206 with that range', async () => {
    const res = await t.http.get(`/api/v1/media/${key}?redirect=false`).set(citizen(ALICE));
    expect(res.status).toBe(200);
    expect(res.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 300_000).toISOString());
    const part = await t.http.get(signedPath(res.body.url)).set('Range', 'bytes=0-5').buffer(true);
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-5/${JPEG.length}`);
    expect((part.body as Buffer).length).toBe(6);
    expect((await t.http.get(signedPath(res.body.url)).set('Range', `bytes=${JPEG.length}-`)).status).toBe(416);
  });

  test('when another citizen asks, then 404 as if it did not exist; anonymous callers get 401', async () => {
    expect((await t.http.get(`/api/v1/media/${key}`).set(citizen(BOB))).status).toBe(404);
    expect((await t.http.get(`/api/v1/media/${key}`)).status).toBe(401);
  });

  /** Just the media routes with a given canRead, on the real route kit (staff tokens are not checked against accounts here). */
  function mediaOnly(canRead?: Parameters<typeof mediaRoutes>[0]) {
    const kit = { router: new Router(), registry: new OpenApiRegistry(), tokens };
    mediaRoutes(canRead)(kit, t.deps);
    const app = new Koa({ proxy: true });
    app.use(requestContext(t.deps.logger));
    app.use(errorMiddleware());
    app.use(kit.router.routes());
    return supertest(app.callback());
  }

  test('when no ticket rule is plugged in, then staff cannot read (only the uploader can)', async () => {
    expect((await mediaOnly().get(`/api/admin/v1/media/${key}`).set(staff)).status).toBe(404);
  });

  test('when the ticket rule (the canRead port) lets staff see the ticket, then the admin route redirects too', async () => {
    const http = mediaOnly(async (_deps, actor, k) => actor.kind === 'staff' && k === key);
    const res = await http.get(`/api/admin/v1/media/${key}`).set(staff);
    expect(res.status).toBe(302);
    expect(res.headers.location).toContain('/api/v1/media-files/');
    expect((await http.get(`/api/v1/media/${key}`).set(citizen(ALICE))).status).toBe(404);
  });

  test('when the signed URL is altered, reused after expiry, or points outside the uploads, then 403 and never a file', async () => {
    const res = await t.http.get(`/api/v1/media/${key}`).set(citizen(ALICE));
    const url = new URL(res.headers.location);
    const sig = url.searchParams.get('signature')!;
    const other = `${url.pathname.replace(/[0-9a-f]{32}/, 'e'.repeat(32))}${url.search}`;
    expect((await t.http.get(other)).body.error.code).toBe('MEDIA_URL_INVALID');
    expect((await t.http.get(`/api/v1/media-files/..%2F..%2Fdev-secrets.json?expires=9999999999&signature=${sig}`)).status).toBe(403);
    expect((await t.http.get('/api/v1/media-files/c/?expires=1&signature=x')).status).toBeGreaterThanOrEqual(400);
    t.clock.advance(301_000);
    const late = await t.http.get(signedPath(res.headers.location));
    t.clock.set('2026-11-24T09:00:00+08:00');
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('MEDIA_URL_EXPIRED');
  });

  test('when a media key is malformed, then 404 and never a 500', async () => {
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'c/x', `c/${ALICE}/202611/zz.jpg`]) {
      const res = await t.http.get(`/api/v1/media/${bad}`).set(citizen(ALICE));
      expect(res.status).toBe(404);
    }
  });
});
