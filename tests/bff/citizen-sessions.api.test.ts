import jwt from 'jsonwebtoken';
import { buildTestApp, type TestApp } from '../support/app';
import { auditModel } from '../../bff/src/audit/model';
import { refreshTokenModel } from '../../bff/src/auth/refresh-model';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
let seq = 0;

describe('citizen sessions: short access tokens, rotated refresh tokens, logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ CITIZEN_TOKEN_TTL_MINUTES: '30' });
  });
  afterAll(() => t.close());

  const login = async (code = `s${++seq}`) => (await t.http.post('/api/v1/auth/wechat').send({ code }).expect(200)).body as { token: string; refreshToken: string; expiresIn: number; citizen: { id: string } };
  const refresh = (refreshToken: unknown) => t.http.post('/api/v1/auth/refresh').send({ refreshToken });
  const audits = (citizen: string, action: string) => auditModel(t.db).countDocuments({ 'target.id': citizen, action });

  it('when a citizen logs in, then the access token lives CITIZEN_TOKEN_TTL_MINUTES, a refresh token comes along stored only hashed, and the login is audited', async () => {
    const s = await login();
    expect(s.expiresIn).toBe(30 * 60);
    const claims = jwt.decode(s.token) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(30 * 60);
    expect(s.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await refreshTokenModel(t.db).find({ citizen: s.citizen.id }).lean());
    expect(stored).not.toContain(s.refreshToken);
    expect(await audits(s.citizen.id, 'citizen.login')).toBe(1);
  });

  it('when the access token setting is left out, then citizen tokens live 2 hours', async () => {
    const d = await buildTestApp();
    try {
      const res = await d.http.post('/api/v1/auth/wechat').send({ code: 'default-ttl' }).expect(200);
      const claims = jwt.decode(res.body.token) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBe(7200);
    } finally {
      await d.close();
    }
  });

  it('when a refresh token is used, then a new working pair comes back and the next refresh takes the new token', async () => {
    const s = await login();
    const first = (await refresh(s.refreshToken).expect(200)).body;
    expect(first).toEqual({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: 30 * 60 });
    expect(first.refreshToken).not.toBe(s.refreshToken);
    expect((await t.http.get('/api/v1/me').set(bearer(first.token)).expect(200)).body.citizen.id).toBe(s.citizen.id);
    const second = (await refresh(first.refreshToken).expect(200)).body;
    await t.http.get('/api/v1/me').set(bearer(second.token)).expect(200);
  });

  it('when a refresh token that was already rotated is used again, then 401 REFRESH_TOKEN_REUSED, the whole family is revoked, and the reuse is audited', async () => {
    const s = await login();
    const rotated = (await refresh(s.refreshToken).expect(200)).body;
    const reuse = await refresh(s.refreshToken).expect(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await refresh(rotated.refreshToken).expect(401)).body.error.code).toBe('REFRESH_TOKEN_INVALID');
    expect(await audits(s.citizen.id, 'citizen.refresh.reused')).toBe(1);
    // Another session of the same citizen (another device) is not touched.
    const other = await login(`other-${s.citizen.id}`);
    await refresh(other.refreshToken).expect(200);
  });

  it('when the same refresh token is raced, then at most one refresh succeeds and the family ends revoked', async () => {
    const s = await login();
    const results = await Promise.all(Array.from({ length: 6 }, () => refresh(s.refreshToken)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((c) => c === 200).length).toBeLessThanOrEqual(1);
    expect(statuses.every((c) => c === 200 || c === 401)).toBe(true);
    for (const r of results.filter((x) => x.status === 200)) await refresh(r.body.refreshToken).expect(401);
  });

  it('when a citizen logs out, then 204, its refresh tokens stop working, the logout is audited, and a second logout is still 204', async () => {
    const s = await login();
    const rotated = (await refresh(s.refreshToken).expect(200)).body;
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: rotated.refreshToken }).expect(204);
    expect((await refresh(rotated.refreshToken).expect(401)).body.error.code).toBe('REFRESH_TOKEN_INVALID');
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: rotated.refreshToken }).expect(204);
    expect(await audits(s.citizen.id, 'citizen.logout')).toBe(1);
  });

  it('when a refresh token is older than CITIZEN_REFRESH_TTL_DAYS, then 401 REFRESH_TOKEN_EXPIRED', async () => {
    const s = await login();
    t.clock.advance(30 * 86_400_000 + 1000);
    try {
      expect((await refresh(s.refreshToken).expect(401)).body.error.code).toBe('REFRESH_TOKEN_EXPIRED');
    } finally {
      t.clock.advance(-(30 * 86_400_000 + 1000));
    }
  });

  it('when the refresh or logout body is unknown, malformed or hostile, then 4xx JSON, never a 500', async () => {
    expect((await refresh('A'.repeat(43)).expect(401)).body.error.code).toBe('REFRESH_TOKEN_INVALID');
    for (const bad of [undefined, '', 'short', 'x'.repeat(500), { $ne: null }, ['a'], 42]) {
      const r = await refresh(bad);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      const l = await t.http.post('/api/v1/auth/logout').send({ refreshToken: bad });
      expect(l.status).toBe(400);
    }
    expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'A'.repeat(43), extra: 1 })).status).toBe(400);
    expect((await t.http.post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send('{bad')).status).toBe(400);
  });

  it('when the OpenAPI document is read, then it describes refresh, logout and the token pair fields', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body;
    expect(doc.paths['/api/v1/auth/refresh'].post).toBeDefined();
    expect(doc.paths['/api/v1/auth/logout'].post.responses['204']).toBeDefined();
    const login200 = JSON.stringify(doc.paths['/api/v1/auth/wechat'].post.responses['200']);
    expect(login200).toContain('refreshToken');
    expect(login200).toContain('expiresIn');
  });
});
