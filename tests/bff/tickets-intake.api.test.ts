import { buildTestApp, type TestApp } from '../support/app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { buildCitizen, buildStaff } from '../support/builders/staff';
import { noticeModel } from '../../bff/src/outbox/model';
import { bearer, buildTicket, buildWorld, uploadImage, type World } from '../support/ticket-builders';
import { ticketModel } from '../../bff/src/tickets/model';
import { mediaUseModel } from '../../bff/src/uploads/model';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const submitBody = (over: Record<string, unknown> = {}) => ({ type: 'help', content: '楼道里的灯坏了，晚上看不见路', idempotencyKey: `k-${Math.random().toString(36).slice(2, 12)}`, ...over });

describe('POST /api/v1/tickets (citizen submit, 000 §9-10)', () => {
  test('when a citizen submits, then 201 with a YYYYMMDD-NNNNNN number, status submitted, version 0 and a timeline starting with submit', async () => {
    const res = await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(submitBody({ location: { address: '白银区四龙路12号' } })).expect(201);
    const ticket = res.body.ticket;
    expect(ticket.no).toMatch(/^20261124-\d{6}$/);
    expect(ticket).toMatchObject({ type: 'help', status: 'submitted', version: 0, channel: 'miniapp', overdue: false, location: { address: '白银区四龙路12号' } });
    expect(ticket.timeline).toEqual([expect.objectContaining({ action: 'submit', from: null, to: 'submitted', actor: { kind: 'citizen' } })]);
    expect(ticket.allowedActions).toEqual(['withdraw']);
    expect(res.headers.etag).toBe('"0"');
  });

  test('when the same idempotency key is sent again, then 200 with the same ticket and no second one', async () => {
    const body = submitBody();
    const first = await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(body).expect(201);
    const again = await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(body).expect(200);
    expect(again.body.ticket.no).toBe(first.body.ticket.no);
    expect(await ticketModel(t.db).countDocuments({ citizenId: w.citizenA.id, idempotencyKey: body.idempotencyKey })).toBe(1);
  });

  test('when ten retries of one submit race, then exactly one ticket exists, one answer is 201 and all carry its number', async () => {
    const body = submitBody();
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.ticket.no)).size).toBe(1);
    expect(await ticketModel(t.db).countDocuments({ citizenId: w.citizenA.id, idempotencyKey: body.idempotencyKey })).toBe(1);
  });

  test('when another citizen uses the same idempotency key, then it is a different ticket', async () => {
    const body = submitBody();
    const a = await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(body).expect(201);
    const b = await t.http.post('/api/v1/tickets').set(bearer(w.citizenB.token)).send(body).expect(201);
    expect(a.body.ticket.no).not.toBe(b.body.ticket.no);
  });

  test('when a citizen submits more than 20 requests in an hour, then 429 RATE_LIMITED (000 §29), and a retry of an earlier one still answers', async () => {
    const c = await buildCitizen(t);
    const bodies = Array.from({ length: 21 }, () => submitBody());
    for (const body of bodies.slice(0, 20)) await t.http.post('/api/v1/tickets').set(bearer(c.token)).send(body).expect(201);
    expect((await t.http.post('/api/v1/tickets').set(bearer(c.token)).send(bodies[20]).expect(429)).body.error.code).toBe('RATE_LIMITED');
    await t.http.post('/api/v1/tickets').set(bearer(c.token)).send(bodies[0]).expect(200);
  });

  test('when twenty citizens submit at once, then every number is unique (counter proposes, unique index decides)', async () => {
    const citizens = await Promise.all(Array.from({ length: 20 }, () => buildCitizen(t)));
    const results = await Promise.all(citizens.map((c) => t.http.post('/api/v1/tickets').set(bearer(c.token)).send(submitBody())));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.ticket.no)).size).toBe(20);
  });

  test('when it is past midnight in Shanghai but not in UTC, then the number carries the Shanghai day', async () => {
    t.clock.set('2026-11-25T00:10:00+08:00');
    try {
      const { no } = await buildTicket(w);
      expect(no).toMatch(/^20261125-000001$/);
    } finally {
      t.clock.set('2026-11-24T09:00:00+08:00');
    }
  });

  test('when contact data are given, then they are stored encrypted and shown to their owner (002 §13)', async () => {
    const { no, owner } = await buildTicket(w, { contact: { name: '李秀英', phone: '13912345678' } });
    const raw = JSON.stringify(await ticketModel(t.db).findOne({ no }).lean());
    expect(raw).not.toContain('李秀英');
    expect(raw).not.toContain('13912345678');
    const mine = await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200);
    expect(mine.body.ticket.contact).toEqual({ name: '李秀英', phone: '13912345678' });
  });

  test('when an uploaded photo is attached, then it is verified, claimed for the ticket and listed', async () => {
    const key = await uploadImage(w, w.citizenA);
    const res = await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(submitBody({ attachments: [key] })).expect(201);
    expect(res.body.ticket.attachments).toEqual([expect.objectContaining({ key, kind: 'image', mime: 'image/png' })]);
    expect(await mediaUseModel(t.db).findById(key).lean()).toMatchObject({ ticketNo: res.body.ticket.no });
  });

  test('when an attachment is not the citizen\'s own or was used before, then 4xx and no ticket is created', async () => {
    const key = await uploadImage(w, w.citizenA);
    const foreign = submitBody({ attachments: [key] });
    expect((await t.http.post('/api/v1/tickets').set(bearer(w.citizenB.token)).send(foreign).expect(403)).body.error.code).toBe('MEDIA_NOT_OWNED');
    expect(await ticketModel(t.db).countDocuments({ idempotencyKey: foreign.idempotencyKey })).toBe(0);
    await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(submitBody({ attachments: [key] })).expect(201);
    const reuse = submitBody({ attachments: [key] });
    expect((await t.http.post('/api/v1/tickets').set(bearer(w.citizenA.token)).send(reuse).expect(409)).body.error.code).toBe('MEDIA_ALREADY_USED');
    expect(await ticketModel(t.db).countDocuments({ idempotencyKey: reuse.idempotencyKey })).toBe(0);
  });
});

