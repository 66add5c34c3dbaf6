/** The demo tickets: made through the ticket service on the demo city, in states a newcomer can continue. */
import { PassThrough } from 'node:stream';
import { buildTestApp, type TestApp } from '../support/app';
import { bearer } from '../support/ticket-builders';
import { seedDemoOnStart } from '../../bff/src/seed/startup';
import { DEMO_CITIZEN_CODE, seedDemoTickets } from '../../bff/src/seed/demo-tickets';
import { ticketModel } from '../../bff/src/tickets/model';
import { insertStaff } from '../../bff/src/staff/service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo tickets (白银市)', () => {
  test('when the demo city is seeded, then ten tickets exist in various states, each with a gapless timeline', async () => {
    const outcome = await seedDemoOnStart(t.deps, new PassThrough());
    if (outcome.decision !== 'seeded') throw new Error(`expected a fresh seed, got ${outcome.decision}`);
    expect(await seedDemoTickets(t.deps, outcome.org)).toBe(10);
    const docs = await ticketModel(t.db).find().sort({ no: 1 }).lean();
    expect(docs.map((d) => d.status).sort()).toEqual(['accepted', 'closed', 'dispatched', 'handling', 'handling', 'rejected', 'replied', 'submitted', 'visiting', 'visiting'].sort());
    for (const d of docs) expect(d.version).toBe(d.timeline.length - 1);
    expect(await seedDemoTickets(t.deps, outcome.org)).toBe(0);
  });

  test('when the demo citizen logs in with its code, then it sees its own requests and can rate the one awaiting a rating', async () => {
    const login = await t.http.post('/api/v1/auth/wechat').send({ code: DEMO_CITIZEN_CODE }).expect(200);
    const list = await t.http.get('/api/v1/tickets?limit=50').set(bearer(login.body.token)).expect(200);
    expect(list.body.items).toHaveLength(9);
    const waiting = list.body.items.find((i: { status: string; type: string }) => i.status === 'visiting' && i.type !== 'consultation');
    const rated = await t.http.post(`/api/v1/tickets/${waiting.no}/rate`).set(bearer(login.body.token)).send({ satisfaction: 'basic' }).expect(200);
    expect(rated.body.ticket.status).toBe('closed');
  });

  test('when the 城管 handler opens the confidential report, then nothing of the reporter shows (004 §14)', async () => {
    const grease = await ticketModel(t.db).findOne({ type: 'report', confidential: true }).lean();
    await insertStaff(t.deps, { username: 'demo-chengguan-test', password: 'Passw0rd-test', name: '测试城管', roles: ['handler'], unit: grease!.leadUnit! });
    const token = (await t.http.post('/api/admin/v1/auth/login').send({ username: 'demo-chengguan-test', password: 'Passw0rd-test' }).expect(200)).body.token;
    const view = await t.http.get(`/api/admin/v1/tickets/${grease!.no}`).set(bearer(token)).expect(200);
    expect(view.body.ticket).toMatchObject({ contact: null, contactMasked: true });
  });
});
