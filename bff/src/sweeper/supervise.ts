/**
 * Automatic 督办 on one ticket, through the state machine's `supervise` action as the system
 * actor (performAction: the same path as a supervisor's HTTP action — timeline entry, figures,
 * and the record written by the action's effect). Idempotent per ticket, trigger and round: the
 * record `${no}:${trigger}:${round}` exists → nothing to do; the timeline already shows the
 * system's `supervise` for that trigger but the record is missing (the effect was interrupted)
 * → the record alone is written.
 */
import type { SupervisionTrigger } from '@mashang/shared';
import { applyVersioned } from '../db/atomic';
import { AppError } from '../http/errors';
import { performAction } from '../tickets/actions';
import type { TicketDoc } from '../tickets/model';
import { supervisionModel } from '../supervision/model';
import { findSupervision, openSupervision, supervisionId } from '../supervision/service';
import { SUPERVISION_DEFAULTS } from '../supervision/defaults';
import { SYSTEM_ACTOR, type SweepDeps } from './types';

export interface AutoSupervision {
  trigger: SupervisionTrigger;
  note: string;
  related?: readonly string[];
}

type Supervised = Pick<TicketDoc, 'no' | 'leadUnit' | 'coUnits' | 'round' | 'version' | 'timeline' | 'roundStartedAt' | 'createdAt'>;

function alreadyActed(t: Supervised, trigger: SupervisionTrigger): boolean {
  const since = (t.roundStartedAt ?? t.createdAt).getTime();
  return t.timeline.some((e) => e.action === 'supervise' && e.actor.kind === 'system' && e.data?.trigger === trigger && new Date(e.at).getTime() >= since);
}

async function addRelated(deps: SweepDeps, id: string, related: readonly string[]): Promise<void> {
  if (!related.length) return;
  const record = await findSupervision(deps.db, id);
  if (record && record.version === 0) await applyVersioned(supervisionModel(deps.db), id, 0, { $set: { related: [...related] } }, deps.clock.now());
}

/** Opens the automatic record unless it exists; true when this call opened it. */
export async function superviseOnce(deps: SweepDeps, t: Supervised, s: AutoSupervision): Promise<boolean> {
  const id = supervisionId({ ticket: t, trigger: s.trigger, by: SYSTEM_ACTOR });
  if (await findSupervision(deps.db, id)) return false;
  if (alreadyActed(t, s.trigger)) {
    const { created } = await openSupervision(deps, { ticket: t, trigger: s.trigger, means: 'written-feedback', note: s.note, by: SYSTEM_ACTOR, related: s.related });
    return created;
  }
  const now = deps.clock.now();
  const dueAt = deps.calendar.addWorkingDays(now, SUPERVISION_DEFAULTS.feedbackWorkingDays).at;
  const input = { means: 'written-feedback', trigger: s.trigger, note: s.note, dueAt: dueAt.toISOString() };
  try {
    await performAction(deps, SYSTEM_ACTOR, { no: t.no, action: 'supervise', input });
  } catch (err) {
    // Another writer moved the ticket meanwhile (409), or it left the open states: next pass decides again.
    if (err instanceof AppError && err.status === 409) return false;
    throw err;
  }
  await addRelated(deps, id, s.related ?? []);
  return true;
}
