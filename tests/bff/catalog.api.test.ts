import labelled from '../fixtures/dispatch-labelled.json';
import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff, type TestStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';
import { buildDemoOrg, type DemoOrg } from '../fixtures/demo-org';
import { seedDemoCatalogAndScenes, recordDispatchOutcome, suggestDispatch } from '../../bff/src/catalog';
import type { DemoUnitRole } from '../../bff/src/catalog/demo-units';

let t: TestApp;
let admin: TestStaff;
let org: DemoOrg;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await buildStaff(t, { roles: ['admin'] });
  org = await buildDemoOrg(t, admin.token);
  await seedDemoCatalogAndScenes(t.deps);
});
afterAll(() => t.close());

const auth = (s: { token: string }) => ['Authorization', `Bearer ${s.token}`] as const;
const suggest = (body: Record<string, unknown>, by: { token: string } = admin) => t.http.post('/api/admin/v1/catalog/suggest').set(...auth(by)).send(body);

describe('the demo seed', () => {
  it('when the seed runs again, then nothing is added twice and every demo unit was found', async () => {
    const again = await seedDemoCatalogAndScenes(t.deps);
    expect(again).toMatchObject({ categories: 0, knowledge: 0, missingUnits: [] });
    expect(again.scenes).toEqual(['demo-renminlu', 'demo-silonglu-park', 'demo-zhengwu', 'demo-gongyuanlu-market']);
    const list = await t.http.get('/api/admin/v1/catalog').set(...auth(admin));
    expect(list.body.items.find((c: { code: string }) => c.code === '010101')).toMatchObject({ path: '城乡建设/市容环境/路灯照明', level: 3, assignments: [{ region: null, lead: org.cityManagement, coUnits: [] }] });
  });
});

