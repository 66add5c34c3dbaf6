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
  test('when any documented path is called with a method it does not document, then 405 carries Allow with exactly the documented methods (a literal path such as /tickets/similar is not also /tickets/{no})', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(paths)) {
      const documented = METHODS.filter((m) => m in ops).map((m) => m.toUpperCase());
      const want = [...documented, ...(documented.includes('GET') ? ['HEAD'] : [])].sort();
      for (const other of METHODS.filter((m) => !documented.includes(m.toUpperCase()))) {
        const res = await t.http[other](concrete(path));
        checked++;
        const allow = String(res.headers.allow ?? '').split(/,\s*/).filter(Boolean).sort();
        if (res.status !== 405 || allow.join() !== want.join() || res.body.error?.code !== 'METHOD_NOT_ALLOWED') {
          wrong.push(`${other.toUpperCase()} ${path} → ${res.status} Allow: ${res.headers.allow ?? '(none)'}; documented ${want.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  test('when OPTIONS is sent to a path, then 204 with Allow', async () => {
    const res = await t.http.options('/api/v1/tickets/similar');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('POST');
  });

  test('when an unknown method is sent to a known path, then 405 with Allow', async () => {
    const res = await t.http.propfind('/api/health');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toMatch(/GET/);
  });
});
