import { OPEN_STATUSES, STATE_MACHINE, TERMINATION_REASONS, transition } from '@mashang/shared';
import { actors, buildTicket, ctxAt, sh } from './ticket-builders';

const ctx = ctxAt(sh('2026-03-05T10:00:00'), 'liaoning');

describe('merge: 重复诉求合并办理 (002 §17(7), 000 §23(5))', () => {
  it('when an operator merges an open ticket, then it is terminated as duplicate-merged with a pointer to the target', () => {
    const r = transition(buildTicket({ status: 'accepted' }), 'merge', actors.operator, { into: '20260301-000007' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.status).toBe('terminated');
    expect(r.next.set).toMatchObject({ mergedInto: '20260301-000007', termination: { code: 'duplicate-merged' }, closedAt: ctx.now });
    expect(r.entry).toMatchObject({ action: 'merge', from: 'accepted', to: 'terminated', data: { into: '20260301-000007' } });
    expect(r.effects).toContainEqual({ kind: 'notify', audience: 'citizen', template: 'terminated' });
  });

  it('when a dispatcher merges, then it is allowed; a handler or the citizen is refused', () => {
    const t = buildTicket({ status: 'handling' });
    expect(transition(t, 'merge', actors.dispatcher, { into: '20260301-000007', note: '同一事项' }, ctx).ok).toBe(true);
    const byHandler = transition(t, 'merge', actors.leadHandler, { into: '20260301-000007' }, ctx);
    const byCitizen = transition(t, 'merge', actors.citizen, { into: '20260301-000007' }, ctx);
    expect(byHandler.ok ? null : byHandler.error.code).toBe('ROLE_NOT_ALLOWED');
    expect(byCitizen.ok ? null : byCitizen.error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('when the target is the ticket itself, then 422', () => {
    const t = buildTicket({ status: 'accepted' });
    const r = transition(t, 'merge', actors.operator, { into: t.no }, ctx);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'RULE_VIOLATION', status: 422 });
  });

  it('when the ticket is closed, then merge is an invalid transition', () => {
    const r = transition(buildTicket({ status: 'closed' }), 'merge', actors.operator, { into: '20260301-000007' }, ctx);
    expect(r.ok ? null : r.error.code).toBe('INVALID_TRANSITION');
  });

  it('when terminate is used with duplicate-merged, then it is refused: merging needs a target (002 §17(7))', () => {
    const r = transition(buildTicket({ status: 'accepted' }), 'terminate', actors.operator, { reasonCode: 'duplicate-merged', note: '重复' }, ctx);
    expect(r.ok ? null : r.error.code).toBe('RULE_VIOLATION');
  });

  it('when reading the table, then merge runs from every open status and the reason cites 002 §17(7)', () => {
    expect([...STATE_MACHINE.merge.from]).toEqual([...OPEN_STATUSES]);
    expect(TERMINATION_REASONS['duplicate-merged'].cites).toContain('002 §17(7)');
  });
});
