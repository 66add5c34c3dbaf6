/**
 * Issue 12 item 8 through the real app on each city's profile: a returned ticket transferred to
 * the unit the applicant named (002 §21), the 分管领导's approval of returns (003 §11), 会商 that
 * settles the lead unit (001 §16, 000 §11(3)), leads referred to discipline bodies (003 §25) and
 * third-party evaluation (003 §18).
 */
import { buildTestApp } from '../support/app';
import { act, bearer, buildTicket, buildWorld, must, staffGet, ticketIn, type World } from '../support/ticket-builders';

async function profileWorld(profile: string): Promise<World> {
  return buildWorld(await buildTestApp({ REGULATION_PROFILE: profile }, '2026-11-24T09:00:00+08:00'));
}

async function dispatchedTo(w: World, unit: string): Promise<string> {
  return (await dispatchedWithOwner(w, unit)).no;
}

async function dispatchedWithOwner(w: World, unit: string) {
  const built = await buildTicket(w, { content: '小区地下车库长期积水，影响出行' });
  await must(w, w.operator.token, built.no, 'accept', {});
  await must(w, w.dispatcher.token, built.no, 'dispatch', { leadUnit: unit });
  return built;
}

describe('liaoning (002): transfer to another responsible unit', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('liaoning')));
  afterAll(() => w.t.close());

  test('002 §21 when a unit applies to return naming the responsible unit and the dispatcher approves, then that unit has the ticket at once and can sign for it', async () => {
    const no = await dispatchedTo(w, w.units.x);
    const asked = await must(w, w.handlerX.token, no, 'request-return', { reason: '车库积水属城管排水职责', transferTo: w.units.y });
    expect(asked).toMatchObject({ status: 'returning', pendingReturn: { unit: w.units.x, transferTo: w.units.y } });
    const decided = await must(w, w.dispatcher.token, no, 'decide-return', { approve: true, note: '同意转城管局' });
    expect(decided).toMatchObject({ status: 'dispatched', leadUnit: w.units.y, returnCount: 1 });
    expect(await must(w, w.handlerY.token, no, 'sign', {})).toMatchObject({ status: 'handling' });
    const res = await act(w, w.handlerX.token, no, 'reply', { result: 'x' });
    expect(res.status).toBe(404);
  });

  test('002 §21 when the named unit does not exist, then 422 UNIT_NOT_FOUND and nothing changes', async () => {
    const no = await dispatchedTo(w, w.units.x);
    const res = await act(w, w.handlerX.token, no, 'request-return', { reason: '非本单位职责', transferTo: '0123456789abcdef01234567' });
    expect([res.status, res.body.error.code]).toEqual([422, 'UNIT_NOT_FOUND']);
    expect((await staffGet(w, w.admin.token, no)).body.ticket.status).toBe('dispatched');
  });
});

