import { buildTestApp, type TestApp } from '../support/app';
import { escalationsAt } from '../../bff/src/accountability/escalations';
import { getProfile } from '@mashang/shared';
import { bearer, buildCast, buildHandlingUnit, dispatched, newCitizen, rate, visiting, type Cast, type UnitCast } from './sweeper-support';

const rules = getProfile('pingdingshan').interviewEscalations ?? [];
const reached = (periods: string[], at: string) => escalationsAt(periods, at, rules).filter((e) => e.reached).map((e) => e.step);

describe('003 §28(5), §29(2) escalations computed from the recorded interviews', () => {
  it('003 §28(5) when a unit is interviewed in two consecutive months, or three times within a year, then its main leader is interviewed', () => {
    expect(reached(['2026-03'], '2026-03')).toEqual([]);
    expect(reached(['2026-03', '2026-04'], '2026-04')).toEqual(['leader-interview']);
    expect(reached(['2026-01', '2026-03'], '2026-03')).toEqual([]);
    expect(reached(['2026-01', '2026-03', '2026-07'], '2026-07')).toEqual(['leader-interview']);
  });

  it('003 §29(2) when interviewed in three consecutive months, or five times within a year, then the main leader speaks publicly and loses 评先 eligibility', () => {
    expect(reached(['2026-03', '2026-04', '2026-05'], '2026-05')).toEqual(['leader-interview', 'public-statement']);
    expect(reached(['2026-01', '2026-03', '2026-05', '2026-07', '2026-09'], '2026-09')).toEqual(['leader-interview', 'public-statement']);
    expect(reached(['2026-01', '2026-03', '2026-05', '2026-07'], '2026-09')).toEqual(['leader-interview']);
  });

  it('003 §28(5) when the interviews lie more than a year back, then they no longer count', () => {
    expect(reached(['2025-01', '2025-02', '2025-03'], '2026-03')).toEqual([]);
    expect(escalationsAt(['2025-04', '2025-05', '2026-03'], '2026-03', rules)[0]).toMatchObject({ cumulative: 3, consecutive: 2, reached: true });
  });
});

/**
 * Pingdingshan: each month 新华区 replies and is rated satisfied (score 100) while 卫东区 never
 * signs its ticket (score 0, under 85 % of its group's best: marked, 003 §28(4)). The centre
 * publishes August, September and October and records the interviews; the escalations follow.
 */
