/**
 * Per-unit figures kept ready on each ticket for the stats aggregation (README "The embedded
 * database": `$unwind` keeps only the unwound field, so each ticket carries `"<unit>|<count>"`
 * strings and stats counts them in one `$unwind`/`$group` pass). Count names are those of
 * bff/src/stats/rates.ts `UNIT_COUNTS`. The pseudo-unit `platform` holds intake figures and the
 * outcome of tickets no unit handled (consultations the platform answered itself).
 *
 * Two kinds of keys:
 * - events (received, accepted, dispatched, signed, overdue, returns, reopens, extensions,
 *   supervised) accumulate: once a unit received a ticket it keeps the key, even after a return;
 * - outcomes (replied, repliedOnTime, closed, visited, satisfied, basic, unsatisfied) describe the
 *   current round and are recomputed on every transition for the current lead unit.
 */
import { isOverdue, type Effect, type TicketState } from '@mashang/shared';

export const PLATFORM = 'platform';
const OUTCOMES = new Set(['replied', 'repliedOnTime', 'closed', 'visitDue', 'visited', 'satisfied', 'basic', 'unsatisfied']);
const COUNTED: Record<string, string> = { return: 'returns', reopen: 'reopens', extension: 'extensions', supervision: 'supervised' };

const key = (unit: string, count: string): string => `${unit}|${count}`;
const countOf = (k: string): string => k.slice(k.lastIndexOf('|') + 1);

function eventKeys(before: TicketState | null, after: TicketState, effects: readonly Effect[], now: Date): string[] {
  const lead = after.leadUnit ?? null;
  const keys = [key(PLATFORM, 'received')];
  if (after.acceptedAt) keys.push(key(PLATFORM, 'accepted'));
  if (after.dispatchedAt && lead) keys.push(key(PLATFORM, 'dispatched'), key(lead, 'received'), key(lead, 'dispatched'));
  if (after.signedAt && lead) keys.push(key(lead, 'signed'));
  // 000 §28 响应: signed within the profile's `signFor` from dispatch (tickets stored before the deadline existed count as in time).
  if (after.signedAt && lead && !(after.deadlines?.sign && after.signedAt.getTime() > after.deadlines.sign.getTime())) keys.push(key(lead, 'signedOnTime'));
  // 002 §27 即时转办: dispatched within the profile's `dispatch` span from acceptance.
  if (after.dispatchedAt && !(after.deadlines?.dispatch && after.dispatchedAt.getTime() > after.deadlines.dispatch.getTime())) keys.push(key(PLATFORM, 'dispatchedOnTime'));
  if (lead && (after.onTime === 0 || isOverdue(after, now))) keys.push(key(lead, 'overdue'));
  const unitBefore = before?.leadUnit ?? lead ?? PLATFORM;
  for (const e of effects) {
    if (e.kind !== 'count') continue;
    const unit = e.metric === 'return' ? (before?.pendingReturn?.unit ?? unitBefore) : (lead ?? unitBefore);
    keys.push(key(unit, COUNTED[e.metric]));
  }
  return keys;
}

function outcomeKeys(after: TicketState): string[] {
  const unit = after.leadUnit ?? PLATFORM;
  const keys: string[] = [];
  if (after.repliedAt) keys.push(key(unit, 'replied'));
  if (after.repliedAt && after.onTime === 1) keys.push(key(unit, 'repliedOnTime'));
  if (after.status === 'closed') keys.push(key(unit, 'closed'));
  // 002 §27 回访率: the platform owes a visit once it approved the reply (003 §16); a visit is one
  // the platform made this round (a call recorded, or a rating taken by a visitor) — the
  // citizen's own rating in the app is not the platform's visit.
  if (after.visitStartedAt) keys.push(key(unit, 'visitDue'));
  if (after.visitAttempts.some((a) => a.round === after.round) || after.rating?.by === 'visitor') keys.push(key(unit, 'visited'));
  if (after.rating) keys.push(key(unit, after.rating.satisfaction));
  return keys;
}

/** The ticket's keys after a transition (or the submit, with `before` null). */
export function metricKeysFor(previous: readonly string[], before: TicketState | null, after: TicketState, effects: readonly Effect[], now: Date): string[] {
  const kept = previous.filter((k) => !OUTCOMES.has(countOf(k)));
  return [...new Set([...kept, ...eventKeys(before, after, effects, now), ...outcomeKeys(after)])].sort();
}
