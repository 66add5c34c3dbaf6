/**
 * 督办 records (000 §22-24): written once per supervision event (idempotent by `_id`), then
 * resolved by a supervisor or escalated to 政务督查 (000 §24) — by a supervisor, or by the
 * sweeper once the feedback date has passed. Every state change is one versioned write.
 */
import type { Connection } from 'mongoose';
import type { Actor, SupervisionMeans, SupervisionTrigger } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { newId } from '../audit/paging';
import { conflict, notFound } from '../http/errors';
import { supervisionModel, type SupervisionActor, type SupervisionDoc, type SupervisionStatus, type SupervisionStep } from './model';

export interface SupervisionDeps {
  db: Connection;
  clock: Clock;
}

/** The ticket fields a record needs (the ticket document after the action was stored). */
export interface SupervisedTicket {
  no: string;
  leadUnit?: string | null;
  coUnits?: readonly string[];
  round: number;
  /** The ticket version the `supervise` action produced (ids of staff-opened records). */
  version: number;
}

export interface OpenSupervisionInput {
  ticket: SupervisedTicket;
  trigger: SupervisionTrigger;
  means?: SupervisionMeans;
  note?: string;
  dueAt?: Date | null;
  by: Actor;
  related?: readonly string[];
}

export function supervisionActor(actor: Actor): SupervisionActor {
  if (actor.kind === 'system') return { kind: 'system', id: 'system' };
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.id, ...(actor.name ? { name: actor.name } : {}) };
  return { kind: 'staff', id: actor.id };
}

/** `${no}:${trigger}:${round}` for the platform's own records, one per staff `supervise` action otherwise. */
export function supervisionId(input: { ticket: Pick<SupervisedTicket, 'no' | 'round'> & { version?: number }; trigger: SupervisionTrigger; by: Actor }): string {
  return input.by.kind === 'system' ? `${input.ticket.no}:${input.trigger}:${input.ticket.round}` : `${input.ticket.no}:v${input.ticket.version ?? 0}`;
}

