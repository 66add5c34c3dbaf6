/**
 * Issue 13: Baiyin's 约谈 as records (000 §26: the city government may interview the heads of a
 * county (district) government or city department whose handling is 工作不力 or on which requests
 * concentrate, and require rectification by a date) — the interview register of bff/src/accountability,
 * switched on by the profile's `interviewGrounds`.
 */
import { buildTestApp } from '../support/app';
import { bearer, buildWorld, type World } from '../support/ticket-builders';

async function profileWorld(profile: string): Promise<World> {
  return buildWorld(await buildTestApp({ REGULATION_PROFILE: profile }, '2026-11-24T09:00:00+08:00'));
}

const interview = (w: World, ground: string) =>
  w.t.http
    .post('/api/admin/v1/interviews')
    .set(bearer(w.supervisor.token))
    .send({ unit: w.units.y, ground, interviewer: '市人民政府分管副市长', interviewee: '城管局主要负责人', note: '限期30日整改' });

describe('baiyin (000): interviews of the units’ heads', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('baiyin')));
  afterAll(() => w.t.close());

  test('000 §26 when the supervisor records an interview for 诉求反映集中, then it is in the register and the unit’s account counts it', async () => {
    const res = await interview(w, 'concentrated-requests');
    expect(res.status).toBe(201);
    expect(res.body.interview).toMatchObject({ ground: 'concentrated-requests', period: '2026-11', groundLabel: expect.stringContaining('000 §26') });
    await interview(w, 'ineffective-work');
    const account = await w.t.http.get(`/api/admin/v1/accountability?unit=${w.units.y}`).set(bearer(w.supervisor.token));
    expect(account.status).toBe(200);
    expect(account.body.units).toEqual([expect.objectContaining({ unit: w.units.y, interviews: 2, escalations: [] })]);
  });

  test('000 §26 when a Pingdingshan ground (003 §28(4) ranking) is given, then 422 GROUND_NOT_IN_PROFILE', async () => {
    const res = await interview(w, 'ranking');
    expect([res.status, res.body.error.code]).toEqual([422, 'GROUND_NOT_IN_PROFILE']);
  });
});

describe('heze (001): no interview article in the seed', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('heze')));
  afterAll(() => w.t.close());

  test('001 §23 (referral only) when an interview is recorded, then 422 INTERVIEWS_NOT_IN_PROFILE', async () => {
    const res = await interview(w, 'ineffective-work');
    expect([res.status, res.body.error.code]).toEqual([422, 'INTERVIEWS_NOT_IN_PROFILE']);
  });
});
