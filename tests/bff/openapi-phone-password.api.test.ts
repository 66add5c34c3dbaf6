import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen, buildStaff } from '../support/builders/staff';

/** `POST /api/v1/me/phone` documents its 503 without WeChat; the operations that set staff passwords state the password policy. */
let t: TestApp;
type Op = { description?: string; responses: Record<string, { description: string }> };
let doc: { paths: Record<string, Record<string, Op>> };
beforeAll(async () => {
  t = await buildTestApp();
  doc = (await t.http.get('/api/openapi.json').expect(200)).body;
});
afterAll(() => t.close());

describe('phone binding and staff password policy in the OpenAPI document', () => {
  test('when WeChat is not configured, then POST /api/v1/me/phone answers the documented 503 WECHAT_UNAVAILABLE', async () => {
    expect(doc.paths['/api/v1/me/phone'].post.responses['503'].description).toContain('WECHAT_UNAVAILABLE');
    const saved = t.deps.wechat;
    t.deps.wechat = undefined;
    try {
      const { token } = await buildCitizen(t);
      const res = await t.http.post('/api/v1/me/phone').set('Authorization', `Bearer ${token}`).send({ code: 'abc123' });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      t.deps.wechat = saved;
    }
  });

  test('when an operation sets a staff password, then its description states the policy (10 characters, not the username, not common, 400 WEAK_PASSWORD) that the server enforces', async () => {
    const ops = [doc.paths['/api/admin/v1/staff'].post, doc.paths['/api/admin/v1/staff/{id}'].patch];
    for (const op of ops) {
      expect(op.description).toMatch(/at least 10 characters/);
      expect(op.description).toMatch(/username/);
      expect(op.description).toMatch(/common password/);
      expect(op.description).toContain('WEAK_PASSWORD');
      expect(op.responses['400'].description).toContain('WEAK_PASSWORD');
    }
    const admin = await buildStaff(t, { roles: ['admin'] });
    const create = (username: string, password: string) =>
      t.http.post('/api/admin/v1/staff').set('Authorization', `Bearer ${admin.token}`).send({ username, password, name: '策略', roles: ['admin'] });
    const short = await create('policy_a', 'abc12345');
    expect([short.status, short.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const withName = await create('policy_b', 'xpolicy_b12345');
    expect([withName.status, withName.body.error.code]).toEqual([400, 'WEAK_PASSWORD']);
    const common = await create('policy_c', 'password123');
    expect([common.status, common.body.error.code]).toEqual([400, 'WEAK_PASSWORD']);
    expect((await create('policy_d', 'Kq7vN2xLp9Wz')).status).toBe(201);
  });
});
