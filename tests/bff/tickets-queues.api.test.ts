/** The staff work queues: 即将超期, 督办, 延期申请, 退回申请, channel and class filters, and their counts. */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, must, ticketIn, type World } from '../support/ticket-builders';

let t: TestApp;
let w: World;
let supervised: string;
let extension: string;
let returning: string;
let handling: string;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
  handling = (await ticketIn(w, 'handling', { content: '人民路井盖松动，车辆经过噪音很大' })).no;
  supervised = (await ticketIn(w, 'handling', { content: '小区垃圾清运不及时，气味很大' })).no;
  await must(w, w.supervisor.token, supervised, 'supervise', { means: 'written-feedback', note: '请三日内书面反馈' });
  extension = (await ticketIn(w, 'handling', { content: '老旧小区加装电梯进度缓慢' })).no;
  await must(w, w.handlerX.token, extension, 'request-extension', { workingDays: 5, reason: '需协调多个部门' });
  returning = (await ticketIn(w, 'dispatched', { content: '河道漂浮物多，需要清理' })).no;
  await must(w, w.handlerX.token, returning, 'request-return', { reason: '河道不属本街道管辖' });
});
afterAll(() => t.close());

async function list(query: string, token = w.operator.token): Promise<string[]> {
  const res = await t.http.get(`/api/admin/v1/tickets?limit=100&${query}`).set(bearer(token)).expect(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.items.map((i: { no: string }) => i.no);
}

async function counts(token = w.operator.token, query = ''): Promise<Record<string, number> & { status: Record<string, number> }> {
  return (await t.http.get(`/api/admin/v1/tickets/counts${query}`).set(bearer(token)).expect(200)).body;
}

describe('GET /api/admin/v1/tickets queue filters', () => {
  test('when a supervisor opens a 督办, then supervised=true lists that ticket only', async () => {
    expect(await list('supervised=true')).toEqual([supervised]);
  });

  test('when the unit asks for more days, then extensionPending=true lists it until the supervisor decides', async () => {
    expect(await list('extensionPending=true')).toEqual([extension]);
    const other = (await ticketIn(w, 'handling')).no;
    await must(w, w.handlerX.token, other, 'request-extension', { workingDays: 3, reason: '等待检测报告' });
    await must(w, w.supervisor.token, other, 'decide-extension', { approve: false });
    expect(await list('extensionPending=true')).toEqual([extension]);
  });

  test('when the unit asks to return a ticket, then returnPending=true lists it', async () => {
    expect(await list('returnPending=true')).toEqual([returning]);
  });

  test('when the due date comes within the profile\'s warning window, then dueSoon=true lists the ticket, and once passed only overdue does', async () => {
    const view = await t.http.get(`/api/admin/v1/tickets/${handling}`).set(bearer(w.operator.token)).expect(200);
    const dueAt = new Date(view.body.ticket.dueAt).getTime();
    expect(await list('dueSoon=true')).not.toContain(handling);
    const now = t.clock.now();
    try {
      t.clock.set(new Date(dueAt - 3_600_000));
      expect(await list('dueSoon=true')).toContain(handling);
      expect(await list('overdue=true')).not.toContain(handling);
      t.clock.set(new Date(dueAt + 60_000));
      expect(await list('dueSoon=true')).not.toContain(handling);
      expect(await list('overdue=true')).toContain(handling);
    } finally {
      t.clock.set(now);
    }
  });

  test('when filtered by channel or class, then only tickets of that channel or class come back', async () => {
    const keyed = await t.http.post('/api/admin/v1/tickets').set(bearer(w.operator.token)).send({ type: 'complaint', content: '热线来电：公交站台顶棚破损漏雨', callerPhone: '13800138000' }).expect(201);
    expect(await list('channel=hotline')).toEqual([keyed.body.ticket.no]);
    expect(await list('channel=miniapp')).toEqual(expect.arrayContaining([handling, supervised, extension, returning]));
    expect(await list('channel=miniapp')).not.toContain(keyed.body.ticket.no);
    expect(await list('class=A')).toEqual([]);
  });

  test('when a queue flag is false, then 400 (only true selects a queue)', async () => {
    const res = await t.http.get('/api/admin/v1/tickets?dueSoon=false').set(bearer(w.operator.token)).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/admin/v1/tickets/counts', () => {
  test('when the operator asks, then each count equals the length of its queue\'s list', async () => {
    const c = await counts();
    expect(c.supervised).toBe((await list('supervised=true')).length);
    expect(c.extensionPending).toBe(1);
    expect(c.returnPending).toBe(1);
    expect(c.status.returning).toBe(1);
    expect(c.status.handling).toBe((await list('status=handling')).length);
    expect(c.dueSoon).toBe((await list('dueSoon=true')).length);
    expect(c.overdue).toBe((await list('overdue=true')).length);
    expect(c.total).toBe((await list('')).length);
  });

  test('when another unit\'s handler asks, then its counts see none of these tickets (the list\'s scope)', async () => {
    const c = await counts(w.handlerY.token);
    expect(c.total).toBe(0);
    expect(c.supervised).toBe(0);
    expect(c.extensionPending).toBe(0);
    const mine = await counts(w.handlerX.token);
    expect(mine.supervised).toBe(1);
    expect(mine.status.handling).toBe((await list('status=handling', w.handlerX.token)).length);
  });

  test('when filtered like the list, then the counts narrow the same way', async () => {
    const c = await counts(w.operator.token, `?q=${encodeURIComponent('垃圾清运')}`);
    expect(c.total).toBe(1);
    expect(c.supervised).toBe(1);
    expect(c.extensionPending).toBe(0);
    expect((await counts(w.operator.token, '?channel=hotline')).total).toBe((await list('channel=hotline')).length);
    expect((await counts(w.operator.token, '?channel=leader-board')).total).toBe(0);
  });
});
