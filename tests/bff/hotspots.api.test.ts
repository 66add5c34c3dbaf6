import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildCast, buildHandlingUnit, newCitizen, submit, type Cast, type UnitCast } from './sweeper-support';

/**
 * Hot spots on tickets filed through the real API over five ISO weeks (2026-W44 … W48):
 *   噪声扰民: one a week in W44–W47 and one in W48 (steady) · 路灯照明: none before, six in W48 (rising)
 *   · one consultation no category describes. One 路灯 ticket came from a QR code point; two
 *   噪声 tickets were dispatched to district D. Read on Fri 2026-11-27 for [2026-10-26, 2026-11-29].
 */
describe('hot spots and early warnings (000 §21, 001 §27)', () => {
  let t: TestApp;
  let cast: Cast;
  let d: UnitCast;
  let scene: string;
  const window = { from: '2026-10-26', to: '2026-11-29' };

  const NOISE = '楼下烧烤店噪音扰民到半夜，无法休息';
  const LAMP = '幸福路的路灯不亮，晚上很黑，行人不安全';

  beforeAll(async () => {
    t = await buildTestApp({}, '2026-10-26T09:00:00+08:00');
    cast = await buildCast(t, '热点市');
    d = await buildHandlingUnit(t, cast, '热点区');
    const admin = bearer(cast.admin.token);
    await t.http.post('/api/admin/v1/catalog').set(admin).send({ code: '31', name: '路灯照明', keywords: ['路灯', '灯不亮'] }).expect(201);
    await t.http.post('/api/admin/v1/catalog').set(admin).send({ code: '32', name: '噪声扰民', keywords: ['噪音', '扰民'] }).expect(201);
    scene = (await t.http.post('/api/admin/v1/scenes').set(admin).send({ name: '幸福路口', address: '幸福路与人民路交叉口', location: { lat: 36.54, lng: 104.17 } }).expect(201)).body.scene.scene;

    const citizen = await newCitizen(t);
    const weekly: string[] = [];
    for (let week = 0; week < 4; week++) {
      t.clock.set(new Date(Date.parse('2026-10-26T10:00:00+08:00') + week * 7 * 86_400_000).toISOString());
      weekly.push(await submit(t, citizen.token, NOISE));
    }
    t.clock.set('2026-11-23T10:00:00+08:00');
    for (const no of [weekly[0], await submit(t, citizen.token, NOISE)]) {
      await act(t, cast.operator.token, no, 'accept');
      await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: d.id });
    }
    t.clock.set('2026-11-24T10:00:00+08:00');
    const lamps = await newCitizen(t);
    for (let i = 0; i < 5; i++) await submit(t, lamps.token, `${LAMP}（第${i + 1}次反映）`);
    const res = await t.http.post('/api/v1/tickets').set(bearer(lamps.token)).send({ type: 'complaint', content: LAMP, scene, idempotencyKey: 'hotspot-scene-1' });
    expect(res.status).toBe(201);
    await submit(t, lamps.token, '请问社保卡丢失以后去哪里补办？', 'consultation');
    t.clock.set('2026-11-27T15:00:00+08:00');
  });
  afterAll(() => t.close());

  const hot = (query: Record<string, string>, token = cast.supervisor.token) => t.http.get('/api/admin/v1/stats/hotspots').query({ ...window, ...query }).set(bearer(token));
  type Bucket = { key: string | null; label: string; count: number; share: number };
  const counts = (buckets: Bucket[]) => Object.fromEntries(buckets.map((b) => [b.label, b.count]));

  it('000 §21 when hot spots are read by category, then tickets without a confirmed category are classified from their text', async () => {
    const res = await hot({ by: 'category' }).expect(200);
    expect(res.body.total).toBe(12);
    expect(counts(res.body.buckets)).toEqual({ 路灯照明: 6, 噪声扰民: 5, 未分类: 1 });
    expect(res.body.buckets.find((b: Bucket) => b.key === '31')).toMatchObject({ count: 6, share: 0.5 });
    expect(res.body.approximate).toBe(false);
  });

  it('000 §21 001 §27 when a matter jumps in the last week against the four before, then it is warned about and a steady one is not', async () => {
    const res = await hot({ by: 'category' }).expect(200);
    expect(res.body.warnings).toEqual([
      { dimension: 'category', key: '31', label: '路灯照明', current: 6, baseline: 0, ratio: null, zScore: 6, from: '2026-11-22T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' },
    ]);
    expect(res.body.rule).toContain('不少于5件');
  });

  it('002 §36 when the platform analyses a period, then the matters citizens raise most are ranked first with their share, and the concentrated one carries an early warning', async () => {
    const res = await hot({ by: 'category' }).expect(200);
    expect(res.body.buckets.map((b: Bucket) => [b.label, b.count, b.share])).toEqual([
      ['路灯照明', 6, 0.5],
      ['噪声扰民', 5, 0.4167],
      ['未分类', 1, 0.0833],
    ]);
    expect(res.body.warnings.map((x: { label: string; current: number }) => [x.label, x.current])).toEqual([['路灯照明', 6]]);
  });

  it('when hot spots are read by ISO week, then every week of the window is listed in order with its count', async () => {
    const res = await hot({ by: 'week' }).expect(200);
    expect(res.body.buckets.map((b: Bucket) => [b.key, b.count])).toEqual([
      ['2026-W44', 1],
      ['2026-W45', 1],
      ['2026-W46', 1],
      ['2026-W47', 1],
      ['2026-W48', 8],
    ]);
    expect(res.body.warnings.map((w: { key: string }) => w.key)).toEqual(['31']);
  });

  it('when hot spots are read by code point, type and unit, then the buckets carry the place, type and unit names', async () => {
    expect(counts((await hot({ by: 'scene' }).expect(200)).body.buckets)).toEqual({ 幸福路口: 1, 非扫码提交: 11 });
    expect(counts((await hot({ by: 'type' }).expect(200)).body.buckets)).toEqual({ 投诉: 11, 咨询: 1 });
    expect(counts((await hot({ by: 'unit' }).expect(200)).body.buckets)).toEqual({ 尚未派单: 10, 热点区: 2 });
    expect(counts((await hot({ by: 'region' }).expect(200)).body.buckets)).toEqual({ 未标注区域: 12 });
    expect((await hot({ by: 'category', top: '1' }).expect(200)).body.buckets).toHaveLength(1);
  });

  it('when a handler reads hot spots, then only its own unit tickets count, and another unit is refused', async () => {
    const own = await hot({ by: 'category' }, d.handler.token).expect(200);
    expect(own.body.total).toBe(2);
    expect(counts(own.body.buckets)).toEqual({ 噪声扰民: 2 });
    const other = await buildHandlingUnit(t, cast, '别的区');
    const refused = await hot({ unit: other.id }, d.handler.token).expect(403);
    expect(refused.body.error.code).toBe('STATS_OUT_OF_SCOPE');
    expect((await hot({ unit: d.id }).expect(200)).body.total).toBe(2);
  });

  it('when the query is bad, the unit unknown or the role not allowed, then the answer is a 4xx with a code', async () => {
    expect((await hot({ by: 'street' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await hot({ from: '2026-12-01', to: '2026-11-01' }).expect(400)).body.error.code).toBe('STATS_WINDOW_INVALID');
    expect((await hot({ top: '0' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await hot({ extra: '1' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await hot({ unit: 'nope' }).expect(404)).body.error.code).toBe('UNIT_NOT_FOUND');
    expect((await hot({}, cast.visitor.token).expect(403)).body.error.code).toBe('ROLE_NOT_ALLOWED');
    await t.http.get('/api/admin/v1/stats/hotspots').expect(401);
  });
});
