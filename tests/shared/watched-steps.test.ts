/** Intermediate deadlines (issue 12 item 5): which step is owed, by whom, per profile — pure. */
import { deadlinesFor, getProfile, missedSteps, startTicket, supervisesMissed, transition, type ProfileName, type TicketState } from '@mashang/shared';
import { CO, LEAD, buildTicket, calendar, sh } from './ticket-builders';

/** The ticket with the deadlines `profile` gives it (as the state machine stores them). */
function withDeadlines(profile: ProfileName, t: TicketState): TicketState {
  const deadlines = deadlinesFor(getProfile(profile), t, t.createdAt, calendar);
  return { ...t, deadlines, dueAt: deadlines.dueAt };
}

const missed = (profile: ProfileName, t: TicketState, now: string) => missedSteps(getProfile(profile), withDeadlines(profile, t), sh(now));
const steps = (profile: ProfileName, t: TicketState, now: string) => missed(profile, t, now).map((m) => m.step);

// Mon 2026-03-02 09:00 submitted; nothing else happened yet.
const submitted = (over: Partial<TicketState> = {}) =>
  buildTicket({ status: 'submitted', createdAt: sh('2026-03-02T09:00:00'), acceptedAt: null, dispatchedAt: null, signedAt: null, leadUnit: null, coUnits: [], ...over });