describe('POST /api/admin/v1/tickets (operator keys in a hotline call, 003 §3)', () => {
  const call = (over: Record<string, unknown> = {}) => ({ type: 'complaint', content: '小区楼下烧烤店油烟很大，晚上十二点还很吵', callerPhone: '0943-8221234', callerName: '赵先生', ...over });

  test('when an operator keys in a call, then 201 with channel hotline, the caller as contact and submit on the timeline', async () => {
    const res = await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).send(call()).expect(201);
    expect(res.body.ticket).toMatchObject({ status: 'submitted', channel: 'hotline', contact: { name: '赵先生', phone: '0943-8221234' } });
    expect(res.body.ticket.timeline[0]).toMatchObject({ action: 'submit', actor: { kind: 'staff', id: w.operator.id } });
    expect(res.body.ticket.citizenId).toMatch(/^phone-[0-9a-f]{32}$/);
  });

  test('when the operator retries with the same idempotency key, then 200 and the same ticket', async () => {
    const body = call({ idempotencyKey: 'hotline-call-0001' });
    const first = await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).send(body).expect(201);
    const again = await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).send(body).expect(200);
    expect(again.body.ticket.no).toBe(first.body.ticket.no);
  });

  test('when a dispatcher or handler tries to key in a call, then 403 ROLE_NOT_ALLOWED', async () => {
    for (const token of [w.dispatcher.token, w.handlerX.token]) {
      expect((await t.http.post('/api/admin/v1/tickets').set(bearer(token)).send(call()).expect(403)).body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
  });

  test('when the caller phone is not a phone number, then 400 VALIDATION_FAILED', async () => {
    expect((await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).send(call({ callerPhone: '12345' })).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('content safety (msg_sec_check v2 through the WeChat client)', () => {
  let fake: FakeWechat;
  let wt: TestApp;
  let citizen: { id: string; token: string };
  beforeAll(async () => {
    fake = await startFakeWechat();
    wt = await buildTestApp({ WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.baseUrl });
    citizen = await buildCitizen(wt, 'safety');
  });
  afterAll(async () => {
    await wt.close();
    await fake.close();
  });

  test('when WeChat judges the text risky, then 422 CONTENT_RISKY and no ticket', async () => {
    const body = submitBody({ content: '这里有违禁内容需要处理' });
    const res = await wt.http.post('/api/v1/tickets').set(bearer(citizen.token)).send(body).expect(422);
    expect(res.body.error.code).toBe('CONTENT_RISKY');
    expect(await ticketModel(wt.db).countDocuments({ idempotencyKey: body.idempotencyKey })).toBe(0);
  });

  test('when WeChat asks for review, then the ticket is accepted and flagged needsReview', async () => {
    const res = await wt.http.post('/api/v1/tickets').set(bearer(citizen.token)).send(submitBody({ content: '这段文字待审一下再说' })).expect(201);
    expect((await ticketModel(wt.db).findOne({ no: res.body.ticket.no }).lean())!.needsReview).toBe(true);
  });

  test('when WeChat is unreachable, then the request is not lost: accepted and flagged needsReview', async () => {
    fake.setDown(true);
    try {
      const res = await wt.http.post('/api/v1/tickets').set(bearer(citizen.token)).send(submitBody()).expect(201);
      expect((await ticketModel(wt.db).findOne({ no: res.body.ticket.no }).lean())!.needsReview).toBe(true);
    } finally {
      fake.setDown(false);
    }
  });

  test('when the text is fine, then it is accepted without a flag', async () => {
    const res = await wt.http.post('/api/v1/tickets').set(bearer(citizen.token)).send(submitBody()).expect(201);
    expect((await ticketModel(wt.db).findOne({ no: res.body.ticket.no }).lean())!.needsReview).toBe(false);
  });

  test('when the operator accepts a citizen\'s request, then one subscribe message is queued for the citizen (000 §10 tell the citizen)', async () => {
    const operator = await buildStaff(wt, { roles: ['operator'] });
    const res = await wt.http.post('/api/v1/tickets').set(bearer(citizen.token)).send(submitBody()).expect(201);
    const no = res.body.ticket.no;
    await wt.http.post(`/api/admin/v1/tickets/${no}/accept`).set(bearer(operator.token)).send({}).expect(200);
    const notices = await noticeModel(wt.db).find({ ticketNo: no }).lean();
    expect(notices).toEqual([expect.objectContaining({ template: 'accepted', ticketVersion: 1, openid: 'o_safety', page: `sub/ticket/detail/index?no=${no}` })]);
  });
});
