import { buildTestApp, type TestApp } from '../support/app';
import { loadConfig } from '../../bff/src/config/config';

describe('health and configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('when asked for /api/health, then it names the database kind, its version and the profile', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.ok).toBe(true);
    expect(['ferretdb', 'mongodb']).toContain(res.body.db.kind);
    expect(res.body.db.version).toMatch(/\d+\.\d+/);
    expect(res.body.profile).toBe('baiyin');
  });

  it('when a route does not exist, then it answers 404 with the error shape', async () => {
    const res = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('when the body is malformed JSON, then it answers 400 MALFORMED_JSON', async () => {
    const res = await t.http.post('/api/health').set('content-type', 'application/json').send('{"a":').expect(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('when NODE_ENV=production has no JWT_SECRET, then the configuration refuses to load and names it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_KEY: 'a'.repeat(64) })).toThrow(/JWT_SECRET/);
  });

  it('when a variable is invalid, then the error names that variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REGULATION_PROFILE: 'atlantis' })).toThrow(/REGULATION_PROFILE/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI/);
  });
});

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('when /api/openapi.json is fetched, then it is an OpenAPI 3 document listing the health route', async () => {
    const res = await t.http.get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/api/health'].get.summary).toBeTruthy();
  });

  it('when /api/docs is opened, then Swagger UI is served locally', async () => {
    const html = await t.http.get('/api/docs').expect(200);
    expect(html.text).toContain('swagger-ui');
    const js = await t.http.get('/api/docs/swagger-ui-bundle.js').expect(200);
    expect(js.text.length).toBeGreaterThan(1000);
  });
});

describe('method handling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('when a known path is called with an unsupported method, then it answers 405 with the error shape', async () => {
    const res = await t.http.delete('/api/health').expect(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('when an unknown HTTP method is used, then it is a 4xx JSON error, never a 5xx', async () => {
    const res = await t.http.patch('/api/health');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
