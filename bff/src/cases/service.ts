/**
 * Representative cases (004 §15 典型案例, 隐去个人信息): staff draft a case from a closed ticket;
 * its texts are redacted automatically as a proposal; the publisher reviews and edits them and
 * publishes; unpublishing hides the case again. Attachments are never published (faces and
 * plates in pictures are the publisher's responsibility, so none go out).
 */
import { Types, type Connection } from 'mongoose';
import type { CaseCreateInput, CaseStatus, CaseUpdateInput } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import { conflict, notFound, preconditionFailed, unprocessable } from '../http/errors';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { decryptOptional } from '../crypto';
import { CONTACT_NAME_CONTEXT, ticketModel, type TicketDoc } from '../tickets/model';
import { ticketTokens } from '../tickets/search-tokens';
import { unitModel, type UnitDoc } from '../units/model';
import { caseModel, type CaseActor, type CaseDoc } from './model';
import { redact, type Redaction } from './redact';
import { remainingPersonalData } from './views';
import { recordAudit } from '../audit/service';

export interface CaseDeps {
  db: Connection;
  dataKey: Buffer;
  now: Date;
}

const actorOf = (a: StaffActor): CaseActor => ({ id: a.id, ...(a.name ? { name: a.name } : {}) });
const caseTokens = (c: Pick<CaseDoc, 'title' | 'summary' | 'content' | 'result'>): string[] => ticketTokens([c.title, c.summary ?? '', c.content, c.result].join(' '));

function addFound(into: Redaction['found'], from: Redaction['found']): void {
  for (const [k, n] of Object.entries(from) as Array<[keyof Redaction['found'], number]>) into[k] = (into[k] ?? 0) + n;
}

async function closedTicket(db: Connection, no: string): Promise<TicketDoc> {
  const ticket = await ticketModel(db).findOne({ no }).lean<TicketDoc>();
  if (!ticket) throw notFound('工单', 'TICKET_NOT_FOUND');
  if (ticket.status !== 'closed') throw unprocessable('CASE_TICKET_NOT_CLOSED', '只有已办结的诉求才能作为案例公开', { status: ticket.status });
  if (ticket.confidential) throw unprocessable('CASE_TICKET_CONFIDENTIAL', '诉求人要求保密的诉求不能公开');
  return ticket;
}

async function unitName(db: Connection, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const unit = await unitModel(db).findById(id, { name: 1 }).lean<Pick<UnitDoc, 'name'>>();
  return unit?.name ?? null;
}

/** POST /api/admin/v1/cases: a draft whose texts are the redacted proposal. */
export async function createCase(deps: CaseDeps, input: CaseCreateInput, actor: StaffActor): Promise<CaseDoc> {
  const ticket = await closedTicket(deps.db, input.ticketNo);
  const contactName = decryptOptional(deps.dataKey, ticket.contact?.nameEnc, CONTACT_NAME_CONTEXT);
  const names = contactName ? [contactName] : [];
  const found: Redaction['found'] = {};
  const clean = (text: string): string => {
    const r = redact(text, { names });
    addFound(found, r.found);
    return r.text.trim();
  };
  const texts = { title: clean(input.title), summary: input.summary ? clean(input.summary) : null, content: clean(input.content ?? ticket.content), result: clean(input.result ?? ticket.result ?? '') };
  const doc: CaseDoc = {
    _id: new Types.ObjectId().toHexString(),
    ticketNo: ticket.no,
    ...texts,
    type: ticket.type,
    category: null,
    unitName: await unitName(deps.db, ticket.leadUnit),
    filedAt: ticket.createdAt,
    closedAt: ticket.closedAt ?? null,
    redacted: found,
    status: 'draft',
    tokens: caseTokens(texts),
    createdBy: actorOf(actor),
    publishedBy: null,
    publishedAt: null,
    version: 0,
    createdAt: deps.now,
    updatedAt: deps.now,
  };
  const model = caseModel(deps.db);
  await model.init();
  try {
    await model.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await model.findOne({ ticketNo: ticket.no }, { _id: 1 }).lean<Pick<CaseDoc, '_id'>>();
    throw conflict('CASE_EXISTS', '该诉求已有案例', { id: existing?._id ?? null });
  }
  return doc;
}

