import { deadlinesFor, isVisitOverdue, transition } from '@mashang/shared';
import { actors, buildTicket, calendar, ctxAt, sh } from './ticket-builders';

/** Follow-up visits are the platform's work (003 §16-17): time alone never closes a ticket. */

function visitingTicket(extra: Parameters<typeof buildTicket>[0] = {}) {
  return buildTicket({
    status: 'visiting',
    repliedAt: sh('2026-03-04T10:00:00'),
    visitStartedAt: sh('2026-03-04T15:00:00'),
    deadlines: { acceptanceNotice: null, dispatch: null, plan: null, stageReply: null, coResult: null, final: null, dueAt: null, followUp: sh('2026-03-06T23:59:59.999'), calendarIncomplete: false },
    ...extra,
  });
}

describe('follow-up visits: due dates, overdue work, closure only by rating, visit or staff decision', () => {
  it('003 §16 a visit is due 2 working days after the platform approves the reply, not after the unit replied', () => {
    const profile = ctxAt(sh('2026-03-10T09:00:00'), 'pingdingshan');
    // Replied Wed 03-04, approved only on Mon 03-09: the visit is due end of Wed 03-11.
    const t = buildTicket({ status: 'replied', repliedAt: sh('2026-03-04T10:00:00') });
    expect(deadlinesFor(profile.profile, t, profile.now, calendar).followUp).toBeNull();
    const r = transition(t, 'review', actors.operator, { approve: true }, ctxAt(sh('2026-03-09T09:30:00'), 'pingdingshan'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.set.deadlines?.followUp).toEqual(sh('2026-03-11T23:59:59.999'));
  });

  it('003 §16 a passed visit window makes the visit overdue work and leaves the ticket open', () => {
    const t = visitingTicket();
    expect(isVisitOverdue(t, sh('2026-03-06T18:00:00'))).toBe(false);
    expect(isVisitOverdue(t, sh('2026-03-07T00:10:00'))).toBe(true);
    expect(t.status).toBe('visiting');
    // An unsatisfied rating waiting for the reopen decision is someone's decision, not a missed visit.
    expect(isVisitOverdue({ ...t, pendingDecision: true }, sh('2026-03-09T00:10:00'))).toBe(false);
  });

  it('003 §16 a visitor closes an unrated visit only with a reason, recorded on the timeline', () => {
    const ctx = ctxAt(sh('2026-03-09T10:00:00'), 'pingdingshan');
    const missing = transition(visitingTicket(), 'close-visit', actors.visitor, {}, ctx);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.status).toBe(400);
    const r = transition(visitingTicket(), 'close-visit', actors.visitor, { reason: '诉求人表示不愿评价' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.status).toBe('closed');
    expect(r.entry).toMatchObject({ note: '诉求人表示不愿评价', data: { unrated: true, visitAttempts: 0 } });
  });

  it('003 §16 the sweeper (system actor) and the citizen cannot close a visit', () => {
    const later = ctxAt(sh('2026-03-19T09:00:00'), 'pingdingshan');
    for (const actor of [actors.system, actors.citizen, actors.leadHandler]) {
      const r = transition(visitingTicket(), 'close-visit', actor, { reason: '回访期限已过' }, later);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.status).toBe(403);
    }
  });

  it('000 §17 an unsatisfied rating waiting for the reopen decision cannot be closed as unrated', () => {
    const t = visitingTicket({ pendingDecision: true, rating: { satisfaction: 'unsatisfied', at: sh('2026-03-05T09:00:00'), round: 1, by: 'citizen' } });
    const r = transition(t, 'close-visit', actors.operator, { reason: '关闭' }, ctxAt(sh('2026-03-09T09:00:00'), 'pingdingshan'));
    expect(r.ok).toBe(false);
  });

  it('003 §17 two unanswered calls at least 3 h apart close the visit as satisfied even after the window passed', () => {
    const first = transition(visitingTicket(), 'visit', actors.visitor, { answered: false }, ctxAt(sh('2026-03-09T09:00:00'), 'pingdingshan'));
    expect(first.ok && first.next.status).toBe('visiting');
    if (!first.ok) return;
    const t = visitingTicket({ visitAttempts: first.next.set.visitAttempts ?? [] });
    const tooSoon = transition(t, 'visit', actors.visitor, { answered: false }, ctxAt(sh('2026-03-09T11:00:00'), 'pingdingshan'));
    expect(tooSoon.ok && tooSoon.next.status).toBe('visiting');
    const second = transition(t, 'visit', actors.visitor, { answered: false }, ctxAt(sh('2026-03-09T12:30:00'), 'pingdingshan'));
    expect(second.ok && second.next.status).toBe('closed');
    if (second.ok) expect(second.next.set.rating).toMatchObject({ satisfaction: 'satisfied', deemed: true, by: 'visitor' });
  });
});
