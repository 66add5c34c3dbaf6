import { getProfile, shanghaiDay, startTicket, transition, type Actor, type TicketAction, type TicketState, type TransitionContext, type TransitionResult } from '@mashang/shared';
import { CO, LEAD, actors, buildTicket, ctxAt, sh } from './ticket-builders';

type Ok = Extract<TransitionResult, { ok: true }>;

function run(t: TicketState, action: TicketAction, actor: Actor, input: unknown, ctx: TransitionContext): TransitionResult {
  return transition(t, action, actor, input, ctx);
}

function ok(r: TransitionResult): Ok {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

/** Applies a successful result the way the BFF does: status + set, version + 1. */
function apply(t: TicketState, r: TransitionResult): TicketState {
  const res = ok(r);
  return { ...t, ...res.next.set, status: res.next.status, version: t.version + 1 };
}

const errorOf = (r: TransitionResult) => (r.ok ? null : r.error);

describe('intake', () => {
  it('when a Chongqing ticket is submitted, then its deadline already runs from submission (004 §11)', () => {
    const r = startTicket({ no: '20260924-000001', type: 'consultation', channel: 'miniapp', citizenId: 'citizen-1' }, actors.citizen, ctxAt(sh('2026-09-24T15:00:00'), 'chongqing'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ticket.status).toBe('submitted');
    expect(shanghaiDay(r.ticket.dueAt as Date)).toBe('2026-10-09');
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'citizen', template: 'received' });
  });

  it('when a citizen submits for someone else, then it is refused', () => {
    const r = startTicket({ no: '20260924-000002', type: 'help', channel: 'miniapp', citizenId: 'citizen-9' }, actors.citizen, ctxAt(sh('2026-09-24T15:00:00')));
    expect(r.ok).toBe(false);
  });

  it('003 §8 when Pingdingshan accepts without a class, then consultations are A and others B; D raises a risk warning (000 §20)', () => {
    const ctx = ctxAt(sh('2026-03-02T09:00:00'), 'pingdingshan');
    const submitted = buildTicket({ status: 'submitted', type: 'consultation', leadUnit: null, coUnits: [], dispatchedAt: null });
    expect(ok(run(submitted, 'accept', actors.operator, {}, ctx)).next.set.class).toBe('A');
    expect(ok(run({ ...submitted, type: 'complaint' }, 'accept', actors.operator, {}, ctx)).next.set.class).toBe('B');
    const d = ok(run(submitted, 'accept', actors.operator, { class: 'D' }, ctx));
    expect(d.effects.some((e) => e.kind === 'risk-warning')).toBe(true);
  });

  it('003 §4 when Pingdingshan rejects a civil dispute, then the reason is not allowed; 002 §17(1) Liaoning allows it', () => {
    const t = buildTicket({ status: 'submitted' });
    const input = { reasonCode: 'civil-dispute', note: '邻里之间的民事纠纷' };
    expect(errorOf(run(t, 'reject', actors.operator, input, ctxAt(sh('2026-03-02T09:00:00'), 'pingdingshan')))).toMatchObject({ code: 'RULE_VIOLATION', status: 422 });
    const r = ok(run(t, 'reject', actors.operator, input, ctxAt(sh('2026-03-02T09:00:00'), 'liaoning')));
    expect(r.next.status).toBe('rejected');
    expect(r.next.set.rejectReason).toEqual({ code: 'civil-dispute', note: '邻里之间的民事纠纷' });
  });

  it('when a reject has no note, then INVALID_INPUT 400', () => {
    expect(errorOf(run(buildTicket({ status: 'submitted' }), 'reject', actors.operator, { reasonCode: 'petition' }, ctxAt(sh('2026-03-02T09:00:00'))))).toMatchObject({ code: 'INVALID_INPUT', status: 400 });
  });

  it('when the body has unknown keys or an operator object, then INVALID_INPUT 400', () => {
    const ctx = ctxAt(sh('2026-03-02T09:00:00'));
    expect(errorOf(run(buildTicket({ status: 'submitted' }), 'accept', actors.operator, { status: 'closed' }, ctx))?.code).toBe('INVALID_INPUT');
    expect(errorOf(run(buildTicket(), 'reply', actors.leadHandler, { result: { $ne: '' } }, ctx))?.code).toBe('INVALID_INPUT');
  });

  it('002 §18 when supplement is requested, then the citizen gets a deadline and supplementing returns to submitted', () => {
    const ctx = ctxAt(sh('2026-09-30T10:00:00'), 'liaoning');
    const t = buildTicket({ status: 'submitted' });
    const asked = ok(run(t, 'request-supplement', actors.operator, { note: '请补充照片', workingDays: 3 }, ctx));
    expect(asked.next.status).toBe('supplementing');
    expect(shanghaiDay(asked.next.set.supplementDueAt as Date)).toBe('2026-10-10');
    expect(asked.effects).toContainEqual({ kind: 'notify', audience: 'citizen', template: 'supplement-requested' });
    const waiting = apply(t, asked);
    expect(errorOf(run(waiting, 'supplement', actors.citizen, {}, ctx))?.code).toBe('INVALID_INPUT');
    const back = ok(run(waiting, 'supplement', actors.citizen, { attachments: ['c/citizen-1/a.jpg'] }, ctx));
    expect(back.next).toEqual({ status: 'submitted', set: { supplementDueAt: null } });
    expect(errorOf(run(waiting, 'supplement', actors.otherCitizen, { content: '不是我的工单内容' }, ctx))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('000 §10 answer is only for consultations (即时答复), and goes straight to the visit', () => {
    const ctx = ctxAt(sh('2026-03-02T09:00:00'));
    const complaint = buildTicket({ status: 'submitted' });
    expect(errorOf(run(complaint, 'answer', actors.operator, { answer: '答复内容' }, ctx))?.code).toBe('RULE_VIOLATION');
    const r = ok(run({ ...complaint, type: 'consultation' }, 'answer', actors.operator, { answer: '可在政务服务中心办理', knowledgeId: 'kb-12' }, ctx));
    expect(r.next.status).toBe('visiting');
    expect(r.entry.data).toEqual({ knowledgeId: 'kb-12' });
  });

  it('when dispatching with the lead among co-units, then INVALID_INPUT; a valid dispatch notifies lead and co-units', () => {
    const ctx = ctxAt(sh('2026-03-02T09:00:00'), 'liaoning');
    const t = buildTicket({ status: 'accepted', leadUnit: null, coUnits: [], dispatchedAt: null });
    expect(errorOf(run(t, 'dispatch', actors.dispatcher, { leadUnit: LEAD, coUnits: [LEAD] }, ctx))).toMatchObject({ code: 'INVALID_INPUT', status: 400 });
    const r = ok(run(t, 'dispatch', actors.dispatcher, { leadUnit: LEAD, coUnits: [CO] }, ctx));
    expect(r.next.set).toMatchObject({ leadUnit: LEAD, coUnits: [CO], dispatchedAt: ctx.now });
    expect(shanghaiDay(r.next.set.dueAt as Date)).toBe('2026-03-23');
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'unit', template: 'dispatched', units: [LEAD, CO] });
  });
});

describe('returns', () => {
  it('003 §11 return within 24 h of dispatch while unsigned, and within 24 h of 查收 once signed', () => {
    const input = { reason: '不属于本单位职责', approvedBy: '张副局长' };
    const unsigned = buildTicket({ status: 'dispatched', dispatchedAt: sh('2026-03-02T09:00:00'), signedAt: null });
    expect(ok(run(unsigned, 'request-return', actors.leadHandler, input, ctxAt(sh('2026-03-03T08:59:00'), 'pingdingshan'))).next.status).toBe('returning');
    expect(errorOf(run(unsigned, 'request-return', actors.leadHandler, input, ctxAt(sh('2026-03-03T09:01:00'), 'pingdingshan')))).toMatchObject({ code: 'RULE_VIOLATION', status: 422, message: expect.stringContaining('003 §11') });
    // 「在查收后24小时内退回」: signed at 15:00 the next day, the unit has until 15:00 the day after.
    const signed = buildTicket({ status: 'handling', dispatchedAt: sh('2026-03-02T09:00:00'), signedAt: sh('2026-03-03T15:00:00') });
    expect(ok(run(signed, 'request-return', actors.leadHandler, input, ctxAt(sh('2026-03-04T14:59:00'), 'pingdingshan'))).next.status).toBe('returning');
    const late = errorOf(run(signed, 'request-return', actors.leadHandler, input, ctxAt(sh('2026-03-04T15:01:00'), 'pingdingshan')));
    expect(late).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('签收后24小时') });
    // Liaoning counts from dispatch (002 §21) whether signed or not.
    expect(getProfile('liaoning').returnWindowFrom).toMatchObject({ value: 'dispatch', platformDefault: true });
  });

  it('002 §21 return within 2 working days of dispatch, across National Day', () => {
    const t = buildTicket({ status: 'handling', dispatchedAt: sh('2026-09-30T16:00:00') });
    const input = { reason: '属于其他部门职责' };
    expect(run(t, 'request-return', actors.leadHandler, input, ctxAt(sh('2026-10-09T17:00:00'), 'liaoning')).ok).toBe(true);
    expect(errorOf(run(t, 'request-return', actors.leadHandler, input, ctxAt(sh('2026-10-10T09:00:00'), 'liaoning')))?.message).toContain('002 §21');
  });

  it('000 §12 when the platform approves a return, then the ticket is back in accepted, counted, and the citizen told', () => {
    const ctx = ctxAt(sh('2026-03-02T12:00:00'));
    const returning = apply(buildTicket({ status: 'handling' }), run(buildTicket({ status: 'handling' }), 'request-return', actors.leadHandler, { reason: '非本单位职责' }, ctx));
    expect(returning.pendingReturn).toMatchObject({ unit: LEAD, from: 'handling' });
    const approved = ok(run(returning, 'decide-return', actors.dispatcher, { approve: true }, ctx));
    expect(approved.next.status).toBe('accepted');
    expect(approved.next.set).toMatchObject({ leadUnit: null, coUnits: [], returnCount: 1, pendingReturn: null });
    expect(approved.effects).toEqual(expect.arrayContaining([{ kind: 'count', metric: 'return' }, { kind: 'notify', audience: 'citizen', template: 'returned' }]));
    const refused = ok(run(returning, 'decide-return', actors.dispatcher, { approve: false, note: '属于本单位职责' }, ctx));
    expect(refused.next).toEqual({ status: 'handling', set: { pendingReturn: null, reviewUnit: null, reviewDueAt: null } });
  });
});

