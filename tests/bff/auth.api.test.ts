import jwt from 'jsonwebtoken';
import supertest from 'supertest';
import { buildTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app';
import { buildCitizen, buildStaff, loginStaff, TEST_PASSWORD } from '../support/builders/staff';
import { createApp } from '../../bff/src/app';
import { bootstrapAdmin } from '../../bff/src/auth/bootstrap-admin';
import { citizenModel } from '../../bff/src/citizens/model';
import { findCitizensByPhone } from '../../bff/src/citizens/service';
import { AppError } from '../../bff/src/http/errors';
import { auditModel } from '../../bff/src/audit/model';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('citizen login (dev-login mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('when a citizen logs in with a code, then a token and the citizen come back, and the same code is the same citizen', async () => {
    const first = await t.http.post('/api/v1/auth/wechat').send({ code: 'alice' }).expect(200);
    expect(first.body.token).toEqual(expect.any(String));
    expect(first.body.citizen.id).toMatch(/^[0-9a-f]{24}$/);
    const again = await t.http.post('/api/v1/auth/wechat').send({ code: 'alice' }).expect(200);
    expect(again.body.citizen.id).toBe(first.body.citizen.id);
    const doc = await citizenModel(t.db).findById(first.body.citizen.id).lean();
    expect(doc?.openid).toBe('dev_alice');
  });

  it('when ten first logins of one code race, then exactly one citizen exists and all get its id', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/api/v1/auth/wechat').send({ code: 'racer' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.citizen.id)).size).toBe(1);
    expect(await citizenModel(t.db).countDocuments({ openid: 'dev_racer' })).toBe(1);
  });

  it('when the code is malformed, too long for dev mode or missing, then 400 with a code', async () => {
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: '<script>' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: 'x'.repeat(65) }).expect(400)).body.error.code).toBe('INVALID_CODE');
    expect((await t.http.post('/api/v1/auth/wechat').send({}).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.post('/api/v1/auth/wechat').send({ code: { $ne: 1 } }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when the citizen asks for /me, then it sees its own data, and name and phone are stored only encrypted (002 §13)', async () => {
    const c = await buildCitizen(t, 'bob');
    await t.http.patch('/api/v1/me').set(bearer(c.token)).send({ name: '王小明', phone: '+86 138 0013 8000' }).expect(200);
    const me = await t.http.get('/api/v1/me').set(bearer(c.token)).expect(200);
    expect(me.body.citizen).toMatchObject({ id: c.id, name: '王小明', phone: '13800138000' });
    const raw = JSON.stringify(await citizenModel(t.db).findById(c.id).lean());
    expect(raw).not.toContain('王小明');
    expect(raw).not.toContain('13800138000');
    const found = await findCitizensByPhone(t.deps, '138-0013-8000');
    expect(found.map((d) => d._id)).toEqual([c.id]);
  });

  it('when the profile patch is invalid, then 400 VALIDATION_FAILED', async () => {
    const c = await buildCitizen(t);
    const res = await t.http.patch('/api/v1/me').set(bearer(c.token)).send({ phone: '12345' }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('citizen login with WeChat configured', () => {
  it('when WECHAT_APPID is set but no WeChat client is wired, then 503 WECHAT_UNAVAILABLE', async () => {
    const t = await buildTestApp({ WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 'secret' });
    try {
      expect(t.config.devLogin).toBe(false);
      const res = await t.http.post('/api/v1/auth/wechat').send({ code: 'abc' }).expect(503);
      expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await t.close();
    }
  });

  it('when a WeChat client is wired, then its openid identifies the citizen and its errors pass through', async () => {
    const t = await buildTestApp({ WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 'secret' });
    try {
      const wechatLogin = {
        async code2Session(code: string) {
          if (code === 'bad') throw new AppError(401, 'WECHAT_CODE_INVALID', '登录凭证无效');
          return { openid: `o_${code}`, unionid: 'u1' };
        },
      };
      const http = supertest(createApp({ ...t.deps, wechatLogin }).callback());
      const res = await http.post('/api/v1/auth/wechat').send({ code: 'wxcode1' }).expect(200);
      expect((await citizenModel(t.db).findById(res.body.citizen.id).lean())?.openid).toBe('o_wxcode1');
      expect((await http.post('/api/v1/auth/wechat').send({ code: 'bad' }).expect(401)).body.error.code).toBe('WECHAT_CODE_INVALID');
    } finally {
      await t.close();
    }
  });
});

describe('tokens never cross APIs and forged tokens fail', () => {
  let t: TestApp;
  let citizen: { id: string; token: string };
  let admin: { id: string; token: string };
  beforeAll(async () => {
    t = await buildTestApp();
    citizen = await buildCitizen(t, 'tok');
    admin = await buildStaff(t, { roles: ['admin'] });
  });
  afterAll(() => t.close());

  it('when a citizen token is used on the admin API, then 401', async () => {
    const res = await t.http.get('/api/admin/v1/me').set(bearer(citizen.token)).expect(401);
    expect(res.body.error.code).toBe('INVALID_TOKEN');
  });

  it('when a staff token is used on the citizen API, then 401', async () => {
    expect((await t.http.get('/api/v1/me').set(bearer(admin.token)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('when there is no token, then 401 UNAUTHORIZED', async () => {
    expect((await t.http.get('/api/admin/v1/me').expect(401)).body.error.code).toBe('UNAUTHORIZED');
  });

  it('when a token is signed with another secret, then 401 INVALID_TOKEN', async () => {
    const forged = jwt.sign({ kind: 'staff', roles: ['admin'], sv: 0 }, 'another-secret-another-secret-another-1', { subject: admin.id, issuer: 'mashang', audience: 'mashang-staff', expiresIn: '1h' });
    expect((await t.http.get('/api/admin/v1/me').set(bearer(forged)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('when a token uses alg "none", then 401 INVALID_TOKEN', async () => {
    const unsigned = jwt.sign({ kind: 'staff', roles: ['admin'], sv: 0 }, '', { algorithm: 'none', subject: admin.id, issuer: 'mashang', audience: 'mashang-staff' });
    expect((await t.http.get('/api/admin/v1/me').set(bearer(unsigned)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('when a token names another audience or issuer, then 401 INVALID_TOKEN', async () => {
    const other = jwt.sign({ kind: 'staff', roles: ['admin'], sv: 0 }, TEST_JWT_SECRET, { subject: admin.id, issuer: 'mashang', audience: 'some-other-app', expiresIn: '1h' });
    expect((await t.http.get('/api/admin/v1/me').set(bearer(other)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
    const issuer = jwt.sign({ kind: 'staff', roles: ['admin'], sv: 0 }, TEST_JWT_SECRET, { subject: admin.id, issuer: 'evil', audience: 'mashang-staff', expiresIn: '1h' });
    expect((await t.http.get('/api/admin/v1/me').set(bearer(issuer)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('when a correctly signed token carries no exp, then 401 INVALID_TOKEN (it would never expire)', async () => {
    const forever = jwt.sign({ kind: 'citizen' }, TEST_JWT_SECRET, { subject: citizen.id, issuer: 'mashang', audience: 'mashang-citizen' });
    expect((await t.http.get('/api/v1/me').set(bearer(forever)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
    const staffForever = jwt.sign({ kind: 'staff', roles: ['admin'], sv: 0 }, TEST_JWT_SECRET, { subject: admin.id, issuer: 'mashang', audience: 'mashang-staff' });
    expect((await t.http.get('/api/admin/v1/me').set(bearer(staffForever)).expect(401)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('when a token has expired, then 401 TOKEN_EXPIRED', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = jwt.sign({ kind: 'citizen', iat: past - 60, exp: past }, TEST_JWT_SECRET, { subject: citizen.id, issuer: 'mashang', audience: 'mashang-citizen' });
    expect((await t.http.get('/api/v1/me').set(bearer(expired)).expect(401)).body.error.code).toBe('TOKEN_EXPIRED');
  });

  it('when a staff token of a user who does not exist is presented, then 401', async () => {
    const ghost = jwt.sign({ kind: 'staff', roles: ['admin'], sv: 0 }, TEST_JWT_SECRET, { subject: 'ffffffffffffffffffffffff', issuer: 'mashang', audience: 'mashang-staff', expiresIn: '1h' });
    expect((await t.http.get('/api/admin/v1/me').set(bearer(ghost)).expect(401)).body.error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('staff login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ADMIN_USERNAME: 'Root', ADMIN_PASSWORD: 'Bootstrap-pass1' });
  });
  afterAll(() => t.close());

  it('when the bootstrap runs twice, then the admin is created once and never overwritten', async () => {
    expect(await bootstrapAdmin(t.deps)).toBe('created');
    expect(await bootstrapAdmin({ ...t.deps, config: { ...t.config, ADMIN_PASSWORD: 'Changed-pass2' } })).toBe('exists');
    const res = await t.http.post('/api/admin/v1/auth/login').send({ username: 'root', password: 'Bootstrap-pass1' }).expect(200);
    expect(res.body.staff).toMatchObject({ username: 'root', roles: ['admin'], active: true });
    expect(res.body.staff.passwordHash).toBeUndefined();
    await t.http.post('/api/admin/v1/auth/login').send({ username: 'root', password: 'Changed-pass2' }).expect(401);
    const me = await t.http.get('/api/admin/v1/me').set(bearer(res.body.token)).expect(200);
    expect(me.body.staff.username).toBe('root');
  });

  it('when no ADMIN_USERNAME is configured, then the bootstrap does nothing', async () => {
    expect(await bootstrapAdmin({ ...t.deps, config: { ...t.config, ADMIN_USERNAME: undefined } })).toBe('not-configured');
  });

  it('when the user is unknown or the password wrong, then the same 401 INVALID_CREDENTIALS', async () => {
    const s = await buildStaff(t, { roles: ['operator'] });
    const wrong = await t.http.post('/api/admin/v1/auth/login').send({ username: s.username, password: 'nope-nope1' }).expect(401);
    const unknown = await t.http.post('/api/admin/v1/auth/login').send({ username: 'nobody_here', password: 'nope-nope1' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('when five wrong passwords come from one client, then that client waits 30 s before the next check (even for the right password), doubling after each further failure', async () => {
    const s = await buildStaff(t, { roles: ['dispatcher'] });
    const login = (password: string) => t.http.post('/api/admin/v1/auth/login').send({ username: s.username, password });
    for (let i = 0; i < 5; i++) await login(`wrong-${i}aa`).expect(401);
    const locked = await login(TEST_PASSWORD).expect(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect([locked.body.error.details.retryAfterSeconds, locked.headers['retry-after']]).toEqual([30, '30']);
    t.clock.advance(30_000);
    await login('wrong-6aa').expect(401);
    expect((await login(TEST_PASSWORD).expect(429)).body.error.details.retryAfterSeconds).toBe(60);
    t.clock.advance(60_000);
    await login(TEST_PASSWORD).expect(200);
    await login('wrong-7aa').expect(401);
  });

  it('when an unknown username is tried five times, then it is held back just like a real one (no account enumeration)', async () => {
    for (let i = 0; i < 5; i++) await t.http.post('/api/admin/v1/auth/login').send({ username: 'ghost_user', password: 'wrong-pass1' }).expect(401);
    expect((await t.http.post('/api/admin/v1/auth/login').send({ username: 'ghost_user', password: 'wrong-pass1' }).expect(429)).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('when a successful login follows four failures, then the count starts again', async () => {
    const s = await buildStaff(t, { roles: ['visitor'] });
    for (let i = 0; i < 4; i++) await t.http.post('/api/admin/v1/auth/login').send({ username: s.username, password: 'wrong-pass1' }).expect(401);
    await loginStaff(t, s.username, TEST_PASSWORD);
    for (let i = 0; i < 4; i++) await t.http.post('/api/admin/v1/auth/login').send({ username: s.username, password: 'wrong-pass1' }).expect(401);
    await loginStaff(t, s.username, TEST_PASSWORD);
  });

  it('when an account is deactivated, then its token stops working at once and its login answers like a wrong password', async () => {
    const admin = await buildStaff(t, { roles: ['admin'] });
    const op = await buildStaff(t, { roles: ['operator'] });
    await t.http.get('/api/admin/v1/me').set(bearer(op.token)).expect(200);
    await t.http.patch(`/api/admin/v1/staff/${op.id}`).set(bearer(admin.token)).send({ active: false }).expect(200);
    expect((await t.http.get('/api/admin/v1/me').set(bearer(op.token)).expect(401)).body.error.code).toBe('ACCOUNT_DISABLED');
    const disabled = await t.http.post('/api/admin/v1/auth/login').send({ username: op.username, password: TEST_PASSWORD }).expect(401);
    const wrong = await t.http.post('/api/admin/v1/auth/login').send({ username: op.username, password: 'wrong-pass1' }).expect(401);
    expect(disabled.body).toEqual(wrong.body);
  });

  it('when roles change or the password is reset, then older tokens are revoked and a fresh login carries the new roles', async () => {
    const admin = await buildStaff(t, { roles: ['admin'] });
    const s = await buildStaff(t, { roles: ['operator'] });
    await t.http.patch(`/api/admin/v1/staff/${s.id}`).set(bearer(admin.token)).send({ roles: ['operator', 'supervisor'] }).expect(200);
    expect((await t.http.get('/api/admin/v1/me').set(bearer(s.token)).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    const fresh = await loginStaff(t, s.username, TEST_PASSWORD);
    expect((await t.http.get('/api/admin/v1/me').set(bearer(fresh)).expect(200)).body.staff.roles).toEqual(['operator', 'supervisor']);
    await t.http.patch(`/api/admin/v1/staff/${s.id}`).set(bearer(admin.token)).send({ password: 'New-passw0rd' }).expect(200);
    await t.http.get('/api/admin/v1/me').set(bearer(fresh)).expect(401);
    await loginStaff(t, s.username, 'New-passw0rd');
  });

  it('when a staff member logs out, then the token is refused at once (401 TOKEN_REVOKED), the logout is audited, and a new login works', async () => {
    const s = await buildStaff(t, { roles: ['operator'] });
    await t.http.get('/api/admin/v1/me').set(bearer(s.token)).expect(200);
    await t.http.post('/api/admin/v1/auth/logout').set(bearer(s.token)).expect(204);
    expect((await t.http.get('/api/admin/v1/me').set(bearer(s.token)).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    expect(await auditModel(t.db).countDocuments({ action: 'staff.logout', 'target.id': s.id })).toBe(1);
    const fresh = await loginStaff(t, s.username, TEST_PASSWORD);
    await t.http.get('/api/admin/v1/me').set(bearer(fresh)).expect(200);
  });

  it('when the login body is invalid, then 400 VALIDATION_FAILED', async () => {
    expect((await t.http.post('/api/admin/v1/auth/login').send({ username: 'a', password: '' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.post('/api/admin/v1/auth/login').send({ username: { $gt: '' }, password: 'x' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('staff login lockout cannot be raced or turned against the account (issue 17)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Behind one trusted proxy, so the tests can speak as several clients.
    t = await buildTestApp({ TRUSTED_PROXY_HOPS: '1' });
  });
  afterAll(() => t.close());
  const login = (ip: string, username: string, password: string) => t.http.post('/api/admin/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('when 60 wrong passwords for one account race from one client, then exactly five are checked and the rest answer 429', async () => {
    const s = await buildStaff(t, { roles: ['operator'] });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => login('192.0.2.1', s.username, `wrong-${i}xx`)));
    const checked = results.filter((r) => r.status === 401);
    expect(checked).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(55);
  });

  it('when someone keeps guessing an account\'s password from one address, then its owner still logs in from another', async () => {
    t.clock.advance(120_000);
    const s = await buildStaff(t, { roles: ['admin'] });
    for (let i = 0; i < 12; i++) {
      await login('198.51.100.66', s.username, `guess-${i}xx`);
      t.clock.advance(1000);
    }
    expect((await login('198.51.100.66', s.username, TEST_PASSWORD)).status).toBe(429);
    expect((await login('203.0.113.5', s.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('when a client uses up its free attempts, then one lockout audit entry and one alert are written; failures and the login are audited too', async () => {
    t.clock.advance(120_000);
    const s = await buildStaff(t, { roles: ['supervisor'] });
    const warn = jest.spyOn(t.deps.logger, 'warn');
    for (let i = 0; i < 7; i++) await login('198.51.100.77', s.username, `guess-${i}xx`);
    const audits = await auditModel(t.db).find({ 'target.id': s.id }).lean();
    expect(audits.filter((a) => a.action === 'staff.login.failed')).toHaveLength(5);
    expect(audits.filter((a) => a.action === 'staff.login.locked')).toEqual([expect.objectContaining({ details: { client: '198.51.100.77', failures: 5 } })]);
    expect(warn.mock.calls.filter(([o]) => (o as { alert?: string }).alert === 'staff-login-lockout')).toHaveLength(1);
    warn.mockRestore();
    await login('203.0.113.8', s.username, TEST_PASSWORD).expect(200);
    expect(await auditModel(t.db).countDocuments({ 'target.id': s.id, action: 'staff.login' })).toBe(2);
  });
});
