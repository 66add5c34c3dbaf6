/**
 * The sweeper watches the intermediate deadlines (issue 12 item 5) through the real app: each one
 * missed gives one warning in the inbox of whoever owes the step, and 督办 where the profile says so.
 */
import { listSupervisions } from '../../bff/src/supervision/service';
import { buildTestApp, type TestApp } from '../support/app';
import type { TestStaff } from '../support/builders/staff';
import { act, bearer, buildCast, buildHandlingUnit, DAY, dispatched, newCitizen, signed, submit, sweepNow, type Cast, type UnitCast } from './sweeper-support';

async function notices(t: TestApp, who: TestStaff, no: string): Promise<Array<{ kind: string; cite: string | null; deadline: string | null; note: string | null }>> {
  const res = await t.http.get('/api/admin/v1/notices?limit=100').set(bearer(who.token));
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ ticketNo: string; kind: string; cite: string | null; deadline: string | null; note: string | null }>).filter((n) => n.ticketNo === no);
}
const kinds = async (t: TestApp, who: TestStaff, no: string) => (await notices(t, who, no)).map((n) => n.kind).sort();

const sweep = sweepNow;

async function supervisionTriggers(t: TestApp, no: string): Promise<string[]> {
  return (await listSupervisions(t.db, no)).map((s) => s.trigger);
}

describe('sweeper: intermediate deadlines in Baiyin (000 §10, §18, §23(1))', () => {
  let t: TestApp;
  let cast: Cast;
  let unit: UnitCast;
  let co: UnitCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await buildCast(t, '环节市');
    unit = await buildHandlingUnit(t, cast, '环节区');
    co = await buildHandlingUnit(t, cast, '配合区');
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2026-11-24T09:00:00+08:00'));

  it('000 §23(1) when a dispatched ticket is not signed for within the profile’s window, then the unit gets one sign-for warning and 督办 (refused-acceptance) opens once', async () => {
    const citizen = await newCitizen(t);
    const no = await dispatched(t, cast, citizen.token, unit.id);
    t.clock.advance(2 * DAY);
    const first = await sweep(t);
    expect(first.missedSteps).toBeGreaterThanOrEqual(1);
    const second = await sweep(t);
    expect(second).toMatchObject({ missedSteps: 0, missedStepsSupervised: 0 });
    expect((await kinds(t, unit.handler, no)).filter((k) => k === 'sign-missed')).toHaveLength(1);
    const [warning] = (await notices(t, unit.handler, no)).filter((n) => n.kind === 'sign-missed');
    expect(warning.note).toContain('签收应于');
    expect(await supervisionTriggers(t, no)).toEqual(['refused-acceptance']);
    expect((await kinds(t, cast.supervisor, no))).toContain('supervised');
  });

  it('000 §10 when an accepted ticket is not dispatched the same day, then the dispatchers are warned and nobody else', async () => {
    const citizen = await newCitizen(t);
    const no = await submit(t, citizen.token, '小区消防通道被私家车长期占用');
    await act(t, cast.operator.token, no, 'accept');
    t.clock.advance(DAY);
    await sweep(t);
    expect(await kinds(t, cast.dispatcher, no)).toEqual(['dispatch-missed']);
    expect(await kinds(t, cast.operator, no)).not.toContain('dispatch-missed');
    expect(await supervisionTriggers(t, no)).toEqual([]);
  });

  it('000 §18 when a co-unit has not sent its result one working day before the deadline, then that co-unit is warned, not the lead', async () => {
    const citizen = await newCitizen(t);
    const no = await submit(t, citizen.token, '老旧小区雨污管网混接，雨天污水外溢');
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id, coUnits: [co.id] });
    await act(t, unit.handler.token, no, 'sign');
    const ticket = (await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(cast.operator.token))).body.ticket as { deadlines: { coResult: string } };
    t.clock.set(new Date(new Date(ticket.deadlines.coResult).getTime() + 60_000));
    await sweep(t);
    expect(await kinds(t, co.handler, no)).toContain('co-result-missed');
    expect(await kinds(t, unit.handler, no)).not.toContain('co-result-missed');
  });
});

