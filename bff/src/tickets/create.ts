/**
 * New tickets: a citizen submits from the mini-program, or an operator keys in a hotline call.
 * Nothing is created half-way: the number is reserved, the content checked and the attachments
 * verified and claimed first; then one insert. A retry with the same idempotency key returns the
 * same ticket — the unique indexes decide between parallel retries, and the loser reads the
 * winner. Every lookup is by `_id` (intake record `citizen:key`, ticket = its number); the
 * cluster check of 000 §23(5) runs in the sweeper, off this path.
 */
import { isConfidentialByDefault, isConfidentialRequest, startTicket, type Actor, type Effect, type CreateTicketInput, type OperatorCreateTicketInput, type TicketClass, type ClaimantKind, type TicketType, type Channel } from '@mashang/shared';
import { isDuplicateKey } from '../db/atomic';
import { AppError, unauthorized } from '../http/errors';
import type { CitizenActor, StaffActor } from '../http/route';
import { decryptOptional, encryptOptional, phoneHash } from '../crypto';
import { newId } from '../audit/paging';
import { citizenModel, NAME_CONTEXT, PHONE_CONTEXT, type CitizenDoc } from '../citizens/model';
import { createRateLimiter, type RateLimiter } from '../ratelimit';
import { releaseAttachments, verifyAttachments } from '../uploads/service';
import { checkText, contentRiskyError } from '../wechat/sec-check';
import { CONTACT_NAME_CONTEXT, CONTACT_PHONE_CONTEXT, readyTicketModel, type TicketContact, type TicketDoc, type TicketLocation } from './model';
import { reservedTicketNo, reserveTicketNo } from './numbers';
import { findTicketByNo } from './access';
import { ticketTokens } from './search-tokens';
import { searchableText } from './confidential';
import { metricKeysFor } from './metric-keys';
import { timelineActor, transitionContext, type TicketDeps } from './deps';
import { performEffects } from './effects';
import { checkCategory } from './dispatch-catalog';

export interface CreateOutcome {
  ticket: TicketDoc;
  /** false: an earlier attempt with the same idempotency key created it. */
  created: boolean;
}

/** Submits per citizen per hour (000 §29, 002 §38); retries of one submit do not count. */
export const SUBMITS_PER_HOUR = 20;

interface Draft {
  citizenId: string;
  /** Where the citizen's notices go; null for a hotline caller. */
  openid: string | null;
  idempotencyKey: string;
  type: TicketType;
  channel: Channel;
  class?: TicketClass;
  /** 002 §3, §19: an organisation's request (涉企 track where the profile has one). */
  claimant?: ClaimantKind;
  category: string | null;
  content: string;
  attachmentKeys: string[];
  location: TicketLocation | null;
  scene: string | null;
  contact: TicketContact | null;
  confidential: boolean;
  confidentialByDefault?: boolean;
  needsReview: boolean;
}

/** The intake record's `_id`: one per citizen and idempotency key. */
const intakeIdOf = (citizenId: string, idempotencyKey: string): string => `${citizenId}:${idempotencyKey}`;

/** What an earlier attempt of this intake left: the number it reserved and the ticket, once stored. */
interface Earlier {
  no: string | null;
  ticket: TicketDoc | null;
}

/** `_id` lookups only: the intake record, then (on a retry) the ticket by its number. */
async function earlierAttempt(deps: TicketDeps, citizenId: string, idempotencyKey: string): Promise<Earlier> {
  const no = await reservedTicketNo(deps.db, intakeIdOf(citizenId, idempotencyKey));
  return { no, ticket: no ? await findTicketByNo(deps.db, no) : null };
}

function contactOf(deps: TicketDeps, name: string | undefined, phone: string | undefined): TicketContact | null {
  if (!name && !phone) return null;
  const key = deps.secrets.dataKey;
  const contact: TicketContact = {};
  const nameEnc = encryptOptional(key, name, CONTACT_NAME_CONTEXT);
  const phoneEnc = encryptOptional(key, phone, CONTACT_PHONE_CONTEXT);
  if (nameEnc) contact.nameEnc = nameEnc;
  if (phoneEnc) contact.phoneEnc = phoneEnc;
  if (phone) contact.phoneHash = phoneHash(key, phone);
  return contact;
}