describe('handling', () => {
  it('when a handler of another unit replies, then NOT_YOUR_UNIT 403', () => {
    expect(errorOf(run(buildTicket(), 'reply', actors.otherHandler, { result: '已办理' }, ctxAt(sh('2026-03-05T09:00:00'))))).toMatchObject({ code: 'NOT_YOUR_UNIT', status: 403 });
  });

  it('000 §18 co-units post results to the lead; the reply records what is missing', () => {
    const ctx = ctxAt(sh('2026-03-05T09:00:00'));
    const t = buildTicket({ coUnits: [CO, 'unit-co2'] });
    const co = ok(run(t, 'co-result', actors.coHandler, { result: '已排查管网' }, ctx));
    expect(co.next.set.coResults).toEqual([{ unit: CO, result: '已排查管网', at: ctx.now, round: 1 }]);
    expect(co.effects).toEqual([{ kind: 'notify', audience: 'unit', template: 'co-result', units: [LEAD] }]);
    const withCo = apply(t, co);
    const replied = ok(run(withCo, 'reply', actors.leadHandler, { result: '已修复' }, ctx));
    expect(replied.entry.data).toMatchObject({ missingCoResults: ['unit-co2'] });
    expect(errorOf(run(t, 'co-result', actors.leadHandler, { result: 'x' }, ctx))?.code).toBe('NOT_YOUR_UNIT');
  });

  it('when the reply comes after dueAt, then onTime is 0; before, 1', () => {
    const t = buildTicket({ dueAt: sh('2026-03-09T23:59:59.999') });
    expect(ok(run(t, 'reply', actors.leadHandler, { result: '已办结' }, ctxAt(sh('2026-03-09T20:00:00')))).next.set.onTime).toBe(1);
    expect(ok(run(t, 'reply', actors.leadHandler, { result: '已办结' }, ctxAt(sh('2026-03-10T08:00:00')))).next.set.onTime).toBe(0);
  });

  it('003 §13 when the unit replies, then the citizen is told first, then the platform; 003 §16 the visit clock waits for the approval', () => {
    const r = ok(run(buildTicket(), 'reply', actors.leadHandler, { result: '已办结' }, ctxAt(sh('2026-03-05T09:00:00'), 'pingdingshan')));
    expect(r.effects.map((e) => (e.kind === 'notify' ? e.audience : e.kind))).toEqual(['citizen', 'platform']);
    expect(r.next.set.deadlines?.followUp).toBeNull();
    const approved = ok(run(buildTicket({ status: 'replied', repliedAt: sh('2026-03-05T09:00:00') }), 'review', actors.operator, { approve: true }, ctxAt(sh('2026-03-05T11:00:00'), 'pingdingshan')));
    expect(shanghaiDay(approved.next.set.deadlines?.followUp as Date)).toBe('2026-03-09');
  });

  it('when the operator sends the reply back, then it returns to handling', () => {
    const t = buildTicket({ status: 'replied', repliedAt: sh('2026-03-05T09:00:00') });
    expect(ok(run(t, 'review', actors.operator, { approve: false, note: '答复不完整' }, ctxAt(sh('2026-03-05T10:00:00')))).next.status).toBe('handling');
  });

  it('003 §8 only class C gets a deadline set by the centre', () => {
    const ctx = ctxAt(sh('2026-03-05T09:00:00'), 'pingdingshan');
    const input = { dueAt: '2026-04-30T18:00:00+08:00' };
    expect(errorOf(run(buildTicket({ class: 'B' }), 'set-deadline', actors.dispatcher, input, ctx))?.code).toBe('RULE_VIOLATION');
    const r = ok(run(buildTicket({ class: 'C' }), 'set-deadline', actors.dispatcher, input, ctx));
    expect(r.next.set.dueAt).toEqual(sh('2026-04-30T18:00:00'));
  });

  it('000 §15 a stage report tells the citizen the progress', () => {
    const r = ok(run(buildTicket(), 'stage-report', actors.leadHandler, { content: '已制定整改方案', nextDate: '2026-03-20T18:00:00+08:00' }, ctxAt(sh('2026-03-05T09:00:00'))));
    expect(r.next.status).toBe('handling');
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'citizen', template: 'stage-report' });
  });
});

