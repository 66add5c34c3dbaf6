/**
 * The knowledge base's write workflow: create, edit, publish, retire, mark helpful. Every
 * change is one versioned write (`applyVersioned`), then a history row with the new state, an
 * audit entry, and the search index brought in step.
 */
import type { Connection } from 'mongoose';
import { KNOWLEDGE_DEFAULT_REVIEW_DAYS, type Actor, type KnowledgeCreateInput, type KnowledgePatchInput } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import type { StaffActor } from '../http/route';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { conflict, notFound, preconditionFailed, unprocessable } from '../http/errors';
import { recordAudit } from '../audit/service';
import { newId } from '../audit/paging';
import { findUnit } from '../units/service';
import { knowledgeEntryModel, knowledgeHelpfulModel, knowledgeHistoryModel, type KnowledgeEntryDoc, type KnowledgeEntry, type KnowledgeHistoryAction } from './model';
import { assertMayEdit, targetUnit } from './access';
import { indexEntry } from './indexer';
import { parseChinaDate } from '../text';

export interface KnowledgeDeps {
  db: Connection;
  clock: Clock;
}

const DAY_MS = 86_400_000;

function futureReviewBy(raw: string | undefined, now: Date, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const date = parseChinaDate(raw);
  if (date.getTime() <= now.getTime()) throw unprocessable('KNOWLEDGE_REVIEW_DATE_PAST', '复核日期应晚于今天');
  return date;
}

const defaultReviewBy = (now: Date): Date => new Date(now.getTime() + KNOWLEDGE_DEFAULT_REVIEW_DAYS * DAY_MS);

async function checkedUnit(db: Connection, id: string): Promise<string> {
  const unit = await findUnit(db, id);
  if (!unit || !unit.active) throw unprocessable('UNIT_NOT_FOUND', '所属单位不存在或已停用');
  return unit._id;
}

/** The entry, or null. */
export async function findKnowledgeEntry(db: Connection, id: string): Promise<KnowledgeEntry | null> {
  return knowledgeEntryModel(db).findById(id).lean<KnowledgeEntry>();
}

/** The entry (any status), or 404 KNOWLEDGE_NOT_FOUND. The ticket `answer` action cites entries through it. */
export async function getKnowledgeEntry(db: Connection, id: string): Promise<KnowledgeEntry> {
  const entry = await findKnowledgeEntry(db, id);
  if (!entry) throw notFound('知识条目', 'KNOWLEDGE_NOT_FOUND');
  return entry;
}