describe('intermediate deadlines the sweeper watches (issue 12 item 5)', () => {
  test('002 §18 Liaoning: a request not accepted within 2 working days of submission owes the acceptance notice, to the operators', () => {
    expect(steps('liaoning', submitted(), '2026-03-04T17:00:00')).toEqual([]);
    const [m] = missed('liaoning', submitted(), '2026-03-05T09:00:00');
    expect(m).toMatchObject({ step: 'acceptance', owner: { roles: ['operator'] }, round: 1, key: '' });
    expect(m.deadline.getTime()).toBe(sh('2026-03-04T23:59:59.999').getTime());
  });

  test('000 §10 Baiyin: 「受理当日转交」 — a ticket accepted on Monday and not dispatched by Tuesday is owed by the dispatchers', () => {
    const t = submitted({ status: 'accepted', acceptedAt: sh('2026-03-02T10:00:00') });
    expect(steps('baiyin', t, '2026-03-02T18:00:00')).toEqual([]);
    expect(missed('baiyin', t, '2026-03-03T09:00:00')).toEqual([expect.objectContaining({ step: 'dispatch', owner: { roles: ['dispatcher'] } })]);
  });

  test('002 §19 Liaoning: dispatch within 1 working day of acceptance, counted across the weekend', () => {
    const t = submitted({ status: 'accepted', acceptedAt: sh('2026-03-06T16:00:00') });
    expect(steps('liaoning', t, '2026-03-09T12:00:00')).toEqual([]);
    expect(steps('liaoning', t, '2026-03-10T00:30:00')).toEqual(['dispatch']);
  });

  test('003 §11 Pingdingshan: a dispatched ticket not 查收 within 24 hours is owed by the lead unit; once signed nothing is owed', () => {
    const t = buildTicket({ status: 'dispatched', signedAt: null, coUnits: [] });
    expect(steps('pingdingshan', t, '2026-03-03T08:59:00')).toEqual([]);
    expect(missed('pingdingshan', t, '2026-03-03T09:01:00')).toEqual([expect.objectContaining({ step: 'sign', owner: { unit: LEAD } })]);
    expect(steps('pingdingshan', { ...t, status: 'handling' }, '2026-03-03T09:01:00')).not.toContain('sign');
  });

  test('000 §23(1) 「拒不及时受理承办」, 001 §22(1) and 004 §13(1): a missed sign-for opens 督办 in Baiyin, Heze and Chongqing; Liaoning only warns', () => {
    expect(supervisesMissed(getProfile('baiyin'), 'sign')).toBe(true);
    expect(supervisesMissed(getProfile('heze'), 'sign')).toBe(true);
    expect(supervisesMissed(getProfile('chongqing'), 'sign')).toBe(true);
    expect(supervisesMissed(getProfile('liaoning'), 'sign')).toBe(false);
    expect(getProfile('baiyin').superviseMissedSteps.cite).toBe('000 §23(1)');
  });

  test('002 §19(2) Liaoning: the stage reply is owed 5 working days after dispatch unless the unit reported in this round', () => {
    const t = buildTicket({ coUnits: [] });
    expect(steps('liaoning', t, '2026-03-09T20:00:00')).toEqual([]);
    expect(steps('liaoning', t, '2026-03-10T08:00:00')).toEqual(['stage-reply']);
    expect(steps('liaoning', { ...t, lastStageReportAt: sh('2026-03-06T10:00:00') }, '2026-03-10T08:00:00')).toEqual([]);
    expect(steps('liaoning', { ...t, lastStageReportAt: sh('2026-02-20T10:00:00') }, '2026-03-10T08:00:00')).toEqual(['stage-reply']);
  });

  test('002 §23(2) 「未在办理时限内反馈答复意见」: Liaoning supervises a missed stage reply and a missed weekly report', () => {
    const ln = getProfile('liaoning');
    expect(['stage-reply', 'progress-report'].map((s) => supervisesMissed(ln, s as 'stage-reply'))).toEqual([true, true]);
    expect(supervisesMissed(ln, 'acceptance')).toBe(false);
  });

  test('003 §8 C 类: the unit owes its plan within 5 working days; once it reported, the centre (dispatchers, supervisors) owes the deadline; once set, nothing', () => {
    const c = buildTicket({ class: 'C', coUnits: [] });
    expect(steps('pingdingshan', c, '2026-03-09T20:00:00')).toEqual([]);
    expect(missed('pingdingshan', c, '2026-03-10T08:00:00')).toEqual([expect.objectContaining({ step: 'plan', owner: { unit: LEAD } })]);
    const reported = { ...c, lastStageReportAt: sh('2026-03-10T09:00:00') };
    expect(missed('pingdingshan', reported, '2026-03-10T10:00:00')).toEqual([expect.objectContaining({ step: 'deadline-set', owner: { roles: ['dispatcher', 'supervisor'] } })]);
    expect(steps('pingdingshan', { ...reported, fixedDueAt: sh('2026-03-31T18:00:00') }, '2026-03-10T10:00:00')).toEqual([]);
    expect(supervisesMissed(getProfile('pingdingshan'), 'plan')).toBe(true);
  });

  test('003 §8: class B has no plan step and no stage reply — only its final deadline counts', () => {
    expect(steps('pingdingshan', buildTicket({ class: 'B', coUnits: [] }), '2026-03-06T10:00:00')).toEqual([]);
  });

  test('002 §19(4) 「每周报告进展情况」: while extended, a week without a report is owed by the lead unit, once per missed week', () => {
    const approved = { workingDays: 10, reason: '需协调多个部门', requestedAt: sh('2026-03-16T09:00:00'), unit: LEAD, round: 1, decided: sh('2026-03-16T10:00:00'), approved: true };
    const t = buildTicket({ coUnits: [], lastStageReportAt: sh('2026-03-06T10:00:00'), extensions: [approved] });
    expect(steps('liaoning', t, '2026-03-23T09:00:00')).toEqual([]);
    const [week1] = missed('liaoning', t, '2026-03-23T11:00:00');
    expect(week1).toMatchObject({ step: 'progress-report', owner: { unit: LEAD }, key: '2026-03-23' });
    const afterReport = { ...t, lastStageReportAt: sh('2026-03-24T10:00:00') };
    expect(steps('liaoning', afterReport, '2026-03-30T10:00:00')).toEqual([]);
    expect(missed('liaoning', afterReport, '2026-03-31T11:00:00')[0].key).toBe('2026-03-31');
    expect(steps('baiyin', t, '2026-03-23T11:00:00')).not.toContain('progress-report');
  });

  test('004 §11 「协办单位应提前1个工作日反馈办理结果」: each silent co-unit owes its result from one working day before the deadline; one that answered does not', () => {
    const t = buildTicket({ status: 'handling', createdAt: sh('2026-03-02T09:00:00'), coUnits: [CO, 'unit-co-2'], coResults: [{ unit: 'unit-co-2', result: '已清理', at: sh('2026-03-10T10:00:00'), round: 1 }] });
    const due = withDeadlines('chongqing', t).deadlines?.coResult as Date;
    expect(due.getTime()).toBe(sh('2026-03-20T23:59:59.999').getTime());
    expect(steps('chongqing', t, '2026-03-20T20:00:00')).toEqual([]);
    expect(missed('chongqing', t, '2026-03-21T09:00:00')).toEqual([expect.objectContaining({ step: 'co-result', owner: { unit: CO }, key: CO })]);
    expect(supervisesMissed(getProfile('chongqing'), 'co-result')).toBe(true);
  });

  test('002 §18, §25(4): a supplement deadline passed without material leaves the decision to the operators', () => {
    const t = submitted({ status: 'supplementing', supplementDueAt: sh('2026-03-09T23:59:59.999') });
    expect(steps('liaoning', t, '2026-03-09T12:00:00')).toEqual([]);
    expect(missed('liaoning', t, '2026-03-10T09:00:00')).toEqual([expect.objectContaining({ step: 'supplement', owner: { roles: ['operator'] } })]);
  });

  test('002 §21: a ticket in returning owes none of the unit steps while the platform decides the return', () => {
    expect(steps('liaoning', buildTicket({ status: 'returning', coUnits: [] }), '2026-03-20T10:00:00')).toEqual([]);
  });
});

