/**
 * What each viewer sees of a ticket (ARCHITECTURE.md field names). Citizens: their request, its
 * progress and result, never internal notes, other units' exchanges or staff identities. Staff:
 * everything, except that unit staff see nothing of a confidential ticket that links it to a
 * person (000 §14, 004 §14; confidential.ts).
 */
import { ACTION_LABELS, STATUS_LABELS, isOverdue, isVisitOverdue, type TicketAction } from '@mashang/shared';
import { decryptOptional } from '../crypto';
import { CONTACT_NAME_CONTEXT, CONTACT_PHONE_CONTEXT, type TicketDoc, type TimelineEntry } from './model';
import { maskedEntry, ticketRedactor, type Redactor } from './confidential';

export type ContactMode = 'plain' | 'masked';

export interface ViewContext {
  now: Date;
  dataKey: Buffer;
  /** Names of the units the ticket mentions (lead, co-units, timeline), by id. */
  unitNames: Record<string, string>;
  allowedActions: TicketAction[];
}

/** Exchanges between the platform and the units that the citizen does not see on the timeline. */
const INTERNAL_ACTIONS: ReadonlySet<TicketAction> = new Set(['request-return', 'decide-return', 'co-result', 'supervise', 'request-extension', 'set-deadline', 'consult', 'refer-lead', 'third-party-evaluation', 'request-termination']);

function isCitizenVisible(e: TimelineEntry): boolean {
  if (INTERNAL_ACTIONS.has(e.action)) return false;
  // A reply the platform sent back for rework is between the platform and the unit.
  return !((e.action === 'review' || e.action === 'business-review' || e.action === 'decide-termination') && e.data?.approve === false);
}

function citizenEntry(e: TimelineEntry, unitNames: Record<string, string>) {
  const unitName = e.actor.unit ? unitNames[e.actor.unit] : undefined;
  const attachments = Array.isArray(e.data?.attachments) ? (e.data.attachments as unknown[]) : undefined;
  // 即时答复 from the knowledge base: the cited entry, so the mini-program can link it.
  const knowledge = typeof e.data?.knowledgeId === 'string' ? { id: e.data.knowledgeId, question: typeof e.data.knowledgeQuestion === 'string' ? e.data.knowledgeQuestion : null } : undefined;
  return {
    at: e.at,
    action: e.action,
    label: ACTION_LABELS[e.action],
    from: e.from,
    to: e.to,
    actor: { kind: e.actor.kind, ...(unitName ? { unitName } : {}) },
    ...(e.note ? { note: e.note } : {}),
    ...(attachments?.length || knowledge ? { data: { ...(attachments?.length ? { attachments } : {}), ...(knowledge ? { knowledge } : {}) } } : {}),
  };
}

