/**
 * The staff ticket detail carries the platform's records about the ticket: 督办 records, the
 * sweeper's events and the citizen's subscribe notices (issue 4: "visible in the ticket detail
 * for staff"). The citizen view shows none of them.
 */
import { deliverDueNotices } from '../../bff/src/outbox/service';
import { runSweep } from '../../bff/src/sweeper/sweeper';
import { buildTestApp, type TestApp } from '../support/app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { bearer, must, staffGet, ticketIn, type World, buildWorld } from '../support/ticket-builders';

let fake: FakeWechat;
let t: TestApp;
let w: World;

beforeAll(async () => {
  fake = await startFakeWechat();
  // Only the 'accepted' template is configured: the dispatch notice is recorded as skipped.
  t = await buildTestApp({ WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.baseUrl, WECHAT_TEMPLATE_ACCEPTED: 'TPL_ACCEPTED' });
  w = await buildWorld(t);
});
beforeEach(() => t.clock.set('2026-11-24T09:00:00+08:00'));
afterAll(async () => {
  await t.close();
  await fake.close();
});

async function detailOf(world: World, token: string, no: string) {
  const res = await staffGet(world, token, no);
  expect(res.status).toBe(200);
  return res.body.ticket;
}

describe('GET /api/admin/v1/tickets/{no}: supervision, sweeper events and notices', () => {
  test('when an overdue ticket was supervised and its notices went out, then staff see the 督办 records, the overdue event and each notice with its status (000 §23(2))', async () => {
    const { no, owner } = await ticketIn(w, 'dispatched');
    await deliverDueNotices(t.deps, 100);
    const dueAt = new Date((await staffGet(w, w.operator.token, no)).body.ticket.dueAt as string);
    t.clock.set(new Date(dueAt.getTime() + 3_600_000));
    await runSweep(t.deps, { holder: 'records-test' });
    await must(w, w.supervisor.token, no, 'supervise', { means: 'reminder', note: '请加快办理' });

    const detail = await detailOf(w, w.operator.token, no);
    // Never signed and the co-unit silent: the intermediate deadlines were missed too (issue 12 item 5).
    expect(detail.sweepEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'overdue', round: 1, deadline: dueAt.toISOString() }), expect.objectContaining({ kind: 'sign-missed', round: 1 })]),
    );
    expect(detail.sweepEvents.filter((e: { kind: string }) => e.kind === 'overdue')).toHaveLength(1);
    expect(detail.supervisions).toEqual(expect.arrayContaining([expect.objectContaining({ trigger: 'overdue', automatic: true }), expect.objectContaining({ means: 'reminder', note: '请加快办理', automatic: false })]));
    expect(detail.notices).toEqual([expect.objectContaining({ template: 'accepted', status: 'sent' }), expect.objectContaining({ template: 'dispatched', status: 'skipped', lastError: expect.stringContaining('WECHAT_TEMPLATE_DISPATCHED') })]);

    const citizen = (await t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token)).expect(200)).body.ticket;
    for (const field of ['supervisions', 'sweepEvents', 'notices']) expect(citizen).not.toHaveProperty(field);
  });

  test('when the ticket was supervised while with another unit and then re-dispatched, then the new lead unit handler sees only the records addressed to its unit', async () => {
    const { no } = await ticketIn(w, 'accepted');
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    await must(w, w.supervisor.token, no, 'supervise', { means: 'reminder', note: '请尽快签收' });
    await must(w, w.handlerY.token, no, 'request-return', { reason: '不属于本单位职责，应由属地街道办理' });
    await must(w, w.dispatcher.token, no, 'decide-return', { approve: true });
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x });
    await must(w, w.supervisor.token, no, 'supervise', { means: 'reminder', note: '请按时回复' });

    const handler = await detailOf(w, w.handlerX.token, no);
    expect(handler.supervisions.map((s: { note: string }) => s.note)).toEqual(['请按时回复']);
    const platform = await detailOf(w, w.supervisor.token, no);
    expect(platform.supervisions.map((s: { note: string }) => s.note)).toEqual(['请尽快签收', '请按时回复']);
  });
});