describe('pingdingshan (003): leader approval, 协调, referral, third-party evaluation', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('pingdingshan')));
  afterAll(() => w.t.close());

  test('003 §11 when a return has no 分管领导 approval, then 422 naming 003 §11; with it the dispatcher sees who approved', async () => {
    const no = await dispatchedTo(w, w.units.x);
    const refused = await act(w, w.handlerX.token, no, 'request-return', { reason: '不属于本单位职责' });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(refused.body.error.message).toContain('003 §11');
    await must(w, w.handlerX.token, no, 'request-return', { reason: '不属于本单位职责，依据三定方案', approvedBy: '王副主任' });
    expect((await staffGet(w, w.dispatcher.token, no)).body.ticket.pendingReturn).toMatchObject({ approvedBy: '王副主任' });
  });

  test('003 §12 when co-units disagree, then the centre records the coordination with the units and its conclusion, and a new lead it names gets the ticket; the citizen sees no internal record', async () => {
    const { no, owner } = await dispatchedWithOwner(w, w.units.x);
    const body = { kind: 'co-unit-disagreement', units: [w.units.x, w.units.y, w.units.co], conclusion: '协调确定由城管局牵头，供水公司配合', leadUnit: w.units.y, coUnits: [w.units.co] };
    const after = await must(w, w.dispatcher.token, no, 'consult', body);
    expect(after).toMatchObject({ status: 'dispatched', leadUnit: w.units.y, coUnits: [w.units.co] });
    const entry = (after.timeline as Array<{ action: string; data?: unknown; note?: string }>).find((e) => e.action === 'consult');
    expect(entry).toMatchObject({ note: body.conclusion, data: { kind: 'co-unit-disagreement', units: body.units, leadUnit: w.units.y } });
    const notices = await w.t.http.get('/api/admin/v1/notices').set(bearer(w.handlerY.token));
    expect(notices.body.items.some((n: { ticketNo?: string; kind: string }) => n.ticketNo === no && n.kind === 'dispatched')).toBe(true);
    const forbidden = await act(w, w.handlerY.token, no, 'consult', body);
    expect(forbidden.status).toBe(403);
    const citizen = await w.t.http.get(`/api/v1/tickets/${no}`).set(bearer(owner.token));
    expect(citizen.body.ticket.timeline.map((e: { action: string }) => e.action)).not.toContain('consult');
  });

  test('003 §25 when a supervisor refers a lead with the leader’s approval, then it is on the ticket for platform staff and hidden from the unit concerned', async () => {
    const no = await dispatchedTo(w, w.units.x);
    const noApproval = await act(w, w.supervisor.token, no, 'refer-lead', { body: 'discipline-inspection', unit: w.units.x, note: '推诿扯皮' });
    expect([noApproval.status, noApproval.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    await must(w, w.supervisor.token, no, 'refer-lead', { body: 'discipline-inspection', unit: w.units.x, note: '推诿扯皮，多次拒签', approvedBy: '市政府办公室李副主任' });
    const platform = (await staffGet(w, w.supervisor.token, no)).body.ticket;
    expect(platform.timeline.filter((e: { action: string }) => e.action === 'refer-lead')).toEqual([expect.objectContaining({ data: { body: 'discipline-inspection', unit: w.units.x, approvedBy: '市政府办公室李副主任' } })]);
    const unit = (await staffGet(w, w.handlerX.token, no)).body.ticket;
    expect(unit.timeline.some((e: { action: string }) => e.action === 'refer-lead')).toBe(false);
    expect(unit.status).toBe('dispatched');
  });

  test('003 §18 when the citizen is unsatisfied and the dispute remains, then a third-party finding of improper handling reopens the ticket for the unit', async () => {
    const { no, owner } = await ticketIn(w, 'visiting');
    await must(w, owner.token, no, 'rate', { satisfaction: 'unsatisfied', comment: '问题没有解决' });
    const after = await must(w, w.supervisor.token, no, 'third-party-evaluation', { evaluator: '平顶山市某律师事务所', finding: 'not-handled-properly', note: '整改未落实' });
    expect(after).toMatchObject({ status: 'handling', round: 2, reopenCount: 1 });
    const entry = (after.timeline as Array<{ action: string; data?: unknown }>).find((e) => e.action === 'third-party-evaluation');
    expect(entry?.data).toMatchObject({ evaluator: '平顶山市某律师事务所', finding: 'not-handled-properly' });
  });
});

describe('heze (001): 会商 on disputed duties', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('heze')));
  afterAll(() => w.t.close());

  test('001 §16 when units dispute their duties, then the 会商 decides the lead unit of an accepted ticket; a kind of 会商 Heze does not have is refused', async () => {
    const { no } = await buildTicket(w, { content: '河道垃圾堆积无人清理' });
    await must(w, w.operator.token, no, 'accept', {});
    const after = await must(w, w.supervisor.token, no, 'consult', { kind: 'duty-dispute', units: [w.units.x, w.units.y], conclusion: '会商确定由甲街道承办', leadUnit: w.units.x });
    expect(after).toMatchObject({ status: 'dispatched', leadUnit: w.units.x });
    const wrongKind = await act(w, w.supervisor.token, no, 'consult', { kind: 'co-unit-disagreement', units: [w.units.x], conclusion: 'x' });
    expect([wrongKind.status, wrongKind.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
  });
});
