import { z } from 'zod';
import { TEXT_LIMITS } from './limits';
import { idSchema, isoDateOrDateTimeSchema, optionalText, queryBooleanSchema, queryIntSchema, text } from './validation';

/**
 * Knowledge base payloads (001 §18, 002 §34, 003 §22): units keep policy answers current,
 * operators answer from them (即时答复, 000 §10), citizens search them.
 */
export const KNOWLEDGE_STATUSES = ['draft', 'published', 'retired'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export const KNOWLEDGE_STATUS_LABELS: Record<KnowledgeStatus, string> = { draft: '草稿', published: '已发布', retired: '已下线' };

export const KNOWLEDGE_LIMITS = { question: 200, answer: 5000, tag: 20, tags: 10, searchResults: 20, suggestions: 3 } as const;

/** An entry not reviewed for this long counts as stale when no review-by date is given. */
export const KNOWLEDGE_DEFAULT_REVIEW_DAYS = 365;

const tags = z
  .array(text(KNOWLEDGE_LIMITS.tag))
  .max(KNOWLEDGE_LIMITS.tags)
  .refine((t) => new Set(t).size === t.length, '标签重复');

/** POST /api/admin/v1/knowledge — `unit` defaults to the handler's own unit. */
export const knowledgeCreateSchema = z.strictObject({
  question: text(KNOWLEDGE_LIMITS.question, 2),
  answer: text(KNOWLEDGE_LIMITS.answer, 2),
  tags: tags.default([]),
  unit: idSchema.optional(),
  reviewBy: isoDateOrDateTimeSchema.optional(),
});
export type KnowledgeCreateInput = z.output<typeof knowledgeCreateSchema>;

/** PATCH /api/admin/v1/knowledge/{id} — any subset; the entry keeps its status. */
export const knowledgePatchSchema = z
  .strictObject({
    question: text(KNOWLEDGE_LIMITS.question, 2).optional(),
    answer: text(KNOWLEDGE_LIMITS.answer, 2).optional(),
    tags: tags.optional(),
    unit: idSchema.optional(),
    reviewBy: isoDateOrDateTimeSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '请至少修改一项')
  .meta({ minProperties: 1 });
export type KnowledgePatchInput = z.output<typeof knowledgePatchSchema>;

/** POST /api/admin/v1/knowledge/{id}/publish — optionally confirm a new review-by date. */
export const knowledgePublishSchema = z.strictObject({ reviewBy: isoDateOrDateTimeSchema.optional() });

/** POST /api/admin/v1/knowledge/{id}/retire */
export const knowledgeRetireSchema = z.strictObject({ reason: optionalText(TEXT_LIMITS.reason) });

/** GET /api/v1/knowledge?q= — citizen self-service search (published entries only). */
export const knowledgeSearchQuerySchema = z.strictObject({
  q: text(TEXT_LIMITS.query),
  limit: queryIntSchema(1, KNOWLEDGE_LIMITS.searchResults).default(10),
});
export type KnowledgeSearchQuery = z.output<typeof knowledgeSearchQuerySchema>;

/** GET /api/v1/knowledge/suggest?q= — as the citizen types a consultation; short input allowed. */
export const knowledgeSuggestQuerySchema = z.strictObject({ q: text(TEXT_LIMITS.query) });

/** GET /api/admin/v1/knowledge — operators' search and the units' maintenance list. */
export const knowledgeAdminQuerySchema = z.strictObject({
  q: optionalText(TEXT_LIMITS.query),
  unit: idSchema.optional(),
  status: z.enum(KNOWLEDGE_STATUSES).optional(),
  stale: queryBooleanSchema.optional(),
  cursor: idSchema.optional(),
  limit: queryIntSchema(1, 100).default(20),
});
export type KnowledgeAdminQuery = z.output<typeof knowledgeAdminQuerySchema>;

/** What citizens and operators see of an entry. */
export interface KnowledgeEntryView {
  id: string;
  question: string;
  answer: string;
  tags: string[];
  unit: string;
  unitName: string | null;
  status: KnowledgeStatus;
  reviewBy: string;
  stale: boolean;
  helpfulCount: number;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
}
