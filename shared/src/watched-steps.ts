import type { StaffRole } from './actor';
import type { TicketAction, TicketStatus } from './enums';
import type { RegulationProfile } from './profiles/schema';
import type { SupervisionTrigger } from './reasons';
import { STATE_MACHINE } from './state-machine';
import type { TicketState } from './ticket';

/**
 * The intermediate deadlines the sweeper watches (issue 12 item 5), besides the final `dueAt`:
 * each passed one is a step somebody still owes — the platform (acceptance notice, dispatch, the
 * deadline of a class C plan, a late supplement) or a unit (sign-for, class C plan, stage reply,
 * weekly progress while extended, co-unit results). All numbers come from the profile; this
 * module only says which step is owed, by whom, since when.
 */
export const WATCHED_STEPS = ['acceptance', 'dispatch', 'sign', 'plan', 'deadline-set', 'stage-reply', 'progress-report', 'co-result', 'supplement', 'application-review'] as const;
export type WatchedStep = (typeof WATCHED_STEPS)[number];

interface StepInfo {
  label: string;
  /** The articles that set the step (the number itself is the profile's). */
  cites: readonly string[];
  /** Platform steps: the action that performs the step; its roles (state machine table) owe it. */
  action?: TicketAction;
  /** 督办 trigger when the profile supervises this step (`superviseMissedSteps`). */
  trigger: SupervisionTrigger;
}

export const WATCHED_STEP_INFO: Record<WatchedStep, StepInfo> = {
  acceptance: { label: '受理告知', cites: ['000 §10', '002 §18'], action: 'accept', trigger: 'missed-step' },
  dispatch: { label: '派单', cites: ['000 §10', '002 §19'], action: 'dispatch', trigger: 'missed-step' },
  sign: { label: '签收', cites: ['000 §23(1)', '002 §21', '003 §11'], trigger: 'refused-acceptance' },
  plan: { label: '报送办理计划（C类）', cites: ['003 §8'], trigger: 'missed-step' },
  'deadline-set': { label: '确定办理时限（C类）', cites: ['003 §8'], action: 'set-deadline', trigger: 'missed-step' },
  'stage-reply': { label: '阶段性答复', cites: ['002 §19(2)', '000 §15'], trigger: 'missed-step' },
  'progress-report': { label: '延期期间每周报告进展', cites: ['002 §19(4)'], trigger: 'missed-step' },
  'co-result': { label: '协办单位反馈办理结果', cites: ['004 §11', '000 §18'], trigger: 'missed-step' },
  supplement: { label: '补正期限届满，待决定', cites: ['002 §18', '002 §25(4)'], action: 'terminate', trigger: 'missed-step' },
  'application-review': { label: '上级单位审核下级单位的申请', cites: ['004 §8', '004 §9'], trigger: 'missed-step' },
};

export type StepOwner = { unit: string } | { roles: readonly StaffRole[] };

export interface MissedStep {
  step: WatchedStep;
  deadline: Date;
  owner: StepOwner;
  round: number;
  /** Distinguishes several misses of one step in a round (a co-unit, a week); '' when there is one. */
  key: string;
}

export type WatchedTicket = Pick<
  TicketState,
  | 'status' | 'round' | 'leadUnit' | 'coUnits' | 'coResults' | 'deadlines' | 'fixedDueAt' | 'lastStageReportAt' | 'roundStartedAt' | 'dispatchedAt' | 'supplementDueAt' | 'extensions'
  | 'reviewUnit' | 'reviewDueAt'
>;

const AT_UNIT: readonly TicketStatus[] = ['dispatched', 'handling'];
const REVIEW_STATUSES: readonly TicketStatus[] = ['returning', 'replied'];
const DAY_MS = 86_400_000;

function rolesOf(action: TicketAction): readonly StaffRole[] {
  return STATE_MACHINE[action].who.roles ?? [];
}

function passed(at: Date | null | undefined, now: Date): at is Date {
  return Boolean(at) && now.getTime() > (at as Date).getTime();
}

/** Whether the lead unit reported (stage-report) in this round: the class C plan, a stage reply. */
function reportedThisRound(t: WatchedTicket): boolean {
  const since = t.roundStartedAt ?? t.dispatchedAt;
  return Boolean(t.lastStageReportAt) && (!since || (t.lastStageReportAt as Date).getTime() >= since.getTime());
}

function platformStep(step: WatchedStep, t: WatchedTicket, deadline: Date): MissedStep {
  return { step, deadline, owner: { roles: rolesOf(WATCHED_STEP_INFO[step].action as TicketAction) }, round: t.round, key: '' };
}

