import { buildTestApp, type TestApp } from '../support/app';
import { createRateLimiter } from '../../bff/src/ratelimit';
import { rateSlotModel } from '../../bff/src/ratelimit/model';
import { LOGIN_LIMITS } from '../../bff/src/auth/routes';

describe('rate limits (000 §29, 002 §38)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Behind one trusted proxy: its X-Forwarded-For entry (the last) names the client.
    t = await buildTestApp({ TRUSTED_PROXY_HOPS: '1' });
  });
  afterAll(() => t.close());

  it('when no proxy is trusted (the default), then 35 staff logins with different X-Forwarded-For values hit 429 after the limit', async () => {
    const direct = await buildTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) {
        const res = await direct.http.post('/api/admin/v1/auth/login').set('X-Forwarded-For', `198.51.100.${i}`).send({ username: `spoof_${i}`, password: 'whatever-1' });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, LOGIN_LIMITS.staff.limit).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(LOGIN_LIMITS.staff.limit).every((s) => s === 429)).toBe(true);
    } finally {
      await direct.close();
    }
  });

  it('when one proxy is trusted, then only its entry counts: addresses the client prepends to X-Forwarded-For do not split the limit', async () => {
    t.clock.set('2026-11-24T11:00:00+08:00');
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMITS.staff.limit; i++) {
      const res = await t.http.post('/api/admin/v1/auth/login').set('X-Forwarded-For', `198.51.100.${i}, 10.9.9.9`).send({ username: `spoof2_${i}`, password: 'whatever-1' });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('when one address exceeds the staff login limit in a minute, then 429 RATE_LIMITED with Retry-After; other addresses and the next minute pass', async () => {
    t.clock.set('2026-11-24T10:00:00+08:00');
    let n = 0;
    const attempt = (ip: string) => t.http.post('/api/admin/v1/auth/login').set('X-Forwarded-For', ip).send({ username: `nobody_${(n += 1)}`, password: 'whatever-1' });
    for (let i = 0; i < LOGIN_LIMITS.staff.limit; i++) expect((await attempt('10.0.0.1')).status).not.toBe(429);
    const limited = await attempt('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await attempt('10.0.0.2')).status).toBe(401);
    t.clock.advance(60_000);
    expect((await attempt('10.0.0.1')).status).toBe(401);
  });

  it('when forty requests race for a limit of ten, then exactly ten pass, across any number of instances', async () => {
    const policy = { name: 'race', limit: 10, windowMs: 60_000 };
    const instances = [createRateLimiter(t.deps, policy), createRateLimiter(t.deps, policy)];
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => instances[i % 2].consume('citizen-1')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => r.reason.code === 'RATE_LIMITED')).toBe(true);
    expect(await rateSlotModel(t.db).countDocuments({ key: 'race:citizen-1' })).toBe(10);
  });

  it('when a new window starts, then slots of expired windows are swept', async () => {
    const limiter = createRateLimiter(t.deps, { name: 'sweep', limit: 3, windowMs: 1000 });
    await limiter.consume('x');
    await limiter.consume('x');
    t.clock.advance(5000);
    await limiter.consume('x');
    expect(await rateSlotModel(t.db).countDocuments({ key: 'sweep:x' })).toBe(1);
  });
});