describe('月通报 and 约谈 walked through the API on pingdingshan (003 §26, §28-29)', () => {
  let t: TestApp;
  let cast: Cast;
  let good: UnitCast;
  let bad: UnitCast;
  let citizen: string;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'pingdingshan' }, '2026-08-03T09:00:00+08:00');
    cast = await buildCast(t, '平顶山市');
    good = await buildHandlingUnit(t, cast, '新华区');
    bad = await buildHandlingUnit(t, cast, '卫东区');
    citizen = (await newCitizen(t)).token;
  });
  afterAll(() => t.close());

  async function month(m: string): Promise<void> {
    t.clock.set(`2026-${m}-10T09:00:00+08:00`);
    await rate(t, citizen, await visiting(t, cast, citizen, good), 'satisfied');
    await dispatched(t, cast, citizen, bad.id);
  }
  const publish = (period: string, token = cast.supervisor.token) => t.http.post(`/api/admin/v1/rankings/${period}/publish`).set(bearer(token)).send({ note: '市指挥中心月通报' });
  const interview = (unit: string, period: string) =>
    t.http.post('/api/admin/v1/interviews').set(bearer(cast.supervisor.token)).send({ unit, ground: 'ranking', period, interviewer: '市政府办公室副主任', interviewee: '分管副区长' });

  it('003 §26 when August is over and published, then the ranking is a record with the four groups of 003 §28(4), published at and by, readable by every staff member', async () => {
    await month('08');
    t.clock.set('2026-08-31T12:00:00+08:00');
    expect((await publish('2026-08').expect(422)).body.error.code).toBe('PERIOD_NOT_OVER');
    t.clock.set('2026-09-02T10:00:00+08:00');
    expect((await t.http.get('/api/admin/v1/rankings/2026-08').set(bearer(good.handler.token)).expect(404)).body.error.code).toBe('RANKING_NOT_PUBLISHED');
    await publish('2026-08', good.handler.token).expect(403);
    const res = await publish('2026-08').expect(201);
    expect(res.body.ranking).toMatchObject({ period: '2026-08', publishedAt: '2026-09-02T02:00:00.000Z', publishedBy: { id: cast.supervisor.id }, note: '市指挥中心月通报' });
    expect(res.body.ranking.groups.map((g: { label: string }) => g.label)).toEqual(['县（市）组', '区组', '市直单位和驻平单位组', '各区乡镇（街道）组']);
    const district = res.body.ranking.groups[1];
    expect(district.units).toEqual([
      expect.objectContaining({ unit: good.id, rank: 1, score: 100, marked: false }),
      expect.objectContaining({ unit: bad.id, rank: 2, score: 0, marked: true }),
    ]);
    expect((await publish('2026-08').expect(409)).body.error.code).toBe('RANKING_ALREADY_PUBLISHED');
    const read = await t.http.get('/api/admin/v1/rankings/2026-08').set(bearer(good.handler.token)).expect(200);
    expect(read.body.ranking).toEqual(res.body.ranking);
    expect((await t.http.get('/api/admin/v1/rankings').set(bearer(cast.visitor.token)).expect(200)).body.items).toHaveLength(1);
  });

  it('003 §28(4) when a marked unit is pending, then it is listed until its interview is recorded; an unmarked unit or an unpublished month is refused', async () => {
    const before = await t.http.get('/api/admin/v1/accountability').query({ period: '2026-08' }).set(bearer(cast.supervisor.token)).expect(200);
    expect(before.body.pending).toEqual([{ unit: bad.id, unitName: '卫东区', period: '2026-08', group: '区组' }]);
    expect((await interview(good.id, '2026-08').expect(422)).body.error.code).toBe('UNIT_NOT_MARKED');
    expect((await interview(bad.id, '2026-07').expect(422)).body.error.code).toBe('RANKING_NOT_PUBLISHED');
    const res = await interview(bad.id, '2026-08').expect(201);
    expect(res.body.interview).toMatchObject({ unit: bad.id, unitName: '卫东区', ground: 'ranking', period: '2026-08', heldOn: '2026-09-02' });
    expect(res.body.accountability.units[0].escalations.map((e: { reached: boolean }) => e.reached)).toEqual([false, false]);
    expect((await interview(bad.id, '2026-08').expect(409)).body.error.code).toBe('INTERVIEW_EXISTS');
    const after = await t.http.get('/api/admin/v1/accountability').query({ period: '2026-08' }).set(bearer(cast.supervisor.token)).expect(200);
    expect(after.body.pending).toEqual([]);
  });

  it('003 §28(5) when the unit is last again in September and interviewed, then two consecutive interviews call for its main leader’s interview', async () => {
    await month('09');
    t.clock.set('2026-10-02T10:00:00+08:00');
    await publish('2026-09').expect(201);
    const res = await interview(bad.id, '2026-09').expect(201);
    expect(res.body.accountability.units[0].escalations).toEqual([
      expect.objectContaining({ step: 'leader-interview', cite: '003 §28(5)', consecutive: 2, cumulative: 2, reached: true }),
      expect.objectContaining({ step: 'public-statement', cite: '003 §29(2)', reached: false }),
    ]);
    const repeated = await t.http
      .post('/api/admin/v1/interviews')
      .set(bearer(cast.supervisor.token))
      .send({ unit: bad.id, ground: 'repeated', interviewer: '市政府秘书长、市纪委监委、市委组织部', interviewee: '区长', note: '连续2次被约谈' })
      .expect(201);
    expect(repeated.body.interview).toMatchObject({ ground: 'repeated', period: '2026-10', heldOn: '2026-10-02' });
  });

  it('003 §29(2) when the unit is interviewed in three consecutive months, then its main leader speaks publicly and loses 评先 eligibility', async () => {
    const res = await t.http.get('/api/admin/v1/accountability').query({ period: '2026-10', unit: bad.id }).set(bearer(good.handler.token)).expect(200);
    expect(res.body.units).toEqual([expect.objectContaining({ unit: bad.id, interviews: 3 })]);
    expect(res.body.units[0].escalations.find((e: { step: string }) => e.step === 'public-statement')).toMatchObject({ consecutive: 3, reached: true });
    const list = await t.http.get('/api/admin/v1/interviews').query({ unit: bad.id }).set(bearer(cast.supervisor.token)).expect(200);
    expect(list.body.items.map((i: { period: string; ground: string }) => `${i.period} ${i.ground}`)).toEqual(['2026-10 repeated', '2026-09 ranking', '2026-08 ranking']);
  });
});

describe('a profile without 003 §26-29 (heze)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'heze' }, '2026-09-02T10:00:00+08:00');
  });
  afterAll(() => t.close());

  it('when the ranking is published or the escalations read, then 422 says the profile has none', async () => {
    const cast = await buildCast(t, '菏泽市');
    expect((await t.http.post('/api/admin/v1/rankings/2026-08/publish').set(bearer(cast.supervisor.token)).send({}).expect(422)).body.error.code).toBe('RANKING_NOT_IN_PROFILE');
    expect((await t.http.get('/api/admin/v1/accountability').set(bearer(cast.supervisor.token)).expect(422)).body.error.code).toBe('INTERVIEWS_NOT_IN_PROFILE');
  });
});
