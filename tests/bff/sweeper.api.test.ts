import { createApp, type AppDeps } from '../../bff/src/app';
import { ManualClock } from '../../bff/src/lib/clock';
import { runSweep, SWEEP_LEASE_MS } from '../../bff/src/sweeper/sweeper';
import { listSweepEvents } from '../../bff/src/sweeper/events';
import { leaseModel } from '../../bff/src/sweeper/lease';
import { listSupervisions } from '../../bff/src/supervision/service';
import { ticketModel, type TicketDoc } from '../../bff/src/tickets/model';
import { loadConfig, ConfigError } from '../../bff/src/config/config';
import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildCast, buildHandlingUnit, DAY, dispatched, HOUR, newCitizen, releaseSweepLease, signed, submit, visiting, type Cast, type UnitCast } from './sweeper-support';

async function ticket(t: TestApp, no: string): Promise<TicketDoc> {
  const doc = await ticketModel(t.db).findOne({ no }).lean<TicketDoc>();
  if (!doc) throw new Error(`no ticket ${no}`);
  return doc;
}

describe('sweeper: deadlines, automatic 督办 and escalation (000 §22-24)', () => {
  let t: TestApp;
  let cast: Cast;
  let unit: UnitCast;
  let sweepSeq = 0;
  /** A fresh instance after the previous holder shut down cleanly (tests move the clock back and forth). */
  const releaseCurrent = () => releaseSweepLease(t);
  const sweep = async () => {
    await releaseCurrent();
    return runSweep(t.deps, { holder: `test-${++sweepSeq}` });
  };
  const again = () => runSweep(t.deps, { holder: `test-${sweepSeq}` });

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await buildCast(t, '清扫市');
    unit = await buildHandlingUnit(t, cast, '清扫区');
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2026-11-24T09:00:00+08:00'));

  it('when two BFF instances sweep at the same moment, then exactly one of them runs the pass', async () => {
    t.clock.advance(SWEEP_LEASE_MS + 1);
    const second: AppDeps = { ...t.deps, clock: new ManualClock(t.clock.now()) };
    createApp(second);
    const [a, b] = await Promise.all([runSweep(t.deps, { holder: 'instance-a' }), runSweep(second, { holder: 'instance-b' })]);
    expect([a.ran, b.ran].filter(Boolean)).toHaveLength(1);
    const winner = a.ran ? 'instance-a' : 'instance-b';
    const loser = a.ran ? 'instance-b' : 'instance-a';
    expect((await runSweep(t.deps, { holder: loser })).ran).toBe(false);
    expect((await runSweep(t.deps, { holder: winner })).ran).toBe(true);
  });

  it('when the lease holder crashes, then another instance takes over once its lease has expired', async () => {
    await releaseCurrent();
    expect((await runSweep(t.deps, { holder: 'crashing' })).ran).toBe(true);
    t.clock.advance(SWEEP_LEASE_MS - 1000);
    expect((await runSweep(t.deps, { holder: 'survivor' })).ran).toBe(false);
    t.clock.advance(2000);
    expect((await runSweep(t.deps, { holder: 'survivor' })).ran).toBe(true);
    expect((await leaseModel(t.db).findById('sweeper').lean())?.holder).toBe('survivor');
  });

  it('000 §23(2) when a ticket passes its deadline unanswered, then the sweep records it once and opens one 督办 through the supervise action', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    const dueAt = (await ticket(t, no)).dueAt as Date;
    t.clock.set(new Date(dueAt.getTime() + HOUR));
    const first = await sweep();
    expect(first).toMatchObject({ ran: true });
    const records = await listSupervisions(t.db, no);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ _id: `${no}:overdue:1`, trigger: 'overdue', means: 'written-feedback', status: 'open', automatic: true, unit: unit.id, by: { kind: 'system' } });
    expect(records[0].dueAt?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    const after = await ticket(t, no);
    const supervise = after.timeline.filter((e) => e.action === 'supervise');
    expect(supervise).toHaveLength(1);
    expect(supervise[0]).toMatchObject({ actor: { kind: 'system' }, data: { trigger: 'overdue', means: 'written-feedback' } });
    expect(after.supervision.count).toBe(1);
    expect(after.metricKeys).toContain(`${unit.id}|overdue`);
    expect((await listSweepEvents(t.db, no)).map((e) => e.kind)).toEqual(['overdue']);

    t.clock.advance(60_000);
    const second = await again();
    expect(second.ran).toBe(true);
    expect(await listSupervisions(t.db, no)).toHaveLength(1);
    expect((await ticket(t, no)).version).toBe(after.version);
    expect(await listSweepEvents(t.db, no)).toHaveLength(1);
  });

  it('000 §24 when an automatic 督办 is still open after its feedback date, then the sweep escalates it to 政务督查 once', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    t.clock.set(new Date(((await ticket(t, no)).dueAt as Date).getTime() + HOUR));
    await sweep();
    const [record] = await listSupervisions(t.db, no);
    t.clock.set(new Date((record.dueAt as Date).getTime() + 60_000));
    const pass = await sweep();
    expect(pass.escalated).toBeGreaterThanOrEqual(1);
    const [escalated] = await listSupervisions(t.db, no);
    expect(escalated).toMatchObject({ status: 'escalated', escalation: { by: { kind: 'system' }, note: expect.stringContaining('000 §24') } });
    const flagged = await ticket(t, no);
    expect(flagged.supervision).toMatchObject({ escalated: true, lastMeans: 'inspection' });
    expect(flagged.timeline.filter((e) => e.action === 'supervise').map((e) => e.data?.means)).toEqual(['written-feedback', 'inspection']);
    t.clock.advance(60_000);
    await again();
    expect((await listSupervisions(t.db, no))[0].version).toBe(escalated.version);
  });

  it('when a ticket enters the warning window before its deadline, then one due-soon warning is recorded per round', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    const dueAt = (await ticket(t, no)).dueAt as Date;
    t.clock.set(new Date(dueAt.getTime() - 48 * HOUR));
    await sweep();
    expect(await listSweepEvents(t.db, no)).toEqual([]);
    t.clock.set(new Date(dueAt.getTime() - 12 * HOUR));
    await sweep();
    await again();
    const events = await listSweepEvents(t.db, no);
    expect(events).toEqual([{ kind: 'due-soon', round: 1, deadline: dueAt.toISOString(), at: expect.any(String) }]);
  });

  it('000 §23(4) when one citizen files the same matter three times, then one 督办 opens on the newest with the others related', async () => {
    const citizen = await newCitizen(t);
    const first = await dispatched(t, cast, citizen.token, unit.id, '幸福小区3号楼门口的路灯坏了一个多月，晚上出行很不安全');
    t.clock.advance(3 * DAY);
    const second = await dispatched(t, cast, citizen.token, unit.id, '幸福小区3号楼门口路灯坏了，一个多月了还没人修，晚上出行不安全');
    t.clock.advance(3 * DAY);
    await submit(t, citizen.token, '建议在人民公园增设儿童游乐设施和休息座椅');
    const third = await submit(t, citizen.token, '幸福小区3号楼门口的路灯一个多月了还是坏的，晚上出行很不安全');
    const pass = await sweep();
    expect(pass.repeatedMatters).toBe(1);
    const [record] = await listSupervisions(t.db, third);
    expect(record).toMatchObject({ _id: `${third}:repeated-by-citizen:1`, trigger: 'repeated-by-citizen', related: [first, second] });
    expect(record.note).toContain('000 §23(4)');
    await again();
    expect(await listSupervisions(t.db, third)).toHaveLength(1);
    // (the first, dispatched six days ago and never signed, has its sign-for 督办 of 000 §23(1) — not a repeat one)
    expect((await listSupervisions(t.db, first)).filter((s) => s.trigger === 'repeated-by-citizen')).toEqual([]);
  });

  it('004 §14 when one citizen files a matter twice openly and once confidentially, then no repeat 督办 groups the confidential request with the open ones', async () => {
    const citizen = await newCitizen(t);
    const first = await submit(t, citizen.token, '和平小区5号楼旁边的饭店油烟直排，熏得开不了窗');
    t.clock.advance(DAY);
    const second = await submit(t, citizen.token, '和平小区5号楼旁边饭店的油烟直排，还是熏得开不了窗');
    t.clock.advance(DAY);
    const res = await t.http.post('/api/v1/tickets').set(bearer(citizen.token)).send({ type: 'complaint', content: '和平小区5号楼旁边的饭店油烟直排，熏得开不了窗，一直没人管', confidential: true, idempotencyKey: `sweep-secret-${Date.now()}` });
    expect(res.status).toBe(201);
    const secret = res.body.ticket.no as string;
    await sweep();
    const records = [...(await listSupervisions(t.db, first)), ...(await listSupervisions(t.db, second)), ...(await listSupervisions(t.db, secret))];
    expect(records.filter((r) => r.trigger === 'repeated-by-citizen')).toEqual([]);
  });

  it('002 §23(3) when a ticket has been returned twice, then a repeated-returns 督办 opens once', async () => {
    const citizen = await newCitizen(t);
    const no = await dispatched(t, cast, citizen.token, unit.id);
    for (let i = 0; i < 2; i++) {
      await act(t, unit.handler.token, no, 'request-return', { reason: '不属于本单位职责范围' });
      await act(t, cast.dispatcher.token, no, 'decide-return', { approve: true });
      if (i === 0) await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id });
    }
    expect((await ticket(t, no)).returnCount).toBe(2);
    await sweep();
    await again();
    const records = await listSupervisions(t.db, no);
    expect(records.map((r) => r.trigger)).toEqual(['repeated-returns']);
  });

  it('003 §16 when the follow-up window passes with no rating, then the visit is overdue work in the visitors’ queue and the ticket stays open', async () => {
    const citizen = await newCitizen(t);
    const no = await visiting(t, cast, citizen.token, unit);
    const followUp = (await ticket(t, no)).deadlines?.followUp as Date;
    t.clock.set(new Date(followUp.getTime() - HOUR));
    await sweep();
    const queue = () => t.http.get('/api/admin/v1/tickets?visitOverdue=true').set(bearer(cast.visitor.token));
    expect((await queue()).body.items.map((i: { no: string }) => i.no)).not.toContain(no);
    t.clock.set(new Date(followUp.getTime() + HOUR));
    await sweep();
    await again();
    expect((await listSweepEvents(t.db, no)).map((e) => e.kind)).toEqual(['visit-window-passed']);
    expect((await ticket(t, no)).status).toBe('visiting');
    const item = (await queue()).body.items.find((i: { no: string }) => i.no === no);
    expect(item).toMatchObject({ status: 'visiting', visitOverdue: true, visitDueAt: followUp.toISOString() });
    // Closed only by a person, with the reason on the timeline.
    const closed = await act(t, cast.visitor.token, no, 'close-visit', { reason: '三次联系诉求人均表示不愿评价' });
    expect(closed).toMatchObject({ status: 'closed', visitOverdue: false });
  });

  it('when the sweep runs twice over the same state, then the second pass changes nothing', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    t.clock.set(new Date(((await ticket(t, no)).dueAt as Date).getTime() + HOUR));
    await sweep();
    const before = { ticket: await ticket(t, no), records: await listSupervisions(t.db, no), events: await listSweepEvents(t.db, no) };
    const second = await again();
    expect(second).toMatchObject({ ran: true, dueSoon: 0, overdue: 0, overdueSupervised: 0, repeatedMatters: 0, repeatedReturns: 0, visitWindows: 0, staleKnowledge: 0, escalated: 0 });
    expect(await ticket(t, no)).toEqual(before.ticket);
    expect(await listSupervisions(t.db, no)).toEqual(before.records);
    expect(await listSweepEvents(t.db, no)).toEqual(before.events);
  });

  it('when a supervisor reads the supervisions of an overdue ticket, then the automatic record is listed with its trigger', async () => {
    const citizen = await newCitizen(t);
    const no = await signed(t, cast, citizen.token, unit);
    t.clock.set(new Date(((await ticket(t, no)).dueAt as Date).getTime() + HOUR));
    await sweep();
    const res = await t.http.get('/api/admin/v1/supervisions').query({ ticketNo: no }).set(bearer(cast.supervisor.token)).expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: `${no}:overdue:1`, triggerLabel: '超出办理时限未办结', unitName: '清扫区' })]);
  });
  it('001 §22(4) when a unit keeps a published knowledge entry past its review date, then one unit-level 督办 opens per month', async () => {
    const created = await t.http.post('/api/admin/v1/knowledge').set(bearer(unit.handler.token)).send({ question: '路灯坏了找哪个部门？', answer: '请拨打城管热线或在码上反映提交', reviewBy: '2026-12-01' }).expect(201);
    await t.http.post(`/api/admin/v1/knowledge/${created.body.entry.id}/publish`).set(bearer(unit.handler.token)).send({ reviewBy: '2026-12-01' }).expect(200);
    t.clock.set('2026-12-03T09:00:00+08:00');
    const pass = await sweep();
    expect(pass.staleKnowledge).toBe(1);
    await again();
    const res = await t.http.get('/api/admin/v1/supervisions').query({ trigger: 'knowledge-stale' }).set(bearer(cast.supervisor.token)).expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: `unit:${unit.id}:knowledge-stale:2026-12`, ticketNo: null, unit: unit.id, related: [created.body.entry.id] })]);
    t.clock.set('2027-01-04T09:00:00+08:00');
    expect((await sweep()).staleKnowledge).toBe(1);
  });

  it('when SWEEP_INTERVAL_MS is absent, negative or not a number, then it defaults to a minute or startup fails naming it', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).SWEEP_INTERVAL_MS).toBe(60_000);
    expect(loadConfig({ NODE_ENV: 'test', SWEEP_INTERVAL_MS: '0' }).SWEEP_INTERVAL_MS).toBe(0);
    expect(() => loadConfig({ NODE_ENV: 'test', SWEEP_INTERVAL_MS: '-5' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', SWEEP_INTERVAL_MS: 'soon' })).toThrow(/SWEEP_INTERVAL_MS/);
  });
});
