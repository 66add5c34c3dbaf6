/**
 * Who may see a ticket. A citizen sees only their own; a handler (unit staff) only tickets
 * where its unit is the lead or a co-unit, or must review the lead unit's application (004 §8-9); platform staff (operator, dispatcher, supervisor,
 * visitor, admin) see all. Not visible and not there answer the same 404, so numbers cannot be
 * probed.
 */
import type { Connection } from 'mongoose';
import type { Actor, RegulationProfile, StaffRole } from '@mashang/shared';
import type { AppDeps } from '../app';
import { notFound } from '../http/errors';
import type { CitizenActor, StaffActor } from '../http/route';
import type { CanReadMedia } from '../media/access';
import { ownerOnly } from '../media/access';
import { ticketOfMedia } from '../uploads/service';
import { ticketModel, type TicketDoc } from './model';

export type TicketViewer = CitizenActor | StaffActor;
/** Whoever may act on a ticket: a viewer, or the platform's own jobs (the sweeper). */
export type SystemActor = Extract<Actor, { kind: 'system' }>;
export type TicketActor = TicketViewer | SystemActor;

const PLATFORM_ROLES: readonly StaffRole[] = ['admin', 'operator', 'dispatcher', 'supervisor', 'visitor'];

/** Staff who see every ticket (and unmasked contacts of confidential ones, audited). */
export const isPlatformStaff = (actor: StaffActor): boolean => actor.roles.some((r) => PLATFORM_ROLES.includes(r));

/** A handler-only account: sees its unit's tickets, with confidential contacts masked. */
export const isUnitOnly = (actor: StaffActor): boolean => !isPlatformStaff(actor);

/**
 * What unit staff see: `units` — their unit's tickets (lead or co) and an application their unit
 * must review; `jurisdiction` (profiles handling bottom-up) — also every ticket of a unit under
 * theirs: the 乡镇（街道） answers for its area's results and the 区县指挥中心 watches its district's
 * (004 §4(2), §4(3)). Reading only: acting stays with the lead, co- and reviewing units.
 */
export type TicketScope = 'units' | 'jurisdiction';
export const ticketScopeOf = (profile: Pick<RegulationProfile, 'bottomUp'>): TicketScope => (profile.bottomUp ? 'jurisdiction' : 'units');

export function canSeeTicket(actor: TicketActor, ticket: Pick<TicketDoc, 'citizenId' | 'leadUnit' | 'coUnits' | 'reviewUnit' | 'unitScope'>, scope: TicketScope): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'citizen') return ticket.citizenId === actor.id;
  if (isPlatformStaff(actor)) return true;
  const unit = actor.unit;
  if (!unit) return false;
  if (ticket.leadUnit === unit || ticket.coUnits.includes(unit) || ticket.reviewUnit === unit) return true;
  return scope === 'jurisdiction' && Boolean(ticket.unitScope?.includes(unit));
}

/**
 * A ticket's `_id` is its number (an `_id` lookup is the one every engine serves fast); tickets
 * stored before that keep an ObjectId `_id` and are found by the `no` index.
 */
export async function findTicketByNo(db: Connection, no: string): Promise<TicketDoc | null> {
  const tickets = ticketModel(db);
  return (await tickets.findById(no).lean<TicketDoc>()) ?? tickets.findOne({ no }).lean<TicketDoc>();
}

/** The ticket `no` as the actor may see it, else 404 TICKET_NOT_FOUND. */
export async function loadTicketFor(deps: { db: Connection; profile: Pick<RegulationProfile, 'bottomUp'> }, actor: TicketActor, no: string): Promise<TicketDoc> {
  const ticket = await findTicketByNo(deps.db, no);
  if (!ticket || !canSeeTicket(actor, ticket, ticketScopeOf(deps.profile))) throw notFound('诉求', 'TICKET_NOT_FOUND');
  return ticket;
}

/** The media port: the uploader, and whoever may see the ticket the object is attached to. */
export const canReadTicketMedia: CanReadMedia = async (deps: AppDeps, actor, key) => {
  if (await ownerOnly(deps, actor, key)) return true;
  const no = await ticketOfMedia(deps, key);
  if (!no) return false;
  const ticket = await findTicketByNo(deps.db, no);
  return Boolean(ticket && canSeeTicket(actor, ticket, ticketScopeOf(deps.profile)));
};