async function recordChange(deps: KnowledgeDeps, entry: KnowledgeEntry, action: KnowledgeHistoryAction, actor: Actor, note?: string): Promise<void> {
  const name = actor.kind === 'staff' ? actor.name : undefined;
  const snapshot = { question: entry.question, answer: entry.answer, tags: entry.tags, unit: entry.unit, status: entry.status, reviewBy: entry.reviewBy };
  try {
    await knowledgeHistoryModel(deps.db).create({ _id: `${entry._id}:${entry.version}`, entry: entry._id, version: entry.version, action, at: entry.updatedAt, actor: { kind: actor.kind, id: actor.id, ...(name ? { name } : {}) }, snapshot, ...(note ? { note } : {}) });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await recordAudit(deps.db, { actor, action: `knowledge.${action}`, target: { type: 'knowledge', id: entry._id }, details: { version: entry.version, status: entry.status }, at: entry.updatedAt });
  await indexEntry(deps, entry._id);
}

export async function createKnowledgeEntry(deps: KnowledgeDeps, input: KnowledgeCreateInput, actor: StaffActor): Promise<KnowledgeEntryDoc> {
  const now = deps.clock.now();
  const unit = await checkedUnit(deps.db, targetUnit(actor, input.unit));
  const doc: KnowledgeEntryDoc = {
    _id: newId(),
    question: input.question,
    answer: input.answer,
    tags: input.tags,
    unit,
    status: 'draft',
    reviewBy: futureReviewBy(input.reviewBy, now, defaultReviewBy(now)),
    helpfulCount: 0,
    version: 0,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    retiredAt: null,
  };
  await knowledgeEntryModel(deps.db).create(doc);
  await recordChange(deps, doc, 'create', actor);
  return doc;
}

/**
 * Inserts a published entry with a caller-chosen id (seed data, imports from another system).
 * Returns false when the id exists already, so a repeated import changes nothing.
 */
export async function importKnowledgeEntry(deps: KnowledgeDeps, input: { id: string; question: string; answer: string; tags: string[]; unit: string }, actor: Actor): Promise<boolean> {
  const now = deps.clock.now();
  const doc: KnowledgeEntryDoc = { _id: input.id, question: input.question, answer: input.answer, tags: input.tags, unit: input.unit, status: 'published', reviewBy: defaultReviewBy(now), helpfulCount: 0, version: 0, createdBy: actor.id, createdAt: now, updatedAt: now, publishedAt: now, retiredAt: null };
  try {
    await knowledgeEntryModel(deps.db).create(doc);
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
  await recordChange(deps, doc, 'publish', actor);
  return true;
}

type Change = (entry: KnowledgeEntry, now: Date) => Promise<Partial<KnowledgeEntryDoc>> | Partial<KnowledgeEntryDoc>;

/** Reads, checks and writes one version of an entry; retries a lost race unless the caller pinned a version. */
async function changeEntry(deps: KnowledgeDeps, id: string, actor: StaffActor, ifMatch: number | undefined, action: KnowledgeHistoryAction, change: Change, note?: string): Promise<KnowledgeEntry> {
  const model = knowledgeEntryModel(deps.db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const entry = await getKnowledgeEntry(deps.db, id);
    assertMayEdit(actor, entry);
    if (ifMatch !== undefined && entry.version !== ifMatch) throw preconditionFailed(undefined, { version: entry.version });
    const now = deps.clock.now();
    const $set = { ...(await change(entry, now)), updatedAt: now };
    if ((await applyVersioned(model, id, entry.version, { $set }, now)) === 'applied') {
      const updated = await getKnowledgeEntry(deps.db, id);
      await recordChange(deps, updated, action, actor, note);
      return updated;
    }
    if (ifMatch !== undefined) throw preconditionFailed();
  }
  throw conflict('CONCURRENT_UPDATE', '数据正被同时修改，请稍后重试');
}

export function editKnowledgeEntry(deps: KnowledgeDeps, id: string, patch: KnowledgePatchInput, actor: StaffActor, ifMatch?: number): Promise<KnowledgeEntry> {
  return changeEntry(deps, id, actor, ifMatch, 'edit', async (entry, now) => {
    const next = { question: patch.question ?? entry.question, answer: patch.answer ?? entry.answer, tags: patch.tags ?? entry.tags };
    const unit = patch.unit && patch.unit !== entry.unit ? await checkedUnit(deps.db, targetUnit(actor, patch.unit)) : entry.unit;
    return { ...next, unit, reviewBy: futureReviewBy(patch.reviewBy, now, entry.reviewBy) };
  });
}

/** Publishing is also the unit's confirmation that the answer is current: the review date moves on. */
export function publishKnowledgeEntry(deps: KnowledgeDeps, id: string, input: { reviewBy?: string }, actor: StaffActor, ifMatch?: number): Promise<KnowledgeEntry> {
  return changeEntry(deps, id, actor, ifMatch, 'publish', (entry, now) => ({
    status: 'published',
    publishedAt: now,
    retiredAt: null,
    reviewBy: futureReviewBy(input.reviewBy, now, defaultReviewBy(now)),
  }));
}

export function retireKnowledgeEntry(deps: KnowledgeDeps, id: string, input: { reason?: string }, actor: StaffActor, ifMatch?: number): Promise<KnowledgeEntry> {
  return changeEntry(
    deps,
    id,
    actor,
    ifMatch,
    'retire',
    (entry, now) => {
      if (entry.status === 'retired') throw conflict('KNOWLEDGE_ALREADY_RETIRED', '该知识条目已下线');
      return { status: 'retired', retiredAt: now };
    },
    input.reason,
  );
}

/**
 * A citizen marks a published answer helpful, once: the `(entry, citizen)` row is a unique
 * insert. A repeat is answered like the first (idempotent) but not counted again.
 */
export async function markHelpful(deps: KnowledgeDeps, id: string, citizen: string): Promise<{ counted: boolean; helpfulCount: number }> {
  const entry = await findKnowledgeEntry(deps.db, id);
  if (!entry || entry.status !== 'published') throw notFound('知识条目', 'KNOWLEDGE_NOT_FOUND');
  try {
    await knowledgeHelpfulModel(deps.db).create({ _id: `${id}:${citizen}`, entry: id, citizen, at: deps.clock.now() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return { counted: false, helpfulCount: entry.helpfulCount };
  }
  // A display counter: `$inc` may lose a hit under contention on FerretDB; the rows are exact.
  await knowledgeEntryModel(deps.db).updateOne({ _id: id }, { $inc: { helpfulCount: 1 } });
  return { counted: true, helpfulCount: entry.helpfulCount + 1 };
}
