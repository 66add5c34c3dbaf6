import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import Router from '@koa/router';
import request from 'supertest';
import { adminWebRoutes } from '../../bff/src/admin-web/routes';
import { OpenApiRegistry } from '../../bff/src/openapi/registry';
import { TokenService } from '../../bff/src/auth/tokens';

const INDEX = '<!doctype html><html><head><script type="module" src="/admin/assets/index-AbC123_x.js"></script></head><body><div id="root"></div></body></html>';

function appServing(dir: string, mediaOrigin: string | null = null) {
  const router = new Router();
  adminWebRoutes(dir)({ router, registry: new OpenApiRegistry(), tokens: new TokenService('t'.repeat(40)) }, { storage: { origin: mediaOrigin } });
  const app = new Koa();
  app.use(router.routes());
  return request(app.callback());
}

describe('the staff workbench served by the BFF at /admin/', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mashang-admin-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'index-AbC123_x.js'), 'console.info(1)');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when /admin is opened, then it redirects to /admin/', async () => {
    const res = await appServing(dir).get('/admin').expect(301);
    expect(res.headers.location).toBe('/admin/');
  });

  it('when /admin/ or a page of the workbench is opened, then index.html comes back uncached with a CSP without inline scripts', async () => {
    for (const url of ['/admin/', '/admin/tickets/20261124-000001', '/admin/stats']) {
      const res = await appServing(dir).get(url).expect(200);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('when media live in the BFF (local storage), then the CSP allows no other origin; with OSS, exactly the object store’s', async () => {
    const local = (await appServing(dir).get('/admin/').expect(200)).headers['content-security-policy'];
    expect(local).toContain("connect-src 'self';");
    expect(local).not.toMatch(/https:/);
    const oss = (await appServing(dir, 'https://mashang-media.oss-cn-hangzhou.aliyuncs.com').get('/admin/').expect(200)).headers['content-security-policy'];
    expect(oss).toContain("connect-src 'self' https://mashang-media.oss-cn-hangzhou.aliyuncs.com;");
    expect(oss).toContain("img-src 'self' data: blob: https://mashang-media.oss-cn-hangzhou.aliyuncs.com;");
    expect(oss).not.toMatch(/https:[;\s]/);
  });

  it('when a built asset is asked for, then it is served for a year; a missing one is a 404, never index.html', async () => {
    const asset = await appServing(dir).get('/admin/assets/index-AbC123_x.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await appServing(dir).get('/admin/assets/gone-1234.js').expect(404);
    await appServing(dir).get('/admin/../package.json').expect(404);
  });

  it('when the workbench is not built, then /admin/ answers 503 with how to build it', async () => {
    const res = await appServing(path.join(dir, 'nothing-here')).get('/admin/').expect(503);
    expect(res.text).toContain('npm run -w @mashang/admin build');
  });
});