describe('operational articles around the watched steps', () => {
  test('002 §15 「7×24小时诉求渠道畅通」: a request filed on a Sunday night is registered at once, and its 2-working-day acceptance notice runs from Monday', () => {
    const r = startTicket({ no: '20260308-000001', type: 'complaint', channel: 'miniapp', citizenId: 'c1' }, { kind: 'citizen', id: 'c1' }, { now: sh('2026-03-08T23:30:00'), profile: getProfile('liaoning'), calendar });
    expect(r.ok && r.ticket.status).toBe('submitted');
    expect(r.ok && r.ticket.deadlines?.acceptanceNotice).toEqual(sh('2026-03-10T23:59:59.999'));
  });

  test('002 §24 「承办单位对办理工作建议和要求，应当全面落实」: a 督办 reaches the lead and every co-unit and opens a record with its feedback date', () => {
    const r = transition(buildTicket(), 'supervise', { kind: 'staff', id: 's-sup', roles: ['supervisor'] }, { means: 'written-feedback', note: '请于3日内书面反馈', dueAt: '2026-03-06T18:00:00+08:00' }, { now: sh('2026-03-03T09:00:00'), profile: getProfile('liaoning'), calendar });
    expect(r.ok && r.effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'open-supervision', means: 'written-feedback', dueAt: sh('2026-03-06T18:00:00') }),
        { kind: 'notify', audience: 'unit', template: 'supervised', units: [LEAD, CO] },
      ]),
    );
  });

  test('003 §7 「接受各类诉求的工作人员统称为受理人」: only an operator (受理人) accepts a request; the class of 003 §8 is set at acceptance', () => {
    const t = submitted();
    const ctx = { now: sh('2026-03-02T10:00:00'), profile: getProfile('pingdingshan'), calendar };
    expect(transition(t, 'accept', { kind: 'staff', id: 's-disp', roles: ['dispatcher'] }, { class: 'B' }, ctx)).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    const r = transition(t, 'accept', { kind: 'staff', id: 's-op', roles: ['operator'] }, { class: 'B' }, ctx);
    expect(r.ok && r.next.set.class).toBe('B');
  });
});
