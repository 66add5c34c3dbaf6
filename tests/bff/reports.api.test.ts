import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildCast, buildHandlingUnit, dispatched, newCitizen, rate, visiting, type Cast, type UnitCast } from './sweeper-support';

/**
 * A pingdingshan city (metrics 响应率 解决率 满意率 按时办结率; 003 §28(4) marks) walked through
 * the real API. October: one request dispatched to D1, never signed. November (all on Tue 11-10):
 *   D1, S1: replied, rated satisfied → score 100 · D2: the same plus one never signed → 75
 *   (响应 ½, 解决 1, 满意 1, 按时 1 ÷ (1 replied + 1 overdue unanswered) = ½, 002 §27) ·
 *   D3, S2: replied, rated unsatisfied, not reopened → 50 · S3: one never signed → 0.
 * Districts form the 县区组 (last 1 under 85 % of the best), streets S1–S3 (under D1) the
 * 街道组 (last 2 under 80 %). Reports are read on Wed 2026-12-02.
 */
describe('reports: 周分析、月通报、年总结 (003 §19) with the ranking marks of 003 §28(4)', () => {
  let t: TestApp;
  let cast: Cast;
  const u: Record<'d1' | 'd2' | 'd3' | 's1' | 's2' | 's3', UnitCast> = {} as Record<'d1' | 'd2' | 'd3' | 's1' | 's2' | 's3', UnitCast>;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'pingdingshan' }, '2026-10-20T09:00:00+08:00');
    cast = await buildCast(t, '报告市');
    await t.http.post('/api/admin/v1/catalog').set(bearer(cast.admin.token)).send({ code: '31', name: '路灯照明', keywords: ['路灯'] }).expect(201);
    u.d1 = await buildHandlingUnit(t, cast, '一区');
    u.d2 = await buildHandlingUnit(t, cast, '二区');
    u.d3 = await buildHandlingUnit(t, cast, '三区');
    u.s1 = await buildHandlingUnit(t, cast, '甲街道', u.d1.id, 'street');
    u.s2 = await buildHandlingUnit(t, cast, '乙街道', u.d1.id, 'street');
    u.s3 = await buildHandlingUnit(t, cast, '丙街道', u.d1.id, 'street');
    const c = (await newCitizen(t)).token;
    await dispatched(t, cast, c, u.d1.id);

    t.clock.set('2026-11-10T09:00:00+08:00');
    for (const unit of [u.d1, u.d2, u.s1]) await rate(t, c, await visiting(t, cast, c, unit), 'satisfied');
    await dispatched(t, cast, c, u.d2.id);
    await dispatched(t, cast, c, u.s3.id);
    for (const unit of [u.d3, u.s2]) {
      const no = await visiting(t, cast, c, unit);
      await rate(t, c, no, 'unsatisfied');
      await act(t, cast.operator.token, no, 'decide-reopen', { reopen: false, note: '已依法答复，诉求超出政策范围' });
    }
    t.clock.set('2026-12-02T10:00:00+08:00');
  });
  afterAll(() => t.close());

  const report = (kind: string, query: Record<string, string> = {}, token = cast.supervisor.token) => t.http.get(`/api/admin/v1/reports/${kind}`).query(query).set(bearer(token));
  type Unit = { unit: string; score: number | null; rank: number | null; previousScore: number | null; mark: { group: string; rank: number; ofTop: number; marked: boolean } | null };
  const byId = (res: Response, id: string): Unit => (res.body.units as Unit[]).find((x) => x.unit === id) as Unit;

  it('003 §26 when the monthly report is read, then each unit has the stats figures and the average of the profile rates × 100 as its score', async () => {
    const res = await report('monthly').expect(200);
    expect(res.body.period).toMatchObject({ key: '2026-11', label: '2026年11月' });
    expect(res.body.previous.key).toBe('2026-10');
    expect(res.body.profile).toMatchObject({ name: 'pingdingshan', scoredMetrics: ['response', 'resolution', 'satisfaction', 'on-time'] });
    const stats = await t.http.get('/api/admin/v1/stats/units').query({ from: '2026-11-01', to: '2026-11-30' }).set(bearer(cast.supervisor.token)).expect(200);
    const statsD2 = stats.body.items.find((i: { unit: string }) => i.unit === u.d2.id);
    expect(byId(res, u.d2.id)).toMatchObject({ figures: statsD2.figures, rates: statsD2.rates, score: 75 });
    expect([u.d1, u.d3, u.s1, u.s2, u.s3].map((x) => byId(res, x.id).score)).toEqual([100, 50, 100, 50, 0]);
    expect(res.body.units.slice(0, 2).map((x: Unit) => x.rank)).toEqual([1, 2]);
    expect(byId(res, u.s3.id).rank).toBe(6);
    expect(byId(res, cast.city).score).toBeNull();
  });

  it('003 §28(4) when the monthly ranking is made, then a district last and under 85 % of the best, and the last two streets under 80 %, are marked', async () => {
    const res = await report('monthly', { period: '2026-11' }).expect(200);
    expect(res.body.ranking.applies).toBe(true);
    expect(byId(res, u.d3.id).mark).toMatchObject({ group: 'district', groupLabel: '区组', rank: 3, ofTop: 0.5, ratioOfTop: 0.85, marked: true, cite: '003 §28(4)' });
    expect(byId(res, u.d2.id).mark).toMatchObject({ rank: 2, ofTop: 0.75, marked: false });
    expect(byId(res, u.d1.id).mark).toMatchObject({ rank: 1, marked: false });
    expect(byId(res, u.s2.id).mark).toMatchObject({ group: 'street', groupLabel: '各区乡镇（街道）组', rank: 2, ofTop: 0.5, ratioOfTop: 0.8, marked: true });
    expect(byId(res, u.s3.id).mark).toMatchObject({ rank: 3, ofTop: 0, marked: true });
    expect(byId(res, u.s1.id).mark).toMatchObject({ rank: 1, marked: false });
  });

  it('003 §19 when the report compares with the previous month, then totals, scores and top categories carry last month', async () => {
    const res = await report('monthly', { period: '2026-11' }).expect(200);
    expect(res.body.totals).toMatchObject({ received: 7, previousReceived: 1, delta: 6 });
    expect(byId(res, u.d1.id)).toMatchObject({ previousScore: 0, scoreDelta: 100 });
    expect(byId(res, u.d2.id)).toMatchObject({ previousScore: null, scoreDelta: null });
    expect(res.body.topCategories).toEqual([{ key: '31', label: '路灯照明', count: 7, share: 1, previousCount: 1, delta: 6 }]);
    expect(res.body.warnings).toEqual([]);
  });

  it('003 §19 when a weekly or yearly report is read, then its period is an ISO week or a year and no interview marks are made', async () => {
    const week = await report('weekly', { period: '2026-W46' }).expect(200);
    expect(week.body.period.label).toBe('2026年第46周（11月9日—11月15日）');
    expect(week.body.previous.key).toBe('2026-W45');
    expect(week.body.ranking.applies).toBe(false);
    expect(byId(week, u.d3.id)).toMatchObject({ score: 50, mark: null });
    const year = await report('yearly', { period: '2026' }).expect(200);
    expect(year.body.totals).toMatchObject({ received: 8, previousReceived: 0 });
    expect(byId(year, u.d1.id).score).toBe(75);
  });

  it('003 §19 when the monthly report is downloaded as CSV, then it is UTF-8 with BOM, named in Chinese (RFC 5987) and marks the units', async () => {
    const res = await report('monthly', { period: '2026-11', format: 'csv' }).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="report-monthly-2026-11.csv"; filename*=UTF-8''${encodeURIComponent('诉求办理月通报（2026年11月）.csv')}`,
    );
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.split('\r\n');
    expect(lines).toContain('单位排名');
    const d3 = lines.find((l) => l.includes(',三区,'));
    expect(d3).toContain(',50,');
    expect(d3).toContain('建议约谈（003 §28(4)）');
    expect(lines.find((l) => l.includes(',二区,'))).not.toContain('约谈');
    expect(lines).toContain('路灯照明,7,1,1,6');
  });

  it('003 §19 when the monthly report is downloaded as XLSX, then exceljs reads the sheets back with rates as percentages and the marked rows highlighted', async () => {
    const res = await report('monthly', { period: '2026-11', format: 'xlsx' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    const bytes = res.body as Buffer;
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '单位排名', '热点分类', '预警']);
    const sheet = book.getWorksheet('单位排名') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    const rowOf = (name: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(col('单位')).value === name) found = row;
      });
      return found as ExcelJS.Row;
    };
    const d2 = rowOf('二区');
    expect(d2.getCell(col('综合得分')).value).toBe(75);
    expect(d2.getCell(col('响应率')).value).toBe(0.5);
    expect(d2.getCell(col('响应率')).numFmt).toBe('0.0%');
    expect(d2.getCell(col('约谈提示')).value).toBe('');
    const d3 = rowOf('三区');
    expect(String(d3.getCell(col('约谈提示')).value)).toContain('低于最高分85%');
    expect(d3.getCell(col('单位')).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(String(rowOf('丙街道').getCell(col('约谈提示')).value)).toContain('低于最高分80%');
    const summary = book.getWorksheet('概况') as ExcelJS.Worksheet;
    expect(summary.getCell('B2').value).toBe('诉求办理月通报（2026年11月）');
  });

  it('when the kind, period or format is bad, the period lies ahead or the role is wrong, then the answer is a 4xx with a code', async () => {
    const code = async (res: Promise<Response>, status: number) => {
      const r = await res;
      expect(r.status).toBe(status);
      return r.body.error.code;
    };
    expect(await code(report('daily'), 400)).toBe('VALIDATION_FAILED');
    expect(await code(report('monthly', { period: '2026-13' }), 400)).toBe('PERIOD_INVALID');
    expect(await code(report('monthly', { period: '2026-W48' }), 400)).toBe('PERIOD_INVALID');
    expect(await code(report('weekly', { period: '2027-W53' }), 400)).toBe('PERIOD_INVALID');
    expect(await code(report('monthly', { period: '2026-11', format: 'pdf' }), 400)).toBe('VALIDATION_FAILED');
    expect(await code(report('monthly', { period: '2027-01' }), 422)).toBe('PERIOD_IN_FUTURE');
    expect(await code(report('monthly', {}, u.d1.handler.token), 403)).toBe('ROLE_NOT_ALLOWED');
    expect((await t.http.get('/api/admin/v1/reports/monthly')).status).toBe(401);
  });

  it('when the OpenAPI document is read, then the report and hot-spot routes are described', async () => {
    const doc = await t.http.get('/api/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/admin/v1/reports/{kind}', '/api/admin/v1/stats/hotspots']));
  });
});
