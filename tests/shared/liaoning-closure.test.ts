import { getProfile, transition, TERMINATION_REASONS } from '@mashang/shared';
import { metricKeysFor } from '../../bff/src/tickets/metric-keys';
import { actors, buildTicket, ctxAt, sh } from './ticket-builders';

/** 002 §25: the nine 视为办结 cases end as terminated, never counted as closed (办结率, 002 §27). */
describe('Liaoning 视为办结 (002 §25)', () => {
  const liaoning = (iso: string) => ctxAt(sh(iso), 'liaoning');

  it('002 §25 each of the nine cases the profile lists ends the ticket as terminated with its reason and article', () => {
    const nine = getProfile('liaoning').terminationReasons.value;
    expect(nine).toHaveLength(9);
    for (const code of nine.filter((c) => c !== 'no-cooperation')) {
      const r = transition(buildTicket(), 'terminate', actors.operator, { reasonCode: code, note: '经核实，视为办结' }, liaoning('2026-03-05T09:00:00'));
      expect(r.ok && r.next.status).toBe('terminated');
      expect(TERMINATION_REASONS[code].cites.some((c) => c.startsWith('002 §25('))).toBe(true);
    }
  });

  it('002 §25(8) no cooperation ends a ticket only after 30 consecutive days', () => {
    const t = buildTicket();
    const base = { reasonCode: 'no-cooperation', note: '多次联系诉求人均拒绝配合现场核查' };
    const none = transition(t, 'terminate', actors.operator, base, liaoning('2026-04-10T09:00:00'));
    expect(!none.ok && none.error.status).toBe(422);
    const early = transition(t, 'terminate', actors.operator, { ...base, uncooperativeSince: '2026-03-15T09:00:00+08:00' }, liaoning('2026-04-10T09:00:00'));
    expect(!early.ok && early.error.message).toContain('连续30日');
    const done = transition(t, 'terminate', actors.operator, { ...base, uncooperativeSince: '2026-03-05T09:00:00+08:00' }, liaoning('2026-04-10T09:00:00'));
    expect(done.ok && done.next.status).toBe('terminated');
  });

  it('000 §19 Baiyin, which sets no such period, terminates for non-cooperation after the explanation', () => {
    const r = transition(buildTicket(), 'terminate', actors.operator, { reasonCode: 'no-cooperation', note: '已解释，诉求人仍拒不配合' }, ctxAt(sh('2026-03-05T09:00:00'), 'baiyin'));
    expect(r.ok && r.next.status).toBe('terminated');
  });

  it('002 §27 a ticket ended as 视为办结 carries no closed key: 办结率 does not count it', () => {
    const before = buildTicket({ repliedAt: sh('2026-03-04T09:00:00'), onTime: 1 });
    const r = transition(before, 'terminate', actors.operator, { reasonCode: 'resolved', note: '诉求人认可办理结果' }, liaoning('2026-03-05T09:00:00'));
    if (!r.ok) throw new Error(r.error.message);
    const after = { ...before, ...r.next.set, status: r.next.status };
    const keys = metricKeysFor([], before, after, r.effects, sh('2026-03-05T09:00:00'));
    expect(keys.filter((k) => k.endsWith('|closed'))).toEqual([]);
    expect(keys).toContain('unit-lead|received');
  });
});
