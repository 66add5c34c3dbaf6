import type { Actor } from '@mashang/shared';
import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff, type TestStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';
import { listSupervisions, openSupervision, openUnitSupervision } from '../../bff/src/supervision/service';
import { act, buildCast, buildHandlingUnit, newCitizen, signed } from './sweeper-support';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const SYSTEM: Actor = { kind: 'system', id: 'system' };

describe('supervision records (督办, 000 §22-24)', () => {
  let t: TestApp;
  let admin: TestStaff;
  let supervisor: TestStaff;
  let handlerA: TestStaff;
  let handlerB: TestStaff;
  let unitA: string;
  let unitB: string;
  let seq = 0;
  const nextNo = () => `20261124-${String(++seq).padStart(6, '0')}`;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await buildStaff(t, { roles: ['admin'] });
    const city = await buildUnit(t, admin.token, { name: '督办市', level: 'city' });
    unitA = (await buildUnit(t, admin.token, { name: '督办一区', level: 'district', parent: city.id })).id;
    unitB = (await buildUnit(t, admin.token, { name: '督办二区', level: 'district', parent: city.id })).id;
    supervisor = await buildStaff(t, { roles: ['supervisor'], name: '督办员甲' });
    handlerA = await buildStaff(t, { roles: ['handler'], unit: unitA });
    handlerB = await buildStaff(t, { roles: ['handler'], unit: unitB });
  });
  afterAll(() => t.close());

  const ticket = (no: string, leadUnit: string, round = 1) => ({ no, leadUnit, coUnits: [], round, version: 5 });

  it('000 §23(2) when the platform opens the same automatic record twice, then there is one record with id no:trigger:round', async () => {
    const no = nextNo();
    const first = await openSupervision(t.deps, { ticket: ticket(no, unitA), trigger: 'overdue', by: SYSTEM, note: '超期未办结' });
    const again = await openSupervision(t.deps, { ticket: ticket(no, unitA), trigger: 'overdue', by: SYSTEM, note: '超期未办结' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(first.record._id).toBe(`${no}:overdue:1`);
    expect(await listSupervisions(t.db, no)).toHaveLength(1);
  });

  it('000 §22 when a supervisor lists records, then they carry trigger, means and unit names, filtered by status, unit and trigger', async () => {
    const no = nextNo();
    await openSupervision(t.deps, { ticket: ticket(no, unitB), trigger: 'repeated-by-citizen', means: 'written-feedback', by: SYSTEM, dueAt: new Date('2026-11-27T17:00:00+08:00') });
    const res = await t.http.get('/api/admin/v1/supervisions').query({ unit: unitB, trigger: 'repeated-by-citizen', status: 'open' }).set(bearer(supervisor.token)).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: `${no}:repeated-by-citizen:1`,
      ticketNo: no,
      unit: unitB,
      unitName: '督办二区',
      trigger: 'repeated-by-citizen',
      triggerLabel: '诉求人多次反映未解决',
      means: 'written-feedback',
      meansLabel: '限期书面反馈',
      status: 'open',
      automatic: true,
      dueAt: '2026-11-27T09:00:00.000Z',
    });
  });

  it('when a handler lists or opens records, then only those of tickets its unit works on are visible (others 404)', async () => {
    const mine = nextNo();
    const other = nextNo();
    await openSupervision(t.deps, { ticket: ticket(mine, unitA), trigger: 'bad-rating', by: SYSTEM });
    const { record } = await openSupervision(t.deps, { ticket: ticket(other, unitB), trigger: 'bad-rating', by: SYSTEM });
    const list = await t.http.get('/api/admin/v1/supervisions').query({ trigger: 'bad-rating' }).set(bearer(handlerA.token)).expect(200);
    expect(list.body.items.map((r: { ticketNo: string }) => r.ticketNo)).toEqual([mine]);
    const foreign = await t.http.get('/api/admin/v1/supervisions').query({ unit: unitB }).set(bearer(handlerA.token)).expect(200);
    expect(foreign.body.items).toEqual([]);
    const res = await t.http.get(`/api/admin/v1/supervisions/${record._id}`).set(bearer(handlerA.token)).expect(404);
    expect(res.body.error.code).toBe('SUPERVISION_NOT_FOUND');
    await t.http.get(`/api/admin/v1/supervisions/${record._id}`).set(bearer(handlerB.token)).expect(200);
  });

  it('when a supervisor resolves an open record, then it is resolved with who and when, and a second resolve is 409', async () => {
    const { record } = await openSupervision(t.deps, { ticket: ticket(nextNo(), unitA), trigger: 'overdue', by: SYSTEM });
    const res = await t.http.post(`/api/admin/v1/supervisions/${record._id}/resolve`).set(bearer(supervisor.token)).send({ note: '单位已书面反馈' }).expect(200);
    expect(res.body.supervision).toMatchObject({ status: 'resolved', resolution: { note: '单位已书面反馈', by: { kind: 'staff', id: supervisor.id, name: '督办员甲' }, at: '2026-11-24T01:00:00.000Z' } });
    const again = await t.http.post(`/api/admin/v1/supervisions/${record._id}/resolve`).set(bearer(supervisor.token)).send({ note: '再次' }).expect(409);
    expect(again.body.error.code).toBe('SUPERVISION_NOT_OPEN');
  });

  it('000 §24 when a supervisor escalates an unresolved record, then it goes to 政务督查 and can no longer be resolved', async () => {
    const { record } = await openSupervision(t.deps, { ticket: ticket(nextNo(), unitA), trigger: 'overdue', by: SYSTEM });
    const res = await t.http.post(`/api/admin/v1/supervisions/${record._id}/escalate`).set(bearer(supervisor.token)).send({ note: '逾期未反馈，提交政务督查' }).expect(200);
    expect(res.body.supervision).toMatchObject({ status: 'escalated', escalation: { note: '逾期未反馈，提交政务督查' } });
    await t.http.post(`/api/admin/v1/supervisions/${record._id}/resolve`).set(bearer(supervisor.token)).send({ note: '晚了' }).expect(409);
  });

  it('000 §24 when a supervisor supervises with the means 政务督查, then the record is escalated from the start', async () => {
    const staff: Actor = { kind: 'staff', id: supervisor.id, roles: ['supervisor'], name: '督办员甲' };
    const no = nextNo();
    const { record } = await openSupervision(t.deps, { ticket: ticket(no, unitA), trigger: 'manual', means: 'inspection', note: '直接提交政务督查', by: staff });
    expect(record).toMatchObject({ _id: `${no}:v5`, status: 'escalated', automatic: false, escalation: { note: '直接提交政务督查' } });
  });

  it('001 §22(4) when a unit-level record is opened twice in one period, then there is one record without a ticket', async () => {
    const a = await openUnitSupervision(t.deps, { unit: unitA, trigger: 'knowledge-stale', period: '2026-11', note: '2 条知识已过复核期' });
    const b = await openUnitSupervision(t.deps, { unit: unitA, trigger: 'knowledge-stale', period: '2026-11', note: '2 条知识已过复核期' });
    expect([a.created, b.created]).toEqual([true, false]);
    expect(a.record).toMatchObject({ _id: `unit:${unitA}:knowledge-stale:2026-11`, ticketNo: null, unit: unitA });
  });

  it('when records span pages, then the cursor walks them newest first without repeats', async () => {
    const nos = [nextNo(), nextNo(), nextNo()];
    for (const no of nos) await openSupervision(t.deps, { ticket: ticket(no, unitA), trigger: 'cannot-close', by: SYSTEM });
    const p1 = await t.http.get('/api/admin/v1/supervisions').query({ trigger: 'cannot-close', limit: 2 }).set(bearer(admin.token)).expect(200);
    const p2 = await t.http.get('/api/admin/v1/supervisions').query({ trigger: 'cannot-close', limit: 2, cursor: p1.body.nextCursor }).set(bearer(admin.token)).expect(200);
    expect([...p1.body.items, ...p2.body.items].map((r: { ticketNo: string }) => r.ticketNo)).toEqual([...nos].reverse());
    expect(p2.body.nextCursor).toBeNull();
  });

  it('when input is bad or the role is wrong, then the answer is a 4xx with a code', async () => {
    expect((await t.http.get('/api/admin/v1/supervisions').query({ status: 'done' }).set(bearer(admin.token))).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/admin/v1/supervisions').query({ unit: { $ne: 1 } }).set(bearer(admin.token))).status).toBe(400);
    expect((await t.http.get('/api/admin/v1/supervisions').query({ cursor: 'zz' }).set(bearer(admin.token))).status).toBe(400);
    expect((await t.http.get('/api/admin/v1/supervisions/..%2F..').set(bearer(admin.token))).status).toBe(400);
    expect((await t.http.get('/api/admin/v1/supervisions/nope:overdue:1').set(bearer(admin.token))).status).toBe(404);
    const { record } = await openSupervision(t.deps, { ticket: ticket(nextNo(), unitA), trigger: 'overdue', by: SYSTEM });
    expect((await t.http.post(`/api/admin/v1/supervisions/${record._id}/resolve`).set(bearer(supervisor.token)).send({})).status).toBe(400);
    expect((await t.http.post(`/api/admin/v1/supervisions/${record._id}/resolve`).set(bearer(supervisor.token)).send({ note: 'x', extra: 1 })).status).toBe(400);
    const denied = await t.http.post(`/api/admin/v1/supervisions/${record._id}/resolve`).set(bearer(admin.token)).send({ note: '管理员' }).expect(403);
    expect(denied.body.error.code).toBe('ROLE_NOT_ALLOWED');
    await t.http.get('/api/admin/v1/supervisions').expect(401);
  });
});

