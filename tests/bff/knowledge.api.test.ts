import queries from '../fixtures/knowledge-queries.json';
import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen, buildStaff, type TestStaff } from '../support/builders/staff';
import { buildDemoOrg, type DemoOrg } from '../fixtures/demo-org';
import { findDemoUnits } from '../../bff/src/catalog/demo-units';
import { corpusEntryId, KNOWLEDGE_CORPUS, seedDemoKnowledge } from '../../bff/src/knowledge/demo-seed';
import { staleKnowledgeByUnit } from '../../bff/src/knowledge';

let t: TestApp;
let admin: TestStaff;
let org: DemoOrg;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await buildStaff(t, { roles: ['admin'] });
  org = await buildDemoOrg(t, admin.token);
  await seedDemoKnowledge(t.deps, await findDemoUnits(t.db));
});
afterAll(() => t.close());

const auth = (s: { token: string }) => ['Authorization', `Bearer ${s.token}`] as const;
const keyOf = new Map(KNOWLEDGE_CORPUS.map((e) => [corpusEntryId(e.key), e.key]));

async function draft(by: { token: string }, body: Record<string, unknown>) {
  return t.http.post('/api/admin/v1/knowledge').set(...auth(by)).send({ question: '测试问题：自行车停放点在哪里？', answer: '测试答复：各街道设有非机动车停放点。', ...body });
}

