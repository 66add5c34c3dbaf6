import Ajv from 'ajv';
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, type World } from '../support/ticket-builders';

/** The real answers of the main operations validate against the response schemas of `/api/openapi.json`. */
let t: TestApp;
let w: World;
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
const ajv = new Ajv({ nullable: true, allErrors: true, unknownFormats: 'ignore' });

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  doc = (await t.http.get('/api/openapi.json').expect(200)).body;
});
afterAll(() => t.close());

function expectDocumented(path: string, method: string, res: { status: number; body: unknown }): void {
  const schema = doc.paths[path]?.[method]?.responses[String(res.status)]?.content?.['application/json']?.schema;
  expect(schema).toBeDefined();
  const ok = ajv.validate(schema as object, res.body);
  expect({ path, method, status: res.status, errors: ok ? null : ajv.errors }).toEqual({ path, method, status: res.status, errors: null });
}

const submitBody = () => ({ type: 'help', content: '楼道里的灯坏了，晚上看不见路', idempotencyKey: `k-${Math.random().toString(36).slice(2, 12)}`, location: { address: '白银区四龙路12号' } });

describe('responses match the OpenAPI document', () => {
  test('when a citizen submits and reads a ticket and staff read it, then each answer (timeline entries with their label) validates against its documented schema', async () => {
    const submit = await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(submitBody()).expect(201);
    expect(submit.body.ticket.timeline[0].label).toEqual(expect.any(String));
    expectDocumented('/api/v1/tickets', 'post', submit);
    const no = submit.body.ticket.no as string;
    const detail = await t.http.get(`/api/v1/tickets/${no}`).set(bearer(w.citizenA.token)).expect(200);
    expectDocumented('/api/v1/tickets/{no}', 'get', detail);
    const staff = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.operator.token)).expect(200);
    expectDocumented('/api/admin/v1/tickets/{no}', 'get', staff);
  });

  test.each(['complaint', 'help', 'consultation'])('when staff preview the deadlines of a %s, then rules.dispatch and rules.final validate against the documented schema', async (type) => {
    const res = await t.http.get(`/api/admin/v1/sla/preview?type=${type}&start=2026-11-24`).set(bearer(w.operator.token)).expect(200);
    expectDocumented('/api/admin/v1/sla/preview', 'get', res);
  });
});
