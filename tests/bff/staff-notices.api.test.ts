/**
 * The staff inbox (issue 12 item 6): every notice to a unit or to the platform is a record the
 * staff member reads in GET /api/admin/v1/notices, fed by the ticket effects and the sweeper.
 */
import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff, type TestStaff } from '../support/builders/staff';
import { act, bearer, buildCast, buildHandlingUnit, citizenAct, DAY, dispatched, newCitizen, signed, submit, sweepNow, visiting, type Cast, type UnitCast } from './sweeper-support';

interface NoticeBody {
  id: string;
  kind: string;
  level: string;
  title: string;
  note: string | null;
  ticketNo: string;
  ticketType: string;
  to: { kind: string; id: string };
  deadline: string | null;
  cite: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Inbox {
  items: NoticeBody[];
  nextCursor: string | null;
  unreadCount: number;
}

async function inbox(t: TestApp, who: TestStaff, query = ''): Promise<Inbox> {
  const res = await t.http.get(`/api/admin/v1/notices${query}`).set(bearer(who.token));
  expect(res.status).toBe(200);
  return res.body as Inbox;
}

const ofTicket = (box: Inbox, no: string) => box.items.filter((n) => n.ticketNo === no);


describe('staff inbox: notices to units and platform staff (000 §11, §20, §22)', () => {
  let t: TestApp;
  let cast: Cast;
  let unit: UnitCast;
  let colleague: TestStaff;
  let coUnit: UnitCast;
  let other: UnitCast;
  let citizen: { id: string; token: string };

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await buildCast(t, '通知市');
    unit = await buildHandlingUnit(t, cast, '通知区');
    colleague = await buildStaff(t, { roles: ['handler'], unit: unit.id });
    coUnit = await buildHandlingUnit(t, cast, '协办区');
    other = await buildHandlingUnit(t, cast, '无关区');
    citizen = await newCitizen(t);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2026-11-24T09:00:00+08:00'));

  it('000 §11 when a ticket is dispatched to a lead and a co-unit, then both units find an unread 新派单 notice linking to the ticket, and another unit finds nothing', async () => {
    const no = await submit(t, citizen.token, '小区门口的垃圾堆放多日无人清理，气味很大');
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id, coUnits: [coUnit.id] });
    for (const member of [unit.handler, colleague, coUnit.handler]) {
      const [notice] = ofTicket(await inbox(t, member), no);
      expect(notice).toMatchObject({ kind: 'dispatched', level: 'info', title: '【投诉】新派单，请签收办理', ticketNo: no, ticketType: 'complaint', readAt: null });
      expect(notice.to.kind).toBe('unit');
      expect(notice.title).not.toContain('垃圾');
    }
    expect(ofTicket(await inbox(t, other.handler), no)).toEqual([]);
  });

  it('when one handler reads a notice of the unit, then it is read for them only: a colleague still has it unread, and reading again changes nothing', async () => {
    const no = await dispatched(t, cast, citizen.token, unit.id, '路面坑洼积水，车辆经过溅湿行人');
    const [notice] = ofTicket(await inbox(t, unit.handler), no);
    const before = (await inbox(t, unit.handler)).unreadCount;
    t.clock.advance(60_000);
    const res = await t.http.post(`/api/admin/v1/notices/${encodeURIComponent(notice.id)}/read`).set(bearer(unit.handler.token));
    expect(res.status).toBe(200);
    expect(res.body.notice.readAt).toBe(t.clock.now().toISOString());
    expect(res.body.unreadCount).toBe(before - 1);
    t.clock.advance(60_000);
    const again = await t.http.post(`/api/admin/v1/notices/${encodeURIComponent(notice.id)}/read`).set(bearer(unit.handler.token));
    expect(again.body.notice.readAt).toBe(res.body.notice.readAt);
    expect(ofTicket(await inbox(t, colleague), no)[0].readAt).toBeNull();
    expect(ofTicket(await inbox(t, unit.handler, '?unread=true'), no)).toEqual([]);
  });

  it('when a notice is addressed to somebody else, then marking it read answers 404 NOTICE_NOT_FOUND', async () => {
    const no = await dispatched(t, cast, citizen.token, unit.id, '公交站台顶棚破损漏雨');
    const [notice] = ofTicket(await inbox(t, unit.handler), no);
    const res = await t.http.post(`/api/admin/v1/notices/${encodeURIComponent(notice.id)}/read`).set(bearer(other.handler.token));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOTICE_NOT_FOUND');
  });

  it('when a member marks all read, then the unread count is 0 and the unread filter lists nothing, while the colleague’s count is unchanged', async () => {
    await dispatched(t, cast, citizen.token, unit.id, '楼道灯不亮，老人上下楼不便');
    const colleagueBefore = (await inbox(t, colleague)).unreadCount;
    const res = await t.http.post('/api/admin/v1/notices/read-all').set(bearer(unit.handler.token));
    expect(res.status).toBe(200);
    expect(res.body.marked).toBeGreaterThan(0);
    expect(res.body.unreadCount).toBe(0);
    expect(await inbox(t, unit.handler, '?unread=true')).toMatchObject({ items: [], unreadCount: 0 });
    expect((await inbox(t, colleague)).unreadCount).toBe(colleagueBefore);
  });

