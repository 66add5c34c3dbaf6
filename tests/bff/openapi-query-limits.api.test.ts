import { STAFF_ROLES } from '@mashang/shared';
import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen, buildStaff } from '../support/builders/staff';

/** Query `limit` (and every query integer) is documented with the minimum and maximum the server enforces; dates with their format and pattern. */
let t: TestApp;
let doc: { paths: Record<string, Record<string, { security?: Array<Record<string, unknown>>; parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }> }>> };
let tokens: { citizenToken: string; staffToken: string };
beforeAll(async () => {
  t = await buildTestApp();
  doc = (await t.http.get('/api/openapi.json').expect(200)).body;
  tokens = { citizenToken: (await buildCitizen(t)).token, staffToken: (await buildStaff(t, { roles: [...STAFF_ROLES] })).token };
});
afterAll(() => t.close());

type Op = { path: string; method: 'get' | 'post'; token?: string; param: { name: string; schema: Record<string, unknown> } };
function queryParams(pred: (p: { name: string; schema: Record<string, unknown> }) => boolean): Op[] {
  const out: Op[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const scheme = Object.keys(op.security?.[0] ?? {})[0] as keyof typeof tokens | undefined;
      for (const p of op.parameters ?? []) if (p.in === 'query' && pred(p)) out.push({ path, method: method as 'get' | 'post', token: scheme ? tokens[scheme] : undefined, param: p });
    }
  }
  return out;
}

async function queryIssue(op: Op, value: string): Promise<unknown> {
  const url = `${op.path.replace(/\{(\w+)\}/g, 'zz')}?${op.param.name}=${encodeURIComponent(value)}`;
  const req = t.http[op.method](url);
  if (op.token) req.set('Authorization', `Bearer ${op.token}`);
  const res = await req;
  const details = (res.body?.error?.details ?? []) as Array<{ in?: string; path?: string }>;
  return res.status === 400 && Array.isArray(details) ? details.find((d) => d.in === 'query' && d.path === op.param.name) : undefined;
}

describe('query parameters in the OpenAPI document', () => {
  test('when the document lists a query limit, then it is an integer with its real minimum and maximum, and the server refuses just outside them and accepts the maximum', async () => {
    const limits = queryParams((p) => p.name === 'limit');
    expect(limits.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const op of limits) {
      const { type, minimum, maximum } = op.param.schema as { type?: string; minimum?: number; maximum?: number };
      if (type !== 'integer' || typeof minimum !== 'number' || typeof maximum !== 'number') {
        wrong.push(`${op.method} ${op.path}: ${JSON.stringify(op.param.schema)}`);
        continue;
      }
      if (!(await queryIssue(op, String(minimum - 1)))) wrong.push(`${op.method} ${op.path}: limit=${minimum - 1} accepted`);
      if (!(await queryIssue(op, String(maximum + 1)))) wrong.push(`${op.method} ${op.path}: limit=${maximum + 1} accepted`);
      if (await queryIssue(op, String(maximum))) wrong.push(`${op.method} ${op.path}: limit=${maximum} refused`);
      if (await queryIssue(op, String(minimum))) wrong.push(`${op.method} ${op.path}: limit=${minimum} refused`);
    }
    expect(wrong).toEqual([]);
  });

  test('when the document lists a date query parameter, then every alternative has a format and a pattern, and the server refuses 0000-00-00 and accepts a real date', async () => {
    const isDate = (s: Record<string, unknown>): boolean => s.format === 'date' || s.format === 'date-time' || (Array.isArray(s.anyOf) && s.anyOf.some((a) => isDate(a as Record<string, unknown>)));
    const dates = queryParams((p) => isDate(p.schema));
    expect(dates.length).toBeGreaterThan(2);
    const wrong: string[] = [];
    for (const op of dates) {
      const alts = (op.param.schema.anyOf as Array<Record<string, unknown>> | undefined) ?? [op.param.schema];
      if (!alts.every((a) => typeof a.format === 'string' && typeof a.pattern === 'string')) wrong.push(`${op.method} ${op.path} ${op.param.name}: ${JSON.stringify(op.param.schema)}`);
      if (!(await queryIssue(op, '0000-00-00'))) wrong.push(`${op.method} ${op.path} ${op.param.name}=0000-00-00 accepted`);
      if (await queryIssue(op, '2026-11-24')) wrong.push(`${op.method} ${op.path} ${op.param.name}=2026-11-24 refused`);
    }
    expect(wrong).toEqual([]);
  });
});