describe('citizen search over the Chinese corpus (001 §18 self-service)', () => {
  it.each(queries)('when a citizen asks 「$q」, then $expected is within the top $rank', async ({ q, expected, rank }) => {
    const res = await t.http.get('/api/v1/knowledge').query({ q });
    expect(res.status).toBe(200);
    const keys = res.body.items.map((i: { id: string }) => keyOf.get(i.id));
    expect(keys.slice(0, rank)).toContain(expected);
  });

  it('when the citizen types a consultation, then at most three short suggestions come back, the best first', async () => {
    const res = await t.http.get('/api/v1/knowledge/suggest').query({ q: '路灯坏了' });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(3);
    expect(res.body.items[0]).toEqual({ id: corpusEntryId('streetlight'), question: expect.stringContaining('路灯') });
  });

  it('when a query shares no word with any entry, then the list is empty', async () => {
    const res = await t.http.get('/api/v1/knowledge').query({ q: 'zzqqxx' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('when a result is opened, then the full answer and the owning unit\'s name are shown', async () => {
    const res = await t.http.get(`/api/v1/knowledge/${corpusEntryId('gas-leak')}`);
    expect(res.status).toBe(200);
    expect(res.body.entry).toMatchObject({ status: 'published', unitName: '白银市燃气有限公司', stale: false });
    expect(res.body.entry.answer).toContain('119');
  });

  it('when the query is missing, too long or the id malformed, then 400 VALIDATION_FAILED', async () => {
    for (const res of [await t.http.get('/api/v1/knowledge'), await t.http.get('/api/v1/knowledge').query({ q: '长'.repeat(101) }), await t.http.get('/api/v1/knowledge/not-an-id'), await t.http.get('/api/v1/knowledge').query({ q: '路灯', limit: '999' })]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('maintaining entries (002 §34, 003 §22)', () => {
  it('when a draft is published, then citizens find it; when retired, then it disappears from search and detail', async () => {
    const created = await draft(admin, { question: '共享单车乱停乱放找谁管？', answer: '共享单车停放由城市管理部门监管，运营企业负责调度清理。', tags: ['共享单车'], unit: org.cityManagement });
    expect(created.status).toBe(201);
    const id = created.body.entry.id as string;
    expect(created.body.entry.status).toBe('draft');
    const hidden = await t.http.get('/api/v1/knowledge').query({ q: '共享单车乱停' });
    expect(hidden.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await t.http.get(`/api/v1/knowledge/${id}`)).status).toBe(404);

    const published = await t.http.post(`/api/admin/v1/knowledge/${id}/publish`).set(...auth(admin)).set('If-Match', '0').send({});
    expect(published.status).toBe(200);
    const found = await t.http.get('/api/v1/knowledge').query({ q: '共享单车乱停' });
    expect(found.body.items[0].id).toBe(id);

    const retired = await t.http.post(`/api/admin/v1/knowledge/${id}/retire`).set(...auth(admin)).send({ reason: '政策调整' });
    expect(retired.body.entry.status).toBe('retired');
    const gone = await t.http.get('/api/v1/knowledge').query({ q: '共享单车乱停' });
    expect(gone.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await t.http.get(`/api/v1/knowledge/${id}`)).status).toBe(404);
    const again = await t.http.post(`/api/admin/v1/knowledge/${id}/retire`).set(...auth(admin)).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('KNOWLEDGE_ALREADY_RETIRED');
  });

  it('when an entry is edited, then every version stays in the history and the search follows the new text', async () => {
    const created = await draft(admin, { question: '老年人乘公交车优惠怎么办理？', answer: '年满65周岁的老年人可办理老年卡。', unit: org.transport });
    const id = created.body.entry.id as string;
    await t.http.post(`/api/admin/v1/knowledge/${id}/publish`).set(...auth(admin)).send({});
    const edited = await t.http.patch(`/api/admin/v1/knowledge/${id}`).set(...auth(admin)).set('If-Match', '1').send({ answer: '年满60周岁的老年人持身份证到公交公司营业厅办理老年卡，乘车享受半价优惠。', tags: ['老年卡'] });
    expect(edited.status).toBe(200);
    expect(edited.body.entry).toMatchObject({ version: 2, status: 'published', tags: ['老年卡'] });

    const stale = await t.http.patch(`/api/admin/v1/knowledge/${id}`).set(...auth(admin)).set('If-Match', '1').send({ tags: [] });
    expect(stale.status).toBe(412);

    const history = await t.http.get(`/api/admin/v1/knowledge/${id}/history`).set(...auth(admin));
    expect(history.body.items.map((h: { action: string; version: number }) => `${h.version}:${h.action}`)).toEqual(['0:create', '1:publish', '2:edit']);
    expect(history.body.items[1].snapshot.answer).toBe('年满65周岁的老年人可办理老年卡。');
    expect(history.body.items[2].snapshot.answer).toContain('60周岁');

    const hit = await t.http.get('/api/v1/knowledge').query({ q: '老年卡半价' });
    expect(hit.body.items[0].id).toBe(id);
  });

  it('when a handler manages knowledge, then only its own unit\'s entries are its to create, edit and list', async () => {
    const handler = await buildStaff(t, { roles: ['handler'], unit: org.water });
    const own = await draft(handler, { question: '二次供水水箱多久清洗一次？', answer: '二次供水设施每半年至少清洗消毒一次。' });
    expect(own.status).toBe(201);
    expect(own.body.entry.unit).toBe(org.water);
    const foreign = await draft(handler, { unit: org.gas });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('KNOWLEDGE_OTHER_UNIT');

    const gasEntry = corpusEntryId('gas-leak');
    const edit = await t.http.patch(`/api/admin/v1/knowledge/${gasEntry}`).set(...auth(handler)).send({ tags: ['改'] });
    expect(edit.status).toBe(403);
    const retire = await t.http.post(`/api/admin/v1/knowledge/${gasEntry}/retire`).set(...auth(handler)).send({});
    expect(retire.status).toBe(403);

    const list = await t.http.get('/api/admin/v1/knowledge').set(...auth(handler));
    expect(list.status).toBe(200);
    expect(new Set(list.body.items.map((i: { unit: string }) => i.unit))).toEqual(new Set([org.water]));

    const otherDraft = await draft(admin, { unit: org.gas });
    expect((await t.http.get(`/api/admin/v1/knowledge/${otherDraft.body.entry.id}`).set(...auth(handler))).status).toBe(404);
  });

  it('when a visitor (read-only role) tries to create an entry, then 403 ROLE_NOT_ALLOWED', async () => {
    const visitor = await buildStaff(t, { roles: ['visitor'] });
    const res = await draft(visitor, { unit: org.water });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('when the operator searches with a unit filter, then only that unit\'s published entries are ranked', async () => {
    const res = await t.http.get('/api/admin/v1/knowledge').set(...auth(admin)).query({ q: '报修', unit: org.water });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: { unit: string; score: number }) => i.unit === org.water && i.score > 0)).toBe(true);
  });

  it('when the body is malformed or the review date is past, then 4xx with a code, never 500', async () => {
    const cases = [
      [await draft(admin, { unit: org.water, question: '' }), 400, 'VALIDATION_FAILED'],
      [await draft(admin, { unit: org.water, tags: ['a', 'a'] }), 400, 'VALIDATION_FAILED'],
      [await draft(admin, { unit: org.water, extra: 1 }), 400, 'VALIDATION_FAILED'],
      [await draft(admin, { unit: { $ne: null } }), 400, 'VALIDATION_FAILED'],
      [await draft(admin, { unit: org.water, reviewBy: '2020-01-01' }), 422, 'KNOWLEDGE_REVIEW_DATE_PAST'],
      [await draft(admin, { unit: 'aaaaaaaaaaaaaaaaaaaaaaaa' }), 422, 'UNIT_NOT_FOUND'],
      [await draft(admin, {}), 403, 'KNOWLEDGE_UNIT_REQUIRED'],
      [await t.http.patch(`/api/admin/v1/knowledge/${corpusEntryId('dog')}`).set(...auth(admin)).send({}), 400, 'VALIDATION_FAILED'],
      [await t.http.post('/api/admin/v1/knowledge/aaaaaaaaaaaaaaaaaaaaaaaa/publish').set(...auth(admin)).send({}), 404, 'KNOWLEDGE_NOT_FOUND'],
    ] as const;
    for (const [res, status, code] of cases) {
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
  });
});

describe('helpful marks', () => {
  it('when a citizen marks an answer helpful twice, then it counts once; another citizen counts again', async () => {
    const id = corpusEntryId('pension');
    const a = await buildCitizen(t);
    const b = await buildCitizen(t);
    const first = await t.http.post(`/api/v1/knowledge/${id}/helpful`).set(...auth(a));
    const repeat = await t.http.post(`/api/v1/knowledge/${id}/helpful`).set(...auth(a));
    const other = await t.http.post(`/api/v1/knowledge/${id}/helpful`).set(...auth(b));
    expect([first.body, repeat.body, other.body]).toEqual([
      { counted: true, helpfulCount: 1 },
      { counted: false, helpfulCount: 1 },
      { counted: true, helpfulCount: 2 },
    ]);
    expect((await t.http.post(`/api/v1/knowledge/${id}/helpful`)).status).toBe(401);
    expect((await t.http.post(`/api/v1/knowledge/${id}/helpful`).set(...auth(admin))).status).toBe(401);
  });
});

describe('stale entries (001 §22(4) knowledge base not kept up to date)', () => {
  it('001 §22(4) when an entry passes its review date, then it is flagged, listed under its unit and counted for supervision', async () => {
    const created = await draft(admin, { question: '冬季供暖时间是哪天到哪天？', answer: '供暖期为每年11月1日至次年3月31日。', unit: org.housing });
    const id = created.body.entry.id as string;
    await t.http.post(`/api/admin/v1/knowledge/${id}/publish`).set(...auth(admin)).send({ reviewBy: '2026-12-01' });
    expect((await t.http.get('/api/admin/v1/knowledge/stale').set(...auth(admin))).body.units).toEqual([]);

    t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
    const detail = await t.http.get(`/api/v1/knowledge/${id}`);
    expect(detail.body.entry.stale).toBe(true);
    const stale = await t.http.get('/api/admin/v1/knowledge/stale').set(...auth(admin));
    expect(stale.body.units).toEqual([{ unit: org.housing, unitName: '白银市住房和城乡建设局', count: 1, entries: [{ id, question: '冬季供暖时间是哪天到哪天？', reviewBy: '2026-11-30T16:00:00.000Z' }] }]);
    const filtered = await t.http.get('/api/admin/v1/knowledge').set(...auth(admin)).query({ stale: 'true' });
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(await staleKnowledgeByUnit(t.db, t.clock.now())).toEqual([expect.objectContaining({ unit: org.housing, count: 1 })]);

    const otherHandler = await buildStaff(t, { roles: ['handler'], unit: org.water });
    expect((await t.http.get('/api/admin/v1/knowledge/stale').set(...auth(otherHandler))).body.units).toEqual([]);

    const reviewed = await t.http.post(`/api/admin/v1/knowledge/${id}/publish`).set(...auth(admin)).send({});
    expect(reviewed.body.entry.stale).toBe(false);
    expect(await staleKnowledgeByUnit(t.db, t.clock.now())).toEqual([]);
  });
});
