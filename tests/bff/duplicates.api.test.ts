import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen } from '../support/builders/staff';
import { bearer, buildWorld, must, type Citizen, type World } from '../support/ticket-builders';
import { supervisionModel } from '../../bff/src/supervision/model';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** A spot in 白银 and one about 60 m east of it. */
const HERE = { lat: 36.5457, lng: 104.1374 };
const NEXT_DOOR = { lat: 36.5457, lng: 104.1381 };
const FAR = { lat: 36.59, lng: 104.2 };

let seq = 0;
async function file(citizen: Citizen, content: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http
    .post('/api/v1/tickets')
    .set(bearer(citizen.token))
    .send({ type: 'complaint', content, location: { ...HERE, address: '白银区幸福小区' }, idempotencyKey: `dup-key-${++seq}`, ...extra });
  if (res.status !== 201) throw new Error(`submit failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket.no as string;
}

const similar = (citizen: Citizen, body: Record<string, unknown>) => t.http.post('/api/v1/tickets/similar').set(bearer(citizen.token)).send({ type: 'complaint', ...body });

/** The offer the similar-requests check makes `citizen` for ticket `no` when they describe `content` at HERE. */
async function offerFor(citizen: Citizen, no: string, content: string): Promise<string> {
  const res = await similar(citizen, { content, location: HERE }).expect(200);
  const item = res.body.items.find((i: { no: string }) => i.no === no);
  if (!item) throw new Error(`${no} was not offered: ${JSON.stringify(res.body)}`);
  return item.offer as string;
}

const followWith = (citizen: Citizen, no: string, offer: string) => t.http.post(`/api/v1/tickets/${no}/follow`).set(bearer(citizen.token)).send({ offer });
const follow = async (citizen: Citizen, no: string, content: string) => followWith(citizen, no, await offerFor(citizen, no, content));

describe('POST /api/v1/tickets/similar (000 §23(4)(5))', () => {
  let lampNo: string;
  beforeAll(async () => {
    lampNo = await file(w.citizenA, '幸福小区3号楼门口的路灯坏了好几天，晚上很黑，我的电话13812345678');
  });

  it('when another citizen describes the same lamp nearby in other words, then the request is offered, redacted and short', async () => {
    const res = await similar(w.citizenB, { content: '幸福小区三号楼前面路灯不亮了，晚上出行不安全', location: NEXT_DOOR }).expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ no: lampNo, status: 'submitted', statusLabel: '已提交', supporters: 1, mine: false, following: false })]);
    expect(res.body.items[0].summary).not.toContain('13812345678');
    expect([...res.body.items[0].summary].length).toBeLessThanOrEqual(40);
  });

  it('002 §13 when the similar request has a phone in Chinese numerals or full-width digits, its citizen\'s name without a cue word and a room number, then the offered summary shows none of them', async () => {
    const owner = await buildCitizen(t);
    const no = await file(owner, '李秀英家2单元501楼下路灯坏了，电话一三八一二三四五六七八，１３９１２３４５６７８', { contact: { name: '李秀英', phone: '13700001111' } });
    const res = await similar(w.citizenB, { content: '幸福小区楼下路灯坏了，晚上很黑', location: NEXT_DOOR }).expect(200);
    const offer = res.body.items.find((i: { no: string }) => i.no === no);
    expect(offer).toBeDefined();
    expect(offer.summary).not.toMatch(/李秀英|501|[0-9]{3}|[０-９]|[零〇一幺二两三四五六七八九]{4}/);
    expect(offer.summary).toContain('路灯');
  });

  it('when the matter at the same place differs (下水道), then nothing is offered', async () => {
    const res = await similar(w.citizenB, { content: '幸福小区3号楼下水道堵塞，污水外溢', location: NEXT_DOOR }).expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('when the same words come from far away, then nothing is offered', async () => {
    const res = await similar(w.citizenB, { content: '幸福小区三号楼前面路灯不亮了', location: FAR }).expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('when no coordinates are given but the text names the same place, then it is offered', async () => {
    const res = await similar(w.citizenB, { content: '幸福小区3号楼的路灯到现在还没修好' }).expect(200);
    expect(res.body.items.map((i: { no: string }) => i.no)).toContain(lampNo);
  });

  it('when the asker filed it, then it is offered as mine', async () => {
    const res = await similar(w.citizenA, { content: '幸福小区路灯不亮了', location: HERE }).expect(200);
    expect(res.body.items[0]).toMatchObject({ no: lampNo, mine: true });
  });

  it('when the request is a consultation or the other one is confidential, then nothing is offered', async () => {
    expect((await similar(w.citizenB, { type: 'consultation', content: '幸福小区路灯坏了找谁修', location: HERE }).expect(200)).body.items).toEqual([]);
    const c = await buildCitizen(t);
    await file(c, '幸福小区2号楼电梯经常故障困人', { confidential: true });
    expect((await similar(w.citizenB, { content: '幸福小区2号楼电梯老是坏', location: HERE }).expect(200)).body.items).toEqual([]);
  });

  it('when the body is invalid, then 400 VALIDATION_FAILED; without a token 401', async () => {
    expect((await similar(w.citizenB, { content: 'x', location: { lat: 200, lng: 0 } }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    await t.http.post('/api/v1/tickets/similar').send({ type: 'complaint', content: '路灯坏了' }).expect(401);
  });

  it('when the request is older than the 30-day window, then it is no longer offered', async () => {
    const old = await buildTestApp({}, '2026-10-01T09:00:00+08:00');
    try {
      const ow = await buildWorld(old);
      const res = await old.http.post('/api/v1/tickets').set(bearer(ow.citizenA.token)).send({ type: 'complaint', content: '幸福小区3号楼路灯坏了', location: HERE, idempotencyKey: 'old-key-1' }).expect(201);
      old.clock.set(new Date('2026-11-05T09:00:00+08:00'));
      const later = await old.http.post('/api/v1/tickets/similar').set(bearer(ow.citizenB.token)).send({ type: 'complaint', content: '幸福小区3号楼路灯不亮', location: HERE }).expect(200);
      expect(later.body.items.map((i: { no: string }) => i.no)).not.toContain(res.body.ticket.no);
    } finally {
      await old.close();
    }
  });
});

describe('following another citizen’s request (关注此诉求)', () => {
  it('when a citizen follows an offered request, then they count as a supporter; twice is once; unfollow takes it back', async () => {
    const words = '幸福小区5号楼门前积水很深，出不了门';
    const no = await file(w.citizenA, words);
    const offer = await offerFor(w.citizenB, no, words);
    const f = (await followWith(w.citizenB, no, offer).expect(200)).body;
    expect(f).toEqual({ no, following: true, supporters: 2 });
    expect((await followWith(w.citizenB, no, offer).expect(200)).body.supporters).toBe(2);
    const offered = await similar(w.citizenB, { content: '幸福小区5号楼门口积水严重', location: HERE }).expect(200);
    expect(offered.body.items[0]).toMatchObject({ no, following: true, supporters: 2 });
    expect((await t.http.delete(`/api/v1/tickets/${no}/follow`).set(bearer(w.citizenB.token)).expect(200)).body).toEqual({ no, following: false, supporters: 1 });
    await t.http.delete(`/api/v1/tickets/${no}/follow`).set(bearer(w.citizenB.token)).expect(200);
  });

  it('000 §23(5) when a follow comes without an offer, with another ticket\'s or citizen\'s offer, an expired one, or for an own, ended or unknown request, then the same 404 TICKET_NOT_FOUND, which tells nothing about the number', async () => {
    const words = '幸福小区6号楼垃圾没人清运，臭味很大';
    const no = await file(w.citizenA, words);
    const other = await file(w.citizenA, '幸福小区6号楼垃圾桶满了没人清运');
    const offer = await offerFor(w.citizenB, no, words);
    const c = await buildCitizen(t);
    const own = (await similar(w.citizenA, { content: words, location: HERE }).expect(200)).body.items.find((i: { no: string }) => i.no === no).offer;
    const answers = [
      await t.http.post(`/api/v1/tickets/${no}/follow`).set(bearer(w.citizenB.token)).send({}),
      await followWith(w.citizenB, no, 'x'),
      await followWith(w.citizenB, other, offer),
      await followWith(c, no, offer),
      await followWith(w.citizenA, no, own),
      await followWith(w.citizenB, '20261124-999999', offer),
    ];
    t.clock.advance(31 * 60_000);
    answers.push(await followWith(w.citizenB, no, offer));
    t.clock.advance(-31 * 60_000);
    const fresh = await offerFor(w.citizenB, no, words);
    await must(w, w.citizenA.token, no, 'withdraw', {});
    answers.push(await followWith(w.citizenB, no, fresh));
    const [first] = answers;
    expect(first.status === 400 ? first.body.error.code : null).toBe('VALIDATION_FAILED');
    for (const res of answers.slice(1)) expect([res.status, res.body]).toEqual([404, answers[1].body]);
  });

  it('000 §23(5) when five citizens stand behind one matter, then one automatic 督办 is opened, once', async () => {
    const words = '幸福小区8号楼旁工地夜间施工噪音很大';
    const no = await file(w.citizenA, words);
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => buildCitizen(t)));
    for (const c of others.slice(0, 3)) expect((await follow(c, no, words)).status).toBe(200);
    expect(await supervisionModel(t.db).countDocuments({ ticketNo: no })).toBe(0);
    expect((await follow(others[3], no, words)).status).toBe(200);
    expect((await follow(others[4], no, words)).status).toBe(200);
    const records = await supervisionModel(t.db).find({ ticketNo: no }).lean();
    expect(records).toEqual([expect.objectContaining({ _id: `${no}:many-citizens:1`, trigger: 'many-citizens', automatic: true })]);
    const detail = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(w.supervisor.token)).expect(200);
    expect(detail.body.ticket.timeline.filter((e: { action: string }) => e.action === 'supervise')).toHaveLength(1);
  });
});

describe('merge (重复诉求合并办理, 002 §17(7))', () => {
  it('when a dispatcher merges B’s request into A’s, then B’s ends as terminated with mergedInto, A’s shows mergedFrom and B follows A’s', async () => {
    const target = await file(w.citizenA, '幸福小区9号楼楼顶漏水，墙面都湿了');
    const source = await file(w.citizenB, '幸福小区九号楼顶层漏水，下雨屋里全是水');
    const merged = await must(w, w.dispatcher.token, source, 'merge', { into: target, note: '同一楼顶漏水' });
    expect(merged).toMatchObject({ status: 'terminated' });
    const staffSource = (await t.http.get(`/api/admin/v1/tickets/${source}`).set(bearer(w.operator.token)).expect(200)).body.ticket;
    expect(staffSource.timeline.at(-1)).toMatchObject({ action: 'merge', to: 'terminated' });
    const stored = await t.http.get(`/api/admin/v1/tickets/${target}`).set(bearer(w.operator.token)).expect(200);
    expect(stored.body.ticket.timeline.at(-1)).toMatchObject({ action: 'merge', note: expect.stringContaining(source) });
    const { ticketModel } = await import('../../bff/src/tickets/model');
    expect(await ticketModel(t.db).findOne({ no: source }, { mergedInto: 1, termination: 1 }).lean()).toMatchObject({ mergedInto: target, termination: { code: 'duplicate-merged' } });
    expect(await ticketModel(t.db).findOne({ no: target }, { mergedFrom: 1 }).lean()).toMatchObject({ mergedFrom: [source] });
    const offered = await similar(w.citizenB, { content: '幸福小区9号楼漏水', location: HERE }).expect(200);
    expect(offered.body.items[0]).toMatchObject({ no: target, following: true, supporters: 2 });
    expect((await t.http.delete(`/api/v1/tickets/${target}/follow`).set(bearer(w.citizenB.token)).expect(422)).body.error.code).toBe('FOLLOW_BY_MERGE');
  });

  it('when the target has ended or does not exist, then 422 and the request stays as it was', async () => {
    const closed = await file(w.citizenA, '幸福小区10号楼路面塌陷');
    await must(w, w.citizenA.token, closed, 'withdraw', {});
    const source = await file(w.citizenB, '幸福小区10号楼路面塌了个坑');
    const res = await t.http.post(`/api/admin/v1/tickets/${source}/merge`).set(bearer(w.operator.token)).send({ into: closed }).expect(422);
    expect(res.body.error.code).toBe('MERGE_TARGET_CLOSED');
    expect((await t.http.post(`/api/admin/v1/tickets/${source}/merge`).set(bearer(w.operator.token)).send({ into: '20261124-999999' }).expect(422)).body.error.code).toBe('MERGE_TARGET_NOT_FOUND');
    expect((await t.http.post(`/api/admin/v1/tickets/${source}/merge`).set(bearer(w.operator.token)).send({ into: source }).expect(422)).body.error.code).toBe('MERGE_TARGET_NOT_FOUND');
    const open = await file(w.citizenA, '幸福小区10号楼门口路面破损');
    expect((await t.http.post(`/api/admin/v1/tickets/${source}/merge`).set(bearer(w.visitor.token)).send({ into: open }).expect(403)).body.error.code).toBe('ROLE_NOT_ALLOWED');
    expect((await t.http.get(`/api/admin/v1/tickets/${source}`).set(bearer(w.operator.token)).expect(200)).body.ticket.status).toBe('submitted');
  });
});