/** The form's contact, else the name and phone the citizen keeps in their profile. */
function citizenContact(deps: TicketDeps, citizen: CitizenDoc, input: CreateTicketInput): TicketContact | null {
  if (input.contact) return contactOf(deps, input.contact.name, input.contact.phone);
  const key = deps.secrets.dataKey;
  return contactOf(deps, decryptOptional(key, citizen.nameEnc, NAME_CONTEXT), decryptOptional(key, citizen.phoneEnc, PHONE_CONTEXT));
}

/** The submit row of the state machine, the BFF's fields, one insert. */
function buildDocument(deps: TicketDeps, draft: Draft, no: string, actor: Actor, attachments: TicketDoc['attachments']): { doc: TicketDoc; effects: Effect[] } {
  const now = deps.clock.now();
  const started = startTicket({ no, type: draft.type, channel: draft.channel, citizenId: draft.citizenId, class: draft.class ?? null, ...(draft.claimant ? { claimant: draft.claimant } : {}) }, actor, transitionContext(deps, now));
  if (!started.ok) throw new AppError(started.error.status, started.error.code, started.error.message, started.error.details);
  const doc: TicketDoc = {
    ...started.ticket,
    _id: no,
    idempotencyKey: draft.idempotencyKey,
    openid: draft.openid,
    content: draft.content,
    category: draft.category,
    tokens: ticketTokens(searchableText(deps, draft, draft.content), draft.location),
    attachments,
    location: draft.location,
    scene: draft.scene,
    contact: draft.contact,
    confidential: draft.confidential,
    ...(draft.confidentialByDefault ? { confidentialByDefault: true } : {}),
    needsReview: draft.needsReview,
    timeline: [{ ...started.entry, at: now, actor: timelineActor(actor) }],
    unitScope: [],
    metricKeys: metricKeysFor([], null, started.ticket, started.effects, now),
    handlingWorkingDays: null,
    internalNotes: [],
    updatedAt: now,
  };
  return { doc, effects: started.effects };
}

/** `reserved`: the number an earlier attempt of this intake reserved without storing its ticket. */
async function insertTicket(deps: TicketDeps, draft: Draft, actor: Actor, reserved: string | null): Promise<CreateOutcome> {
  const no = reserved ?? (await reserveTicketNo(deps.db, intakeIdOf(draft.citizenId, draft.idempotencyKey), deps.clock.now()));
  const attachments = await verifyAttachments(deps, draft.citizenId, draft.attachmentKeys, no);
  const { doc, effects } = buildDocument(deps, draft, no, actor, attachments);
  const tickets = await readyTicketModel(deps.db);
  try {
    await tickets.create(doc);
  } catch (err) {
    if (isDuplicateKey(err)) {
      // Every attempt of one intake uses its one number: the winner is the ticket of that number.
      const winner = await findTicketByNo(deps.db, no);
      if (winner) return { ticket: winner, created: false };
    }
    await releaseAttachments(deps, draft.attachmentKeys, no);
    throw err;
  }
  // 000 §23(5) clusters of separately filed requests: checked by the sweeper (sweeper/new-tickets.ts), off this path.
  await performEffects(deps, { before: null, after: doc, effects, actor });
  return { ticket: doc, created: true };
}

function submitLimiter(deps: TicketDeps): RateLimiter {
  return createRateLimiter(deps, { name: 'ticket-submit', limit: SUBMITS_PER_HOUR, windowMs: 3_600_000 });
}

