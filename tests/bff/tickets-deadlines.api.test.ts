/**
 * Each regulation profile's deadlines end to end: the app is built with REGULATION_PROFILE set,
 * tickets go through the API, and the dates the ticket carries are the ones the article gives
 * (working days end at 23:59:59.999 China time; 调休 Saturdays count).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../support/app';
import { act, bearer, buildWorld, must, staffGet, type World } from '../support/ticket-builders';
import { buildTicket } from '../support/ticket-builders';
import { loadActiveRules } from '../../bff/src/sla/active-rules';
import { ConfigError } from '../../bff/src/config/config';

/** End of a China day as the API prints it. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();

async function profileWorld(profile: string, now = '2026-11-24T09:00:00+08:00', env: Record<string, string> = {}): Promise<World> {
  const t = await buildTestApp({ REGULATION_PROFILE: profile, ...env }, now);
  return buildWorld(t);
}

/** Submitted → accepted (optionally with a class) → dispatched to unit X, all at the app's current time. */
async function dispatched(w: World, type: 'complaint' | 'consultation' | 'help' = 'complaint', cls?: string) {
  const built = await buildTicket(w, { type, content: type === 'consultation' ? '请问居住证怎么办理，需要什么材料' : '楼下餐馆油烟直排，窗户都不能开' });
  await must(w, w.operator.token, built.no, 'accept', cls ? { class: cls } : {});
  await must(w, w.dispatcher.token, built.no, 'dispatch', { leadUnit: w.units.x });
  return { ...built, ticket: (await staffGet(w, w.admin.token, built.no)).body.ticket };
}

describe('liaoning (002)', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('liaoning')));
  afterAll(() => w.t.close());

  test('002 §19 complaint: stage reply 5 wd, final 15 wd from dispatch', async () => {
    const { ticket } = await dispatched(w);
    expect(ticket.deadlines).toMatchObject({ stageReply: endOf('2026-12-01'), final: endOf('2026-12-15'), dueAt: endOf('2026-12-15') });
    expect(ticket.dueAt).toBe(endOf('2026-12-15'));
  });

  test('002 §19 consultation: 5 wd from dispatch', async () => {
    const { ticket } = await dispatched(w, 'consultation');
    expect(ticket.dueAt).toBe(endOf('2026-12-01'));
  });

  test('002 §21 a return is applied for within 2 working days of dispatch, later → 422', async () => {
    const early = await dispatched(w);
    await must(w, w.handlerX.token, early.no, 'request-return', { reason: '属于供水公司职责' });
    const late = await dispatched(w);
    w.t.clock.set('2026-11-27T09:00:00+08:00');
    try {
      const res = await act(w, w.handlerX.token, late.no, 'request-return', { reason: '属于供水公司职责' });
      expect([res.status, res.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
      expect(res.body.error.message).toContain('002 §21');
    } finally {
      w.t.clock.set('2026-11-24T09:00:00+08:00');
    }
  });

  test('GET /api/admin/v1/sla/preview gives the same dates with their articles', async () => {
    const res = await w.t.http.get('/api/admin/v1/sla/preview?type=complaint&start=2026-11-24T09:00:00%2B08:00').set(bearer(w.operator.token)).expect(200);
    expect(res.body.profile.name).toBe('liaoning');
    expect(res.body.deadlines).toMatchObject({ stageReply: endOf('2026-12-01'), final: endOf('2026-12-15'), acceptanceNotice: endOf('2026-11-26'), dispatch: endOf('2026-11-25') });
    expect(res.body.rules.final).toMatchObject({ unit: 'workingDays', value: 15, cite: '002 §19(2)' });
  });
});

describe('chongqing (004)', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('chongqing', '2026-09-30T10:00:00+08:00')));
  afterAll(() => w.t.close());

  test('004 §11 consultation 5 wd from submission: across National Day the 调休 Saturday 10-10 counts', async () => {
    const { no } = await buildTicket(w, { type: 'consultation', content: '请问新生儿落户需要哪些材料' });
    const ticket = (await staffGet(w, w.admin.token, no)).body.ticket;
    expect(ticket.dueAt).toBe(endOf('2026-10-13'));
  });

  test('004 §11 complaint: 15 wd from submission, already on the submitted ticket', async () => {
    const { no } = await buildTicket(w);
    expect((await staffGet(w, w.admin.token, no)).body.ticket.dueAt).toBe(endOf('2026-10-27'));
  });
});