function leadStep(step: WatchedStep, t: WatchedTicket, deadline: Date, key = ''): MissedStep[] {
  return t.leadUnit ? [{ step, deadline, owner: { unit: t.leadUnit }, round: t.round, key }] : [];
}

/** Steps owed by the platform: tell acceptance, dispatch, decide on a late supplement. */
function platformSteps(t: WatchedTicket, now: Date): MissedStep[] {
  const d = t.deadlines;
  const out: MissedStep[] = [];
  if (t.status === 'submitted' && passed(d?.acceptanceNotice, now)) out.push(platformStep('acceptance', t, d.acceptanceNotice));
  if (t.status === 'accepted' && passed(d?.dispatch, now)) out.push(platformStep('dispatch', t, d.dispatch));
  if (t.status === 'supplementing' && passed(t.supplementDueAt, now)) out.push(platformStep('supplement', t, t.supplementDueAt));
  return out;
}

/** 003 §8 C: the unit owes its plan; once reported, the centre owes the deadline. */
function planSteps(t: WatchedTicket, now: Date): MissedStep[] {
  const plan = t.deadlines?.plan;
  if (!passed(plan, now) || t.fixedDueAt) return [];
  return reportedThisRound(t) ? [platformStep('deadline-set', t, plan)] : leadStep('plan', t, plan);
}

/** 002 §19(4) 「每周报告进展情况」: while extended, a report at most every `everyDays` calendar days. */
function progressSteps(profile: RegulationProfile, t: WatchedTicket, now: Date): MissedStep[] {
  const everyDays = profile.extension.progressReportEveryDays.value;
  const approvals = t.extensions.filter((e) => e.approved === true && e.round === t.round && e.decided).map((e) => new Date(e.decided as Date).getTime());
  if (everyDays === null || !approvals.length) return [];
  const start = Math.min(...approvals);
  const last = Math.max(start, t.lastStageReportAt ? t.lastStageReportAt.getTime() : 0);
  const due = new Date(last + everyDays * DAY_MS);
  return passed(due, now) ? leadStep('progress-report', t, due, due.toISOString().slice(0, 10)) : [];
}

/** 004 §11 「协办单位应提前1个工作日反馈」: each co-unit without a result this round. */
function coResultSteps(t: WatchedTicket, now: Date): MissedStep[] {
  const due = t.deadlines?.coResult;
  if (!passed(due, now)) return [];
  const answered = new Set(t.coResults.filter((c) => c.round === t.round).map((c) => c.unit));
  return t.coUnits.filter((u) => !answered.has(u)).map((unit) => ({ step: 'co-result' as const, deadline: due, owner: { unit }, round: t.round, key: unit }));
}

/** Steps owed by the units while the ticket is with them. */
function unitSteps(profile: RegulationProfile, t: WatchedTicket, now: Date): MissedStep[] {
  const d = t.deadlines;
  const out: MissedStep[] = [];
  if (t.status === 'dispatched' && passed(d?.sign, now)) out.push(...leadStep('sign', t, d.sign as Date));
  if (!AT_UNIT.includes(t.status)) return out;
  out.push(...planSteps(t, now));
  if (passed(d?.stageReply, now) && !reportedThisRound(t)) out.push(...leadStep('stage-reply', t, d.stageReply as Date));
  out.push(...progressSteps(profile, t, now), ...coResultSteps(t, now));
  return out;
}

/** 004 §8-9: the unit above owes its decision on a subordinate's application (one miss per reviewing level). */
function reviewSteps(t: WatchedTicket, now: Date): MissedStep[] {
  if (!t.reviewUnit || !REVIEW_STATUSES.includes(t.status) || !passed(t.reviewDueAt, now)) return [];
  return [{ step: 'application-review', deadline: t.reviewDueAt, owner: { unit: t.reviewUnit }, round: t.round, key: t.reviewUnit }];
}

/** Every intermediate step of the ticket whose deadline passed while it is still owed. */
export function missedSteps(profile: RegulationProfile, t: WatchedTicket, now: Date): MissedStep[] {
  return [...platformSteps(t, now), ...unitSteps(profile, t, now), ...reviewSteps(t, now)];
}

/** Whether the profile opens 督办 on this missed step (`superviseMissedSteps`), besides the warning. */
export function supervisesMissed(profile: RegulationProfile, step: WatchedStep): boolean {
  return profile.superviseMissedSteps.value.includes(step);
}