/** POST /api/v1/tickets: content safety (msg_sec_check), attachments, one ticket per idempotency key. */
export async function submitTicket(deps: TicketDeps, actor: CitizenActor, input: CreateTicketInput): Promise<CreateOutcome> {
  // Independent steps side by side: a submit waits for two round trips here, not four.
  const [earlier, citizen] = await Promise.all([earlierAttempt(deps, actor.id, input.idempotencyKey), citizenModel(deps.db).findById(actor.id).lean<CitizenDoc>()]);
  if (earlier.ticket) return { ticket: earlier.ticket, created: false };
  if (!citizen) throw unauthorized('用户不存在，请重新登录', 'CITIZEN_NOT_FOUND');
  const [, verdict] = await Promise.all([submitLimiter(deps).consume(actor.id), checkText(deps, citizen.openid, input.content)]);
  if (verdict.verdict === 'risky') throw contentRiskyError();
  const draft: Draft = {
    citizenId: actor.id,
    openid: citizen.openid,
    idempotencyKey: input.idempotencyKey,
    type: input.type,
    channel: 'miniapp',
    ...(input.claimant ? { claimant: input.claimant } : {}),
    category: null,
    content: input.content,
    attachmentKeys: input.attachments,
    location: input.location ?? null,
    scene: input.scene ?? null,
    contact: citizenContact(deps, citizen, input),
    confidential: isConfidentialRequest(input.type, input),
    confidentialByDefault: isConfidentialByDefault(input.type, input),
    needsReview: verdict.verdict === 'review',
  };
  return insertTicket(deps, draft, actor, earlier.no);
}

/**
 * The caller of a hotline ticket, as a stable pseudo-citizen id from the keyed phone hash. It is
 * deliberately not linked to a mini-program account with the same phone: profile phones are
 * self-declared, and linking would show the call to whoever typed that number.
 */
export const hotlineCitizenId = (deps: Pick<TicketDeps, 'secrets'>, phone: string): string => `phone-${phoneHash(deps.secrets.dataKey, phone).slice(0, 32)}`;

/** POST /api/admin/v1/tickets: an operator keys in a call, letter or message-board post. */
export async function keyInTicket(deps: TicketDeps, actor: StaffActor, input: OperatorCreateTicketInput): Promise<CreateOutcome> {
  const citizenId = hotlineCitizenId(deps, input.callerPhone);
  const idempotencyKey = input.idempotencyKey ?? `op-${newId()}`;
  const earlier = await earlierAttempt(deps, citizenId, idempotencyKey);
  if (earlier.ticket) return { ticket: earlier.ticket, created: false };
  if (input.category) await checkCategory(deps, input.category);
  const draft: Draft = {
    citizenId,
    openid: null,
    idempotencyKey,
    type: input.type,
    channel: input.channel,
    ...(input.class ? { class: input.class } : {}),
    ...(input.claimant ? { claimant: input.claimant } : {}),
    category: input.category ?? null,
    content: input.content,
    attachmentKeys: input.attachments,
    location: input.location ?? null,
    scene: null,
    contact: contactOf(deps, input.callerName, input.callerPhone),
    confidential: isConfidentialRequest(input.type, input),
    confidentialByDefault: isConfidentialByDefault(input.type, input),
    needsReview: false,
  };
  return insertTicket(deps, draft, actor, earlier.no);
}

/** A request an outside system files for a reporter it knows (Open311 GeoReport v2): no account, no mini-program. */
export interface ExternalIntake {
  /** The reporter as a pseudo-citizen (a hotline caller's id when a phone is given). */
  citizenId: string;
  idempotencyKey: string;
  type: TicketType;
  channel: Channel;
  category: string | null;
  content: string;
  location: TicketLocation | null;
  name?: string;
  phone?: string;
  confidential: boolean;
  /** Confidential only for want of consent (see isConfidentialByDefault). */
  confidentialByDefault?: boolean;
}

/** An intake through an outside channel: the reporter files as its pseudo-citizen, the contact encrypted as a hotline caller's. */
export async function fileExternalTicket(deps: TicketDeps, input: ExternalIntake): Promise<CreateOutcome> {
  const earlier = await earlierAttempt(deps, input.citizenId, input.idempotencyKey);
  if (earlier.ticket) return { ticket: earlier.ticket, created: false };
  if (input.category) await checkCategory(deps, input.category);
  const { name, phone, ...rest } = input;
  const draft: Draft = {
    ...rest,
    openid: null,
    attachmentKeys: [],
    scene: null,
    contact: contactOf(deps, name, phone),
    needsReview: false,
  };
  return insertTicket(deps, draft, { kind: 'citizen', id: input.citizenId }, earlier.no);
}