export async function getCase(db: Connection, id: string): Promise<CaseDoc> {
  const c = await caseModel(db).findById(id).lean<CaseDoc>();
  if (!c) throw notFound('案例', 'CASE_NOT_FOUND');
  return c;
}

export async function getPublishedCase(db: Connection, id: string): Promise<CaseDoc> {
  const c = await caseModel(db).findOne({ _id: id, status: 'published' }).lean<CaseDoc>();
  if (!c) throw notFound('案例', 'CASE_NOT_FOUND');
  return c;
}

async function applyChange(deps: CaseDeps, c: CaseDoc, set: Partial<CaseDoc>): Promise<CaseDoc> {
  const outcome = await applyVersioned(caseModel(deps.db), c._id, c.version, { $set: { ...set, updatedAt: deps.now } }, deps.now);
  if (outcome === 'lost') throw conflict('CONCURRENT_UPDATE', '案例已被他人修改，请刷新后重试');
  return getCase(deps.db, c._id);
}

/** PATCH: the publisher's own wording; a published case is withdrawn first, so the public never sees half an edit. */
export async function updateCase(deps: CaseDeps, id: string, input: CaseUpdateInput): Promise<CaseDoc> {
  const c = await getCase(deps.db, id);
  if (c.version !== input.version) throw preconditionFailed(undefined, { version: c.version });
  if (c.status === 'published') throw conflict('CASE_PUBLISHED', '案例已公开，请先撤回公开再修改');
  const texts = {
    title: input.title ?? c.title,
    summary: input.summary !== undefined ? input.summary : c.summary,
    content: input.content ?? c.content,
    result: input.result ?? c.result,
  };
  return applyChange(deps, c, { ...texts, tokens: caseTokens(texts) });
}

/** Numbers that identify a person are never published, whatever the publisher wrote. */
const BLOCKING = ['id-card', 'phone', 'email'] as const;

function move(c: CaseDoc, to: CaseStatus, allowed: readonly CaseStatus[]): void {
  if (!allowed.includes(c.status)) throw conflict('CASE_INVALID_TRANSITION', to === 'published' ? '案例已公开' : '案例未公开，无需撤回', { status: c.status });
}

/** The name the citizen gave on the ticket: never published, with or without a cue word. */
async function contactNames(deps: CaseDeps, ticketNo: string): Promise<string[]> {
  const ticket = await ticketModel(deps.db).findOne({ no: ticketNo }, { contact: 1 }).lean<Pick<TicketDoc, 'contact'>>();
  const name = decryptOptional(deps.dataKey, ticket?.contact?.nameEnc, CONTACT_NAME_CONTEXT);
  return name ? [name] : [];
}

/** An `If-Match` version, when sent, must be the case's: the publisher acts on the text it read. */
function checkVersion(c: CaseDoc, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && c.version !== ifMatch) throw preconditionFailed(undefined, { version: c.version });
}

export async function publishCase(deps: CaseDeps, id: string, actor: StaffActor, ifMatch?: number): Promise<CaseDoc> {
  const c = await getCase(deps.db, id);
  checkVersion(c, ifMatch);
  move(c, 'published', ['draft', 'unpublished']);
  const names = await contactNames(deps, c.ticketNo);
  const remaining = remainingPersonalData(c, names);
  const contactNameLeft = (remaining.name ?? 0) > (remainingPersonalData(c).name ?? 0);
  const blocking = BLOCKING.filter((k) => remaining[k]);
  if (blocking.length || contactNameLeft) throw unprocessable('CASE_PERSONAL_DATA', '案例中仍有电话、身份证号、邮箱或诉求人姓名，请删除后再公开', { remaining });
  const published = await applyChange(deps, c, { status: 'published', publishedBy: actorOf(actor), publishedAt: deps.now });
  await recordAudit(deps.db, { actor, action: 'case.publish', target: { type: 'case', id: c._id }, details: { ticketNo: c.ticketNo }, at: deps.now });
  return published;
}

export async function unpublishCase(deps: CaseDeps, id: string, ifMatch?: number): Promise<CaseDoc> {
  const c = await getCase(deps.db, id);
  checkVersion(c, ifMatch);
  move(c, 'unpublished', ['published']);
  return applyChange(deps, c, { status: 'unpublished' });
}