describe('dispatch suggestions (002 §20)', () => {
  it('002 §20 when the labelled examples are suggested, then at least 80 % get the right lead unit first', async () => {
    const misses: string[] = [];
    for (const ex of labelled) {
      const res = await suggest({ text: ex.text, ...(ex.scene ? { sceneId: ex.scene } : {}), ...(ex.region ? { region: org[ex.region as DemoUnitRole] } : {}) });
      expect(res.status).toBe(200);
      if (res.body.suggestion.leadUnit !== org[ex.expected as DemoUnitRole]) misses.push(`${ex.text} → ${res.body.suggestion.reasons.join('；')}`);
    }
    const accuracy = 1 - misses.length / labelled.length;
    expect({ accuracy: accuracy >= 0.8, misses: accuracy >= 0.8 ? [] : misses }).toEqual({ accuracy: true, misses: [] });
  });

  it('when a street has its own row, then it leads there (with the bureau assisting), also for a community below it; elsewhere the default row applies', async () => {
    const community = await buildUnit(t, admin.token, { name: '锦绣社区', level: 'community', parent: org.renminluStreet });
    const street = await suggest({ text: '门口有人摆摊', category: '010102', region: org.renminluStreet });
    expect(street.body.suggestion).toMatchObject({ leadUnit: org.renminluStreet, coUnits: [org.cityManagement], category: '010102' });
    const below = await suggest({ text: '门口有人摆摊', category: '010102', region: community.id });
    expect(below.body.suggestion.leadUnit).toBe(org.renminluStreet);
    const elsewhere = await suggest({ text: '门口有人摆摊', category: '010102', region: org.silongluStreet });
    expect(elsewhere.body.suggestion).toMatchObject({ leadUnit: org.cityManagement, coUnits: [] });
  });

  it('when the text matches nothing, then the code point\'s default unit is suggested with low confidence and reasons say so', async () => {
    const res = await suggest({ text: '这里需要处理一下', sceneId: 'demo-zhengwu' });
    expect(res.body.suggestion.leadUnit).toBe(org.govService);
    expect(res.body.suggestion.confidence).toBeLessThanOrEqual(0.4);
    expect(res.body.suggestion.reasons.join('')).toContain('白银市政务服务中心');
    const bare = await suggestDispatch(t.deps, { text: '请尽快处理' });
    expect(bare).toMatchObject({ leadUnit: null, coUnits: [], category: null, confidence: 0 });
  });

  it('when the input is bad, then 4xx with a code; only dispatching roles may ask', async () => {
    expect((await suggest({ text: '' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await suggest({ text: '路灯', category: '1' })).status).toBe(400);
    const unknownScene = await suggest({ text: '路灯不亮', sceneId: 'nope' });
    expect([unknownScene.status, unknownScene.body.error.code]).toEqual([422, 'SCENE_NOT_FOUND']);
    const unknownCategory = await suggest({ text: '路灯不亮', category: '999999' });
    expect([unknownCategory.status, unknownCategory.body.error.code]).toEqual([422, 'CATEGORY_NOT_FOUND']);
    const dispatcher = await buildStaff(t, { roles: ['dispatcher'] });
    expect((await suggest({ text: '路灯不亮' }, dispatcher)).status).toBe(200);
    const handler = await buildStaff(t, { roles: ['handler'], unit: org.water });
    expect((await suggest({ text: '路灯不亮' }, handler)).status).toBe(403);
  });

  it('when suggestions and the dispatchers\' choices are recorded, then accuracy is correct / count within the period', async () => {
    const suggested = { leadUnit: org.water, coUnits: [], category: '040101', confidence: 0.8 };
    const at = new Date('2026-11-20T10:00:00+08:00');
    expect(await recordDispatchOutcome(t.db, { ticketNo: '20261120-000001', suggested, chosen: { leadUnit: org.water }, at })).toBe(true);
    expect(await recordDispatchOutcome(t.db, { ticketNo: '20261120-000001', suggested, chosen: { leadUnit: org.gas }, at })).toBe(false);
    await recordDispatchOutcome(t.db, { ticketNo: '20261120-000002', suggested, chosen: { leadUnit: org.water, coUnits: [org.cityManagement] }, at });
    await recordDispatchOutcome(t.db, { ticketNo: '20261120-000003', suggested, chosen: { leadUnit: org.power }, at });
    await recordDispatchOutcome(t.db, { ticketNo: '20261020-000004', suggested, chosen: { leadUnit: org.power }, at: new Date('2026-10-20T10:00:00+08:00') });
    const res = await t.http.get('/api/admin/v1/catalog/accuracy').set(...auth(admin)).query({ from: '2026-11-01', to: '2026-12-01' });
    expect(res.body).toEqual({ count: 3, correct: 2, accuracy: 0.6667 });
    const empty = await t.http.get('/api/admin/v1/catalog/accuracy').set(...auth(admin)).query({ from: '2025-01-01', to: '2025-02-01' });
    expect(empty.body).toEqual({ count: 0, correct: 0, accuracy: null });
    expect((await t.http.get('/api/admin/v1/catalog/accuracy').set(...auth(admin)).query({ from: 'yesterday' })).status).toBe(400);
  });
});

describe('catalogue CRUD', () => {
  it('when an admin builds a branch, then codes are allocated under the parent and the tree stops at three levels', async () => {
    const top = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '教育文化' });
    expect(top.status).toBe(201);
    expect(top.body.category).toMatchObject({ code: '08', level: 1, path: '教育文化' });
    const mid = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '学校管理', parent: '08' });
    expect(mid.body.category.code).toBe('0801');
    const leaf = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '校外培训', parent: '0801', keywords: ['培训班', '补课'], assignments: [{ region: null, lead: org.market }] });
    expect(leaf.body.category).toMatchObject({ code: '080101', path: '教育文化/学校管理/校外培训', assignments: [{ region: null, lead: org.market, coUnits: [] }] });
    const deep = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '更细', parent: '080101' });
    expect([deep.status, deep.body.error.code]).toEqual([422, 'CATEGORY_TOO_DEEP']);
    const wrongCode = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '错编码', parent: '08', code: '0901' });
    expect([wrongCode.status, wrongCode.body.error.code]).toEqual([422, 'CATEGORY_CODE_INVALID']);
    const taken = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '重复', code: '08' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'CATEGORY_CODE_TAKEN']);
    const ghostUnit = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '无主', parent: '0801', assignments: [{ region: null, lead: 'aaaaaaaaaaaaaaaaaaaaaaaa' }] });
    expect([ghostUnit.status, ghostUnit.body.error.code]).toEqual([422, 'UNIT_NOT_FOUND']);

    const found = await suggest({ text: '小区旁边有个培训班周末偷偷补课' });
    expect(found.body.suggestion).toMatchObject({ category: '080101', leadUnit: org.market });
  });

  it('when a category is re-mapped, renamed or retired, then versions guard the edit and retired categories are no longer suggested', async () => {
    const created = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send({ name: '文物保护', parent: '0801', keywords: ['文物'] });
    const code = created.body.category.code as string;
    const patched = await t.http.patch(`/api/admin/v1/catalog/${code}`).set(...auth(admin)).set('If-Match', '0').send({ name: '文物古迹保护', assignments: [{ region: org.baiyinDistrict, lead: org.baiyinDistrict }, { region: null, lead: org.housing }] });
    expect(patched.status).toBe(200);
    expect(patched.body.category).toMatchObject({ version: 1, path: '教育文化/学校管理/文物古迹保护' });
    const stale = await t.http.patch(`/api/admin/v1/catalog/${code}`).set(...auth(admin)).set('If-Match', '0').send({ keywords: ['古迹'] });
    expect(stale.status).toBe(412);
    const dupRegion = await t.http.patch(`/api/admin/v1/catalog/${code}`).set(...auth(admin)).send({ assignments: [{ region: null, lead: org.housing }, { region: null, lead: org.market }] });
    expect(dupRegion.status).toBe(400);

    const parentDelete = await t.http.delete('/api/admin/v1/catalog/0801').set(...auth(admin));
    expect([parentDelete.status, parentDelete.body.error.code]).toEqual([422, 'CATEGORY_HAS_ACTIVE_CHILDREN']);
    const retired = await t.http.delete(`/api/admin/v1/catalog/${code}`).set(...auth(admin));
    expect(retired.body.category.active).toBe(false);
    const after = await suggest({ text: '有人破坏文物' });
    expect(after.body.suggestion.category).not.toBe(code);
    expect((await t.http.get('/api/admin/v1/catalog/999999').set(...auth(admin))).status).toBe(404);
  });

  it('when a non-admin writes the catalogue, then 403; when the body is malformed, then 400', async () => {
    const operator = await buildStaff(t, { roles: ['operator'] });
    expect((await t.http.post('/api/admin/v1/catalog').set(...auth(operator)).send({ name: '越权' })).status).toBe(403);
    expect((await t.http.get('/api/admin/v1/catalog').set(...auth(operator))).status).toBe(200);
    for (const body of [{}, { name: '' }, { name: 'x', parent: 'ab' }, { name: 'x', assignments: [{ lead: { $ne: null } }] }, { name: 'x', keywords: 'not-array' }]) {
      const res = await t.http.post('/api/admin/v1/catalog').set(...auth(admin)).send(body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});
