/**
 * Counts of tickets per bucket of one dimension, portable to FerretDB v1: one `$group` with one
 * `$sum` accumulator per query. Tickets carry a `category` once a dispatcher confirmed one;
 * those still without are classified from their text against the dispatch catalogue (002 §20)
 * here, so hot spots show matters from the first day.
 */
import type { Connection, PipelineStage, QueryFilter } from 'mongoose';
import type { HotspotDimension } from '@mashang/shared';
import { classify } from '../catalog/classify';
import type { CategoryDoc } from '../catalog/model';
import { ticketModel, type TicketDoc } from '../tickets/model';

export type BucketDimension = Exclude<HotspotDimension, 'week'>;

/** The document field each dimension groups on. */
const FIELD: Record<BucketDimension, string> = {
  category: 'category',
  region: 'location.region',
  scene: 'scene',
  type: 'type',
  unit: 'leadUnit',
};

/** At most this many uncategorised tickets are classified per query (the rest count as 未分类). */
export const CLASSIFY_LIMIT = 5000;

export interface BucketCounts {
  counts: Map<string | null, number>;
  /** Uncategorised tickets beyond CLASSIFY_LIMIT were left 未分类. */
  truncated: boolean;
}

interface GroupRow {
  _id: string | null;
  n: number;
}

async function groupCount(db: Connection, match: QueryFilter<TicketDoc>, field: string): Promise<Map<string | null, number>> {
  const rows = await ticketModel(db).aggregate<GroupRow>([{ $match: match } as PipelineStage, { $group: { _id: `$${field}`, n: { $sum: 1 } } }]);
  const out = new Map<string | null, number>();
  for (const r of rows) out.set(r._id ?? null, (out.get(r._id ?? null) ?? 0) + r.n);
  return out;
}

async function classifyUncategorised(db: Connection, match: QueryFilter<TicketDoc>, categories: readonly CategoryDoc[], into: Map<string | null, number>): Promise<boolean> {
  const none = into.get(null) ?? 0;
  if (!none || !categories.length) return false;
  into.delete(null);
  const rows = await ticketModel(db)
    .find({ ...match, category: null } as QueryFilter<TicketDoc>, { content: 1 })
    .sort({ createdAt: -1 })
    .limit(CLASSIFY_LIMIT)
    .lean<Array<Pick<TicketDoc, 'content'>>>();
  for (const t of rows) {
    const code = classify(categories, t.content)[0]?.category._id ?? null;
    into.set(code, (into.get(code) ?? 0) + 1);
  }
  const left = none - rows.length;
  if (left > 0) into.set(null, (into.get(null) ?? 0) + left);
  return left > 0;
}

export async function bucketCounts(db: Connection, match: QueryFilter<TicketDoc>, by: BucketDimension, categories: readonly CategoryDoc[]): Promise<BucketCounts> {
  const counts = await groupCount(db, match, FIELD[by]);
  const truncated = by === 'category' ? await classifyUncategorised(db, match, categories, counts) : false;
  return { counts, truncated };
}

export async function countIn(db: Connection, match: QueryFilter<TicketDoc>): Promise<number> {
  return ticketModel(db).countDocuments(match);
}
