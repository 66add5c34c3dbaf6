import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import Router from '@koa/router';
import request from 'supertest';
import { h5Routes } from '../../bff/src/h5/routes';
import { OpenApiRegistry } from '../../bff/src/openapi/registry';
import { TokenService } from '../../bff/src/auth/tokens';

const INDEX = '<!doctype html><html><head><script>var x=1;</script><script defer src="/h5/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>';

function appServing(dir: string, mediaOrigin: string | null = null) {
  const router = new Router();
  h5Routes(dir)({ router, registry: new OpenApiRegistry(), tokens: new TokenService('t'.repeat(40)) }, { storage: { origin: mediaOrigin } });
  const app = new Koa();
  app.use(router.routes());
  return request(app.callback());
}

describe('the h5 build served by the BFF at /h5/', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mashang-h5-'));
    mkdirSync(path.join(dir, 'js'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'js', 'app.0123abcd.js'), 'console.info(1)');
    writeFileSync(path.join(dir, 'favicon.txt'), 'icon');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when /h5/ is opened, then index.html comes back uncached with a CSP that allows exactly its inline script', async () => {
    const res = await appServing(dir).get('/h5/').expect(200);
    expect(res.text).toContain('<div id="app">');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline\' ;');
  });

  it('when the page uploads a photo or a recording, then the CSP lets it read the file back from its blob: URL', async () => {
    const res = await appServing(dir).get('/h5/').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/connect-src 'self' blob:/);
  });

  it('when media live in the BFF (local storage), then the CSP allows no other origin; with OSS, exactly the object store’s', async () => {
    expect((await appServing(dir).get('/h5/').expect(200)).headers['content-security-policy']).not.toMatch(/https:/);
    const oss = (await appServing(dir, 'https://mashang-media.oss-cn-hangzhou.aliyuncs.com').get('/h5/').expect(200)).headers['content-security-policy'];
    expect(oss).toContain("connect-src 'self' blob: https://mashang-media.oss-cn-hangzhou.aliyuncs.com;");
    expect(oss).not.toMatch(/https:[;\s]/);
  });

  it('when a page path of the browser router is opened, then index.html answers it (SPA fallback)', async () => {
    const res = await appServing(dir).get('/h5/pages/scan/index?scene=demo01').expect(200);
    expect(res.text).toContain('<div id="app">');
  });

  it('when a hashed asset is fetched, then it is cached for a year as immutable', async () => {
    const res = await appServing(dir).get('/h5/js/app.0123abcd.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('when an unhashed file is fetched, then it is cached briefly', async () => {
    const res = await appServing(dir).get('/h5/favicon.txt').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('when a missing file or a path escaping the build is asked for, then it answers 404 and never falls back to index.html', async () => {
    await appServing(dir).get('/h5/js/missing.12345678.js').expect(404);
    const res = await appServing(dir).get('/h5/..%2f..%2fetc%2fpasswd.txt');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('root:');
  });

  it('when /h5 is opened without the slash, then it redirects to /h5/ keeping the query', async () => {
    const res = await appServing(dir).get('/h5?scene=demo01').expect(301);
    expect(res.headers.location).toBe('/h5/?scene=demo01');
  });

  it('when the h5 build is absent, then /h5/ answers 503 with a page that says how to build it', async () => {
    const res = await appServing(path.join(dir, 'nothing-here')).get('/h5/').expect(503);
    expect(res.text).toContain('npm run build:h5');
  });
});