describe('escalating the 督办 of a real ticket (000 §24)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('000 §24 when a supervisor escalates the record of an open ticket, then the ticket shows the hand-over to 政务督查 in its timeline and flags', async () => {
    const cast = await buildCast(t, '升级市');
    const unit = await buildHandlingUnit(t, cast, '升级区');
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    await act(t, cast.supervisor.token, no, 'supervise', { means: 'written-feedback', note: '请三日内书面反馈', dueAt: '2026-11-27T17:00:00+08:00' });
    const [record] = await listSupervisions(t.db, no);
    expect(record).toMatchObject({ trigger: 'manual', means: 'written-feedback', status: 'open', automatic: false });
    const res = await t.http.post(`/api/admin/v1/supervisions/${record._id}/escalate`).set(bearer(cast.supervisor.token)).send({ note: '逾期未反馈，提交政务督查' }).expect(200);
    expect(res.body.supervision).toMatchObject({ id: record._id, status: 'escalated' });
    const detail = await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(cast.supervisor.token)).expect(200);
    expect(detail.body.ticket.supervision).toMatchObject({ escalated: true, lastMeans: 'inspection', count: 2 });
    const records = await listSupervisions(t.db, no);
    expect(records.map((r) => [r.means, r.status])).toEqual([['written-feedback', 'escalated'], ['inspection', 'escalated']]);
  });
});
