import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen, buildStaff, loginStaff, type TestStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';
import { auditModel } from '../../bff/src/audit/model';
import { staffModel } from '../../bff/src/staff/model';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('staff accounts', () => {
  let t: TestApp;
  let admin: TestStaff;
  let unitId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await buildStaff(t, { roles: ['admin'] });
    unitId = (await buildUnit(t, admin.token, { name: '城管局', level: 'city', kind: 'department' })).id;
  });
  afterAll(() => t.close());

  it('when a new or reset staff password is under 10 characters, contains the username or is a common password, then 400 (VALIDATION_FAILED or WEAK_PASSWORD) and nothing changes', async () => {
    const create = (username: string, password: string) => t.http.post('/api/admin/v1/staff').set(bearer(admin.token)).send({ username, password, name: '测试', roles: ['operator'] });
    expect([(await create('weak.short', 'Abc12345x')).status, (await create('weak.short', 'Abc12345x')).body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    for (const [username, password, reason] of [['zhang.wei', 'Zhang.Wei-2026', 'contains-username'], ['weak.common', 'password123', 'common'], ['weak.common', 'Qwertyuiop1', 'common']]) {
      const res = await create(username, password);
      expect([res.status, res.body.error.code, res.body.error.details]).toEqual([400, 'WEAK_PASSWORD', { reason }]);
    }
    const made = await create('strong.one', 'Lamp-repair-77').expect(201);
    const reset = await t.http.patch(`/api/admin/v1/staff/${made.body.staff.id}`).set(bearer(admin.token)).send({ password: '1qaz2wsx3edc' });
    expect([reset.status, reset.body.error.code]).toEqual([400, 'WEAK_PASSWORD']);
    await t.http.post('/api/admin/v1/auth/login').send({ username: 'strong.one', password: 'Lamp-repair-77' }).expect(200);
  });

  it('when an admin creates a handler of a unit, then 201 {staff} without any password data, it can log in, and the create is audited', async () => {
    const res = await t.http
      .post('/api/admin/v1/staff')
      .set(bearer(admin.token))
      .send({ username: 'Handler.Li', password: 'Handler-pass1', name: '李承办', roles: ['handler'], unit: unitId })
      .expect(201);
    expect(res.body.staff).toMatchObject({ username: 'handler.li', name: '李承办', roles: ['handler'], unit: unitId, active: true });
    expect(JSON.stringify(res.body)).not.toMatch(/password|Hash|\$2[aby]\$/);
    const token = await loginStaff(t, 'handler.li', 'Handler-pass1');
    const me = await t.http.get('/api/admin/v1/me').set(bearer(token)).expect(200);
    expect(me.body.staff.unit).toBe(unitId);
    const audit = await auditModel(t.db).findOne({ action: 'staff.create', 'target.id': res.body.staff.id }).lean();
    expect(audit?.actor.id).toBe(admin.id);
    expect(JSON.stringify(audit)).not.toContain('Handler-pass1');
  });

  it('when a handler has no unit, or the unit does not exist, then 400 / 422 with a code', async () => {
    const noUnit = await t.http.post('/api/admin/v1/staff').set(bearer(admin.token)).send({ username: 'h_nounit', password: 'Handler-pass1', name: '无单位', roles: ['handler'] }).expect(400);
    expect(noUnit.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'unit' })] });
    const ghost = await t.http.post('/api/admin/v1/staff').set(bearer(admin.token)).send({ username: 'h_ghost', password: 'Handler-pass1', name: '幽灵', roles: ['handler'], unit: 'ffffffffffffffffffffffff' }).expect(422);
    expect(ghost.body.error.code).toBe('UNIT_NOT_FOUND');
  });

  it('when the body is invalid, then 400 VALIDATION_FAILED', async () => {
    const bad = [
      {},
      { username: 'ok_user', password: 'short1', name: 'x', roles: ['operator'] },
      { username: 'ok_user', password: 'nodigitsatall', name: 'x', roles: ['operator'] },
      { username: 'ok_user', password: 'Passw0rd-1', name: 'x', roles: ['king'] },
      { username: 'ok_user', password: 'Passw0rd-1', name: 'x', roles: [] },
      { username: 'ok_user', password: 'Passw0rd-1', name: 'x', roles: ['operator', 'operator'] },
      { username: 'no spaces', password: 'Passw0rd-1', name: 'x', roles: ['operator'] },
      { username: 'ok_user', password: 'Passw0rd-1', name: 'x', roles: ['operator'], isRoot: true },
    ];
    for (const body of bad) expect((await t.http.post('/api/admin/v1/staff').set(bearer(admin.token)).send(body).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when the username is taken (in any letter case), then 409 USERNAME_TAKEN', async () => {
    await t.http.post('/api/admin/v1/staff').set(bearer(admin.token)).send({ username: 'twin', password: 'Passw0rd-1', name: '甲', roles: ['operator'] }).expect(201);
    expect((await t.http.post('/api/admin/v1/staff').set(bearer(admin.token)).send({ username: 'TWIN', password: 'Passw0rd-1', name: '乙', roles: ['operator'] }).expect(409)).body.error.code).toBe('USERNAME_TAKEN');
  });

  it('when a non-admin uses the staff API, then 403 ROLE_NOT_ALLOWED for every method', async () => {
    for (const role of ['operator', 'dispatcher', 'supervisor', 'visitor'] as const) {
      const s = await buildStaff(t, { roles: [role] });
      await t.http.get('/api/admin/v1/staff').set(bearer(s.token)).expect(403);
      await t.http.get(`/api/admin/v1/staff/${s.id}`).set(bearer(s.token)).expect(403);
      await t.http.post('/api/admin/v1/staff').set(bearer(s.token)).send({ username: `x_${role}`, password: 'Passw0rd-1', name: 'x', roles: ['admin'] }).expect(403);
      const res = await t.http.patch(`/api/admin/v1/staff/${s.id}`).set(bearer(s.token)).send({ roles: ['admin'] }).expect(403);
      expect(res.body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
    const handler = await buildStaff(t, { roles: ['handler'], unit: unitId });
    await t.http.get('/api/admin/v1/staff').set(bearer(handler.token)).expect(403);
  });

  it('when there is no DELETE, then deleting answers 405 and the account stays', async () => {
    const s = await buildStaff(t, { roles: ['visitor'] });
    await t.http.delete(`/api/admin/v1/staff/${s.id}`).set(bearer(admin.token)).expect(405);
    expect(await staffModel(t.db).countDocuments({ _id: s.id })).toBe(1);
  });

  it('when staff are listed with filters and a cursor, then pages are newest first and filters apply', async () => {
    const unit2 = (await buildUnit(t, admin.token, { name: '住建局', level: 'city', kind: 'department' })).id;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await buildStaff(t, { roles: ['handler'], unit: unit2, name: `住建${i}` })).id);
    const p1 = await t.http.get('/api/admin/v1/staff').query({ unit: unit2, limit: 2 }).set(bearer(admin.token)).expect(200);
    const p2 = await t.http.get('/api/admin/v1/staff').query({ unit: unit2, limit: 2, cursor: p1.body.nextCursor }).set(bearer(admin.token)).expect(200);
    expect([...p1.body.items, ...p2.body.items].map((s: { id: string }) => s.id)).toEqual([...made].reverse());
    expect(p2.body.nextCursor).toBeNull();
    const byRole = await t.http.get('/api/admin/v1/staff').query({ role: 'handler', q: '住建1' }).set(bearer(admin.token)).expect(200);
    expect(byRole.body.items.map((s: { id: string }) => s.id)).toEqual([made[1]]);
    expect((await t.http.get('/api/admin/v1/staff').query({ role: 'boss' }).set(bearer(admin.token)).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when an admin patches name, roles and unit, then they change, the version moves and the change is audited by field name only', async () => {
    const s = await buildStaff(t, { roles: ['operator'] });
    const res = await t.http.patch(`/api/admin/v1/staff/${s.id}`).set(bearer(admin.token)).send({ name: '新名字', roles: ['handler'], unit: unitId }).expect(200);
    expect(res.body.staff).toMatchObject({ name: '新名字', roles: ['handler'], unit: unitId, version: 1 });
    const audit = await auditModel(t.db).findOne({ action: 'staff.update', 'target.id': s.id }).lean();
    expect(audit?.details).toEqual({ changed: ['name', 'roles', 'unit'] });
    const noUnit = await t.http.patch(`/api/admin/v1/staff/${s.id}`).set(bearer(admin.token)).send({ unit: null }).expect(422);
    expect(noUnit.body.error.code).toBe('HANDLER_NEEDS_UNIT');
  });

  it('when an admin tries to deactivate or demote themselves, then 422 CANNOT_CHANGE_SELF', async () => {
    expect((await t.http.patch(`/api/admin/v1/staff/${admin.id}`).set(bearer(admin.token)).send({ active: false }).expect(422)).body.error.code).toBe('CANNOT_CHANGE_SELF');
    expect((await t.http.patch(`/api/admin/v1/staff/${admin.id}`).set(bearer(admin.token)).send({ roles: ['operator'] }).expect(422)).body.error.code).toBe('CANNOT_CHANGE_SELF');
  });

  it('when an unknown account is read or patched, then 404 STAFF_NOT_FOUND', async () => {
    expect((await t.http.get('/api/admin/v1/staff/ffffffffffffffffffffffff').set(bearer(admin.token)).expect(404)).body.error.code).toBe('STAFF_NOT_FOUND');
    expect((await t.http.patch('/api/admin/v1/staff/ffffffffffffffffffffffff').set(bearer(admin.token)).send({ name: 'x' }).expect(404)).body.error.code).toBe('STAFF_NOT_FOUND');
  });

  it('when a citizen token calls the staff API, then 401', async () => {
    const c = await buildCitizen(t);
    await t.http.get('/api/admin/v1/staff').set(bearer(c.token)).expect(401);
  });
});
