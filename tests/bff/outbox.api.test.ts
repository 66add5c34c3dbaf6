import type { AppDeps } from '../../bff/src/app';
import { WechatClient } from '../../bff/src/wechat/client';
import { backoffMs, deliverDueNotices, enqueueNotice, listNotices, MAX_ATTEMPTS, type NoticeInput } from '../../bff/src/outbox/service';
import { buildTestApp, type TestApp } from '../support/app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';

let fake: FakeWechat;
let t: TestApp;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeWechat();
  t = await buildTestApp({
    WECHAT_APPID: fake.appid,
    WECHAT_SECRET: fake.secret,
    WECHAT_API_BASE: fake.baseUrl,
    WECHAT_TEMPLATE_ACCEPTED: 'TPL_ACCEPTED',
    WECHAT_TEMPLATE_REPLIED: 'TPL_REPLIED',
    WECHAT_TEMPLATE_CLOSED: 'TPL_CLOSED',
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => t.clock.set('2026-11-24T09:00:00+08:00'));

function notice(overrides: Partial<NoticeInput> = {}): NoticeInput {
  seq += 1;
  return {
    ticketNo: `20261124-${String(seq).padStart(6, '0')}`,
    ticketVersion: 2,
    template: 'accepted',
    openid: `o_user${seq}`,
    fields: { no: `20261124-${String(seq).padStart(6, '0')}`, title: '小区门口路灯不亮已经一个多月了请尽快处理谢谢', status: '已受理', time: '2026-11-24 09:00' },
    page: `sub/ticket/detail/index?no=${seq}`,
    ...overrides,
  };
}

describe('subscribe-message outbox', () => {
  test('when the same ticket event is queued twice, then there is one notice', async () => {
    const n = notice();
    expect(await enqueueNotice(t.deps, n)).toMatchObject({ status: 'queued', created: true });
    expect(await enqueueNotice(t.deps, n)).toMatchObject({ status: 'queued', created: false });
    expect(await listNotices(t.db, n.ticketNo)).toHaveLength(1);
  });

  test('when a queued notice is delivered, then WeChat gets the template message once and staff see it as sent', async () => {
    const n = notice();
    await enqueueNotice(t.deps, n);
    await deliverDueNotices(t.deps, 100);
    await deliverDueNotices(t.deps, 100);
    const mine = fake.sent.filter((m) => m.touser === n.openid);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      template_id: 'TPL_ACCEPTED',
      page: n.page,
      miniprogram_state: 'formal',
      data: { character_string1: { value: n.ticketNo }, thing2: { value: '小区门口路灯不亮已经一个多月了请尽快处…' }, phrase3: { value: '已受理' }, time4: { value: '2026-11-24 09:00' } },
    });
    expect(await listNotices(t.db, n.ticketNo)).toEqual([expect.objectContaining({ template: 'accepted', status: 'sent', attempts: 1, sentAt: expect.any(String) })]);
  });

  test('when the citizen did not subscribe (43101), then the notice is skipped for good', async () => {
    const n = notice();
    fake.unsubscribed.add(n.openid);
    await enqueueNotice(t.deps, n);
    await deliverDueNotices(t.deps, 100);
    t.clock.advance(24 * 3600_000);
    await deliverDueNotices(t.deps, 100);
    const [view] = await listNotices(t.db, n.ticketNo);
    expect(view).toMatchObject({ status: 'skipped', attempts: 1 });
    expect(view.lastError).toContain('43101');
  });

  test('when WeChat is down, then delivery is retried with exponential backoff until it gets through', async () => {
    const n = notice({ template: 'replied' });
    await enqueueNotice(t.deps, n);
    fake.setDown(true);
    try {
      await deliverDueNotices(t.deps, 100);
      let [view] = await listNotices(t.db, n.ticketNo);
      expect(view).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(t.clock.now().getTime() + backoffMs(1)).toISOString() });
      await deliverDueNotices(t.deps, 100);
      expect((await listNotices(t.db, n.ticketNo))[0].attempts).toBe(1);
      t.clock.advance(backoffMs(1));
      await deliverDueNotices(t.deps, 100);
      [view] = await listNotices(t.db, n.ticketNo);
      expect(view).toMatchObject({ status: 'queued', attempts: 2 });
      expect(backoffMs(2)).toBe(2 * backoffMs(1));
    } finally {
      fake.setDown(false);
    }
    t.clock.advance(backoffMs(2));
    await deliverDueNotices(t.deps, 100);
    expect((await listNotices(t.db, n.ticketNo))[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  test('when every attempt fails, then the notice ends as failed after the last one', async () => {
    const n = notice({ template: 'closed' });
    await enqueueNotice(t.deps, n);
    fake.setDown(true);
    try {
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await deliverDueNotices(t.deps, 100);
        t.clock.advance(backoffMs(i));
      }
    } finally {
      fake.setDown(false);
    }
    expect((await listNotices(t.db, n.ticketNo))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  test('when two instances deliver at the same time, then each notice is sent exactly once', async () => {
    const batch = Array.from({ length: 5 }, () => notice());
    for (const n of batch) await enqueueNotice(t.deps, n);
    const other: AppDeps = { ...t.deps, wechat: new WechatClient({ appid: fake.appid, secret: fake.secret, baseUrl: fake.baseUrl, db: t.db, clock: t.clock }) };
    await Promise.all([deliverDueNotices(t.deps, 100), deliverDueNotices(other, 100), deliverDueNotices(t.deps, 100)]);
    for (const n of batch) expect(fake.sent.filter((m) => m.touser === n.openid)).toHaveLength(1);
  });

  test('when the template is not configured, or WeChat is not (dev), then the notice is recorded as skipped with the reason', async () => {
    const noTemplate = notice({ template: 'dispatched' });
    expect(await enqueueNotice(t.deps, noTemplate)).toMatchObject({ status: 'skipped' });
    expect((await listNotices(t.db, noTemplate.ticketNo))[0].lastError).toContain('WECHAT_TEMPLATE_DISPATCHED');
    const dev = notice();
    expect(await enqueueNotice({ ...t.deps, wechat: undefined }, dev)).toMatchObject({ status: 'skipped' });
    expect((await listNotices(t.db, dev.ticketNo))[0].lastError).toContain('开发模式');
  });
});
