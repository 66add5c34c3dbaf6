import { buildTestApp, type TestApp } from '../support/app';
import { buildCitizen, buildStaff, type TestStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';
import { recordAudit } from '../../bff/src/audit/service';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('audit trail (004 §4 全程可溯)', () => {
  let t: TestApp;
  let admin: TestStaff;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await buildStaff(t, { roles: ['admin'] });
  });
  afterAll(() => t.close());

  it('when admins write units and staff, then each write is in the audit list, newest first, with actor and target', async () => {
    const unit = await buildUnit(t, admin.token, { name: '审计市', level: 'city' });
    await t.http.patch(`/api/admin/v1/units/${unit.id}`).set(bearer(admin.token)).send({ name: '审计市2' }).expect(200);
    const res = await t.http.get('/api/admin/v1/audit').query({ targetType: 'unit', targetId: unit.id }).set(bearer(admin.token)).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect(res.body.items[0]).toMatchObject({ actor: { kind: 'staff', id: admin.id }, target: { type: 'unit', id: unit.id }, details: { changed: ['name'] } });
  });

  it('when entries are filtered by actor, action and time and paged with a cursor, then the filters apply', async () => {
    const at = t.clock.now();
    for (let i = 0; i < 3; i++) {
      await recordAudit(t.db, { actor: { kind: 'staff', id: 'op1', name: '受理员' }, action: 'ticket.read-unmasked', target: { type: 'ticket', id: `20261124-00000${i}` }, at });
    }
    const p1 = await t.http.get('/api/admin/v1/audit').query({ actor: 'op1', limit: 2 }).set(bearer(admin.token)).expect(200);
    const p2 = await t.http.get('/api/admin/v1/audit').query({ actor: 'op1', limit: 2, cursor: p1.body.nextCursor }).set(bearer(admin.token)).expect(200);
    expect([...p1.body.items, ...p2.body.items].map((e: { target: { id: string } }) => e.target.id)).toEqual(['20261124-000002', '20261124-000001', '20261124-000000']);
    expect(p2.body.nextCursor).toBeNull();
    const later = await t.http.get('/api/admin/v1/audit').query({ action: 'ticket.read-unmasked', from: new Date(at.getTime() + 1).toISOString() }).set(bearer(admin.token)).expect(200);
    expect(later.body.items).toEqual([]);
  });

  it('when a non-admin or a citizen reads the audit, then 403 / 401; bad filters 400', async () => {
    const supervisor = await buildStaff(t, { roles: ['supervisor'] });
    await t.http.get('/api/admin/v1/audit').set(bearer(supervisor.token)).expect(403);
    const citizen = await buildCitizen(t);
    await t.http.get('/api/admin/v1/audit').set(bearer(citizen.token)).expect(401);
    expect((await t.http.get('/api/admin/v1/audit').query({ from: 'yesterday' }).set(bearer(admin.token)).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/admin/v1/audit').query({ cursor: '../../etc' }).set(bearer(admin.token)).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when staff flag a citizen for abuse (000 §29), then the flag is on the record with masked contact data and audited', async () => {
    const c = await buildCitizen(t, 'abuser');
    await t.http.patch('/api/v1/me').set(bearer(c.token)).send({ name: '赵四', phone: '13912345678' }).expect(200);
    const operator = await buildStaff(t, { roles: ['operator'] });
    const res = await t.http.post(`/api/admin/v1/citizens/${c.id}/flags`).set(bearer(operator.token)).send({ reason: '一天内重复提交相同无理诉求 12 次' }).expect(201);
    expect(res.body.citizen).toMatchObject({ name: '赵*', phone: '139****5678', flags: [expect.objectContaining({ by: operator.id })] });
    const audit = await t.http.get('/api/admin/v1/audit').query({ targetType: 'citizen', targetId: c.id }).set(bearer(admin.token)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'citizen.flag', actor: { id: operator.id } });
    const handler = await buildStaff(t, { roles: ['handler'], unit: (await buildUnit(t, admin.token, { name: '标记局', level: 'city', kind: 'department' })).id });
    await t.http.get(`/api/admin/v1/citizens/${c.id}`).set(bearer(handler.token)).expect(403);
  });
});
