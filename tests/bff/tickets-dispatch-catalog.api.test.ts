/**
 * The dispatch catalogue on real tickets (002 §20): the ticket's `category` (operator's, else
 * suggested at accept, confirmed or changed at dispatch), the suggestion for a ticket, and
 * suggestion vs the dispatcher's choice recorded for the accuracy report.
 */
import { seedDemoCatalogAndScenes } from '../../bff/src/catalog';
import { buildDemoOrg, type DemoOrg } from '../fixtures/demo-org';
import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen, buildStaff, type TestStaff } from '../support/builders/staff';
import { bearer } from '../support/ticket-builders';

let t: TestApp;
let org: DemoOrg;
let operator: TestStaff;
let dispatcher: TestStaff;
let handler: TestStaff;

beforeAll(async () => {
  t = await buildTestApp();
  const admin = await buildStaff(t, { roles: ['admin'] });
  org = await buildDemoOrg(t, admin.token);
  await seedDemoCatalogAndScenes(t.deps);
  operator = await buildStaff(t, { roles: ['operator'] });
  dispatcher = await buildStaff(t, { roles: ['dispatcher'] });
  handler = await buildStaff(t, { roles: ['handler'], unit: org.water });
});
afterAll(() => t.close());

let seq = 0;
async function submit(content: string): Promise<string> {
  const citizen = await buildCitizen(t);
  const res = await t.http.post('/api/v1/tickets').set(bearer(citizen.token)).send({ type: 'complaint', content, attachments: [], idempotencyKey: `catalog-key-${++seq}` });
  expect(res.status).toBe(201);
  return res.body.ticket.no as string;
}

const post = (token: string, no: string, action: string, body: Record<string, unknown>) => t.http.post(`/api/admin/v1/tickets/${no}/${action}`).set(bearer(token)).send(body);
const suggestion = (token: string, no: string) => t.http.get(`/api/admin/v1/tickets/${no}/dispatch-suggestion`).set(bearer(token));
const accuracy = async () => (await t.http.get('/api/admin/v1/catalog/accuracy?from=2026-11-24&to=2026-11-25').set(bearer(operator.token)).expect(200)).body;

describe('002 §20 dispatch catalogue on tickets', () => {
  test('002 §20 when a request is accepted without a category, then the suggested one is stored; dispatching as suggested counts as correct', async () => {
    const no = await submit('人民路口的路灯坏了好几天，晚上一片漆黑');
    expect((await post(operator.token, no, 'accept', {}).expect(200)).body.ticket.category).toBe('010101');
    const s = (await suggestion(dispatcher.token, no).expect(200)).body.suggestion;
    expect(s).toMatchObject({ leadUnit: org.cityManagement, category: '010101' });
    expect(s.reasons.length).toBeGreaterThan(0);
    const dispatched = (await post(dispatcher.token, no, 'dispatch', { leadUnit: s.leadUnit }).expect(200)).body.ticket;
    expect(dispatched).toMatchObject({ category: '010101', leadUnit: org.cityManagement });
    expect(await accuracy()).toEqual({ count: 1, correct: 1, accuracy: 1 });
  });

  test('002 §20 when the dispatcher changes the unit and the category, then the ticket keeps the dispatcher’s category and the miss is counted once', async () => {
    const no = await submit('小区楼下的饭店后厨很脏，苍蝇乱飞');
    await post(operator.token, no, 'accept', {}).expect(200);
    const dispatched = (await post(dispatcher.token, no, 'dispatch', { leadUnit: org.ecology, category: '020201' }).expect(200)).body.ticket;
    expect(dispatched.category).toBe('020201');
    await post(dispatcher.token, no, 'dispatch', { leadUnit: org.ecology }).expect(409);
    expect(await accuracy()).toEqual({ count: 2, correct: 1, accuracy: 0.5 });
    const list = (await t.http.get('/api/admin/v1/tickets?q=' + no).set(bearer(operator.token)).expect(200)).body.items;
    expect(list).toEqual([expect.objectContaining({ no, category: '020201' })]);
  });

  test('when an operator keys in a call with a category, then it is stored and kept at accept; an unknown code answers 422 CATEGORY_NOT_FOUND, a non-leaf one CATEGORY_NOT_LEAF', async () => {
    const body = { type: 'complaint', content: '路边有人摆摊占用人行道', callerPhone: '13912345678', category: '010102' };
    const created = (await t.http.post('/api/admin/v1/tickets').set(bearer(operator.token)).send(body).expect(201)).body.ticket;
    expect(created.category).toBe('010102');
    expect((await post(operator.token, created.no, 'accept', {}).expect(200)).body.ticket.category).toBe('010102');
    const unknown = await t.http.post('/api/admin/v1/tickets').set(bearer(operator.token)).send({ ...body, category: '999999' });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'CATEGORY_NOT_FOUND']);
    const broad = await t.http.post('/api/admin/v1/tickets').set(bearer(operator.token)).send({ ...body, category: '0101' });
    expect([broad.status, broad.body.error.code]).toEqual([422, 'CATEGORY_NOT_LEAF']);
    const malformed = await t.http.post('/api/admin/v1/tickets').set(bearer(operator.token)).send({ ...body, category: 'x' });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  test('when a dispatch names an unknown category, then 422 CATEGORY_NOT_FOUND and nothing changes', async () => {
    const no = await submit('路灯不亮了');
    await post(operator.token, no, 'accept', {}).expect(200);
    const res = await post(dispatcher.token, no, 'dispatch', { leadUnit: org.cityManagement, category: '999999' });
    expect([res.status, res.body.error.code]).toEqual([422, 'CATEGORY_NOT_FOUND']);
    expect((await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(operator.token)).expect(200)).body.ticket.status).toBe('accepted');
  });

  test('when a handler or a citizen asks for the suggestion, or the ticket does not exist, then 403 / 401 / 404', async () => {
    const no = await submit('路灯不亮了');
    expect((await suggestion(handler.token, no)).status).toBe(403);
    const citizen = await buildCitizen(t);
    expect((await suggestion(citizen.token, no)).status).toBe(401);
    expect((await suggestion(operator.token, '20261124-999999')).body.error.code).toBe('TICKET_NOT_FOUND');
  });
});
