import { CHANNELS, getProfile, startTicket, transition, type ProfileName, type TicketAction, type TicketState } from '@mashang/shared';
import { actors, buildTicket, CO, ctxAt, LEAD, sh, type ActorName } from './ticket-builders';

/**
 * Operational articles of the five seeds, each checked against the state machine and the profile
 * that carries it (the API tests walk the same rules through the real app).
 */
const at = (iso: string, profile: ProfileName) => ctxAt(sh(iso), profile);

function step(t: TicketState, action: TicketAction, actor: ActorName, input: unknown, iso: string, profile: ProfileName): TicketState {
  const r = transition(t, action, actors[actor], input, at(iso, profile));
  if (!r.ok) throw new Error(`${action}: ${r.error.message}`);
  return { ...t, ...r.next.set, status: r.next.status, version: t.version + 1 };
}

const submitted = (profile: ProfileName, extra: Partial<TicketState> = {}): TicketState =>
  buildTicket({ status: 'submitted', acceptedAt: null, dispatchedAt: null, signedAt: null, leadUnit: null, coUnits: [], dueAt: null, createdAt: sh('2026-03-02T08:00:00'), ...extra });

describe('intake channels', () => {
  it('000 §3 every channel of the platform (mini-program, 12345, boards, mailboxes, web, transfers) is recorded on the ticket', () => {
    for (const channel of CHANNELS) {
      const r = startTicket({ no: '20260302-000009', type: 'complaint', channel, citizenId: 'c1' }, actors.operator, at('2026-03-02T09:00:00', 'baiyin'));
      expect(r.ok && r.ticket.channel).toBe(channel);
      expect(r.ok && r.entry.data).toEqual({ channel });
    }
  });

  it('004 §5 Chongqing requests filed on the government website count their 5 / 15 working days from submission', () => {
    const r = startTicket({ no: '20260302-000010', type: 'consultation', channel: 'web', citizenId: actors.citizen.id }, actors.citizen, at('2026-03-02T09:00:00', 'chongqing'));
    expect(r.ok && r.ticket.dueAt).toEqual(sh('2026-03-09T23:59:59.999'));
  });
});

describe('the closed loop', () => {
  it('002 §9 首接负责、接诉即办、限时办结: a Liaoning request goes accept → dispatch → sign → reply → review → rate with a deadline at every step', () => {
    let t = submitted('liaoning');
    t = step(t, 'accept', 'operator', {}, '2026-03-02T09:00:00', 'liaoning');
    expect(t.deadlines?.dispatch).toEqual(sh('2026-03-03T23:59:59.999'));
    t = step(t, 'dispatch', 'dispatcher', { leadUnit: LEAD }, '2026-03-02T10:00:00', 'liaoning');
    expect(t.deadlines).toMatchObject({ stageReply: sh('2026-03-09T23:59:59.999'), final: sh('2026-03-23T23:59:59.999') });
    t = step(t, 'sign', 'leadHandler', {}, '2026-03-02T11:00:00', 'liaoning');
    t = step(t, 'reply', 'leadHandler', { result: '已清理' }, '2026-03-05T11:00:00', 'liaoning');
    t = step(t, 'review', 'operator', { approve: true }, '2026-03-05T15:00:00', 'liaoning');
    t = step(t, 'rate', 'citizen', { satisfaction: 'satisfied' }, '2026-03-06T09:00:00', 'liaoning');
    expect(t.status).toBe('closed');
  });

  it('002 §16 a request without specific facts or the evidence it needs is not accepted, with its reason', () => {
    const reasons = getProfile('liaoning').rejectReasons.value;
    expect(reasons).toEqual(expect.arrayContaining(['not-specific', 'missing-evidence']));
    const r = transition(submitted('liaoning'), 'reject', actors.operator, { reasonCode: 'not-specific', note: '未说明具体地点和事实' }, at('2026-03-02T09:00:00', 'liaoning'));
    expect(r.ok && r.next.set.rejectReason).toEqual({ code: 'not-specific', note: '未说明具体地点和事实' });
  });
});

describe('dispatch, lead and co-units', () => {
  const accepted = (p: ProfileName) => step(submitted(p), 'accept', 'operator', {}, '2026-03-02T09:00:00', p);

  it('000 §11 the platform names one lead unit and co-units; the units are told', () => {
    const r = transition(accepted('baiyin'), 'dispatch', actors.dispatcher, { leadUnit: LEAD, coUnits: [CO] }, at('2026-03-02T10:00:00', 'baiyin'));
    expect(r.ok && r.next.set).toMatchObject({ leadUnit: LEAD, coUnits: [CO] });
    expect(r.ok && r.effects[0]).toEqual({ kind: 'notify', audience: 'unit', template: 'dispatched', units: [LEAD, CO] });
  });

  it('003 §10 the centre may assign a unit and co-units; co-units report to the lead a working day before the deadline (platform default)', () => {
    const t = step(accepted('pingdingshan'), 'dispatch', 'dispatcher', { leadUnit: LEAD, coUnits: [CO] }, '2026-03-02T10:00:00', 'pingdingshan');
    expect(t.deadlines).toMatchObject({ final: sh('2026-03-09T23:59:59.999'), coResult: sh('2026-03-06T23:59:59.999') });
  });

  it('001 §16 a co-unit files its part with the lead; the lead’s reply records which co-unit is missing', () => {
    const t = buildTicket({ coUnits: [CO, 'unit-co2'] });
    const withCo = step(t, 'co-result', 'coHandler', { result: '已完成排查' }, '2026-03-04T09:00:00', 'heze');
    expect(withCo.coResults.map((c) => c.unit)).toEqual([CO]);
    const r = transition(withCo, 'reply', actors.leadHandler, { result: '已办结' }, at('2026-03-05T09:00:00', 'heze'));
    expect(r.ok && r.entry.data).toMatchObject({ missingCoResults: ['unit-co2'] });
  });

  it('001 §14 首接负责: a Heze unit returns a request with its reasons; the platform approves and it goes back for re-dispatch, the citizen told', () => {
    const returning = step(buildTicket(), 'request-return', 'leadHandler', { reason: '属供电公司职责，附职责清单' }, '2026-03-03T09:00:00', 'heze');
    expect(returning.status).toBe('returning');
    const r = transition(returning, 'decide-return', actors.dispatcher, { approve: true }, at('2026-03-03T10:00:00', 'heze'));
    expect(r.ok && r.next.status).toBe('accepted');
    expect(r.ok && r.effects.some((e) => e.kind === 'notify' && e.audience === 'citizen')).toBe(true);
  });

  it('004 §9 a Chongqing unit applies to pass a request on within 2 working days; later it is refused', () => {
    const t = buildTicket({ dispatchedAt: sh('2026-03-02T09:00:00') });
    expect(transition(t, 'request-return', actors.leadHandler, { reason: '事权不在本单位' }, at('2026-03-04T18:00:00', 'chongqing')).ok).toBe(true);
    const late = transition(t, 'request-return', actors.leadHandler, { reason: '事权不在本单位' }, at('2026-03-05T09:00:00', 'chongqing'));
    expect(!late.ok && late.error.message).toContain('§9）');
  });
});

