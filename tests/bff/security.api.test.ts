/** Deployment-level protections (issue 17): transport headers and what only configuration switches on. */
import { buildTestApp } from '../support/app';
import { loadConfig } from '../../bff/src/config/config';

describe('security headers', () => {
  it('when NODE_ENV=production, then every answer carries Strict-Transport-Security; in development none', async () => {
    const prod = await buildTestApp({ NODE_ENV: 'production', DATA_KEY: 'ab'.repeat(32) });
    const dev = await buildTestApp();
    try {
      const res = await prod.http.get('/api/health');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect((await prod.http.get('/api/v1/nothing-here')).headers['strict-transport-security']).toBeDefined();
      expect((await dev.http.get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await prod.close();
      await dev.close();
    }
  });
});

describe('dev login is never on by accident', () => {
  it('when NODE_ENV=development without DEV_LOGIN=true, then a code logs nobody in (503 WECHAT_UNAVAILABLE); with DEV_LOGIN=true it does; production refuses DEV_LOGIN=true', async () => {
    const plain = await buildTestApp({ NODE_ENV: 'development' });
    const asked = await buildTestApp({ NODE_ENV: 'development', DEV_LOGIN: 'true' });
    try {
      const refused = await plain.http.post('/api/v1/auth/wechat').send({ code: 'alice' });
      expect([refused.status, refused.body.error.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
      expect((await asked.http.post('/api/v1/auth/wechat').send({ code: 'alice' })).status).toBe(200);
    } finally {
      await plain.close();
      await asked.close();
    }
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_KEY: 'ab'.repeat(32), DEV_LOGIN: 'true' })).toThrow(/DEV_LOGIN/);
    expect(loadConfig({ NODE_ENV: 'development', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', DEV_LOGIN: 'true' }).devLogin).toBe(false);
  });
});

describe('the first administrator in production', () => {
  const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_KEY: 'ab'.repeat(32), ADMIN_USERNAME: 'cityadmin' };
  it.each([
    ['too short', 'Short1x'],
    ['without digits', 'only-letters-here'],
    ['containing the username', 'CityAdmin-2026x'],
    ['common', 'password123'],
  ])('when ADMIN_PASSWORD is %s, then the server refuses to start, naming the variable', (_what, password) => {
    expect(() => loadConfig({ ...prod, ADMIN_PASSWORD: password })).toThrow(/ADMIN_PASSWORD/);
  });

  it('when ADMIN_PASSWORD meets the staff policy, then the configuration loads', () => {
    expect(loadConfig({ ...prod, ADMIN_PASSWORD: 'Baiyin-12345-hotline' }).ADMIN_PASSWORD).toBe('Baiyin-12345-hotline');
  });
});
