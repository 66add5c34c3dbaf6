/**
 * The audit trail (004 §4 「办理过程全程可溯」): who did what to which record, when. Entries are
 * insert-only. Details must never carry personal data in clear (names, phones): record ids
 * and changed field names, not values.
 */
import type { Connection, QueryFilter } from 'mongoose';
import type { Actor } from '@mashang/shared';
import { auditModel, type AuditActor, type AuditDoc, type AuditTarget } from './model';
import { newId, pageById, type Page } from './paging';

export interface AuditEntry {
  actor: Actor | AuditActor;
  action: string;
  target: AuditTarget;
  details?: Record<string, unknown>;
  at: Date;
}

function auditActor(actor: Actor | AuditActor): AuditActor {
  const name = 'name' in actor && typeof actor.name === 'string' ? actor.name : undefined;
  return { kind: actor.kind, id: actor.id, ...(name ? { name } : {}) };
}

/** Writes one audit entry. Call it after the change it records has been applied. */
export async function recordAudit(db: Connection, entry: AuditEntry): Promise<void> {
  await auditModel(db).create({
    _id: newId(),
    at: entry.at,
    actor: auditActor(entry.actor),
    action: entry.action,
    target: entry.target,
    ...(entry.details ? { details: entry.details } : {}),
  });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

export interface AuditView {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  target: AuditTarget;
  details?: Record<string, unknown>;
}

function toView(doc: AuditDoc): AuditView {
  return { id: doc._id, at: doc.at.toISOString(), actor: doc.actor, action: doc.action, target: doc.target, ...(doc.details ? { details: doc.details } : {}) };
}

function toQuery(f: AuditFilter): QueryFilter<AuditDoc> {
  const q: QueryFilter<AuditDoc> = {};
  if (f.actor) q['actor.id'] = f.actor;
  if (f.action) q.action = f.action;
  if (f.targetType) q['target.type'] = f.targetType;
  if (f.targetId) q['target.id'] = f.targetId;
  if (f.from || f.to) q.at = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  return q;
}

export async function listAudit(db: Connection, f: AuditFilter): Promise<Page<AuditView>> {
  const model = auditModel(db);
  const base = toQuery(f);
  const page = await pageById<AuditDoc>((bound, limit) => model.find({ ...base, ...bound }).sort({ _id: -1 }).limit(limit).lean<AuditDoc[]>(), f.cursor, f.limit);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}
