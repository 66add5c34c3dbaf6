/**
 * Issue 13: Liaoning's 涉企营商环境 track through the real app on REGULATION_PROFILE=liaoning —
 * a request from a legal person (002 §3, §19 ¶1), its limit (002 §19(3)), the result reviewed by
 * the 营商环境建设主管部门 (002 §19 ¶1, §26), closure only with the claimant's signed agreement
 * (002 §26) after a visit that reached it (002 §30), and 002 §25(8)'s 30 days.
 */
import { createWorkCalendar, getProfile } from '@mashang/shared';
import { buildTestApp } from '../support/app';
import { act, bearer, buildWorld, must, staffGet, type World } from '../support/ticket-builders';

const calendar = createWorkCalendar();

async function enterpriseTicket(w: World, type = 'complaint'): Promise<string> {
  const res = await w.t.http
    .post('/api/v1/tickets')
    .set(bearer(w.citizenA.token))
    .send({ type, content: '我公司办理施工许可已超过承诺时限两周，窗口一直让补材料', claimant: 'organisation', discloseIdentity: true, idempotencyKey: `biz-${Math.random().toString(36).slice(2)}` });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket.no as string;
}

async function repliedEnterprise(w: World): Promise<string> {
  const no = await enterpriseTicket(w);
  await must(w, w.operator.token, no, 'accept', {});
  await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
  await must(w, w.handlerY.token, no, 'sign', {});
  await must(w, w.handlerY.token, no, 'reply', { result: '已协调审批窗口，许可证已于今日核发' });
  return no;
}