  it('when the inbox has more notices than the page, then the cursor walks it newest first without repeats', async () => {
    const all = (await inbox(t, colleague, '?limit=100')).items.map((n) => n.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Inbox = await inbox(t, colleague, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
    const times = (await inbox(t, colleague, '?limit=100')).items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('002 §21 when the unit applies to return a ticket, then the dispatchers (who decide returns) are told; 001 §15 a reply reaches the operators who review it', async () => {
    const no = await signed(t, cast, citizen.token, unit, '小区健身器材损坏，存在安全隐患');
    await act(t, unit.handler.token, no, 'request-return', { reason: '健身器材属物业管理，不属本单位职责' });
    const [returnNotice] = ofTicket(await inbox(t, cast.dispatcher), no).filter((n) => n.kind === 'return-requested');
    expect(returnNotice).toMatchObject({ to: { kind: 'role', id: 'dispatcher' }, note: '健身器材属物业管理，不属本单位职责' });
    expect(ofTicket(await inbox(t, cast.operator), no).filter((n) => n.kind === 'return-requested')).toEqual([]);
    await act(t, cast.dispatcher.token, no, 'decide-return', { approve: false, note: '属本单位职责，请继续办理' });
    expect(ofTicket(await inbox(t, unit.handler), no).map((n) => n.kind)).toContain('return-refused');
    await act(t, unit.handler.token, no, 'reply', { result: '已联系物业修复健身器材' });
    expect(ofTicket(await inbox(t, cast.operator), no).map((n) => n.kind)).toContain('replied');
  });

  it('000 §22(1) when a supervisor opens 督办 (系统催办), then the units find a warning with the supervisor’s note', async () => {
    const no = await signed(t, cast, citizen.token, unit, '噪音扰民，夜间施工持续到凌晨');
    await act(t, cast.supervisor.token, no, 'supervise', { means: 'reminder', note: '请于本周内反馈处理情况' });
    const [notice] = ofTicket(await inbox(t, colleague), no).filter((n) => n.kind === 'supervised');
    expect(notice).toMatchObject({ level: 'warning', note: '请于本周内反馈处理情况', title: '【投诉】督办：请限期反馈' });
  });

  it('000 §23(2) when the sweeper finds a ticket due soon and then overdue, then the lead unit gets one warning of each, the supervisors the automatic 督办, and a second pass adds nothing', async () => {
    const no = await signed(t, cast, citizen.token, unit, '河道漂浮大量垃圾无人打捞');
    const dueAt = new Date(((await t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(cast.operator.token))).body.ticket.dueAt as string));
    t.clock.set(new Date(dueAt.getTime() - 3_600_000));
    await sweepNow(t);
    t.clock.set(new Date(dueAt.getTime() + 60_000));
    await sweepNow(t);
    await sweepNow(t);
    const kinds = ofTicket(await inbox(t, unit.handler), no).map((n) => n.kind).sort();
    expect(kinds.filter((k) => ['due-soon', 'overdue'].includes(k))).toEqual(['due-soon', 'overdue']);
    const overdue = ofTicket(await inbox(t, unit.handler), no).find((n) => n.kind === 'overdue');
    expect(overdue).toMatchObject({ level: 'warning', deadline: dueAt.toISOString(), cite: '000 §23(2)' });
    expect(ofTicket(await inbox(t, cast.supervisor), no).filter((n) => n.kind === 'supervised')).toHaveLength(1);
  });

  it('002 §35 when a citizen rates with a comment, then the unit is told it was rated but the notice carries none of the citizen’s words (个人隐私)', async () => {
    const no = await visiting(t, cast, citizen.token, unit, '单元门禁损坏，陌生人随意进出');
    await citizenAct(t, citizen.token, no, 'rate', { satisfaction: 'satisfied', comment: '我是3单元的王阿姨，电话13800138000，修得很及时' });
    const [rated] = ofTicket(await inbox(t, unit.handler, '?limit=100'), no).filter((n) => n.kind === 'rated');
    expect(rated).toMatchObject({ note: null, title: '【投诉】诉求人已评价' });
    expect(JSON.stringify(rated)).not.toContain('13800138000');
  });

  it('003 §16 when the visit window passes without a visit, then the visitors find one 回访已逾期 notice', async () => {
    const no = await visiting(t, cast, citizen.token, unit, '人行道护栏倒伏，影响通行');
    t.clock.advance(10 * DAY);
    await sweepNow(t);
    await sweepNow(t);
    const visits = ofTicket(await inbox(t, cast.visitor), no).filter((n) => n.kind === 'visit-overdue');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ to: { kind: 'role', id: 'visitor' }, level: 'warning' });
  });
});

describe('staff inbox: risk warnings for emergencies (000 §20, 003 §8 D)', () => {
  let t: TestApp;
  let cast: Cast;
  let unit: UnitCast;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'pingdingshan' });
    cast = await buildCast(t, '预警市');
    unit = await buildHandlingUnit(t, cast, '预警区');
  });
  afterAll(() => t.close());

  it('000 §20 when a class D emergency is accepted before any unit is assigned, then dispatchers and supervisors get an urgent risk warning, and the unit it is dispatched to an urgent 新派单', async () => {
    const citizen = await newCitizen(t);
    const no = await submit(t, citizen.token, '燃气管道泄漏，楼道里气味很浓');
    await act(t, cast.operator.token, no, 'accept', { class: 'D' });
    for (const member of [cast.dispatcher, cast.supervisor]) {
      const [warning] = ofTicket(await inbox(t, member), no).filter((n) => n.kind === 'risk-warning');
      expect(warning).toMatchObject({ level: 'urgent', cite: '000 §20', title: '【投诉】风险预警：紧急事项须第一时间处置' });
      expect(warning.note).toContain('D类');
    }
    expect(ofTicket(await inbox(t, cast.operator), no).filter((n) => n.kind === 'risk-warning')).toEqual([]);
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id });
    const [dispatchedNotice] = ofTicket(await inbox(t, unit.handler), no);
    expect(dispatchedNotice).toMatchObject({ kind: 'dispatched', level: 'urgent' });
  });
});
