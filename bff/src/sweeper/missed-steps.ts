/**
 * Intermediate deadlines (issue 12 item 5): the acceptance notice, dispatch, sign-for, the class C
 * plan and its deadline, the stage reply, weekly progress while extended, co-unit results and the
 * supplement deadline. Each one passed while its step is still owed gives ONE warning in the staff
 * inbox of whoever owes it (the unit, or the platform role of the step's action), recorded as the
 * sweep event `<step>-missed` per ticket, round and key; where the profile lists the step in
 * `superviseMissedSteps`, 督办 too. The numbers are the profile's (shared/src/watched-steps.ts).
 */
import {
  WATCHED_STEP_INFO,
  missedSteps,
  ruleFor,
  supervisesMissed,
  type MissedStep,
  type MissedStepKind,
  type RegulationProfile,
  type TicketStatus,
  type WatchedStep,
} from '@mashang/shared';
import { recordSweepEvent, sweepEventId, sweepEventModel } from './events';
import { chinaTime, postSweepNotice } from './notices';
import { existingIds, scanTickets, type ScanRow } from './scan';
import { superviseOnce } from './supervise';
import { supervisedTicket } from './ticket-steps';
import type { SweepDeps } from './types';

/** Statuses in which some watched step can be owed. */
const WATCH_STATUSES: readonly TicketStatus[] = ['submitted', 'supplementing', 'accepted', 'dispatched', 'handling', 'returning', 'replied'];

const kindOf = (step: WatchedStep): MissedStepKind => `${step}-missed`;
const eventId = (row: ScanRow, m: MissedStep): string => sweepEventId(kindOf(m.step), row.no, m.round, m.key || undefined);

/** The article behind the number the profile used for this step (none for a platform default). */
function stepCite(profile: RegulationProfile, row: ScanRow, step: WatchedStep): string | undefined {
  const rule = ruleFor(profile, row.type, row.class, row.channel);
  const spans: Record<WatchedStep, { cite?: string } | null> = {
    acceptance: profile.acceptanceNotice,
    dispatch: profile.dispatch,
    sign: profile.signFor,
    plan: rule.plan,
    'deadline-set': rule.plan,
    'stage-reply': rule.stageReply,
    'progress-report': profile.extension.progressReportEveryDays,
    'co-result': profile.coResultLead,
    supplement: profile.supplement,
    'application-review': profile.bottomUp?.value.reviewWithin ?? null,
  };
  return spans[step]?.cite;
}

function stepNote(m: MissedStep, cite: string | undefined): string {
  return `${WATCHED_STEP_INFO[m.step].label}应于 ${chinaTime(m.deadline)} 前完成${cite ? `（${cite}）` : '（平台规定）'}`;
}

/** The misses of these rows not yet recorded (one `_id $in` lookup). */
async function unrecorded(deps: SweepDeps, rows: ScanRow[], now: Date): Promise<Array<{ row: ScanRow; miss: MissedStep }>> {
  const misses = rows.flatMap((row) => missedSteps(deps.profile, row, now).map((miss) => ({ row, miss })));
  const done = await existingIds(sweepEventModel(deps.db), misses.map((m) => eventId(m.row, m.miss)));
  return misses.filter((m) => !done.has(eventId(m.row, m.miss)));
}

async function handleMiss(deps: SweepDeps, row: ScanRow, m: MissedStep, counts: { supervised: number }): Promise<boolean> {
  const cite = stepCite(deps.profile, row, m.step);
  const note = stepNote(m, cite);
  const to = 'unit' in m.owner ? [{ unit: m.owner.unit }] : m.owner.roles.map((role) => ({ role }));
  await postSweepNotice(deps, { kind: kindOf(m.step), ticket: row, to, deadline: m.deadline, note, ...(cite ? { cite } : {}), ...(m.key ? { key: m.key } : {}) });
  if (supervisesMissed(deps.profile, m.step)) {
    const t = await supervisedTicket(deps, row.no);
    if (t && (await superviseOnce(deps, t, { trigger: WATCHED_STEP_INFO[m.step].trigger, note: `${note}，未按时完成` }))) counts.supervised++;
  }
  const unit = 'unit' in m.owner ? m.owner.unit : null;
  return recordSweepEvent(deps.db, { kind: kindOf(m.step), ticketNo: row.no, round: m.round, ...(m.key ? { key: m.key } : {}), unit, deadline: m.deadline, at: deps.clock.now() });
}

/** One pass over the open tickets: every newly missed step warned (and supervised where the profile says so). */
export async function warnMissedSteps(deps: SweepDeps): Promise<{ warned: number; supervised: number }> {
  const now = deps.clock.now();
  const counts = { supervised: 0 };
  let warned = 0;
  await scanTickets(deps.db, {
    filter: { status: { $in: [...WATCH_STATUSES] } },
    pending: async (rows) => {
      const pending = new Set((await unrecorded(deps, rows, now)).map((m) => m.row.no));
      return rows.filter((r) => pending.has(r.no));
    },
    work: async (row) => {
      for (const { miss } of await unrecorded(deps, [row], now)) if (await handleMiss(deps, row, miss, counts)) warned++;
      return true;
    },
  });
  return { warned, supervised: counts.supervised };
}