async function insertOnce(db: Connection, doc: SupervisionDoc): Promise<{ record: SupervisionDoc; created: boolean }> {
  const model = supervisionModel(db);
  try {
    await model.init(); // the unique `key` index must exist before racing inserts
    await model.create(doc);
    return { record: doc, created: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await model.findById(doc._id).lean<SupervisionDoc>();
    if (!existing) throw err;
    return { record: existing, created: false };
  }
}

function newRecord(id: string, fields: Omit<SupervisionDoc, '_id' | 'key' | 'version' | 'createdAt' | 'updatedAt' | 'resolution' | 'escalation' | 'status'>, escalate: boolean): SupervisionDoc {
  // 000 §24: a supervision whose means is 政务督查 is an escalation from the start.
  const escalation: SupervisionStep | null = escalate ? { note: fields.note, by: fields.by, at: fields.at } : null;
  return { _id: id, key: newId(), ...fields, status: escalate ? 'escalated' : 'open', resolution: null, escalation, version: 0, createdAt: fields.at, updatedAt: fields.at };
}

/**
 * Writes the record of an `open-supervision` effect (the `supervise` action, or an automatic
 * trigger). Calling it again for the same event returns the stored record unchanged.
 */
export async function openSupervision(deps: SupervisionDeps, input: OpenSupervisionInput): Promise<{ record: SupervisionDoc; created: boolean }> {
  const now = deps.clock.now();
  const t = input.ticket;
  const means = input.means ?? 'reminder';
  const doc = newRecord(
    supervisionId(input),
    {
      ticketNo: t.no,
      unit: t.leadUnit ?? null,
      units: [...new Set([...(t.leadUnit ? [t.leadUnit] : []), ...(t.coUnits ?? [])])],
      trigger: input.trigger,
      means,
      note: input.note ?? '',
      by: supervisionActor(input.by),
      at: now,
      dueAt: input.dueAt ?? null,
      round: t.round,
      automatic: input.by.kind === 'system',
      related: [...(input.related ?? [])],
    },
    means === 'inspection',
  );
  return insertOnce(deps.db, doc);
}

export interface UnitSupervisionInput {
  unit: string;
  trigger: SupervisionTrigger;
  /** Distinguishes one occurrence from the next, e.g. the month (`2026-11`). */
  period: string;
  note: string;
  dueAt?: Date | null;
  related?: readonly string[];
}

/** A platform record about a unit rather than one ticket (stale knowledge, 001 §22(4)). */
export async function openUnitSupervision(deps: SupervisionDeps, input: UnitSupervisionInput): Promise<{ record: SupervisionDoc; created: boolean }> {
  const now = deps.clock.now();
  const doc = newRecord(
    `unit:${input.unit}:${input.trigger}:${input.period}`,
    {
      ticketNo: null,
      unit: input.unit,
      units: [input.unit],
      trigger: input.trigger,
      means: 'reminder',
      note: input.note,
      by: { kind: 'system', id: 'system' },
      at: now,
      dueAt: input.dueAt ?? null,
      round: 1,
      automatic: true,
      related: [...(input.related ?? [])],
    },
    false,
  );
  return insertOnce(deps.db, doc);
}

export async function findSupervision(db: Connection, id: string): Promise<SupervisionDoc | null> {
  return supervisionModel(db).findById(id).lean<SupervisionDoc>();
}

export async function getSupervision(db: Connection, id: string): Promise<SupervisionDoc> {
  const doc = await findSupervision(db, id);
  if (!doc) throw notFound('督办记录', 'SUPERVISION_NOT_FOUND');
  return doc;
}

/** One step open → resolved | escalated, as one versioned write; a record already moved → 409. */
async function close(deps: SupervisionDeps, record: SupervisionDoc, to: Exclude<SupervisionStatus, 'open'>, step: SupervisionStep): Promise<SupervisionDoc> {
  if (record.status !== 'open') throw conflict('SUPERVISION_NOT_OPEN', `督办记录已${record.status === 'resolved' ? '办结' : '提交政务督查'}`, { status: record.status });
  const field = to === 'resolved' ? 'resolution' : 'escalation';
  const update = { $set: { status: to, [field]: step, updatedAt: step.at } };
  const won = await applyVersioned(supervisionModel(deps.db), record._id, record.version, update, step.at);
  if (won === 'lost') throw conflict('SUPERVISION_CHANGED', '督办记录已被他人处理，请刷新后重试');
  return { ...record, status: to, [field]: step, updatedAt: step.at, version: record.version + 1 };
}

export async function resolveSupervision(deps: SupervisionDeps, id: string, note: string, actor: Actor): Promise<SupervisionDoc> {
  const record = await getSupervision(deps.db, id);
  return close(deps, record, 'resolved', { note, by: supervisionActor(actor), at: deps.clock.now() });
}

/** 000 §24: hands an unresolved supervision to 政务督查. */
export async function escalateSupervision(deps: SupervisionDeps, record: SupervisionDoc, note: string, actor: Actor): Promise<SupervisionDoc> {
  return close(deps, record, 'escalated', { note, by: supervisionActor(actor), at: deps.clock.now() });
}

/** Open records whose feedback date has passed (the sweeper escalates them, 000 §24). */
export async function overdueSupervisions(db: Connection, now: Date, limit = 200): Promise<SupervisionDoc[]> {
  return supervisionModel(db).find({ status: 'open', dueAt: { $lt: now } }).sort({ dueAt: 1 }).limit(limit).lean<SupervisionDoc[]>();
}

/** A ticket's records, oldest first, for the staff ticket detail. */
export async function listSupervisions(db: Connection, ticketNo: string): Promise<SupervisionDoc[]> {
  return supervisionModel(db).find({ ticketNo }).sort({ at: 1, key: 1 }).lean<SupervisionDoc[]>();
}