describe('liaoning (002): the 涉企营商环境 track', () => {
  let w: World;
  beforeAll(async () => (w = await buildWorld(await buildTestApp({ REGULATION_PROFILE: 'liaoning' }, '2026-11-24T09:00:00+08:00'))));
  afterAll(() => w.t.close());

  test('002 §3, §19(3) when an enterprise submits, then the ticket says organisation and, once dispatched, is due 15 working days later with no 5-day stage reply', async () => {
    const no = await enterpriseTicket(w);
    await must(w, w.operator.token, no, 'accept', {});
    const dispatched = await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    const expected = calendar.addWorkingDays(new Date('2026-11-24T09:00:00+08:00'), 15).at;
    expect(dispatched).toMatchObject({ claimant: 'organisation', dueAt: expected.toISOString() });
    expect((dispatched.deadlines as { stageReply: unknown }).stageReply).toBeNull();
    expect(getProfile('liaoning').businessTrack?.value.final).toMatchObject({ value: 15, cite: '002 §19(3)' });
    const person = await w.t.http.get(`/api/v1/tickets/${no}`).set(bearer(w.citizenA.token));
    expect(person.body.ticket.claimant).toBe('organisation');
  });

  test('002 §19 when an operator keys in a call from a company, then claimant organisation is kept; a consultation keeps 002 §19(1)’s 5 days', async () => {
    const res = await w.t.http
      .post('/api/admin/v1/tickets')
      .set(bearer(w.operator.token))
      .send({ type: 'consultation', content: '企业来电咨询：小微企业房租减免政策如何申请', callerPhone: '13800138001', claimant: 'organisation' });
    expect(res.status).toBe(201);
    const no = res.body.ticket.no as string;
    await must(w, w.operator.token, no, 'accept', {});
    const dispatched = await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    expect(dispatched.claimant).toBe('organisation');
    expect(dispatched.dueAt).toBe(calendar.addWorkingDays(new Date('2026-11-24T09:00:00+08:00'), 5).at.toISOString());
  });

  test('002 §19 ¶1, §26 when the unit replies on an enterprise request, then the operator may not review it; the 营商 authority (supervisor) approves or sends it back', async () => {
    const no = await repliedEnterprise(w);
    const inbox = await w.t.http.get('/api/admin/v1/notices').set(bearer(w.supervisor.token));
    expect((inbox.body.items as Array<{ kind: string; ticketNo: string }>).filter((n) => n.ticketNo === no).map((n) => n.kind)).toContain('business-replied');
    const byOperator = await act(w, w.operator.token, no, 'review', { approve: true });
    expect([byOperator.status, byOperator.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(byOperator.body.error.message).toContain('002 §19, §26');
    const back = await must(w, w.supervisor.token, no, 'business-review', { approve: false, note: '未说明办结理由，请补充' });
    expect(back.status).toBe('handling');
    await must(w, w.handlerY.token, no, 'reply', { result: '许可证已核发，办结理由：申请材料齐全，已按时限办理' });
    const approved = await must(w, w.supervisor.token, no, 'business-review', { approve: true, note: '同意办结' });
    expect(approved.status).toBe('visiting');
    expect((await staffGet(w, w.admin.token, no)).body.ticket.businessReviewedAt).toBeTruthy();
  });

  test('002 §26, §30 when the enterprise rates satisfied in the app, then it stays in visiting until a visit reaches it and records who signed; then it closes', async () => {
    const no = await repliedEnterprise(w);
    await must(w, w.supervisor.token, no, 'business-review', { approve: true });
    const rated = await w.t.http.post(`/api/v1/tickets/${no}/rate`).set(bearer(w.citizenA.token)).send({ satisfaction: 'satisfied' });
    expect(rated.status).toBe(200);
    expect(rated.body.ticket.status).toBe('visiting');
    const closeUnvisited = await act(w, w.visitor.token, no, 'close-visit', { reason: '企业不愿评价' });
    expect(closeUnvisited.status).toBe(422);
    const unsigned = await must(w, w.visitor.token, no, 'visit', { answered: true, note: '企业负责人确认已领证' });
    expect(unsigned.status).toBe('visiting');
    const signed = await must(w, w.visitor.token, no, 'visit', { answered: true, signedBy: '某建筑公司（公章）法定代表人李某' });
    expect(signed.status).toBe('closed');
    const detail = (await staffGet(w, w.admin.token, no)).body.ticket;
    expect(detail.closureConsent).toMatchObject({ signedBy: '某建筑公司（公章）法定代表人李某', round: 1 });
  });

  test('002 §26, §30 when the visitor reaches the enterprise and it agrees with its seal, then one visit closes it', async () => {
    const no = await repliedEnterprise(w);
    await must(w, w.supervisor.token, no, 'business-review', { approve: true });
    const closed = await must(w, w.visitor.token, no, 'visit', { answered: true, satisfaction: 'satisfied', signedBy: '某建筑公司（盖章）' });
    expect(closed.status).toBe('closed');
  });

  test('002 §26 when a person’s ticket is visited, then it closes as before and a signature is refused', async () => {
    const res = await w.t.http
      .post('/api/v1/tickets')
      .set(bearer(w.citizenB.token))
      .send({ type: 'complaint', content: '楼下饭店油烟很大，晚上十点还在营业', discloseIdentity: true, idempotencyKey: 'person-liaoning-1' });
    const no = res.body.ticket.no as string;
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    await must(w, w.handlerY.token, no, 'sign', {});
    await must(w, w.handlerY.token, no, 'reply', { result: '已责令安装油烟净化设备' });
    expect((await act(w, w.supervisor.token, no, 'business-review', { approve: true })).status).toBe(422);
    await must(w, w.operator.token, no, 'review', { approve: true });
    expect((await act(w, w.visitor.token, no, 'visit', { answered: true, satisfaction: 'satisfied', signedBy: '张某' })).status).toBe(422);
    expect(await must(w, w.visitor.token, no, 'visit', { answered: true, satisfaction: 'satisfied' })).toMatchObject({ status: 'closed' });
  });

  test('002 §25(8) when the claimant has not cooperated for under 30 days, then 视为办结 is refused; after 30 days it ends the ticket', async () => {
    const no = await enterpriseTicket(w);
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    const early = await act(w, w.operator.token, no, 'terminate', { reasonCode: 'no-cooperation', note: '企业拒不提供材料', uncooperativeSince: '2026-11-01T09:00:00+08:00' });
    expect([early.status, early.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(early.body.error.message).toContain('002 §25(8)');
    const ended = await must(w, w.operator.token, no, 'terminate', { reasonCode: 'no-cooperation', note: '企业连续30日拒不提供材料', uncooperativeSince: '2026-10-20T09:00:00+08:00' });
    expect(ended).toMatchObject({ status: 'terminated' });
  });

  test('002 §26 when a 涉企 request ends as 视为办结, then the 营商环境建设主管部门 (the supervisors) is told, with the reason', async () => {
    const no = await enterpriseTicket(w);
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    await must(w, w.operator.token, no, 'terminate', { reasonCode: 'no-cooperation', note: '企业连续30日拒不提供材料', uncooperativeSince: '2026-10-20T09:00:00+08:00' });
    const inbox = await w.t.http.get('/api/admin/v1/notices').set(bearer(w.supervisor.token)).expect(200);
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ ticketNo: no, kind: 'business-ended', note: '企业连续30日拒不提供材料' })]));
  });
});
