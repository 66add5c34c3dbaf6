/**
 * Issue 13: a unit asks to end handling, the platform decides (Heze 001 §15(5)(6) 向市热线工作机构提供相关材料并经审核后终止办理;
 * profile `unitTerminationRequest`). Baiyin's 000 §19 leaves termination to the platform alone.
 */
import { buildTestApp } from '../support/app';
import { act, buildTicket, buildWorld, must, staffGet, type World } from '../support/ticket-builders';

async function profileWorld(profile: string): Promise<World> {
  return buildWorld(await buildTestApp({ REGULATION_PROFILE: profile }, '2026-11-24T09:00:00+08:00'));
}

async function handling(w: World): Promise<string> {
  const { no } = await buildTicket(w, { content: '要求政府出资为我家单独修建一条进村道路' });
  await must(w, w.operator.token, no, 'accept', {});
  await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.x });
  await must(w, w.handlerX.token, no, 'sign', {});
  return no;
}

describe('heze (001): unit-requested termination', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('heze')));
  afterAll(() => w.t.close());

  test('001 §15(6) when the unit applies with its material and the operator approves, then the ticket is terminated with the unit’s reason', async () => {
    const no = await handling(w);
    const asked = await must(w, w.handlerX.token, no, 'request-termination', { reasonCode: 'unlawful-demand', reason: '诉求不符合道路建设政策，已当面解释，诉求人仍不满意', material: '政策依据及解释记录（2026-11-24 入户）' });
    expect(asked).toMatchObject({ status: 'handling', pendingTermination: { reasonCode: 'unlawful-demand', unit: w.units.x } });
    expect((await act(w, w.handlerX.token, no, 'request-termination', { reasonCode: 'unlawful-demand', reason: '再次申请', material: 'x' })).status).toBe(422);
    const ended = await must(w, w.operator.token, no, 'decide-termination', { approve: true, note: '经审核，材料属实，终止办理' });
    expect(ended).toMatchObject({ status: 'terminated', termination: { code: 'unlawful-demand' } });
    expect((await staffGet(w, w.admin.token, no)).body.ticket.pendingTermination).toBeNull();
  });

  test('001 §15(5) when the operator refuses, then a reason is required and the unit carries on', async () => {
    const no = await handling(w);
    await must(w, w.handlerX.token, no, 'request-termination', { reasonCode: 'no-cooperation', reason: '诉求人拒绝提供房屋产权信息', material: '三次电话联系记录' });
    const refused = await act(w, w.operator.token, no, 'decide-termination', { approve: false });
    expect(refused.status).toBe(400);
    const kept = await must(w, w.operator.token, no, 'decide-termination', { approve: false, note: '可通过不动产登记中心核实，请继续办理' });
    expect(kept).toMatchObject({ status: 'handling', pendingTermination: null });
    expect(await must(w, w.handlerX.token, no, 'reply', { result: '已核实产权并答复' })).toMatchObject({ status: 'replied' });
  });

  test('001 §15(5)(6) when a reason Heze does not list is asked for, then 400 (the profile’s codes only)', async () => {
    const no = await handling(w);
    expect((await act(w, w.handlerX.token, no, 'request-termination', { reasonCode: 'litigation', reason: '已起诉', material: '立案通知书' })).status).toBe(400);
  });
});

describe('baiyin (000): termination is the platform’s', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('baiyin')));
  afterAll(() => w.t.close());

  test('000 §19 when a unit applies to end handling, then 422: the platform terminates after explaining to the citizen', async () => {
    const no = await handling(w);
    const res = await act(w, w.handlerX.token, no, 'request-termination', { reasonCode: 'unlawful-demand', reason: '诉求不合规', material: '解释记录' });
    expect([res.status, res.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(await must(w, w.operator.token, no, 'terminate', { reasonCode: 'unlawful-demand', note: '已向诉求人说明，终止办理' })).toMatchObject({ status: 'terminated' });
  });
});
