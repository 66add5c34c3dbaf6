import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';

/** Every `If-Match` header is documented with the pattern the server parses (a version, bare or as an ETag), and its 400/412 answers. */
let t: TestApp;
let admin: string;
type Param = { name: string; in: string; schema: { type: string; pattern?: string } };
let ifMatchOps: Array<{ path: string; method: string; param: Param; responses: Record<string, unknown> }>;
beforeAll(async () => {
  t = await buildTestApp();
  const doc = (await t.http.get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Param[]; responses: Record<string, unknown> }>> };
  ifMatchOps = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => (op.parameters ?? []).filter((p) => p.in === 'header' && p.name === 'If-Match').map((param) => ({ path, method, param, responses: op.responses }))),
  );
  admin = (await buildStaff(t, { roles: ['admin'] })).token;
});
afterAll(() => t.close());

describe('If-Match in the OpenAPI document', () => {
  test('when an operation reads If-Match, then the header is documented with the version pattern the server parses, and 400 and 412 are documented', () => {
    expect(ifMatchOps.length).toBeGreaterThan(3);
    for (const op of ifMatchOps) {
      expect([op.path, op.param.schema.pattern]).toEqual([op.path, expect.any(String)]);
      const re = new RegExp(op.param.schema.pattern as string);
      for (const ok of ['3', '"3"', 'W/"3"', '123456789']) expect([op.path, ok, re.test(ok)]).toEqual([op.path, ok, true]);
      for (const bad of ['abc', '*', '"v3"', '1234567890', '-1']) expect([op.path, bad, re.test(bad)]).toEqual([op.path, bad, false]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '412']));
    }
  });

  test('when If-Match matches the documented pattern, then the server parses it as the version; when it does not, then 400 INVALID_IF_MATCH', async () => {
    const unit = await buildUnit(t, admin);
    const patch = (ifMatch: string, name: string) => t.http.patch(`/api/admin/v1/units/${unit.id}`).set('Authorization', `Bearer ${admin}`).set('If-Match', ifMatch).send({ name });
    let version = unit.version;
    for (const form of [(v: number) => `${v}`, (v: number) => `"${v}"`, (v: number) => `W/"${v}"`]) {
      const res = await patch(form(version), `改名${version}`);
      expect(res.status).toBe(200);
      version = res.body.unit.version;
    }
    expect((await patch(`"${version + 5}"`, '过期')).status).toBe(412);
    const bad = await patch('"v3"', '无效');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_IF_MATCH');
  });
});
