/** Case lists: newest first with an opaque cursor; `q` must match every word (tokens `$all`). */
import type { Connection, QueryFilter } from 'mongoose';
import { PAGE_LIMITS, type CaseStatus } from '@mashang/shared';
import { badRequest } from '../http/errors';
import { queryTokens } from '../tickets/search-tokens';
import { caseModel, type CaseDoc } from './model';

type SortField = 'publishedAt' | 'createdAt';

export interface CaseListInput {
  q?: string;
  cursor?: string;
  limit?: number;
  status?: CaseStatus;
}

export interface CasePage {
  items: CaseDoc[];
  nextCursor: string | null;
}

const encode = (at: Date, id: string): string => Buffer.from(`${at.getTime()}.${id}`).toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const m = /^(\d{1,15})\.([0-9a-f]{24})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badRequest('INVALID_CURSOR', '分页游标无效，请从第一页开始');
  return { at: new Date(Number(m[1])), id: m[2] };
}

export async function listCases(db: Connection, input: CaseListInput, sortBy: SortField): Promise<CasePage> {
  const and: QueryFilter<CaseDoc>[] = [];
  if (input.status) and.push({ status: input.status });
  const terms = input.q ? queryTokens(input.q) : [];
  if (terms.length) and.push({ tokens: { $all: terms } });
  if (input.cursor) {
    const { at, id } = decode(input.cursor);
    and.push({ $or: [{ [sortBy]: { $lt: at } }, { [sortBy]: at, _id: { $lt: id } }] } as QueryFilter<CaseDoc>);
  }
  const limit = input.limit ?? PAGE_LIMITS.default;
  const rows = await caseModel(db)
    .find(and.length ? { $and: and } : {}, { tokens: 0 })
    .sort({ [sortBy]: -1, _id: -1 })
    .limit(limit + 1)
    .lean<CaseDoc[]>();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encode(last[sortBy] as Date, last._id) : null };
}
