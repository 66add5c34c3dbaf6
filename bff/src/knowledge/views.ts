import type { Connection } from 'mongoose';
import type { KnowledgeEntryView } from '@mashang/shared';
import { findUnit } from '../units/service';
import type { KnowledgeEntry, KnowledgeEntryDoc, KnowledgeHistoryDoc } from './model';

export const isStale = (e: Pick<KnowledgeEntryDoc, 'status' | 'reviewBy'>, now: Date): boolean => e.status === 'published' && e.reviewBy.getTime() < now.getTime();

/** Names of the given units, one `_id` lookup each (FerretDB scans on `$in`). */
export async function unitNames(db: Connection, ids: Iterable<string>): Promise<Map<string, string>> {
  const distinct = [...new Set(ids)];
  const units = await Promise.all(distinct.map((id) => findUnit(db, id)));
  return new Map(units.filter((u) => u !== null).map((u) => [u._id, u.name]));
}

export function entryView(e: KnowledgeEntry, names: Map<string, string>, now: Date): KnowledgeEntryView {
  return {
    id: e._id,
    question: e.question,
    answer: e.answer,
    tags: e.tags,
    unit: e.unit,
    unitName: names.get(e.unit) ?? null,
    status: e.status,
    reviewBy: e.reviewBy.toISOString(),
    stale: isStale(e, now),
    helpfulCount: e.helpfulCount,
    version: e.version,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export async function entryViews(db: Connection, entries: KnowledgeEntry[], now: Date): Promise<KnowledgeEntryView[]> {
  const names = await unitNames(db, entries.map((e) => e.unit));
  return entries.map((e) => entryView(e, names, now));
}

export interface KnowledgeHistoryView {
  version: number;
  action: string;
  at: string;
  actor: { kind: string; id: string; name?: string };
  note?: string;
  snapshot: { question: string; answer: string; tags: string[]; unit: string; status: string; reviewBy: string };
}

export function historyView(h: KnowledgeHistoryDoc): KnowledgeHistoryView {
  return {
    version: h.version,
    action: h.action,
    at: h.at.toISOString(),
    actor: h.actor,
    ...(h.note ? { note: h.note } : {}),
    snapshot: { ...h.snapshot, tags: h.snapshot.tags ?? [], reviewBy: h.snapshot.reviewBy.toISOString() },
  };
}
