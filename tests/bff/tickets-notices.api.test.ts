/**
 * Which citizen events reach WeChat: the 办理进度 template (WECHAT_TEMPLATE_PROGRESS) carries the
 * events while the request stays open — an approved extension (000 §15, 004 §11), a stage report
 * (000 §15), a re-dispatch after a return (000 §12) — and the receipt spends no grant.
 */
import { deliverDueNotices, listNotices } from '../../bff/src/outbox/service';
import { citizenModel } from '../../bff/src/citizens/model';
import { buildTestApp, type TestApp } from '../support/app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { buildWorld, must, staffGet, ticketIn, type Citizen, type World } from '../support/ticket-builders';

let fake: FakeWechat;
let t: TestApp;
let w: World;

beforeAll(async () => {
  fake = await startFakeWechat();
  t = await buildTestApp({ WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.baseUrl, WECHAT_TEMPLATE_PROGRESS: 'TPL_PROGRESS' });
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

async function progressSentTo(c: Citizen, no: string) {
  await deliverDueNotices(t.deps, 100);
  const openid = (await citizenModel(t.db).findById(c.id).lean())?.openid;
  return fake.sent.filter((m) => m.touser === openid && m.template_id === 'TPL_PROGRESS' && JSON.stringify(m).includes(no));
}

describe('subscribe-message coverage of citizen events', () => {
  test('004 §11 when an extension is approved, then the citizen gets a progress notice naming the new deadline', async () => {
    const { no, owner } = await ticketIn(w, 'handling');
    await must(w, w.handlerX.token, no, 'request-extension', { workingDays: 3, reason: '需协调多个部门现场勘查' });
    await must(w, w.supervisor.token, no, 'decide-extension', { approve: true });
    const dueAt = new Date((await staffGet(w, w.operator.token, no)).body.ticket.dueAt as string);
    const day = new Date(dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await progressSentTo(owner, no)).toEqual([expect.objectContaining({ data: expect.objectContaining({ thing5: { value: `经批准，办理期限延至${day}` } }) })]);
  });

  test('000 §15 when the unit files a stage report, then the citizen gets a progress notice with its words', async () => {
    const { no, owner } = await ticketIn(w, 'handling');
    await must(w, w.handlerX.token, no, 'stage-report', { content: '已联系供电公司更换线路' });
    expect(await progressSentTo(owner, no)).toEqual([expect.objectContaining({ data: expect.objectContaining({ thing5: { value: '已联系供电公司更换线路' } }) })]);
  });

  test('000 §12 when a return is approved, then the citizen is told of the re-dispatch; the receipt of a new request queues nothing', async () => {
    const { no, owner } = await ticketIn(w, 'dispatched');
    await must(w, w.handlerX.token, no, 'request-return', { reason: '不属于本街道职责' });
    await must(w, w.dispatcher.token, no, 'decide-return', { approve: true });
    expect(await progressSentTo(owner, no)).toHaveLength(1);
    const fresh = await ticketIn(w, 'submitted');
    expect(await listNotices(t.db, fresh.no)).toEqual([]);
  });
});
