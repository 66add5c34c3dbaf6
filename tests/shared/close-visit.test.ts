import { transition } from '@mashang/shared';
import { actors, buildTicket, ctxAt, sh } from './ticket-builders';

const SYSTEM = { kind: 'system', id: 'system' } as const;

function visitingTicket(followUp: Date, extra: Parameters<typeof buildTicket>[0] = {}) {
  return buildTicket({
    status: 'visiting',
    repliedAt: sh('2026-03-04T10:00:00'),
    deadlines: { acceptanceNotice: null, dispatch: null, plan: null, stageReply: null, coResult: null, final: null, dueAt: null, followUp, calendarIncomplete: false },
    ...extra,
  });
}

describe('closing a lapsed follow-up window (sweeper, system actor)', () => {
  const followUp = sh('2026-03-06T23:59:59.999');

  it('003 §16 follow-up window passed without a rating: the system closes the ticket as not rated', () => {
    const r = transition(visitingTicket(followUp), 'close-visit', SYSTEM, {}, ctxAt(sh('2026-03-07T00:10:00'), 'pingdingshan'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.status).toBe('closed');
    expect(r.entry.data).toEqual({ unrated: true });
    expect(r.next.set.closedAt).toEqual(sh('2026-03-07T00:10:00'));
  });

  it('003 §16 while the follow-up window is open, then closing is refused (422)', () => {
    const r = transition(visitingTicket(followUp), 'close-visit', SYSTEM, {}, ctxAt(sh('2026-03-06T12:00:00'), 'pingdingshan'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.status).toBe(422);
  });

  it('000 §17 an unsatisfied rating waiting for the reopen decision is never closed by the sweeper', () => {
    const t = visitingTicket(followUp, { pendingDecision: true, rating: { satisfaction: 'unsatisfied', at: sh('2026-03-05T09:00:00'), round: 1, by: 'citizen' } });
    const r = transition(t, 'close-visit', SYSTEM, {}, ctxAt(sh('2026-03-09T09:00:00'), 'pingdingshan'));
    expect(r.ok).toBe(false);
  });

  it('when a visitor or the citizen tries close-visit, then it is refused: only the platform sweeper may', () => {
    const later = ctxAt(sh('2026-03-09T09:00:00'), 'pingdingshan');
    for (const actor of [actors.visitor, actors.citizen, actors.operator]) {
      const r = transition(visitingTicket(followUp), 'close-visit', actor, {}, later);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.status).toBe(403);
    }
  });
});