describe('pingdingshan (003)', () => {
  let w: World;
  beforeAll(async () => (w = await profileWorld('pingdingshan')));
  afterAll(() => w.t.close());

  test('003 §8 class A 4 h from dispatch', async () => {
    const { ticket } = await dispatched(w, 'help', 'A');
    expect(ticket.class).toBe('A');
    expect(ticket.dueAt).toBe(new Date('2026-11-24T13:00:00+08:00').toISOString());
  });

  test('003 §8 class B 5 wd from dispatch', async () => {
    const { ticket } = await dispatched(w, 'help', 'B');
    expect(ticket.dueAt).toBe(endOf('2026-12-01'));
  });

  test('003 §14 a leader message-board post: 10 wd', async () => {
    const res = await w.t.http
      .post('/api/admin/v1/tickets')
      .set(bearer(w.operator.token))
      .send({ type: 'suggestion', channel: 'leader-board', content: '建议在新华区增设公共自行车站点', callerPhone: '13700001111' })
      .expect(201);
    const no = res.body.ticket.no;
    await must(w, w.operator.token, no, 'accept', {});
    await must(w, w.dispatcher.token, no, 'dispatch', { leadUnit: w.units.y });
    expect((await staffGet(w, w.admin.token, no)).body.ticket.dueAt).toBe(endOf('2026-12-08'));
  });

  test('003 §11 a return must be applied for within 24 h of dispatch', async () => {
    const { no } = await dispatched(w);
    w.t.clock.advance(25 * 3_600_000);
    try {
      const res = await act(w, w.handlerX.token, no, 'request-return', { reason: '不属于本单位', approvedBy: '张副局长' });
      expect([res.status, res.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    } finally {
      w.t.clock.set('2026-11-24T09:00:00+08:00');
    }
  });

  test('003 §9 an extension is requested once per ticket, class B or C only', async () => {
    const { no } = await dispatched(w, 'help', 'B');
    await must(w, w.handlerX.token, no, 'sign', {});
    await must(w, w.handlerX.token, no, 'request-extension', { workingDays: 3, reason: '需协调多个部门' });
    const decided = await must(w, w.supervisor.token, no, 'decide-extension', { approve: true });
    expect(decided.dueAt).toBe(endOf('2026-12-04'));
    const again = await act(w, w.handlerX.token, no, 'request-extension', { workingDays: 2, reason: '仍需时间' });
    expect([again.status, again.body.error.code]).toEqual([422, 'RULE_VIOLATION']);
    const classA = await dispatched(w, 'help', 'A');
    await must(w, w.handlerX.token, classA.no, 'sign', {});
    expect((await act(w, w.handlerX.token, classA.no, 'request-extension', { workingDays: 1, reason: '来不及' })).status).toBe(422);
  });

  test('003 §17 two unanswered follow-up calls at least 3 h apart count as satisfied', async () => {
    const { no } = await dispatched(w, 'help', 'B');
    for (const [action, body] of [['sign', {}], ['reply', { result: '已处理' }]] as const) await must(w, w.handlerX.token, no, action, body);
    await must(w, w.operator.token, no, 'review', { approve: true });
    await must(w, w.visitor.token, no, 'visit', { answered: false });
    w.t.clock.advance(2 * 3_600_000);
    expect((await must(w, w.visitor.token, no, 'visit', { answered: false })).status).toBe('visiting');
    w.t.clock.advance(2 * 3_600_000);
    const closed = await must(w, w.visitor.token, no, 'visit', { answered: false });
    expect(closed).toMatchObject({ status: 'closed', rating: { satisfaction: 'satisfied', deemed: true } });
    w.t.clock.set('2026-11-24T09:00:00+08:00');
  });
});

describe('active profile and calendar files (validated at startup)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mashang-rules-'));

  test('when PROFILE_OVERRIDES changes a limit, then the tickets follow it and GET …/sla/profile shows it', async () => {
    const file = path.join(dir, 'overrides.json');
    writeFileSync(file, JSON.stringify({ byType: { complaint: { final: { value: 10 } } } }));
    const w = await profileWorld('liaoning', undefined, { PROFILE_OVERRIDES: file });
    try {
      const { ticket } = await dispatched(w);
      expect(ticket.dueAt).toBe(endOf('2026-12-08'));
      // What the BFF enforces is what it shows: the workbench reads the profile with the override in it.
      const shown = await w.t.http.get('/api/admin/v1/sla/profile').set(bearer(w.handlerY.token)).expect(200);
      expect(shown.body.profile).toMatchObject({ name: 'liaoning', byType: { complaint: { final: { value: 10, overridden: true } } } });
    } finally {
      await w.t.close();
    }
  });

  test('when CALENDAR_FILE adds a holiday, then working days skip it', async () => {
    const file = path.join(dir, 'calendar.json');
    writeFileSync(file, JSON.stringify({ holidays: ['2026-11-26'] }));
    const w = await profileWorld('liaoning', undefined, { CALENDAR_FILE: file });
    try {
      const { ticket } = await dispatched(w);
      expect(ticket.deadlines.stageReply).toBe(endOf('2026-12-02'));
    } finally {
      await w.t.close();
    }
  });

  test('when an override file is invalid or missing, then startup fails naming the variable and the file', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ byType: { complaint: { final: { value: 'soon' } } } }));
    expect(() => loadActiveRules({ REGULATION_PROFILE: 'liaoning', PROFILE_OVERRIDES: bad })).toThrow(ConfigError);
    expect(() => loadActiveRules({ REGULATION_PROFILE: 'liaoning', PROFILE_OVERRIDES: bad })).toThrow(/PROFILE_OVERRIDES: .*bad\.json.*byType\.complaint\.final\.value/s);
    expect(() => loadActiveRules({ REGULATION_PROFILE: 'liaoning', PROFILE_OVERRIDES: path.join(dir, 'missing.json') })).toThrow(/PROFILE_OVERRIDES: cannot read .*missing\.json/);
    const badCalendar = path.join(dir, 'bad-calendar.json');
    writeFileSync(badCalendar, '{"holidays": ["next friday"]}');
    expect(() => loadActiveRules({ REGULATION_PROFILE: 'baiyin', CALENDAR_FILE: badCalendar })).toThrow(/CALENDAR_FILE: .*bad-calendar\.json/);
    writeFileSync(badCalendar, '{not json');
    expect(() => loadActiveRules({ REGULATION_PROFILE: 'baiyin', CALENDAR_FILE: badCalendar })).toThrow(/CALENDAR_FILE: .* is not valid JSON/);
  });
});
