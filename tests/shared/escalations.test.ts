import { getProfile, shanghaiDay, transition, type Actor, type TicketAction, type TicketState, type TransitionContext, type TransitionResult } from '@mashang/shared';
import { CO, LEAD, OTHER_UNIT, actors, buildTicket, ctxAt, sh } from './ticket-builders';

/**
 * Issue 12 item 8, through the pure state machine: transfer of a returned ticket to a named unit
 * and the 分管领导's approval of returns, 会商 and escalation of hard cases, referral of leads to
 * discipline bodies, third-party evaluation — each as the profile of its city has it.
 */

type Ok = Extract<TransitionResult, { ok: true }>;
const run = (t: TicketState, action: TicketAction, actor: Actor, input: unknown, ctx: TransitionContext) => transition(t, action, actor, input, ctx);
function ok(r: TransitionResult): Ok {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}
const errorOf = (r: TransitionResult) => (r.ok ? null : r.error);
const apply = (t: TicketState, r: TransitionResult): TicketState => {
  const res = ok(r);
  return { ...t, ...res.next.set, status: res.next.status, version: t.version + 1 };
};

describe('returns: transfer to a named unit, the 分管领导 approval', () => {
  it('002 §21 when a Liaoning unit applies to return naming the responsible unit and the platform approves, then the ticket is dispatched to that unit with a fresh clock', () => {
    const dispatchedAt = sh('2026-03-02T09:00:00');
    const t = buildTicket({ status: 'handling', dispatchedAt, coUnits: [CO] });
    const ctx = ctxAt(sh('2026-03-03T10:00:00'), 'liaoning');
    const returning = apply(t, run(t, 'request-return', actors.leadHandler, { reason: '属于区住建局职责', transferTo: OTHER_UNIT }, ctx));
    expect(returning.pendingReturn).toMatchObject({ unit: LEAD, transferTo: OTHER_UNIT, from: 'handling' });
    const r = ok(run(returning, 'decide-return', actors.dispatcher, { approve: true, note: '同意转办' }, ctx));
    expect(r.next.status).toBe('dispatched');
    expect(r.next.set).toMatchObject({ leadUnit: OTHER_UNIT, coUnits: [CO], dispatchedAt: ctx.now, signedAt: null, pendingReturn: null, returnCount: 1 });
    // 002 §19 complaint: 15 wd from the new dispatch, not the first one.
    expect(shanghaiDay(r.next.set.dueAt as Date)).toBe('2026-03-24');
    expect(r.entry.data).toMatchObject({ approve: true, unit: LEAD, transferTo: OTHER_UNIT });
    expect(r.effects).toEqual(
      expect.arrayContaining([
        { kind: 'count', metric: 'return' },
        { kind: 'notify', audience: 'unit', template: 'return-approved', units: [LEAD] },
        { kind: 'notify', audience: 'unit', template: 'dispatched', units: [OTHER_UNIT, CO] },
      ]),
    );
  });

  it('000 §12 when the dispatcher approves a return and names the unit itself, then that unit gets it, overriding the one the applicant named', () => {
    const ctx = ctxAt(sh('2026-03-02T12:00:00'));
    const t = buildTicket({ status: 'returning', pendingReturn: { reason: 'x', requestedAt: ctx.now, unit: LEAD, from: 'handling', transferTo: CO } });
    const r = ok(run(t, 'decide-return', actors.dispatcher, { approve: true, transferTo: OTHER_UNIT }, ctx));
    expect(r.next).toMatchObject({ status: 'dispatched', set: { leadUnit: OTHER_UNIT, coUnits: [CO] } });
    expect(errorOf(run(t, 'decide-return', actors.dispatcher, { approve: true, transferTo: LEAD }, ctx))).toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('003 §11 when a Pingdingshan unit applies to return without its 分管领导 approval, then 422 citing 003 §11; with the approving leader it is recorded on the return', () => {
    const t = buildTicket({ status: 'handling', dispatchedAt: sh('2026-03-02T09:00:00') });
    const ctx = ctxAt(sh('2026-03-02T15:00:00'), 'pingdingshan');
    expect(errorOf(run(t, 'request-return', actors.leadHandler, { reason: '不属于本单位职责' }, ctx))).toMatchObject({ code: 'RULE_VIOLATION', status: 422, message: expect.stringContaining('003 §11') });
    const r = ok(run(t, 'request-return', actors.leadHandler, { reason: '不属于本单位职责，依据三定方案', approvedBy: '李副局长' }, ctx));
    expect(r.next.set.pendingReturn).toMatchObject({ approvedBy: '李副局长', unit: LEAD });
    expect(r.entry.data).toEqual({ approvedBy: '李副局长' });
    // Baiyin (000 §12) asks for no leader's approval.
    expect(run(t, 'request-return', actors.leadHandler, { reason: '不属于本单位职责' }, ctxAt(sh('2026-03-02T15:00:00'), 'baiyin')).ok).toBe(true);
  });

  it('002 §21 the profiles: Liaoning cites 申请转其他责任单位, Pingdingshan 003 §11 the leader approval, the others leave both as platform defaults', () => {
    expect(getProfile('liaoning').returnTransfer).toMatchObject({ value: true, cite: '002 §21' });
    expect(getProfile('pingdingshan').returnLeaderApproval).toMatchObject({ value: true, cite: '003 §11' });
    for (const p of ['baiyin', 'heze', 'chongqing'] as const) expect(getProfile(p).returnLeaderApproval).toMatchObject({ value: false, platformDefault: true });
    const noTransfer = getProfile('liaoning', { returnTransfer: { value: false } });
    const t = buildTicket({ status: 'handling', dispatchedAt: sh('2026-03-02T09:00:00') });
    const ctx: TransitionContext = { ...ctxAt(sh('2026-03-02T15:00:00'), 'liaoning'), profile: noTransfer };
    expect(errorOf(run(t, 'request-return', actors.leadHandler, { reason: 'x', transferTo: OTHER_UNIT }, ctx))).toMatchObject({ code: 'RULE_VIOLATION' });
  });
});

describe('会商 and escalation of hard cases', () => {
  it('000 §11(3) when a joint meeting in Baiyin settles a new lead unit, then the ticket is dispatched to it with the units that took part and the conclusion recorded', () => {
    const ctx = ctxAt(sh('2026-03-03T10:00:00'), 'baiyin');
    const t = buildTicket({ status: 'returning', pendingReturn: { reason: '职责不清', requestedAt: ctx.now, unit: LEAD, from: 'handling' } });
    const input = { kind: 'joint-meeting', units: [LEAD, CO, OTHER_UNIT], conclusion: '联席会议明确由区住建局牵头，供水公司配合', leadUnit: OTHER_UNIT, coUnits: [CO] };
    const r = ok(run(t, 'consult', actors.dispatcher, input, ctx));
    expect(r.next.status).toBe('dispatched');
    expect(r.next.set).toMatchObject({ leadUnit: OTHER_UNIT, coUnits: [CO], dispatchedAt: ctx.now, pendingReturn: null });
    expect(r.entry).toMatchObject({ action: 'consult', note: input.conclusion, data: { kind: 'joint-meeting', units: [LEAD, CO, OTHER_UNIT], leadUnit: OTHER_UNIT, coUnits: [CO] } });
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'unit', template: 'dispatched', units: [OTHER_UNIT, CO] });
  });

  it('001 §16 when Heze units dispute their duties, then the 会商 recorded as duty-dispute decides the lead; a Heze joint meeting is also allowed, escalation is not a Heze kind', () => {
    const ctx = ctxAt(sh('2026-03-03T10:00:00'), 'heze');
    const t = buildTicket({ status: 'accepted', leadUnit: null, coUnits: [], dispatchedAt: null, signedAt: null });
    const r = ok(run(t, 'consult', actors.supervisor, { kind: 'duty-dispute', units: [LEAD, OTHER_UNIT], conclusion: '会商确定由城管局承办', leadUnit: LEAD }, ctx));
    expect(r.next).toMatchObject({ status: 'dispatched', set: { leadUnit: LEAD, coUnits: [] } });
    expect(getProfile('heze').consultationKinds).toMatchObject({ cite: '001 §16, §25' });
    const escalation = run(t, 'consult', actors.supervisor, { kind: 'escalation', units: [LEAD], conclusion: '提交市政府', escalatedTo: '菏泽市人民政府' }, ctx);
    expect(errorOf(escalation)).toMatchObject({ code: 'RULE_VIOLATION', details: { allowed: ['duty-dispute', 'joint-meeting'] } });
  });

  it('003 §12 when Pingdingshan co-units cannot agree, then the centre records its coordination; keeping the lead changes only the co-units and the unit keeps handling', () => {
    const ctx = ctxAt(sh('2026-03-03T10:00:00'), 'pingdingshan');
    const t = buildTicket({ status: 'handling', coUnits: [CO] });
    const r = ok(run(t, 'consult', actors.dispatcher, { kind: 'co-unit-disagreement', units: [LEAD, CO, OTHER_UNIT], conclusion: '由牵头单位统一答复，增加街道配合', leadUnit: LEAD, coUnits: [CO, OTHER_UNIT] }, ctx));
    expect(r.next).toEqual({ status: 'handling', set: { coUnits: [CO, OTHER_UNIT] } });
    expect(r.effects).toEqual([{ kind: 'notify', audience: 'unit', template: 'dispatched', units: [OTHER_UNIT] }]);
    const recordOnly = ok(run(t, 'consult', actors.dispatcher, { kind: 'co-unit-disagreement', units: [LEAD, CO], conclusion: '协调一致，按牵头单位意见办理' }, ctx));
    expect(recordOnly.next).toEqual({ status: 'handling', set: {} });
    expect(errorOf(run(t, 'consult', actors.leadHandler, { kind: 'co-unit-disagreement', units: [LEAD], conclusion: 'x' }, ctx))).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('000 §13 when a hard case in Baiyin is escalated, then the government or superior it went to is required and recorded, and the ticket stays where it is', () => {
    const ctx = ctxAt(sh('2026-03-03T10:00:00'), 'baiyin');
    const t = buildTicket({ status: 'handling' });
    expect(errorOf(run(t, 'consult', actors.supervisor, { kind: 'escalation', units: [LEAD], conclusion: '历史遗留问题' }, ctx))).toMatchObject({ code: 'INVALID_INPUT' });
    const r = ok(run(t, 'consult', actors.supervisor, { kind: 'escalation', units: [LEAD], conclusion: '涉及历史遗留的产权问题，提交区政府研究', escalatedTo: '白银区人民政府' }, ctx));
    expect(r.next).toEqual({ status: 'handling', set: {} });
    expect(r.entry.data).toMatchObject({ kind: 'escalation', escalatedTo: '白银区人民政府' });
    expect(errorOf(run(buildTicket({ status: 'replied' }), 'consult', actors.supervisor, { kind: 'joint-meeting', units: [LEAD], conclusion: 'x' }, ctx))).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('leads referred to discipline bodies', () => {
  const referral = { body: 'discipline-inspection', unit: LEAD, note: '承办人员虚假办结，造成负面影响' };

  it('001 §23 when Heze finds a unit faking its handling, then a supervisor refers the lead to 纪检监察 and it is recorded on the ticket naming the unit, without changing the status', () => {
    const t = buildTicket({ status: 'closed' });
    const r = ok(run(t, 'refer-lead', actors.supervisor, referral, ctxAt(sh('2026-03-10T10:00:00'), 'heze')));
    expect(r.next).toEqual({ status: 'closed', set: {} });
    expect(r.entry).toMatchObject({ action: 'refer-lead', note: referral.note, data: { body: 'discipline-inspection', unit: LEAD } });
    expect(errorOf(run(t, 'refer-lead', actors.dispatcher, referral, ctxAt(sh('2026-03-10T10:00:00'), 'heze')))).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('003 §25 when Pingdingshan refers a lead, then the approval of the 市政府办公室分管领导 is required; 组织 and 政法 are bodies it may go to', () => {
    const ctx = ctxAt(sh('2026-03-10T10:00:00'), 'pingdingshan');
    const t = buildTicket({ status: 'handling' });
    expect(errorOf(run(t, 'refer-lead', actors.supervisor, referral, ctx))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('003 §25') });
    const r = ok(run(t, 'refer-lead', actors.supervisor, { body: 'organization', note: '反映干部作风问题', approvedBy: '市政府办公室王副主任' }, ctx));
    expect(r.entry.data).toEqual({ body: 'organization', approvedBy: '市政府办公室王副主任' });
    expect(getProfile('pingdingshan').leadReferral.value.bodies).toEqual(['discipline-inspection', 'organization', 'political-legal']);
  });

  it('002 §7 Liaoning refers leads to 纪委监察 and 政法 organs; 004 §17 Chongqing hands 督查问题线索 to the 督查办, and not to bodies its regulation does not name', () => {
    const t = buildTicket({ status: 'handling' });
    expect(run(t, 'refer-lead', actors.supervisor, { body: 'political-legal', note: '涉嫌违法线索' }, ctxAt(sh('2026-03-10T10:00:00'), 'liaoning')).ok).toBe(true);
    expect(getProfile('liaoning').leadReferral).toMatchObject({ cite: '002 §7' });
    const cq = ctxAt(sh('2026-03-10T10:00:00'), 'chongqing');
    expect(ok(run(t, 'refer-lead', actors.supervisor, { body: 'government-inspection', note: '政策措施不配套，产生较大社会影响' }, cq)).entry.data).toEqual({ body: 'government-inspection' });
    expect(errorOf(run(t, 'refer-lead', actors.supervisor, referral, cq))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('004 §17'), details: { allowed: ['government-inspection'] } });
  });
});

describe('third-party evaluation', () => {
  const disputed = () => buildTicket({ status: 'visiting', pendingDecision: true, repliedAt: sh('2026-03-05T10:00:00'), visitStartedAt: sh('2026-03-05T12:00:00') });

  it('003 §18 when a Pingdingshan citizen still disputes the result after coordination, then a third-party finding that it was handled properly closes the ticket', () => {
    const ctx = ctxAt(sh('2026-03-10T10:00:00'), 'pingdingshan');
    const r = ok(run(disputed(), 'third-party-evaluation', actors.supervisor, { evaluator: '平顶山市某律师事务所', finding: 'handled-properly', note: '办理符合政策规定' }, ctx));
    expect(r.next).toMatchObject({ status: 'closed', set: { pendingDecision: false, closedAt: ctx.now } });
    expect(r.entry.data).toMatchObject({ evaluator: '平顶山市某律师事务所', finding: 'handled-properly', reopen: false });
  });

  it('003 §18 when the third party finds the result improper, then the ticket is reopened for the unit (a new round, counted, supervised)', () => {
    const ctx = ctxAt(sh('2026-03-10T10:00:00'), 'pingdingshan');
    const t = disputed();
    const r = ok(run(t, 'third-party-evaluation', actors.supervisor, { evaluator: '第三方评估机构', finding: 'not-handled-properly', note: '未落实整改' }, ctx));
    expect(r.next).toMatchObject({ status: 'handling', set: { round: t.round + 1, reopenCount: t.reopenCount + 1, pendingDecision: false } });
    expect(r.effects).toEqual(expect.arrayContaining([{ kind: 'count', metric: 'reopen' }]));
  });

  it('003 §18 only Pingdingshan has third-party evaluation, and only for a disputed result', () => {
    const input = { evaluator: '第三方', finding: 'partly', note: 'x' };
    const ctx = ctxAt(sh('2026-03-10T10:00:00'), 'pingdingshan');
    expect(errorOf(run(buildTicket({ status: 'visiting', pendingDecision: false }), 'third-party-evaluation', actors.supervisor, input, ctx))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('003 §18') });
    for (const p of ['baiyin', 'heze', 'liaoning', 'chongqing'] as const) {
      expect(errorOf(run(disputed(), 'third-party-evaluation', actors.supervisor, input, ctxAt(sh('2026-03-10T10:00:00'), p)))).toMatchObject({ code: 'RULE_VIOLATION' });
    }
  });
});

describe('coordination of cross-department matters', () => {
  it('002 §22 when a cross-department Liaoning matter is settled by the coordination mechanism, then the 主体责任部门 it names leads and the other departments co-handle', () => {
    expect(getProfile('liaoning').consultationKinds).toMatchObject({ value: ['joint-meeting'], cite: '002 §22' });
    const ctx = ctxAt(sh('2026-03-03T10:00:00'), 'liaoning');
    const t = buildTicket({ status: 'accepted', leadUnit: null, coUnits: [], dispatchedAt: null, signedAt: null });
    const r = ok(run(t, 'consult', actors.dispatcher, { kind: 'joint-meeting', units: [LEAD, CO, OTHER_UNIT], conclusion: '按确责清单由住建局牵头，城管、街道配合', leadUnit: OTHER_UNIT, coUnits: [LEAD, CO] }, ctx));
    expect(r.next).toMatchObject({ status: 'dispatched', set: { leadUnit: OTHER_UNIT, coUnits: [LEAD, CO] } });
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'unit', template: 'dispatched', units: [OTHER_UNIT, LEAD, CO] });
  });
});

describe('long-running hard cases and the lines outside the platform', () => {
  it('001 §25 when a Heze request has lasted long and is hard to solve, then a 会商 of the units is recorded with its conclusion while the lead keeps handling it', () => {
    const ctx = ctxAt(sh('2026-05-20T10:00:00'), 'heze');
    const t = buildTicket({ status: 'handling', coUnits: [CO], dispatchedAt: sh('2026-03-02T09:00:00') });
    const conclusion = '会商交流：老旧小区雨污分流需纳入年度改造计划，牵头单位按方案分阶段办理';
    const r = ok(run(t, 'consult', actors.supervisor, { kind: 'joint-meeting', units: [LEAD, CO, OTHER_UNIT], conclusion }, ctx));
    expect(r.next).toEqual({ status: 'handling', set: {} });
    expect(r.entry).toMatchObject({ action: 'consult', note: conclusion, data: { kind: 'joint-meeting', units: [LEAD, CO, OTHER_UNIT] } });
    expect(getProfile('heze').consultationKinds.value).toContain('joint-meeting');
  });

  it('002 §2 the emergency lines 110, 119, 120 and 122 are outside the platform: an emergency is handed to each of them and ends here, it is never dispatched', () => {
    const ctx = ctxAt(sh('2026-03-02T09:05:00'), 'liaoning');
    for (const line of ['110', '119', '120', '122']) {
      const t = buildTicket({ status: 'submitted', leadUnit: null, coUnits: [], dispatchedAt: null, signedAt: null });
      const done = apply(t, run(t, 'transfer-emergency', actors.operator, { line, note: `来电属紧急事项，已转接${line}` }, ctx));
      expect(done.status).toBe('terminated');
      expect(errorOf(run(done, 'dispatch', actors.dispatcher, { leadUnit: LEAD }, ctx))).toMatchObject({ code: 'INVALID_TRANSITION' });
    }
  });
});
