import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff, type TestStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';
import { unitSubtreeIds } from '../../bff/src/units/service';
import { auditModel } from '../../bff/src/audit/model';
import { unitModel } from '../../bff/src/units/model';
import { writeVersion } from '../../bff/src/units/versioned';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('units: the organisation tree (003 §5, 004 §4)', () => {
  let t: TestApp;
  let admin: TestStaff;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await buildStaff(t, { roles: ['admin'] });
  });
  afterAll(() => t.close());

  it('when a city, district, street and community are created, then each carries the materialized path of its ancestors', async () => {
    const city = await buildUnit(t, admin.token, { name: '白银市', level: 'city' });
    const district = await buildUnit(t, admin.token, { name: '白银区', level: 'district', parent: city.id });
    const street = await buildUnit(t, admin.token, { name: '人民路街道', level: 'street', parent: district.id });
    const community = await buildUnit(t, admin.token, { name: '人民路社区', level: 'community', parent: street.id });
    expect(city.path).toBe(`,${city.id},`);
    expect(community.path).toBe(`,${city.id},${district.id},${street.id},${community.id},`);
    const res = await t.http.get(`/api/admin/v1/units/${street.id}`).set(bearer(admin.token)).expect(200);
    expect(res.body.unit).toMatchObject({ name: '人民路街道', parent: district.id, level: 'street', kind: 'street-office', depth: 2, active: true });
    expect(new Set(await unitSubtreeIds(t.db, district.id))).toEqual(new Set([district.id, street.id, community.id]));
  });

  it('000 §16, 001 §20 (全天候服务) when a utility company is created, then it is flagged 24-hour by default', async () => {
    const city = await buildUnit(t, admin.token, { name: '公用事业测试市', level: 'city' });
    const water = await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send({ name: '供水公司', level: 'city', kind: 'utility', parent: city.id }).expect(201);
    expect(water.body.unit).toMatchObject({ kind: 'utility', is24h: true });
  });

  it('when units are listed by parent, subtree, kind or name, then the filters apply', async () => {
    const root = await buildUnit(t, admin.token, { name: '列表市', level: 'city' });
    const d1 = await buildUnit(t, admin.token, { name: '列表一区', level: 'district', parent: root.id });
    const d2 = await buildUnit(t, admin.token, { name: '列表二区', level: 'district', parent: root.id });
    const s1 = await buildUnit(t, admin.token, { name: '列表街道', level: 'street', parent: d1.id });
    const dept = await buildUnit(t, admin.token, { name: '列表城管局', level: 'city', kind: 'department', parent: root.id });
    const children = await t.http.get('/api/admin/v1/units').query({ parent: root.id }).set(bearer(admin.token)).expect(200);
    expect(children.body.items.map((u: { id: string }) => u.id)).toEqual([d1.id, d2.id, dept.id]);
    const subtree = await t.http.get('/api/admin/v1/units').query({ subtreeOf: d1.id }).set(bearer(admin.token)).expect(200);
    expect(subtree.body.items.map((u: { id: string }) => u.id)).toEqual([d1.id, s1.id]);
    const depts = await t.http.get('/api/admin/v1/units').query({ subtreeOf: root.id, kind: 'department' }).set(bearer(admin.token)).expect(200);
    expect(depts.body.items.map((u: { id: string }) => u.id)).toEqual([dept.id]);
    const named = await t.http.get('/api/admin/v1/units').query({ q: '二区' }).set(bearer(admin.token)).expect(200);
    expect(named.body.items.map((u: { id: string }) => u.id)).toEqual([d2.id]);
    const page1 = await t.http.get('/api/admin/v1/units').query({ subtreeOf: root.id, limit: 2 }).set(bearer(admin.token)).expect(200);
    const page2 = await t.http.get('/api/admin/v1/units').query({ subtreeOf: root.id, limit: 2, cursor: page1.body.nextCursor }).set(bearer(admin.token)).expect(200);
    const page3 = await t.http.get('/api/admin/v1/units').query({ subtreeOf: root.id, limit: 2, cursor: page2.body.nextCursor }).set(bearer(admin.token)).expect(200);
    expect([...page1.body.items, ...page2.body.items, ...page3.body.items].map((u: { id: string }) => u.id)).toEqual([root.id, d1.id, d2.id, s1.id, dept.id]);
    expect(page3.body.nextCursor).toBeNull();
  });

  it('when a street moves to another district, then its whole subtree gets the new path and the move is audited', async () => {
    const city = await buildUnit(t, admin.token, { name: '迁移市', level: 'city' });
    const from = await buildUnit(t, admin.token, { name: '原区', level: 'district', parent: city.id });
    const to = await buildUnit(t, admin.token, { name: '新区', level: 'district', parent: city.id });
    const street = await buildUnit(t, admin.token, { name: '迁移街道', level: 'street', parent: from.id });
    const c1 = await buildUnit(t, admin.token, { name: '一社区', level: 'community', parent: street.id });
    const c2 = await buildUnit(t, admin.token, { name: '二社区', level: 'community', parent: street.id });
    const moved = await t.http.patch(`/api/admin/v1/units/${street.id}`).set(bearer(admin.token)).send({ parent: to.id }).expect(200);
    expect(moved.body.unit.path).toBe(`,${city.id},${to.id},${street.id},`);
    for (const c of [c1, c2]) {
      const res = await t.http.get(`/api/admin/v1/units/${c.id}`).set(bearer(admin.token)).expect(200);
      expect(res.body.unit.path).toBe(`,${city.id},${to.id},${street.id},${c.id},`);
    }
    expect(new Set(await unitSubtreeIds(t.db, to.id))).toEqual(new Set([to.id, street.id, c1.id, c2.id]));
    expect(await unitSubtreeIds(t.db, from.id)).toEqual([from.id]);
    const audit = await auditModel(t.db).findOne({ action: 'unit.move', 'target.id': street.id }).lean();
    expect(audit).toMatchObject({ actor: { kind: 'staff', id: admin.id }, details: { from: from.id, to: to.id, descendantsMoved: 2 } });
  });

  it('when a unit would move under its own descendant, then 422 UNIT_MOVE_CYCLE', async () => {
    const city = await buildUnit(t, admin.token, { name: '环路市', level: 'city' });
    const d = await buildUnit(t, admin.token, { name: '环路区', level: 'district', parent: city.id });
    const res = await t.http.patch(`/api/admin/v1/units/${city.id}`).set(bearer(admin.token)).send({ parent: d.id }).expect(422);
    expect(res.body.error.code).toMatch(/UNIT_MOVE_CYCLE|UNIT_PLACEMENT_INVALID/);
    const self = await t.http.patch(`/api/admin/v1/units/${d.id}`).set(bearer(admin.token)).send({ parent: d.id }).expect(422);
    expect(self.body.error.code).toMatch(/UNIT_MOVE_CYCLE|UNIT_PLACEMENT_INVALID/);
  });

  it('when a department moves under its own sub-office, then 422 UNIT_MOVE_CYCLE', async () => {
    const bureau = await buildUnit(t, admin.token, { name: '环路局', level: 'city', kind: 'department' });
    const office = await buildUnit(t, admin.token, { name: '环路科', level: 'city', kind: 'department', parent: bureau.id });
    expect((await t.http.patch(`/api/admin/v1/units/${bureau.id}`).set(bearer(admin.token)).send({ parent: office.id }).expect(422)).body.error.code).toBe('UNIT_MOVE_CYCLE');
  });

  it('when a territorial unit is placed at or above its parent level, then 422 UNIT_PLACEMENT_INVALID', async () => {
    const district = await buildUnit(t, admin.token, { name: '层级区', level: 'district' });
    const res = await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send({ name: '错层市', level: 'city', parent: district.id }).expect(422);
    expect(res.body.error.code).toBe('UNIT_PLACEMENT_INVALID');
    await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send({ name: '平级区', level: 'district', parent: district.id }).expect(422);
  });

  it('when a sibling already has the name, then 409 UNIT_NAME_TAKEN on create and on rename', async () => {
    const city = await buildUnit(t, admin.token, { name: '重名市', level: 'city' });
    await buildUnit(t, admin.token, { name: '甲区', level: 'district', parent: city.id });
    const b = await buildUnit(t, admin.token, { name: '乙区', level: 'district', parent: city.id });
    expect((await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send({ name: '甲区', level: 'district', parent: city.id }).expect(409)).body.error.code).toBe('UNIT_NAME_TAKEN');
    expect((await t.http.patch(`/api/admin/v1/units/${b.id}`).set(bearer(admin.token)).send({ name: '甲区' }).expect(409)).body.error.code).toBe('UNIT_NAME_TAKEN');
    const renamed = await t.http.patch(`/api/admin/v1/units/${b.id}`).set(bearer(admin.token)).send({ name: '丙区' }).expect(200);
    expect(renamed.body.unit).toMatchObject({ name: '丙区', version: b.version + 1 });
  });

  it('when a racing rename breaks the unique name index inside the versioned write, then 409 and the unit is not stuck at its version', async () => {
    const city = await buildUnit(t, admin.token, { name: '竞态市', level: 'city' });
    await buildUnit(t, admin.token, { name: '竞态甲区', level: 'district', parent: city.id });
    const b = await buildUnit(t, admin.token, { name: '竞态乙区', level: 'district', parent: city.id });
    const taken = { code: 'UNIT_NAME_TAKEN', message: 'taken' };
    await expect(writeVersion(unitModel(t.db), b.id, b.version, { $set: { name: '竞态甲区' } }, t.clock.now(), taken)).rejects.toMatchObject({ status: 409, code: 'UNIT_NAME_TAKEN' });
    await t.http.patch(`/api/admin/v1/units/${b.id}`).set(bearer(admin.token)).send({ name: '竞态丙区' }).expect(200);
  });

  it('when If-Match carries a stale version, then 412 VERSION_MISMATCH', async () => {
    const u = await buildUnit(t, admin.token, { name: '版本市', level: 'city' });
    await t.http.patch(`/api/admin/v1/units/${u.id}`).set(bearer(admin.token)).set('If-Match', `"${u.version}"`).send({ name: '版本市2' }).expect(200);
    const stale = await t.http.patch(`/api/admin/v1/units/${u.id}`).set(bearer(admin.token)).set('If-Match', `"${u.version}"`).send({ name: '版本市3' }).expect(412);
    expect(stale.body.error.code).toBe('VERSION_MISMATCH');
  });

  it('when a unit with active children is deactivated, then 422; children first, then it works', async () => {
    const city = await buildUnit(t, admin.token, { name: '停用市', level: 'city' });
    const d = await buildUnit(t, admin.token, { name: '停用区', level: 'district', parent: city.id });
    expect((await t.http.patch(`/api/admin/v1/units/${city.id}`).set(bearer(admin.token)).send({ active: false }).expect(422)).body.error.code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    await t.http.patch(`/api/admin/v1/units/${d.id}`).set(bearer(admin.token)).send({ active: false }).expect(200);
    await t.http.patch(`/api/admin/v1/units/${city.id}`).set(bearer(admin.token)).send({ active: false }).expect(200);
    expect((await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send({ name: '新区', level: 'district', parent: city.id }).expect(422)).body.error.code).toBe('PARENT_INACTIVE');
  });

  it('when input is invalid, then 400 VALIDATION_FAILED, and unknown ids 404 / 422', async () => {
    const bad = [{}, { name: '', level: 'city' }, { name: 'x', level: 'planet' }, { name: 'x', level: 'city', kind: 'bank' }, { name: 'x', level: 'city', extra: 1 }, { name: 'x', level: 'city', parent: { $ne: null } }];
    for (const body of bad) expect((await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send(body).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/admin/v1/units/ffffffffffffffffffffffff').set(bearer(admin.token)).expect(404)).body.error.code).toBe('UNIT_NOT_FOUND');
    expect((await t.http.post('/api/admin/v1/units').set(bearer(admin.token)).send({ name: '孤儿', level: 'district', parent: 'ffffffffffffffffffffffff' }).expect(422)).body.error.code).toBe('PARENT_NOT_FOUND');
    expect((await t.http.get('/api/admin/v1/units').query({ limit: 'many' }).set(bearer(admin.token)).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.patch('/api/admin/v1/units/ffffffffffffffffffffffff').set(bearer(admin.token)).send({}).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.patch('/api/admin/v1/units/ffffffffffffffffffffffff').set(bearer(admin.token)).set('If-Match', 'abc').send({ name: 'x' }).expect(400)).body.error.code).toBe('INVALID_IF_MATCH');
  });

  it('when a non-admin writes units, then 403; any staff may read them; citizens may not', async () => {
    const dispatcher = await buildStaff(t, { roles: ['dispatcher'] });
    const res = await t.http.post('/api/admin/v1/units').set(bearer(dispatcher.token)).send({ name: '越权市', level: 'city' }).expect(403);
    expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
    await t.http.get('/api/admin/v1/units').set(bearer(dispatcher.token)).expect(200);
    const citizen = await t.http.post('/api/v1/auth/wechat').send({ code: 'unitreader' });
    await t.http.get('/api/admin/v1/units').set(bearer(citizen.body.token)).expect(401);
  });
});