describe('sweeper: intermediate deadlines in Liaoning (002 §18, §19, §23(2))', () => {
  let t: TestApp;
  let cast: Cast;
  let unit: UnitCast;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'liaoning' });
    cast = await buildCast(t, '辽环市');
    unit = await buildHandlingUnit(t, cast, '辽环区');
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2026-11-24T09:00:00+08:00'));

  it('002 §19(2) when the unit misses the 5-working-day stage reply, then it gets one warning citing the article, and 督办 opens (002 §23(2))', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    t.clock.set('2026-12-02T09:00:00+08:00');
    await sweep(t);
    await sweep(t);
    const warnings = (await notices(t, unit.handler, no)).filter((n) => n.kind === 'stage-reply-missed');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ cite: '002 §19(2)', deadline: new Date('2026-12-01T23:59:59.999+08:00').toISOString() });
    expect(await supervisionTriggers(t, no)).toEqual(['missed-step']);
  });

  it('002 §19(2) when the unit sent a stage report in time, then no stage-reply warning comes', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    await act(t, unit.handler.token, no, 'stage-report', { content: '已现场查看，正在协调施工单位' });
    t.clock.set('2026-12-02T09:00:00+08:00');
    await sweep(t);
    expect(await kinds(t, unit.handler, no)).not.toContain('stage-reply-missed');
  });

  it('002 §18 when a request is neither accepted nor refused within 2 working days, then the operators are warned (no 督办)', async () => {
    const citizen = await newCitizen(t);
    const no = await submit(t, citizen.token, '菜市场周边占道经营严重');
    t.clock.set('2026-11-27T09:00:00+08:00');
    await sweep(t);
    expect(await kinds(t, cast.operator, no)).toEqual(['acceptance-missed']);
    expect(await supervisionTriggers(t, no)).toEqual([]);
  });

  it('002 §25(4) when the citizen lets the supplement deadline pass, then the operators are warned to decide', async () => {
    const citizen = await newCitizen(t);
    const no = await submit(t, citizen.token, '楼上漏水导致我家天花板发霉');
    await act(t, cast.operator.token, no, 'request-supplement', { note: '请补充具体楼栋和门牌号', workingDays: 2 });
    t.clock.set('2026-11-27T09:00:00+08:00');
    await sweep(t);
    expect(await kinds(t, cast.operator, no)).toContain('supplement-missed');
  });

  it('002 §19(4) when an extended ticket goes a week without a progress report, then the unit is warned once for that week', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    await act(t, unit.handler.token, no, 'stage-report', { content: '已排查管线，需协调燃气公司' });
    await act(t, unit.handler.token, no, 'request-extension', { workingDays: 10, reason: '需多部门联合施工' });
    await act(t, cast.supervisor.token, no, 'decide-extension', { approve: true });
    t.clock.advance(7 * DAY + 3_600_000);
    await sweep(t);
    await sweep(t);
    expect((await kinds(t, unit.handler, no)).filter((k) => k === 'progress-report-missed')).toHaveLength(1);
  });
});

describe('sweeper: the class C plan in Pingdingshan (003 §8)', () => {
  let t: TestApp;
  let cast: Cast;
  let unit: UnitCast;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'pingdingshan' });
    cast = await buildCast(t, '平环市');
    unit = await buildHandlingUnit(t, cast, '平环区');
  });
  afterAll(() => t.close());

  it('003 §8 C 类 when the unit reports no plan within 5 working days, then it is warned and supervised; once it reports, the dispatchers owe the deadline; once set, the final deadline rules', async () => {
    t.clock.set('2026-11-24T09:00:00+08:00');
    const citizen = await newCitizen(t);
    const no = await submit(t, citizen.token, '片区规划道路多年未打通，居民出行绕远');
    await act(t, cast.operator.token, no, 'accept', { class: 'C' });
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id });
    await act(t, unit.handler.token, no, 'sign');
    t.clock.set('2026-12-02T09:00:00+08:00');
    await sweep(t);
    expect(await kinds(t, unit.handler, no)).toContain('plan-missed');
    expect(await supervisionTriggers(t, no)).toEqual(['missed-step']);
    await act(t, unit.handler.token, no, 'stage-report', { content: '办理计划：12月底前完成征迁协调，次年一季度施工' });
    await sweep(t);
    expect(await kinds(t, cast.dispatcher, no)).toContain('deadline-set-missed');
    await act(t, cast.dispatcher.token, no, 'set-deadline', { dueAt: '2027-03-31T18:00:00+08:00', note: '按计划办理' });
    const after = await sweep(t);
    expect(after.missedSteps).toBe(0);
  });
});
