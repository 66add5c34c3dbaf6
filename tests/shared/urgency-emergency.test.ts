import { deadlinesFor, getProfile, transition } from '@mashang/shared';
import { actors, buildTicket, calendar, ctxAt, sh } from './ticket-builders';

/** Urgency outranks the channel (003 §8 vs §14); emergencies are transferred, not rejected (002 §18). */
describe('urgency and emergencies', () => {
  const dispatchedAt = sh('2026-03-02T09:00:00');
  const pds = getProfile('pingdingshan');
  const due = (cls: 'A' | 'B' | 'D', channel: 'mailbox' | 'leader-board' | 'miniapp') =>
    deadlinesFor(pds, buildTicket({ type: 'complaint', class: cls, channel, dispatchedAt }), dispatchedAt, calendar).dueAt;

  it('003 §8 a class D emergency that arrives through the mayor’s mailbox is due 2 hours after dispatch, not in 10 working days', () => {
    expect(due('D', 'mailbox')).toEqual(sh('2026-03-02T11:00:00'));
    expect(due('D', 'mailbox')).toEqual(due('D', 'miniapp'));
  });

  it('003 §8 a class A matter from the leader message board keeps its 4 hours', () => {
    expect(due('A', 'leader-board')).toEqual(sh('2026-03-02T13:00:00'));
  });

  it('003 §14 an ordinary (class B) mailbox letter still gets the 10 working days of the mailbox', () => {
    expect(due('B', 'mailbox')).toEqual(sh('2026-03-16T23:59:59.999'));
  });

  it('002 §18 an emergency is handed to 119 and recorded as a transfer with a risk warning, never as 不予受理', () => {
    const t = buildTicket({ status: 'submitted', leadUnit: null, coUnits: [], dispatchedAt: null, signedAt: null });
    const r = transition(t, 'transfer-emergency', actors.operator, { line: '119', note: '来电称楼道起火，已转接119并通报应急部门' }, ctxAt(sh('2026-03-02T09:05:00'), 'liaoning'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.status).toBe('terminated');
    expect(r.next.set).toMatchObject({ termination: { code: 'emergency-transferred' }, emergencyTransfer: { line: '119' } });
    expect(r.next.set.rejectReason).toBeUndefined();
    expect(r.effects.map((e) => e.kind)).toEqual(['notify', 'risk-warning']);
  });

  it('002 §18 Liaoning no longer offers “emergency” among its 不予受理 reasons; 004 §6(1) Chongqing still lists it', () => {
    expect(getProfile('liaoning').rejectReasons.value).not.toContain('emergency-hotline');
    expect(getProfile('chongqing').rejectReasons.value).toContain('emergency-hotline');
    const t = buildTicket({ status: 'submitted', leadUnit: null, coUnits: [] });
    const r = transition(t, 'reject', actors.operator, { reasonCode: 'emergency-hotline', note: '属于119处置' }, ctxAt(sh('2026-03-02T09:05:00'), 'liaoning'));
    expect(r.ok).toBe(false);
  });

  it('002 §18 the emergency code cannot be used through terminate', () => {
    const r = transition(buildTicket(), 'terminate', actors.operator, { reasonCode: 'emergency-transferred', note: 'x' }, ctxAt(sh('2026-03-02T10:00:00'), 'liaoning'));
    expect(r.ok).toBe(false);
  });
});
