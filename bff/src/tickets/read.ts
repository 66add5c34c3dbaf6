/**
 * Ticket detail for each viewer. Staff reads of a confidential ticket with the contact in clear
 * are written to the audit trail (000 §14, 004 §14); unit staff get it masked and unaudited.
 */
import { allowedActions } from '@mashang/shared';
import { recordAudit } from '../audit/service';
import type { CitizenActor, StaffActor } from '../http/route';
import { unitModel, type UnitDoc } from '../units/model';
import { isUnitOnly, loadTicketFor } from './access';
import type { TicketDeps } from './deps';
import type { TicketDoc } from './model';
import { citizenTicketView, mentionedUnits, staffTicketView, ticketSummary, type ViewContext } from './view';

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

/** The staff view; an unmasked view of a confidential ticket is audited. */
export async function staffView(deps: TicketDeps, t: TicketDoc, actor: StaffActor): Promise<StaffTicketView> {
  const masked = t.confidential && isUnitOnly(actor);
  const view = staffTicketView(t, await viewContext(deps, t, actor), masked ? 'masked' : 'plain');
  if (t.confidential && !masked && t.contact) {
    await recordAudit(deps.db, { actor, action: 'ticket.contact.read', target: { type: 'ticket', id: t.no }, details: { confidential: true }, at: deps.clock.now() });
  }
  return view;
}

export async function readCitizenTicket(deps: TicketDeps, actor: CitizenActor, no: string): Promise<CitizenTicketView> {
  return citizenView(deps, await loadTicketFor(deps.db, actor, no), actor);
}

export async function readStaffTicket(deps: TicketDeps, actor: StaffActor, no: string): Promise<StaffTicketView> {
  return staffView(deps, await loadTicketFor(deps.db, actor, no), actor);
}

export const summaryView = (deps: TicketDeps) => (t: TicketDoc) => ticketSummary(t, deps.clock.now());
