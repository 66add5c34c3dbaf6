/**
 * Ticket detail for each viewer. Staff reads of a confidential ticket with the contact in clear
 * are written to the audit trail (000 §14, 004 §14); unit staff get it masked and unaudited.
 */
import { allowedActions } from '@mashang/shared';
import { recordAudit } from '../audit/service';
import { listNotices, type NoticeView } from '../outbox/service';
import { supervisionViews, type SupervisionView } from '../supervision/queries';
import { listSupervisions } from '../supervision/service';
import { listSweepEvents } from '../sweeper/events';
import type { CitizenActor, StaffActor } from '../http/route';
import { unitModel, type UnitDoc } from '../units/model';
import { isUnitOnly, loadTicketFor } from './access';
import { listInternalNotes } from './notes';
import type { TicketDeps } from './deps';
import type { TicketDoc } from './model';
import { citizenTicketView, mentionedUnits, staffTicketView, ticketSummary, type ViewContext } from './view';
import { ticketRedactor } from './confidential';
import { sealLegacyKeys } from '../media/handles';

export async function unitNames(deps: Pick<TicketDeps, 'db'>, ids: readonly string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows = await unitModel(deps.db).find({ _id: { $in: [...ids] } }, { name: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'name'>>>();
  return Object.fromEntries(rows.map((u) => [u._id, u.name]));
}

async function viewContext(deps: TicketDeps, t: TicketDoc, actor: CitizenActor | StaffActor): Promise<ViewContext> {
  return { now: deps.clock.now(), dataKey: deps.secrets.dataKey, unitNames: await unitNames(deps, mentionedUnits(t)), allowedActions: allowedActions(t, actor) };
}

export type CitizenTicketView = ReturnType<typeof citizenTicketView>;
export type StaffTicketView = ReturnType<typeof staffTicketView>;

export async function citizenView(deps: TicketDeps, t: TicketDoc, actor: CitizenActor): Promise<CitizenTicketView> {
  return citizenTicketView(t, await viewContext(deps, t, actor));
}

/** Unit staff see confidential tickets masked (000 §14, 004 §14); platform staff in clear, audited. */
const isMaskedFor = (t: Pick<TicketDoc, 'confidential'>, actor: StaffActor): boolean => t.confidential && isUnitOnly(actor);

/** A lead referred to a discipline body (001 §23, 003 §25) concerns a unit's conduct: unit staff never see it. */
function withoutReferrals(t: TicketDoc): TicketDoc {
  return t.timeline.some((e) => e.action === 'refer-lead') ? { ...t, timeline: t.timeline.filter((e) => e.action !== 'refer-lead') } : t;
}

/** The staff view; an unmasked view of a confidential ticket is audited. */
export async function staffView(deps: TicketDeps, t: TicketDoc, actor: StaffActor): Promise<StaffTicketView> {
  const masked = isMaskedFor(t, actor);
  const seen = isUnitOnly(actor) ? withoutReferrals(t) : t;
  const shown = staffTicketView(seen, await viewContext(deps, seen, actor), masked ? 'masked' : 'plain');
  // Keys of the old form name the citizen: a masked view shows them only as opaque handles.
  const view = masked ? sealLegacyKeys(deps.secrets.dataKey, shown) : shown;
  if (t.confidential && !masked && t.contact) {
    await recordAudit(deps.db, { actor, action: 'ticket.contact.read', target: { type: 'ticket', id: t.no }, details: { confidential: true }, at: deps.clock.now() });
  }
  return view;
}

export async function readCitizenTicket(deps: TicketDeps, actor: CitizenActor, no: string): Promise<CitizenTicketView> {
  return citizenView(deps, await loadTicketFor(deps, actor, no), actor);
}

/** What the platform did around the ticket: 督办 records, the sweeper's warnings, the citizen's notices (sent / failed / skipped). */
export interface StaffTicketRecords {
  supervisions: SupervisionView[];
  sweepEvents: Awaited<ReturnType<typeof listSweepEvents>>;
  notices: NoticeView[];
}

export type StaffTicketDetail = StaffTicketView & StaffTicketRecords;

/** Unit staff see the 督办 records addressed to their unit (as GET /supervisions/:id); platform staff all of them. */
async function ticketRecords(deps: TicketDeps, t: TicketDoc, actor: StaffActor): Promise<StaffTicketRecords> {
  const all = await listSupervisions(deps.db, t.no);
  const visible = isUnitOnly(actor) ? all.filter((r) => Boolean(actor.unit) && r.units.includes(actor.unit as string)) : all;
  const notices = await listNotices(deps.db, t.no);
  // Who else follows a confidential request is not the unit's to know.
  const shown = isMaskedFor(t, actor) ? notices.filter((n) => n.recipient === 'citizen') : notices;
  return { supervisions: await supervisionViews(deps.db, visible), sweepEvents: await listSweepEvents(deps.db, t.no), notices: shown };
}

/** GET /api/admin/v1/tickets/{no}: the staff view with the internal notes and the platform's records about the ticket (never in the citizen view). */
export async function readStaffTicket(deps: TicketDeps, actor: StaffActor, no: string): Promise<StaffTicketDetail> {
  const ticket = await loadTicketFor(deps, actor, no);
  const view = await staffView(deps, ticket, actor);
  return { ...view, internalNotes: [...view.internalNotes, ...(await listInternalNotes(deps.db, ticket.no))], ...(await ticketRecords(deps, ticket, actor)) };
}

/** List rows; a unit's rows of confidential tickets carry the redacted text. */
export const summaryView = (deps: TicketDeps, actor: CitizenActor | StaffActor) => (t: TicketDoc) =>
  ticketSummary(t, deps.clock.now(), actor.kind === 'staff' && isMaskedFor(t, actor) ? ticketRedactor(t, deps.secrets.dataKey) : undefined);