function contactOf(t: TicketDoc, dataKey: Buffer, mode: ContactMode): { name?: string; phone?: string } | null {
  if (!t.contact) return null;
  // Even a masked name and phone (surname, 7 of 11 digits) match the same citizen's ordinary
  // tickets, where the unit sees them in clear: a masked view carries no contact at all.
  if (mode === 'masked') return null;
  const name = decryptOptional(dataKey, t.contact.nameEnc, CONTACT_NAME_CONTEXT);
  const phone = decryptOptional(dataKey, t.contact.phoneEnc, CONTACT_PHONE_CONTEXT);
  return { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
}

/** The fields of every view, lists included; `clean` redacts the citizen's text (masked views). */
export function ticketSummary(t: TicketDoc, now: Date, clean: Redactor = (s) => s) {
  return {
    no: t.no,
    type: t.type,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    version: t.version,
    channel: t.channel,
    class: t.class ?? null,
    category: t.category ?? null,
    content: clean(t.content),
    leadUnit: t.leadUnit ?? null,
    coUnits: t.coUnits,
    dueAt: t.dueAt ?? null,
    overdue: isOverdue(t, now),
    visitDueAt: t.status === 'visiting' ? (t.deadlines?.followUp ?? null) : null,
    visitOverdue: isVisitOverdue(t, now),
    confidential: t.confidential,
    attachmentCount: t.attachments.length,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** Deadlines shown to the citizen: when the unit must answer, and when a supplement is due. */
function citizenDeadlines(t: TicketDoc) {
  const d = t.deadlines;
  return { final: d?.final ?? null, dueAt: d?.dueAt ?? t.dueAt ?? null, stageReply: d?.stageReply ?? null, supplement: t.supplementDueAt ?? null };
}

export function citizenTicketView(t: TicketDoc, ctx: ViewContext) {
  return {
    ...ticketSummary(t, ctx.now),
    leadUnitName: t.leadUnit ? (ctx.unitNames[t.leadUnit] ?? null) : null,
    claimant: t.claimant ?? 'person',
    attachments: t.attachments,
    location: t.location,
    scene: t.scene,
    contact: contactOf(t, ctx.dataKey, 'plain'),
    deadlines: citizenDeadlines(t),
    timeline: t.timeline.filter(isCitizenVisible).map((e) => citizenEntry(e, ctx.unitNames)),
    result: t.result ?? null,
    rating: t.rating ?? null,
    rejectReason: t.rejectReason ?? null,
    termination: t.termination ?? null,
    round: t.round,
    allowedActions: ctx.allowedActions,
  };
}

/**
 * The staff view. `masked` (unit staff on a confidential ticket): nothing links the request to a
 * person — no account id, no merge data, contact masked, the citizen's texts redacted
 * (confidential.ts).
 */
export function staffTicketView(t: TicketDoc, ctx: ViewContext, contact: ContactMode) {
  const masked = contact === 'masked';
  const clean: Redactor = masked ? ticketRedactor(t, ctx.dataKey) : (s) => s;
  return {
    ...ticketSummary(t, ctx.now, clean),
    units: ctx.unitNames,
    claimant: t.claimant ?? 'person',
    attachments: t.attachments,
    location: t.location,
    scene: t.scene,
    contact: contactOf(t, ctx.dataKey, contact),
    contactMasked: masked,
    // The citizen's account id identifies the complainant across tickets: not for masked views.
    ...(masked ? {} : { citizenId: t.citizenId }),
    needsReview: t.needsReview,
    deadlines: t.deadlines ?? null,
    timeline: masked ? t.timeline.map((e) => maskedEntry(e, clean)) : t.timeline,
    result: t.result ?? null,
    rating: t.rating ? { ...t.rating, ...(t.rating.comment ? { comment: clean(t.rating.comment) } : {}) } : null,
    round: t.round,
    coResults: t.coResults,
    extensions: t.extensions,
    pendingReturn: t.pendingReturn ?? null,
    reviewUnit: t.reviewUnit ?? null,
    reviewDueAt: t.reviewDueAt ?? null,
    pendingTermination: t.pendingTermination ?? null,
    closureConsent: t.closureConsent ?? null,
    businessReviewedAt: t.businessReviewedAt ?? null,
    pendingDecision: t.pendingDecision ?? false,
    returnCount: t.returnCount,
    reopenCount: t.reopenCount,
    visitAttempts: t.visitAttempts,
    supervision: t.supervision,
    rejectReason: t.rejectReason ?? null,
    termination: t.termination ?? null,
    mergedInto: t.mergedInto ?? null,
    onTime: t.onTime ?? null,
    internalNotes: masked ? t.internalNotes.map((n) => ({ ...n, text: clean(n.text) })) : t.internalNotes,
    allowedActions: ctx.allowedActions,
  };
}

/** Ids of the units a ticket mentions, for one name lookup. */
export function mentionedUnits(t: TicketDoc): string[] {
  const ids = [t.leadUnit, ...t.coUnits, ...t.coResults.map((c) => c.unit), ...t.timeline.map((e) => e.actor.unit), t.pendingReturn?.unit, ...(t.pendingReturn?.passedUpBy ?? []), t.reviewUnit, t.pendingTermination?.unit];
  return [...new Set(ids.filter((u): u is string => Boolean(u)))];
}
