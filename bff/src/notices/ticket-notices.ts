/**
 * Ticket effects for staff become inbox records: a `notify` to units or the platform, a risk
 * warning (000 §20), an automatic 督办. Which platform roles a notice reaches is read from the
 * state machine table: the roles of the action the event waits for (a return request waits for
 * `decide-return`, so dispatchers get it).
 */
import { STATE_MACHINE, type Actor, type Effect, type NotifyTemplate, type StaffNoticeLevel, type StaffRole, type TicketAction } from '@mashang/shared';
import type { TicketDoc } from '../tickets/model';
import type { NoticeRecipient } from './model';
import { postStaffNotice, type NoticeDeps } from './service';

/** The platform action each platform event waits for; its roles (STATE_MACHINE) are told. */
const WAITS_FOR: Partial<Record<NotifyTemplate, TicketAction>> = {
  supplemented: 'accept',
  withdrawn: 'accept',
  'return-requested': 'decide-return',
  'termination-requested': 'decide-termination',
  'extension-requested': 'decide-extension',
  replied: 'review',
  // 002 §19 ¶1, §26: a 涉企 result waits for the 营商环境建设主管部门 (supervisors).
  'business-replied': 'business-review',
  // 002 §26 「向本级营商环境建设主管部门通报办结情况，说明办结理由」: a 涉企 request ended as 视为办结 is reported to it.
  'business-ended': 'business-review',
  'rated-unsatisfied': 'decide-reopen',
  // 003 §8 C: the plan (a stage report) waits for the centre's deadline; elsewhere the stage reply is for the supervisors.
  'stage-report': 'set-deadline',
};

/** Platform staff who act on an emergency before any unit has it: dispatch it at once, watch it (000 §20). */
const RISK_ROLES: readonly StaffRole[] = ['dispatcher', 'supervisor'];

export function platformRoles(template: NotifyTemplate): readonly StaffRole[] {
  const action = WAITS_FOR[template];
  return (action ? STATE_MACHINE[action].who.roles : undefined) ?? ['operator'];
}

const roles = (list: readonly StaffRole[]): NoticeRecipient[] => list.map((role) => ({ role }));
const units = (list: readonly (string | null | undefined)[]): NoticeRecipient[] => list.filter((u): u is string => Boolean(u)).map((unit) => ({ unit }));

/** An emergency (003 §8 D) is urgent for everyone it reaches. */
const isEmergency = (t: TicketDoc): boolean => t.class === 'D';

/** The step's own note, when staff or the system wrote it (a citizen's words stay on the ticket, 000 §14). */
function staffNote(t: TicketDoc): string | undefined {
  const last = t.timeline[t.timeline.length - 1];
  return last && last.actor.kind !== 'citizen' && last.note ? last.note : undefined;
}

function levelOf(template: NotifyTemplate, t: TicketDoc): StaffNoticeLevel {
  if (isEmergency(t) && (template === 'dispatched' || template === 'supervised')) return 'urgent';
  if (template === 'supervised' || template === 'review-rejected' || template === 'reopened' || template === 'return-refused') return 'warning';
  return 'info';
}

async function notifyStaff(deps: NoticeDeps, t: TicketDoc, effect: Extract<Effect, { kind: 'notify' }>): Promise<void> {
  const to = effect.audience === 'unit' ? units(effect.units ?? []) : roles(platformRoles(effect.template));
  const note = staffNote(t);
  await postStaffNotice(deps, { source: `${t.no}:${t.version}:${effect.template}`, kind: effect.template, level: levelOf(effect.template, t), ticketNo: t.no, ticketType: t.type, ...(note ? { note } : {}) }, to);
}

/** 000 §20 「向有关单位发出风险预警」: the units once it has them, else the platform staff who must get it to one. */
async function riskWarning(deps: NoticeDeps, t: TicketDoc, reason: string): Promise<void> {
  const assigned = units([t.leadUnit, ...t.coUnits]);
  const to = assigned.length ? assigned : roles(RISK_ROLES);
  await postStaffNotice(deps, { source: `${t.no}:${t.version}:risk-warning`, kind: 'risk-warning', level: 'urgent', ticketNo: t.no, ticketType: t.type, note: reason, cite: '000 §20' }, to);
}

/**
 * The staff side of one effect of a stored change; citizen notices are the outbox's. An automatic
 * 督办 (the sweeper) also reaches the supervisors, who did not open it themselves.
 */
export async function staffNoticeForEffect(deps: NoticeDeps, t: TicketDoc, effect: Effect, actor: Actor): Promise<void> {
  if (effect.kind === 'notify' && effect.audience !== 'citizen') await notifyStaff(deps, t, effect);
  if (effect.kind === 'risk-warning') await riskWarning(deps, t, effect.reason);
  if (effect.kind === 'open-supervision' && actor.kind === 'system') {
    const level = isEmergency(t) ? 'urgent' : 'warning';
    await postStaffNotice(deps, { source: `${t.no}:${t.version}:supervised`, kind: 'supervised', level, ticketNo: t.no, ticketType: t.type, ...(effect.note ? { note: effect.note } : {}) }, roles(['supervisor']));
  }
}
