import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildCast, buildHandlingUnit, dispatched, newCitizen, rate, signed, submit, type Cast, type UnitCast } from './sweeper-support';

/**
 * A small city walked through the real API (baiyin profile: 15 working days from dispatch).
 * Everything is submitted on Tue 2026-11-24, so due dates are the end of Tue 2026-12-15.
 *   district D1: T1 replied after 1 wd, rated satisfied · T2 replied after 3 wd, visited basic ·
 *                T3 replied after 3 wd, rated unsatisfied, closed without reopening ·
 *                T4 dispatched, never signed (overdue by Dec 16) · T5 returned by D1, then D2.
 *   street S1 (under D1): T6 replied late on Dec 16 (16 wd), awaiting the visit · T7 extended by 3 wd.
 *   district D2: T5 signed, overdue by Dec 16.
 *   platform: T8 a consultation the operator answered.
 * Figures are read on Wed 2026-12-16.
 */
describe('stats: assessment figures per unit (000 §28, 002 §27)', () => {
  let t: TestApp;
  let cast: Cast;
  let d1: UnitCast;
  let s1: UnitCast;
  let d2: UnitCast;

  const at = (iso: string) => t.clock.set(iso);

  beforeAll(async () => {
    t = await buildTestApp({}, '2026-11-24T09:00:00+08:00');
    cast = await buildCast(t, '统计市');
    d1 = await buildHandlingUnit(t, cast, '统计一区');
    s1 = await buildHandlingUnit(t, cast, '统计街道', d1.id, 'street');
    d2 = await buildHandlingUnit(t, cast, '统计二区');
    const citizen = await newCitizen(t);
    const c = citizen.token;
    const t1 = await signed(t, cast, c, d1, '幸福路3号路灯不亮，晚上很黑');
    const t2 = await signed(t, cast, c, d1, '光明小区门口垃圾堆放多日无人清运');
    const t3 = await signed(t, cast, c, d1, '和平街夜市噪音扰民到凌晨两点');
    await dispatched(t, cast, c, d1.id, '人民路井盖缺失存在安全隐患');
    const t5 = await dispatched(t, cast, c, d1.id, '滨河路供暖温度不达标，室内只有十五度');
    await act(t, d1.handler.token, t5, 'request-return', { reason: '供暖属二区管辖' });
    await act(t, cast.dispatcher.token, t5, 'decide-return', { approve: true });
    await act(t, cast.dispatcher.token, t5, 'dispatch', { leadUnit: d2.id });
    await act(t, d2.handler.token, t5, 'sign');
    const t6 = await signed(t, cast, c, s1, '建设街道路面破损严重，电动车经常摔倒');
    const t7 = await signed(t, cast, c, s1, '东风巷自来水水压太低，高层用不上水');
    await act(t, s1.handler.token, t7, 'request-extension', { workingDays: 3, reason: '需协调供水公司改造管网' });
    await act(t, cast.supervisor.token, t7, 'decide-extension', { approve: true });
    const t8 = await submit(t, c, '请问办理居住证需要带哪些材料？', 'consultation');
    await act(t, cast.operator.token, t8, 'answer', { answer: '请携带身份证、租房合同和近期照片到户籍窗口办理' });

    at('2026-11-25T10:00:00+08:00');
    await act(t, d1.handler.token, t1, 'reply', { result: '已更换灯具，恢复照明' });
    await act(t, cast.operator.token, t1, 'review', { approve: true });
    await rate(t, c, t1, 'satisfied');

    at('2026-11-27T10:00:00+08:00');
    for (const no of [t2, t3]) {
      await act(t, d1.handler.token, no, 'reply', { result: '已处理完毕，并向诉求人说明情况' });
      await act(t, cast.operator.token, no, 'review', { approve: true });
    }
    await act(t, cast.visitor.token, t2, 'visit', { answered: true, satisfaction: 'basic' });
    await rate(t, c, t3, 'unsatisfied');
    await act(t, cast.operator.token, t3, 'decide-reopen', { reopen: false, note: '已依法处理，诉求人要求超出政策范围' });

    at('2026-12-16T10:00:00+08:00');
    await act(t, s1.handler.token, t6, 'reply', { result: '已修补路面' });
    await act(t, cast.operator.token, t6, 'review', { approve: true });
  });
  afterAll(() => t.close());

  type Row = { unit: string; figures: Record<string, number>; rates: Record<string, number | null> };
  const row = (items: Row[], unit: string): Row => {
    const found = items.find((i) => i.unit === unit);
    if (!found) throw new Error(`no row for ${unit}`);
    return found;
  };
  const units = (query: Record<string, string>, token = cast.supervisor.token) => t.http.get('/api/admin/v1/stats/units').query({ from: '2026-11-01', to: '2026-11-30', ...query }).set(bearer(token));

  it('000 §28 002 §27 when a supervisor reads the unit figures, then every count and rate matches the hand-built tickets', async () => {
    const res = await units({}).expect(200);
    const r1 = row(res.body.items, d1.id);
    expect(r1.figures).toEqual({
      received: 5, accepted: 0, dispatched: 5, signed: 3, signedOnTime: 3, dispatchedOnTime: 0, replied: 3, repliedOnTime: 3, overdue: 1, overdueOpen: 1, closed: 3, visitDue: 3, visited: 1,
      satisfied: 1, basic: 1, unsatisfied: 1, returns: 1, reopens: 0, extensions: 0, supervised: 0, workingDays: 7, timedReplies: 3,
    });
    // 响应 3 signed in time ÷ 5 · 按时 3 ÷ (3 replied + T4 late unanswered) · 回访 T2 visited ÷ 3 approved · 办结 3 ÷ 5.
    expect(r1.rates).toEqual({ response: 0.6, resolution: 0.6667, satisfaction: 0.6667, onTime: 0.75, followUp: 0.3333, closure: 0.6, instantTransfer: null, averageDays: 2.33 });
    const rs = row(res.body.items, s1.id);
    expect(rs.figures).toMatchObject({ received: 2, dispatched: 2, signed: 2, replied: 1, repliedOnTime: 0, overdue: 1, overdueOpen: 0, closed: 0, visitDue: 1, visited: 0, extensions: 1, workingDays: 16, timedReplies: 1 });
    expect(rs.rates).toEqual({ response: 1, resolution: null, satisfaction: null, onTime: 0, followUp: 0, closure: 0, instantTransfer: null, averageDays: 16 });
    const r2 = row(res.body.items, d2.id);
    expect(r2.figures).toMatchObject({ received: 1, dispatched: 1, signed: 1, replied: 0, overdue: 1, overdueOpen: 1, returns: 0 });
    expect(r2.rates).toMatchObject({ response: 1, onTime: 0 });
    expect(res.body.items.map((i: { unitName: string }) => i.unitName)).toEqual(['统计市', '统计一区', '统计街道', '统计二区']);
    expect(res.body.platform.figures).toMatchObject({ received: 8, accepted: 8, dispatched: 7, dispatchedOnTime: 7 });
    expect(res.body.platform.rates.instantTransfer).toBe(1);
    expect(res.body.total.figures).toMatchObject({ received: 8, dispatched: 8, signed: 6, replied: 4, closed: 3, overdue: 3 });
  });

  it('when weighting=beijing, then 满意率 counts 基本满意 at 0.9: (1 + 0.9 × 1) ÷ 3', async () => {
    const res = await units({ weighting: 'beijing' }).expect(200);
    expect(row(res.body.items, d1.id).rates.satisfaction).toBe(0.6333);
    expect(res.body.weighting).toBe('beijing');
  });

  it('when rollup=true, then a district carries its streets figures', async () => {
    const res = await units({ rollup: 'true' }).expect(200);
    expect(row(res.body.items, d1.id).figures).toMatchObject({ received: 7, signed: 5, replied: 4, repliedOnTime: 3, overdue: 2, extensions: 1, workingDays: 23, timedReplies: 4 });
    expect(row(res.body.items, d1.id).rates).toMatchObject({ response: 0.7143, onTime: 0.6, averageDays: 5.75 });
    expect(row(res.body.items, cast.city).figures).toMatchObject({ received: 8, signed: 6 });
  });

  it('when a handler reads the figures, then only its unit subtree is listed, and another unit is refused', async () => {
    const own = await units({}, d1.handler.token).expect(200);
    expect(own.body.items.map((i: Row) => i.unit)).toEqual([d1.id, s1.id]);
    expect(own.body.platform).toBeNull();
    const street = await units({}, s1.handler.token).expect(200);
    expect(street.body.items.map((i: Row) => i.unit)).toEqual([s1.id]);
    const up = await units({ unit: d1.id }, s1.handler.token).expect(403);
    expect(up.body.error.code).toBe('STATS_OUT_OF_SCOPE');
    await units({ unit: d2.id }, d1.handler.token).expect(403);
    expect((await units({ unit: s1.id }, d1.handler.token).expect(200)).body.items.map((i: Row) => i.unit)).toEqual([s1.id]);
  });

  it('when the window excludes the submission day, then every unit counts zero', async () => {
    const res = await units({ from: '2026-11-25' }).expect(200);
    expect(row(res.body.items, d1.id).figures.received).toBe(0);
    expect(row(res.body.items, d1.id).rates.response).toBeNull();
  });

  it('when the overview is read, then the city totals by status and type match', async () => {
    const res = await t.http.get('/api/admin/v1/stats/overview').query({ from: '2026-11-24', to: '2026-11-24' }).set(bearer(cast.operator.token)).expect(200);
    expect(res.body).toEqual({
      from: '2026-11-23T16:00:00.000Z',
      to: '2026-11-24T16:00:00.000Z',
      received: 8,
      overdue: 2,
      byStatus: { closed: 3, dispatched: 1, handling: 2, visiting: 2 },
      byType: { complaint: 7, consultation: 1 },
    });
  });

  it('when the query is bad or the role is wrong, then the answer is a 4xx with a code', async () => {
    const codes = async (q: Record<string, unknown>) => (await t.http.get('/api/admin/v1/stats/units').query(q).set(bearer(cast.admin.token))).body.error?.code;
    expect(await codes({ from: '2026-13-01' })).toBe('VALIDATION_FAILED');
    expect(await codes({ from: '2026-02-30' })).toBe('VALIDATION_FAILED');
    expect(await codes({ from: '2026-12-01', to: '2026-11-01' })).toBe('STATS_WINDOW_INVALID');
    expect(await codes({ from: '2020-01-01', to: '2026-11-01' })).toBe('STATS_WINDOW_TOO_LONG');
    expect(await codes({ weighting: 'tokyo' })).toBe('VALIDATION_FAILED');
    expect(await codes({ rollup: 'yes' })).toBe('VALIDATION_FAILED');
    expect(await codes({ unit: { $ne: 1 } })).toBe('VALIDATION_FAILED');
    expect(await codes({ unit: 'ffffffffffffffffffffffff' })).toBe('UNIT_NOT_FOUND');
    expect(await codes({ extra: '1' })).toBe('VALIDATION_FAILED');
    const visitor = await t.http.get('/api/admin/v1/stats/units').set(bearer(cast.visitor.token)).expect(403);
    expect(visitor.body.error.code).toBe('ROLE_NOT_ALLOWED');
    await t.http.get('/api/admin/v1/stats/overview').set(bearer(d1.handler.token)).expect(403);
    await t.http.get('/api/admin/v1/stats/units').expect(401);
  });

  it('when the OpenAPI document is read, then the stats route states its formulas', async () => {
    const doc = await t.http.get('/api/openapi.json').expect(200);
    const description: string = doc.body.paths['/api/admin/v1/stats/units'].get.description;
    expect(description).toContain('响应率 response (000 §28) = signedOnTime ÷ dispatched');
    expect(description).toContain('0.9 × basic');
  });
});