describe('extensions', () => {
  const reason = { reason: '需多部门会商' };

  it('003 §9 only one extension, refused after the deadline', () => {
    const ctx = ctxAt(sh('2026-03-05T09:00:00'), 'pingdingshan');
    const t = buildTicket({ class: 'B', dueAt: sh('2026-03-09T23:59:59.999') });
    const first = apply(t, run(t, 'request-extension', actors.leadHandler, { workingDays: 3, ...reason }, ctx));
    expect(errorOf(run(first, 'request-extension', actors.leadHandler, { workingDays: 1, ...reason }, ctx))?.message).toContain('已有待审核');
    const approved = apply(first, run(first, 'decide-extension', actors.supervisor, { approve: true }, ctx));
    expect(errorOf(run(approved, 'request-extension', actors.leadHandler, { workingDays: 1, ...reason }, ctx))?.message).toContain('003 §9');
    const late = ctxAt(sh('2026-03-10T09:00:00'), 'pingdingshan');
    expect(errorOf(run(t, 'request-extension', actors.leadHandler, { workingDays: 3, ...reason }, late))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('已超过办理时限') });
  });

  it('003 §9 extension only for class B and C', () => {
    const ctx = ctxAt(sh('2026-03-02T10:00:00'), 'pingdingshan');
    const t = buildTicket({ class: 'A', dueAt: sh('2026-03-02T13:00:00') });
    expect(errorOf(run(t, 'request-extension', actors.leadHandler, { workingDays: 1, ...reason }, ctx))?.message).toContain('B、C');
  });

  it('003 §9 when an extension is approved, then dueAt moves and the citizen is told', () => {
    const ctx = ctxAt(sh('2026-03-03T09:00:00'), 'pingdingshan');
    const t = buildTicket({ class: 'B', dispatchedAt: sh('2026-03-02T09:00:00') });
    const requested = apply(t, run(t, 'request-extension', actors.leadHandler, { workingDays: 3, ...reason }, ctx));
    const r = ok(run(requested, 'decide-extension', actors.supervisor, { approve: true }, ctx));
    expect(shanghaiDay(r.next.set.dueAt as Date)).toBe('2026-03-12');
    expect(shanghaiDay(r.next.set.deadlines?.final as Date)).toBe('2026-03-09');
    expect(r.effects).toEqual(expect.arrayContaining([{ kind: 'notify', audience: 'citizen', template: 'extension-decided' }, { kind: 'count', metric: 'extension' }]));
    const refused = ok(run(requested, 'decide-extension', actors.supervisor, { approve: false, note: '理由不充分' }, ctx));
    expect(refused.effects).not.toContainEqual({ kind: 'notify', audience: 'citizen', template: 'extension-decided' });
    expect(errorOf(run(t, 'decide-extension', actors.supervisor, { approve: true }, ctx))?.message).toContain('没有待审核');
  });

  it('002 §19 at most 2 extension requests (refused ones count) and 2 months in total', () => {
    const ctx = ctxAt(sh('2026-03-03T09:00:00'), 'liaoning');
    let t = buildTicket();
    for (let i = 0; i < 2; i++) {
      t = apply(t, run(t, 'request-extension', actors.leadHandler, { workingDays: 2, ...reason }, ctx));
      t = apply(t, run(t, 'decide-extension', actors.supervisor, { approve: false, note: '不同意' }, ctx));
    }
    expect(errorOf(run(t, 'request-extension', actors.leadHandler, { workingDays: 2, ...reason }, ctx))?.message).toContain('002 §19(4)');
    const fresh = buildTicket();
    expect(errorOf(run(fresh, 'request-extension', actors.leadHandler, { workingDays: 45, ...reason }, ctx))?.message).toContain('2个月');
    expect(run(fresh, 'request-extension', actors.leadHandler, { workingDays: 30, ...reason }, ctx).ok).toBe(true);
  });

  it('004 §11 extension requested at least 1 wd early, at most 10 wd', () => {
    const t = buildTicket({ dueAt: sh('2026-03-13T23:59:59.999') });
    const early = ctxAt(sh('2026-03-12T17:00:00'), 'chongqing');
    expect(run(t, 'request-extension', actors.leadHandler, { workingDays: 10, ...reason }, early).ok).toBe(true);
    expect(errorOf(run(t, 'request-extension', actors.leadHandler, { workingDays: 11, ...reason }, early))?.message).toContain('10个工作日');
    const sameDay = ctxAt(sh('2026-03-13T09:00:00'), 'chongqing');
    expect(errorOf(run(t, 'request-extension', actors.leadHandler, { workingDays: 2, ...reason }, sameDay))?.message).toContain('004 §11');
  });
});

