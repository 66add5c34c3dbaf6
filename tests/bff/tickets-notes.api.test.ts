/**
 * Internal notes (POST /api/admin/v1/tickets/{no}/notes): staff only, in the staff detail, never
 * in the citizen view, audited (004 §4 traceable); a note neither moves the version nor the timeline.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildWorld, staffGet, ticketIn, type World } from '../support/ticket-builders';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const addNote = (token: string, no: string, body: unknown) => t.http.post(`/api/admin/v1/tickets/${no}/notes`).set(bearer(token)).send(body as object);

describe('internal notes on a ticket', () => {
  test('when staff add notes, then the staff detail lists them oldest first, the version and timeline stay, and the citizen never sees them', async () => {
    const { no, owner } = await ticketIn(w, 'dispatched');
    const before = (await staffGet(w, w.operator.token, no)).body.ticket;
    const first = await addNote(w.operator.token, no, { note: '来电人情绪激动，回访时注意沟通方式' });
    expect(first.status).toBe(201);
    expect(first.body.note).toMatchObject({ text: '来电人情绪激动，回访时注意沟通方式', by: { kind: 'staff', id: w.operator.id } });
    await addNote(w.handlerX.token, no, { note: '已电话联系，约定明天上午现场查看' }).expect(201);

    const detail = (await staffGet(w, w.dispatcher.token, no)).body.ticket;
    expect(detail.internalNotes.map((n: { text: string }) => n.text)).toEqual(['来电人情绪激动，回访时注意沟通方式', '已电话联系，约定明天上午现场查看']);
    expect(detail.version).toBe(before.version);
    expect(detail.timeline).toEqual(before.timeline);

    const citizen = (await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200)).body.ticket;
    expect(citizen).not.toHaveProperty('internalNotes');
    expect(JSON.stringify(citizen)).not.toContain('情绪激动');
  });

  test('when a note is added, then the audit trail records who noted on which ticket', async () => {
    const { no } = await ticketIn(w, 'submitted');
    await addNote(w.operator.token, no, { note: '疑似重复来电' }).expect(201);
    const audit = await t.http.get('/api/admin/v1/audit').query({ action: 'ticket.note.add', targetId: no }).set(bearer(w.admin.token)).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'ticket.note.add', target: { type: 'ticket', id: no }, actor: expect.objectContaining({ id: w.operator.id }) })]);
  });

  test('when a citizen, a handler of another unit, an unknown ticket or a bad body, then 401 / 404 / 404 / 400', async () => {
    const { no, owner } = await ticketIn(w, 'dispatched');
    expect((await addNote(owner.token, no, { note: '我想看看' })).status).toBe(401);
    expect((await addNote(w.handlerY.token, no, { note: '不是我们的' })).body.error.code).toBe('TICKET_NOT_FOUND');
    expect((await addNote(w.operator.token, '20261124-999999', { note: '无此诉求' })).body.error.code).toBe('TICKET_NOT_FOUND');
    for (const body of [{}, { note: '' }, { note: '好', extra: 1 }, { note: 'x'.repeat(5000) }]) {
      const res = await addNote(w.operator.token, no, body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});