describe('handling and its end', () => {
  it('001 §15 the Heze unit’s reply reaches the citizen before the hotline office', () => {
    const r = transition(buildTicket(), 'reply', actors.leadHandler, { result: '已修复' }, at('2026-03-05T09:00:00', 'heze'));
    expect(r.ok && r.effects.filter((e) => e.kind === 'notify').map((e) => (e.kind === 'notify' ? e.audience : ''))).toEqual(['citizen', 'platform']);
  });

  it('001 §13 Heze refuses matters of secrets, public order or other unlawful demands, and nothing else its part of the seed does not list', () => {
    expect(getProfile('heze').rejectReasons).toMatchObject({ value: ['secrets-privacy', 'public-order', 'other-unlawful'], cite: '001 §13' });
    const r = transition(submitted('heze'), 'reject', actors.operator, { reasonCode: 'civil-dispute', note: '民事纠纷' }, at('2026-03-02T09:00:00', 'heze'));
    expect(r.ok).toBe(false);
  });

  it('004 §10 a Chongqing request found untrue or not in line with the rules is ended after the explanation', () => {
    expect(getProfile('chongqing').terminationReasons.value).toEqual(['unlawful-demand', 'no-cooperation']);
    const r = transition(buildTicket(), 'terminate', actors.operator, { reasonCode: 'unlawful-demand', note: '已向反映人解释政策' }, at('2026-03-05T09:00:00', 'chongqing'));
    expect(r.ok && r.next.status).toBe('terminated');
  });

  it('003 §24 a supervisor hands a ticket to 政务督查 (12345热线+督查): the ticket is marked escalated', () => {
    const r = transition(buildTicket(), 'supervise', actors.supervisor, { means: 'inspection', note: '久拖不决，提交督查室' }, at('2026-03-05T09:00:00', 'pingdingshan'));
    expect(r.ok && r.next.set.supervision).toMatchObject({ escalated: true, lastMeans: 'inspection' });
  });
});

describe('rating and visits', () => {
  const visiting = (_profile: ProfileName) => buildTicket({ status: 'visiting', repliedAt: sh('2026-03-04T10:00:00'), visitStartedAt: sh('2026-03-04T11:00:00') });

  it('004 §12 the Chongqing citizen rates after the request is answered; a satisfied rating closes it', () => {
    const r = transition(visiting('chongqing'), 'rate', actors.citizen, { satisfaction: 'basic' }, at('2026-03-05T09:00:00', 'chongqing'));
    expect(r.ok && r.next.status).toBe('closed');
  });

  it('001 §17 an unsatisfied rating found reasonable sends the request back to the Heze unit for a new round, supervised', () => {
    const rated = step(visiting('heze'), 'rate', 'citizen', { satisfaction: 'unsatisfied', comment: '路灯还是不亮' }, '2026-03-05T09:00:00', 'heze');
    const r = transition(rated, 'decide-reopen', actors.operator, { reopen: true, note: '核实仍未修复' }, at('2026-03-05T10:00:00', 'heze'));
    expect(r.ok && r.next.status).toBe('handling');
    expect(r.ok && r.next.set.round).toBe(2);
    expect(r.ok && r.effects).toEqual(expect.arrayContaining([{ kind: 'open-supervision', trigger: 'bad-rating', note: '核实仍未修复' }]));
  });

  it('002 §29 an unsatisfied rating on a law-enforcement matter handled by law closes with the explanation, not pushed for satisfaction nor supervised', () => {
    const rated = step(visiting('liaoning'), 'rate', 'citizen', { satisfaction: 'unsatisfied' }, '2026-03-05T09:00:00', 'liaoning');
    const closed = transition(rated, 'decide-reopen', actors.operator, { reopen: false, note: '执法办案类事项，已依法处置' }, at('2026-03-05T10:00:00', 'liaoning'));
    expect(closed.ok && closed.next.status).toBe('closed');
    expect(closed.ok && closed.effects.some((e) => e.kind === 'open-supervision')).toBe(false);
  });
});

describe('assessment', () => {
  it('001 §24 the Heze profile assesses response, resolution, satisfaction and on-time rates as the platform’s default', () => {
    expect(getProfile('heze').metrics).toMatchObject({ value: ['response', 'resolution', 'satisfaction', 'on-time'], platformDefault: true });
  });
});