describe('rating, visits and reopening', () => {
  const visiting = () => buildTicket({ status: 'visiting', repliedAt: sh('2026-03-05T09:00:00'), visitStartedAt: sh('2026-03-05T10:00:00') });

  it('002 §28 one rating per round', () => {
    const ctx = ctxAt(sh('2026-03-06T09:00:00'));
    const rated = apply(visiting(), run(visiting(), 'rate', actors.citizen, { satisfaction: 'unsatisfied', comment: '问题没解决' }, ctx));
    expect(rated).toMatchObject({ status: 'visiting', pendingDecision: true });
    expect(errorOf(run(rated, 'rate', actors.citizen, { satisfaction: 'satisfied' }, ctx))?.message).toContain('002 §28');
    expect(errorOf(run(rated, 'visit', actors.visitor, { answered: true, satisfaction: 'satisfied' }, ctx))?.code).toBe('RULE_VIOLATION');
  });

  it('when the citizen is satisfied or basically satisfied, then the ticket closes', () => {
    const ctx = ctxAt(sh('2026-03-06T09:00:00'));
    for (const satisfaction of ['satisfied', 'basic']) {
      const r = ok(run(visiting(), 'rate', actors.citizen, { satisfaction }, ctx));
      expect(r.next.status).toBe('closed');
      expect(r.next.set.rating).toMatchObject({ satisfaction, round: 1, by: 'citizen' });
    }
    expect(errorOf(run(visiting(), 'rate', actors.otherCitizen, { satisfaction: 'satisfied' }, ctx))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('000 §17, 004 §13 when an unsatisfied rating is reasonable, then the unit redoes it in a new round, counted and supervised', () => {
    const ctx = ctxAt(sh('2026-03-06T09:00:00'), 'chongqing');
    const rated = apply(visiting(), run(visiting(), 'rate', actors.citizen, { satisfaction: 'unsatisfied' }, ctx));
    const r = ok(run(rated, 'decide-reopen', actors.visitor, { reopen: true, note: '诉求合理，退回重办' }, ctx));
    expect(r.next.status).toBe('handling');
    expect(r.next.set).toMatchObject({ round: 2, reopenCount: 1, pendingDecision: false, roundStartedAt: ctx.now });
    expect(shanghaiDay(r.next.set.dueAt as Date)).toBe('2026-03-27');
    expect(r.effects).toEqual(expect.arrayContaining([{ kind: 'count', metric: 'reopen' }, expect.objectContaining({ kind: 'open-supervision', trigger: 'bad-rating' })]));
    const redone = apply(rated, r);
    const replied = apply(redone, run(redone, 'reply', actors.leadHandler, { result: '已重新办理' }, ctx));
    const again = apply(replied, run(replied, 'review', actors.operator, { approve: true }, ctx));
    expect(ok(run(again, 'rate', actors.citizen, { satisfaction: 'satisfied' }, ctx)).next.status).toBe('closed');
  });

  it('000 §17 when the unsatisfied rating is not reasonable, then it closes with an explanation', () => {
    const ctx = ctxAt(sh('2026-03-06T09:00:00'));
    const rated = apply(visiting(), run(visiting(), 'rate', actors.citizen, { satisfaction: 'unsatisfied' }, ctx));
    const r = ok(run(rated, 'decide-reopen', actors.operator, { reopen: false, note: '已依法处理，诉求超出政策范围' }, ctx));
    expect(r.next.status).toBe('closed');
    expect(r.entry.note).toBe('已依法处理，诉求超出政策范围');
    expect(errorOf(run(visiting(), 'decide-reopen', actors.operator, { reopen: true, note: 'x' }, ctx))?.code).toBe('INVALID_TRANSITION');
  });

  it('003 §17 two unanswered calls ≥ 3 h apart are deemed satisfied', () => {
    const first = apply(visiting(), run(visiting(), 'visit', actors.visitor, { answered: false }, ctxAt(sh('2026-03-06T09:00:00'), 'pingdingshan')));
    expect(first.status).toBe('visiting');
    const tooSoon = ok(run(first, 'visit', actors.visitor, { answered: false }, ctxAt(sh('2026-03-06T11:59:00'), 'pingdingshan')));
    expect(tooSoon.next.status).toBe('visiting');
    const second = ok(run(first, 'visit', actors.visitor, { answered: false }, ctxAt(sh('2026-03-06T12:00:00'), 'pingdingshan')));
    expect(second.next.status).toBe('closed');
    expect(second.next.set.rating).toMatchObject({ satisfaction: 'satisfied', deemed: true, by: 'visitor' });
    expect(second.entry.note).toContain('003 §17');
  });

  it('003 §17 applies only where the profile has it: Baiyin just records the calls', () => {
    let t = visiting();
    for (const time of ['2026-03-06T09:00:00', '2026-03-06T15:00:00', '2026-03-07T09:00:00']) {
      t = apply(t, run(t, 'visit', actors.visitor, { answered: false }, ctxAt(sh(time), 'baiyin')));
    }
    expect(t.status).toBe('visiting');
    expect(t.visitAttempts).toHaveLength(3);
  });

  it('when the visitor reaches the citizen and records a satisfaction, then it counts as the rating', () => {
    const r = ok(run(visiting(), 'visit', actors.visitor, { answered: true, satisfaction: 'basic', note: '电话回访' }, ctxAt(sh('2026-03-06T09:00:00'))));
    expect(r.next.status).toBe('closed');
    expect(r.next.set.rating).toMatchObject({ satisfaction: 'basic', by: 'visitor' });
  });
});

describe('ending early', () => {
  it('002 §25 Liaoning terminates for litigation; 000 §19 Baiyin does not list that reason', () => {
    const input = { reasonCode: 'litigation', note: '诉求人已提起诉讼' };
    expect(ok(run(buildTicket(), 'terminate', actors.operator, input, ctxAt(sh('2026-03-05T09:00:00'), 'liaoning'))).next.status).toBe('terminated');
    expect(errorOf(run(buildTicket(), 'terminate', actors.operator, input, ctxAt(sh('2026-03-05T09:00:00'), 'baiyin')))?.code).toBe('RULE_VIOLATION');
    expect(ok(run(buildTicket(), 'terminate', actors.operator, { reasonCode: 'no-cooperation', note: '诉求人拒不配合' }, ctxAt(sh('2026-03-05T09:00:00'), 'baiyin'))).next.status).toBe('terminated');
  });

  it('when the owner withdraws before the reply, then it is withdrawn and the unit told; after the reply it is refused', () => {
    const ctx = ctxAt(sh('2026-03-05T09:00:00'));
    const r = ok(run(buildTicket(), 'withdraw', actors.citizen, { reason: '问题已自行解决' }, ctx));
    expect(r.next.status).toBe('withdrawn');
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'unit', template: 'withdrawn', units: [LEAD, CO] });
    expect(errorOf(run(buildTicket({ status: 'replied' }), 'withdraw', actors.citizen, {}, ctx))).toMatchObject({ code: 'INVALID_TRANSITION', status: 409 });
    expect(errorOf(run(buildTicket(), 'withdraw', actors.otherCitizen, {}, ctx))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('000 §22, §24 supervision records the means; 政务督查 marks the ticket escalated', () => {
    const ctx = ctxAt(sh('2026-03-05T09:00:00'));
    const r = ok(run(buildTicket(), 'supervise', actors.supervisor, { means: 'inspection', note: '督办后仍未解决', trigger: 'overdue' }, ctx));
    expect(r.next.set.supervision).toEqual({ count: 1, lastAt: ctx.now, lastMeans: 'inspection', escalated: true });
    expect(r.effects).toContainEqual({ kind: 'open-supervision', trigger: 'overdue', means: 'inspection', note: '督办后仍未解决' });
    expect(run(buildTicket(), 'supervise', actors.system, { means: 'reminder', note: '超期自动催办', trigger: 'overdue' }, ctx).ok).toBe(true);
  });

  it('when an action is attempted on a closed ticket, then INVALID_TRANSITION 409', () => {
    expect(errorOf(run(buildTicket({ status: 'closed' }), 'supervise', actors.supervisor, { means: 'reminder', note: 'x' }, ctxAt(sh('2026-03-05T09:00:00'))))).toMatchObject({ code: 'INVALID_TRANSITION', status: 409 });
  });
});
