import { buildTestApp, type TestApp } from '../support/app';

/** RFC 9110 §15.5.6: a 405 carries `Allow` with the methods the target supports. */
let t: TestApp;
let paths: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  t = await buildTestApp();
  paths = (await t.http.get('/api/openapi.json').expect(200)).body.paths;
});
afterAll(() => t.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const concrete = (p: string) => p.replace(/\{(\w+)\}/g, (_m, name: string) => `zz-${name}-1`);

describe('405 Method Not Allowed', () => {
  test('when any documented path is called with a method it does not support, then 405 carries an Allow header listing the methods it does', async () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(paths)) {
      const documented = METHODS.filter((m) => m in ops);
      // A method another route serves on the same concrete path (e.g. GET /tickets/similar is also
      // GET /tickets/{no}) is not a 405: every other method that is must carry Allow.
      const others = METHODS.filter((m) => !documented.includes(m));
      if (!others.length) continue;
      let answered405 = false;
      for (const other of others) {
        const res = await t.http[other](concrete(path));
        if (res.status !== 405) continue;
        answered405 = true;
        checked++;
        const allow = String(res.headers.allow ?? '').split(/,\s*/).filter(Boolean);
        const want = documented.map((m) => m.toUpperCase());
        if (!want.every((m) => allow.includes(m)) || allow.includes(other.toUpperCase())) missing.push(`${other.toUpperCase()} ${path} → Allow: ${res.headers.allow ?? '(none)'}; documented ${want.join(', ')}`);
        expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
      }
      if (!answered405) missing.push(`${path}: no unsupported method answered 405`);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  test('when an unknown method is sent to a known path, then 405 with Allow', async () => {
    const res = await t.http.propfind('/api/health');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toMatch(/GET/);
  });
});
