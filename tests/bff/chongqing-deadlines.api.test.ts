import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildCast, buildHandlingUnit, newCitizen, submit, type Cast, type UnitCast } from './sweeper-support';

/**
 * Chongqing (004): limits run from submission — 5 working days for consultations, 15 for the
 * others (004 §11) — unless the assigning level sets its own at assignment, and requests from
 * other channels (12345 hotline…) keep their source channel's limit (004 §11 ¶3): the profile's
 * assignedDeadline lets the dispatcher or supervisor set any ticket's deadline once it is at a unit.
 */
describe('Chongqing deadlines set at assignment and by source channel (004 §7-9, §11)', () => {
  let t: TestApp;
  let cast: Cast;
  let street: UnitCast;
  let citizen: string;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'chongqing' }, '2026-11-24T09:00:00+08:00');
    cast = await buildCast(t, '重庆市');
    const district = await buildHandlingUnit(t, cast, '渝中区');
    street = await buildHandlingUnit(t, cast, '解放碑街道', district.id, 'street');
    citizen = (await newCitizen(t)).token;
  });
  afterAll(() => t.close());

  async function assigned(no: string): Promise<Record<string, unknown>> {
    await act(t, cast.operator.token, no, 'accept');
    return act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: street.id });
  }
  const setDeadline = (no: string, token: string, dueAt: string, note = '交办时限') => t.http.post(`/api/admin/v1/tickets/${no}/set-deadline`).set(bearer(token)).send({ dueAt, note });

  it('004 §11 when a complaint is assigned without a limit of its own, then it is due 15 working days after submission', async () => {
    const ticket = await assigned(await submit(t, citizen, '解放碑步行街的路灯坏了一周，晚上很黑'));
    expect(ticket.dueAt).toBe('2026-12-15T15:59:59.999Z');
  });

  it('004 §9, §11 when the assigning level sets a limit at assignment (交办时另有时限要求), then the ticket is due then and the timeline says who set it', async () => {
    const no = await submit(t, citizen, '解放碑步行街的井盖松动，行人容易绊倒');
    const ticket = await assigned(no);
    expect(ticket.allowedActions).toEqual(expect.arrayContaining(['set-deadline']));
    await setDeadline(no, street.handler.token, '2026-11-27T18:00:00+08:00').expect(403);
    const res = await setDeadline(no, cast.dispatcher.token, '2026-11-27T18:00:00+08:00', '区指挥中心要求3日内办结').expect(200);
    expect(res.body.ticket).toMatchObject({ status: 'dispatched', dueAt: '2026-11-27T10:00:00.000Z' });
    expect(res.body.ticket.timeline.at(-1)).toMatchObject({ action: 'set-deadline', note: '区指挥中心要求3日内办结' });
    expect((await setDeadline(no, cast.dispatcher.token, '2026-11-23T18:00:00+08:00').expect(422)).body.error.code).toBe('RULE_VIOLATION');
  });

  it('004 §11 when a 12345 hotline request is passed on, then it is handled within the source channel’s limit set as it is assigned', async () => {
    const created = await t.http
      .post('/api/admin/v1/tickets')
      .set(bearer(cast.operator.token))
      .send({ type: 'help', content: '12345热线转来：小区停水两天，一直没有恢复', channel: 'hotline', callerPhone: '13800138000' })
      .expect(201);
    const no = created.body.ticket.no as string;
    await assigned(no);
    const res = await setDeadline(no, cast.supervisor.token, '2026-11-26T18:00:00+08:00', '按12345热线时限办理').expect(200);
    expect(res.body.ticket).toMatchObject({ channel: 'hotline', dueAt: '2026-11-26T10:00:00.000Z' });
  });
});

describe('a profile without assigned deadlines (baiyin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'baiyin' });
  });
  afterAll(() => t.close());

  it('when the dispatcher sets the deadline of a complaint, then 422: the regulation fixes it', async () => {
    const cast = await buildCast(t, '白银市');
    const unit = await buildHandlingUnit(t, cast, '白银区');
    const no = await submit(t, (await newCitizen(t)).token, '四龙路小区门口的路灯坏了一周');
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id });
    const res = await t.http.post(`/api/admin/v1/tickets/${no}/set-deadline`).set(bearer(cast.dispatcher.token)).send({ dueAt: '2026-12-31T18:00:00+08:00' }).expect(422);
    expect(res.body.error.code).toBe('RULE_VIOLATION');
  });
});
