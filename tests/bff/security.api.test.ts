/** Deployment-level protections (issue 17): transport headers and what only configuration switches on. */
import { buildTestApp } from '../support/app';

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
