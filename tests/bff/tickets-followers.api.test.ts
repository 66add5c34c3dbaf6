/**
 * The duplicates hand-over to tickets: a new request joins its cluster (000 §23(5)), followers
 * and merged-in citizens receive the ticket's citizen notices, each through their own outbox
 * notice (deduplicated per recipient).
 */
import { citizenModel } from '../../bff/src/citizens/model';
import { deliverDueNotices, enqueueNotice, listNotices } from '../../bff/src/outbox/service';
import { supervisionModel } from '../../bff/src/supervision/model';
import { runSweep } from '../../bff/src/sweeper/sweeper';
import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen } from '../support/builders/staff';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { bearer, buildWorld, must, staffGet, type Citizen, type World } from '../support/ticket-builders';

let fake: FakeWechat;
let t: TestApp;
let w: World;

beforeAll(async () => {
  fake = await startFakeWechat();
  t = await buildTestApp({ WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.baseUrl, WECHAT_TEMPLATE_ACCEPTED: 'TPL_ACCEPTED', WECHAT_TEMPLATE_DISPATCHED: 'TPL_DISPATCHED' });
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

/** A spot in 白银; each test uses its own building so clusters do not mix. */
const HERE = { lat: 36.5457, lng: 104.1374, address: '白银区幸福小区' };
let seq = 0;

async function file(citizen: Citizen, content: string, idempotencyKey = `follow-key-${++seq}`): Promise<{ no: string; status: number }> {
  const res = await t.http.post('/api/v1/tickets').set(bearer(citizen.token)).send({ type: 'complaint', content, location: HERE, idempotencyKey });
  if (res.status !== 201 && res.status !== 200) throw new Error(`submit failed ${res.status} ${JSON.stringify(res.body)}`);
  return { no: res.body.ticket.no as string, status: res.status };
}

async function openidOf(c: Citizen): Promise<string> {
  const doc = await citizenModel(t.db).findById(c.id).lean();
  if (!doc) throw new Error('no citizen');
  return doc.openid;
}

const sentTo = (openid: string, templateId: string) => fake.sent.filter((m) => m.touser === openid && m.template_id === templateId);

describe('000 §23(5) citizens filing the same matter separately', () => {
  test('000 §23(5) when five citizens file the same matter one by one, then the sweep after the fifth filing opens one automatic 督办 on the oldest request, and a retried submit changes nothing', async () => {
    const citizens = await Promise.all([1, 2, 3, 4, 5].map(() => buildCitizen(t)));
    const words = ['幸福小区21号楼旁边的烧烤摊油烟太大，熏得开不了窗', '幸福小区21号楼旁烧烤摊油烟很大，家里开不了窗', '幸福小区21号楼楼下烧烤油烟太呛，窗户都不敢开', '幸福小区21号楼旁边烧烤摊油烟扰民，开不了窗', '幸福小区21号楼旁的烧烤摊油烟太大了，没法开窗'];
    const filed: string[] = [];
    for (const [i, c] of citizens.slice(0, 4).entries()) filed.push((await file(c, words[i])).no);
    await runSweep(t.deps);
    expect(await supervisionModel(t.db).countDocuments({ ticketNo: { $in: filed } })).toBe(0);

    // The cluster check runs off the submit's path: the sweeper's next pass (sweeper/new-tickets.ts).
    const fifth = await file(citizens[4], words[4], 'fifth-key');
    expect(await supervisionModel(t.db).countDocuments({ ticketNo: { $in: filed } })).toBe(0);
    expect((await runSweep(t.deps)).clusters).toBe(1);
    const records = await supervisionModel(t.db).find({ trigger: 'many-citizens', ticketNo: { $in: [...filed, fifth.no] } }).lean();
    expect(records).toEqual([expect.objectContaining({ ticketNo: filed[0], automatic: true, related: expect.arrayContaining([fifth.no]) })]);

    expect((await file(citizens[4], words[4], 'fifth-key')).status).toBe(200);
    expect((await runSweep(t.deps)).clusters).toBe(0);
    expect(await supervisionModel(t.db).countDocuments({ trigger: 'many-citizens', ticketNo: filed[0] })).toBe(1);
  });
});

describe('followers receive the ticket’s citizen notices', () => {
  test('when two citizens follow a request and it is accepted, then its citizen and each follower get one notice, followers a redacted summary without the note', async () => {
    const { no } = await file(w.citizenA, '幸福小区22号楼门口井盖丢了，我的电话13812345678');
    const b = await buildCitizen(t);
    const c = await buildCitizen(t);
    for (const f of [b, c]) {
      const offered = await t.http.post('/api/v1/tickets/similar').set(bearer(f.token)).send({ type: 'complaint', content: '幸福小区22号楼门口井盖丢了', location: HERE }).expect(200);
      const offer = offered.body.items.find((i: { no: string }) => i.no === no)?.offer;
      await t.http.post(`/api/v1/tickets/${no}/follow`).set(bearer(f.token)).send({ offer }).expect(200);
    }
    await must(w, w.operator.token, no, 'accept', { note: '已受理，请您保持电话畅通' });
    await deliverDueNotices(t.deps, 100);
    await deliverDueNotices(t.deps, 100);

    const [owner] = sentTo(await openidOf(w.citizenA), 'TPL_ACCEPTED').filter((m) => JSON.stringify(m).includes(no));
    expect(owner).toMatchObject({ page: `sub/ticket/detail/index?no=${no}`, data: { thing5: { value: '已受理，请您保持电话畅通' } } });
    for (const f of [b, c]) {
      const mine = sentTo(await openidOf(f), 'TPL_ACCEPTED');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ page: 'pages/mine/index', data: { character_string1: { value: no } } });
      expect(JSON.stringify(mine[0])).not.toContain('13812345678');
      expect(mine[0].data).not.toHaveProperty('thing5');
    }
    const notices = (await staffGet(w, w.operator.token, no)).body.ticket.notices as Array<{ recipient: string; status: string }>;
    expect(notices.map((n) => `${n.recipient}:${n.status}`).sort()).toEqual(['citizen:sent', 'follower:sent', 'follower:sent']);
  });

  test('when the same event is queued again, then each recipient still has exactly one notice and the citizen’s keeps its original id', async () => {
    const base = { ticketNo: '20261124-777777', ticketVersion: 3, template: 'accepted' as const, page: 'pages/mine/index', fields: { no: '20261124-777777', title: '投诉：路灯', status: '已受理', time: '2026-11-24 09:00' } };
    expect(await enqueueNotice(t.deps, { ...base, openid: 'o_owner' })).toMatchObject({ id: '20261124-777777:3:accepted', created: true });
    expect(await enqueueNotice(t.deps, { ...base, openid: 'o_f1', follower: true })).toMatchObject({ id: '20261124-777777:3:accepted:o_f1', created: true });
    expect(await enqueueNotice(t.deps, { ...base, openid: 'o_f2', follower: true })).toMatchObject({ created: true });
    for (const openid of ['o_f1', 'o_f2']) expect(await enqueueNotice(t.deps, { ...base, openid, follower: true })).toMatchObject({ created: false });
    expect(await enqueueNotice(t.deps, { ...base, openid: 'o_owner' })).toMatchObject({ created: false });
    expect(await listNotices(t.db, base.ticketNo)).toHaveLength(3);
  });

  test('when a request was merged into another, then its citizen receives the target’s next notice, opening their own merged request', async () => {
    const target = (await file(w.citizenA, '幸福小区23号楼楼顶漏水，墙面都湿了')).no;
    const b = await buildCitizen(t);
    const source = (await file(b, '幸福小区二十三号楼顶层漏水，下雨屋里全是水')).no;
    await must(w, w.dispatcher.token, source, 'merge', { into: target, note: '同一楼顶漏水' });
    await must(w, w.operator.token, target, 'accept', {});
    await deliverDueNotices(t.deps, 100);
    const mine = sentTo(await openidOf(b), 'TPL_ACCEPTED');
    expect(mine).toEqual([expect.objectContaining({ page: `sub/ticket/detail/index?no=${source}`, data: expect.objectContaining({ character_string1: { value: target } }) })]);
  });
});
