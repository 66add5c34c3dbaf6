import { z } from 'zod';
import { KNOWLEDGE_STATUSES } from '@mashang/shared';

/** Response shapes of the knowledge routes (for the OpenAPI document). */
export const knowledgeEntrySchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  tags: z.array(z.string()),
  unit: z.string(),
  unitName: z.string().nullable(),
  status: z.enum(KNOWLEDGE_STATUSES),
  reviewBy: z.string(),
  stale: z.boolean(),
  helpfulCount: z.number(),
  version: z.number(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  score: z.number().optional(),
});

export const oneEntry = z.object({ entry: knowledgeEntrySchema });

export const hitSchema = z.object({ id: z.string(), question: z.string(), snippet: z.string(), tags: z.array(z.string()), unitName: z.string().nullable(), score: z.number() });

export const staleUnitSchema = z.object({
  unit: z.string(),
  unitName: z.string().nullable(),
  count: z.number(),
  entries: z.array(z.object({ id: z.string(), question: z.string(), reviewBy: z.string() })),
});

export const historySchema = z.object({
  version: z.number(),
  action: z.enum(['create', 'edit', 'publish', 'retire']),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }),
  note: z.string().optional(),
  snapshot: z.object({ question: z.string(), answer: z.string(), tags: z.array(z.string()), unit: z.string(), status: z.string(), reviewBy: z.string() }),
});

export const entryIdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, '不是有效的编号') });
