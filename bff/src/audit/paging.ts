/**
 * Ids and cursor pages shared by the admin lists. Ids are ObjectId hex strings created by the
 * BFF, so they sort by creation and one string type flows from the database to the JSON.
 */
import { Types } from 'mongoose';
import { z } from 'zod';

export const newId = (): string => new Types.ObjectId().toHexString();

export const idSchema = z.string().regex(/^[0-9a-f]{24}$/, '不是有效的编号');

export const pageQuery = {
  cursor: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type IdBound = { _id?: { $lt: string } | { $gt: string } };

/**
 * Keyset pagination on `_id` (newest first by default): the caller passes the filter, this
 * adds the cursor bound and fetches one extra row to know whether another page exists.
 */
export async function pageById<D extends { _id: string }>(
  fetch: (bound: IdBound, limit: number) => Promise<D[]>,
  cursor: string | undefined,
  limit: number,
  order: 'asc' | 'desc' = 'desc',
): Promise<Page<D>> {
  const bound: IdBound = cursor ? { _id: order === 'desc' ? { $lt: cursor } : { $gt: cursor } } : {};
  const rows = await fetch(bound, limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]._id : null };
}
