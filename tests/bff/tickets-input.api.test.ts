/**
 * Bad input on every ticket route answers 4xx with an error code — never 5xx, never a crash —
 * including bodies that try to smuggle query operators (`{"$gt": ""}`) into the database.
 */
import { TICKET_ACTIONS } from '@mashang/shared';
import type { Response } from 'supertest';
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildTicket, buildWorld, ticketIn, type World } from '../support/ticket-builders';
import { ticketModel } from '../../bff/src/tickets/model';

let t: TestApp;
let w: World;
let no: string;
let citizenToken: string;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  const built = await ticketIn(w, 'handling');
  no = built.no;
  citizenToken = built.owner.token;
});
afterAll(() => t.close());

function expect4xx(res: Response, label: string): void {
  if (res.status < 400 || res.status >= 500 || !/^[A-Z][A-Z_]+$/.test(res.body?.error?.code ?? '')) {
    throw new Error(`${label}: expected a 4xx with an error code, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

const INJECTIONS: unknown[] = [
  { type: { $gt: '' } },
  { $where: 'sleep(1000)' },
  { content: { $ne: null } },
  { idempotencyKey: { $regex: '.*' } },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  [],
  [{ type: 'help' }],
  'just a string',
  null,
  42,
];

const validSubmit = { type: 'help', content: '路灯坏了好几天了', idempotencyKey: 'input-test-key-1' };

describe('text hygiene of free-text fields (issue 17 item 8)', () => {
  test('when a text carries NUL, another control character or a lone surrogate, then 400 VALIDATION_FAILED on the citizen and staff APIs and nothing is stored', async () => {
    const before = await ticketModel(t.db).countDocuments();
    for (const [i, content] of ['路灯坏了\u0000好几天了', '路灯坏了\u0007好几天了', '路灯坏了\uD800好几天了', '路灯坏了\uDC00好几天了'].entries()) {
      const res = await t.http.post('/api/v1/tickets').set(bearer(citizenToken)).send({ ...validSubmit, content, idempotencyKey: `hygiene-key-${i}` });
      expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await ticketModel(t.db).countDocuments()).toBe(before);
    const note = await t.http.post(`/api/admin/v1/tickets/${no}/stage-report`).set(bearer(w.handlerX.token)).send({ content: '已进场\u0000施工' });
    expect([note.status, note.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  test('when a text carries bidi override or isolate characters, then they are stripped before it is stored; emoji and line breaks stay', async () => {
    const res = await t.http.post('/api/v1/tickets').set(bearer(citizenToken)).send({ ...validSubmit, content: '路灯\u202E坏了\u2066好几天了😀\n请尽快', idempotencyKey: 'hygiene-key-bidi' });
    expect(res.status).toBe(201);
    expect(res.body.ticket.content).toBe('路灯坏了好几天了😀\n请尽快');
    expect((await ticketModel(t.db).findOne({ no: res.body.ticket.no }).lean())?.content).toBe('路灯坏了好几天了😀\n请尽快');
  });
});

describe('POST /api/v1/tickets', () => {
  const BAD: unknown[] = [
    ...INJECTIONS,
    {},
    { ...validSubmit, type: 'opinion' },
    { ...validSubmit, content: '短' },
    { ...validSubmit, content: '长'.repeat(2001) },
    { ...validSubmit, idempotencyKey: 'short' },
    { ...validSubmit, attachments: ['../../etc/passwd'] },
    { ...validSubmit, attachments: Array.from({ length: 20 }, (_, i) => `c/x/202611/${String(i).padStart(32, '0')}.jpg`) },
    { ...validSubmit, location: { lat: 36.5 } },
    { ...validSubmit, location: { lat: 'north', lng: 104 } },
    { ...validSubmit, contact: { name: '张三', phone: '110' } },
    { ...validSubmit, confidential: 'yes' },
    { ...validSubmit, scene: '<script>' },
    { ...validSubmit, status: 'closed' },
    { ...validSubmit, citizenId: 'someone-else' },
  ];

  test.each(BAD.map((b, i) => [i, b]))('when body #%i is malformed or an injection, then 4xx with a code', async (_i, body) => {
    const res = await t.http.post('/api/v1/tickets').set(bearer(citizenToken)).set('Content-Type', 'application/json').send(JSON.stringify(body));
    expect4xx(res, JSON.stringify(body));
  });

  test('when the JSON is broken or the body too large, then 400 MALFORMED_JSON / 413', async () => {
    const broken = await t.http.post('/api/v1/tickets').set(bearer(citizenToken)).set('Content-Type', 'application/json').send('{"type": "help", ');
    expect([broken.status, broken.body.error.code]).toEqual([400, 'MALFORMED_JSON']);
    const huge = await t.http.post('/api/v1/tickets').set(bearer(citizenToken)).set('Content-Type', 'application/json').send(JSON.stringify({ ...validSubmit, content: 'x'.repeat(400_000) }));
    expect(huge.status).toBe(413);
  });

  test('when an operator-injection body was tried, then no ticket came of it', async () => {
    expect(await ticketModel(t.db).countDocuments({ type: { $nin: ['consultation', 'help', 'complaint', 'report', 'suggestion'] } })).toBe(0);
  });
});

describe('GET routes with bad parameters', () => {
  const citizenQueries = ['status=bogus', 'limit=0', 'limit=abc', 'limit=1000', 'cursor=!!!', 'status[$ne]=closed', 'cursor[$gt]=', 'extra=1'];
  test.each(citizenQueries)('GET /api/v1/tickets?%s → 4xx', async (q) => {
    expect4xx(await t.http.get(`/api/v1/tickets?${q}`).set(bearer(citizenToken)), q);
  });

  const adminQueries = ['unit[$ne]=x', 'overdue=maybe', 'from=yesterday', `q=${'长'.repeat(101)}`, 'type=opinion', 'to=2026-13-01', 'status=closed&status=open', 'cursor=' + Buffer.from('1.zz').toString('base64url')];
  test.each(adminQueries)('GET /api/admin/v1/tickets?%s → 4xx', async (q) => {
    expect4xx(await t.http.get(`/api/admin/v1/tickets?${encodeURI(q)}`).set(bearer(w.operator.token)), q);
  });

  test.each(['abc', '20261124-1', '2026112-000001', "20261124-000001'--", '%24gt'])('GET …/tickets/%s (not a ticket number) → 400', async (bad) => {
    expect4xx(await t.http.get(`/api/v1/tickets/${bad}`).set(bearer(citizenToken)), bad);
    expect4xx(await t.http.get(`/api/admin/v1/tickets/${bad}`).set(bearer(w.operator.token)), bad);
  });

  test('when a well-formed number does not exist, then 404 TICKET_NOT_FOUND', async () => {
    const res = await t.http.get('/api/admin/v1/tickets/20991231-999999').set(bearer(w.operator.token));
    expect([res.status, res.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
  });

  test.each(['type=opinion&start=2026-11-24', 'type=help&start=tomorrow', 'type=help&start=2026-11-24&class=E', 'start=2026-11-24', 'type=help', 'type=help&start=2026-11-24&channel=fax'])(
    'GET /api/admin/v1/sla/preview?%s → 400',
    async (q) => {
      expect4xx(await t.http.get(`/api/admin/v1/sla/preview?${q}`).set(bearer(w.operator.token)), q);
    },
  );
});

describe('POST /api/admin/v1/tickets/{no}/{action}', () => {
  test.each(['explode', '__proto__', 'constructor', 'ACCEPT', 'accept;drop', '%24where'])('when the action %s is unknown, then 400', async (action) => {
    expect4xx(await t.http.post(`/api/admin/v1/tickets/${no}/${action}`).set(bearer(w.operator.token)).send({}), action);
  });

  const junk: unknown[] = [{ leadUnit: { $gt: '' } }, { reasonCode: { $in: ['petition'] }, note: 'x' }, { approve: 'yes' }, { workingDays: -1, reason: 'x' }, { satisfaction: { $ne: 1 } }, { note: 'x'.repeat(5000) }, { $set: { status: 'closed' } }, [], 'text', null];
  const combos = TICKET_ACTIONS.flatMap((action) => junk.map((body, i) => [action, i, body] as const));

  test.each(combos)('when %s gets junk body #%i, then 4xx with a code and the ticket is unchanged', async (action, _i, body) => {
    const before = (await ticketModel(t.db).findOne({ no }).lean())!.version;
    for (const token of [w.operator.token, w.handlerX.token, w.supervisor.token]) {
      const res = await t.http.post(`/api/admin/v1/tickets/${no}/${action}`).set(bearer(token)).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect4xx(res, `${action} ${JSON.stringify(body)}`);
    }
    expect((await ticketModel(t.db).findOne({ no }).lean())!.version).toBe(before);
  });

  test.each(['supplement', 'withdraw', 'rate'])('when the citizen sends junk to %s, then 4xx with a code', async (action) => {
    for (const body of junk) {
      const res = await t.http.post(`/api/v1/tickets/${no}/${action}`).set(bearer(citizenToken)).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect4xx(res, `${action} ${JSON.stringify(body)}`);
    }
  });

  test('when the ticket number is malformed or absent, then 400 / 404', async () => {
    expect4xx(await t.http.post('/api/admin/v1/tickets/nope/accept').set(bearer(w.operator.token)).send({}), 'nope');
    const missing = await t.http.post('/api/admin/v1/tickets/20991231-999999/accept').set(bearer(w.operator.token)).send({});
    expect([missing.status, missing.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
  });

  test('when an operator keys in a call with injected fields, then 4xx', async () => {
    for (const body of [...INJECTIONS, { type: 'help', content: '路灯坏了好几天了', callerPhone: { $ne: '' } }, { type: 'help', content: '路灯坏了好几天了', callerPhone: '13800000000', channel: 'telepathy' }]) {
      expect4xx(await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).set('Content-Type', 'application/json').send(JSON.stringify(body)), JSON.stringify(body));
    }
  });

  test('when a valid ticket is then submitted, then the routes still work (no crash left behind)', async () => {
    await buildTicket(w);
  });
});
