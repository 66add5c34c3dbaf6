import { z } from 'zod';
import { CONTENT_LIMITS, TEXT_LIMITS } from './limits';
import { idSchema, isoDateOrDateTimeSchema, queryBooleanSchema, sceneSchema, text } from './validation';
import { categoryCodeSchema } from './scene-schemas';

/**
 * The dispatch catalogue 派发工单目录 (002 §20): a 大类-中类-小类 tree in the spirit of
 * GB/T 39666, each category mapped to the responsible unit per region.
 */
export const CATEGORY_LEVELS = [1, 2, 3] as const;
export const CATEGORY_LEVEL_LABELS: Record<(typeof CATEGORY_LEVELS)[number], string> = { 1: '大类', 2: '中类', 3: '小类' };

/** Who handles a category in a region (`region: null` = everywhere else). */
export const assignmentSchema = z.strictObject({
  region: idSchema.nullable(),
  lead: idSchema,
  coUnits: z.array(idSchema).max(10).default([]),
});
export type Assignment = z.output<typeof assignmentSchema>;

const keywords = z.array(text(20)).max(30);
const assignments = z
  .array(assignmentSchema)
  .max(200)
  .refine((a) => new Set(a.map((x) => x.region ?? '')).size === a.length, '同一区域只能有一条派单规则');

/** POST /api/admin/v1/catalog — `code` is allocated under the parent when not given. */
export const categoryCreateSchema = z.strictObject({
  code: categoryCodeSchema.optional(),
  name: text(TEXT_LIMITS.name),
  parent: categoryCodeSchema.optional(),
  keywords: keywords.default([]),
  assignments: assignments.default([]),
});
export type CategoryCreateInput = z.output<typeof categoryCreateSchema>;

/** PATCH /api/admin/v1/catalog/{code} — `assignments` replaces the whole list. */
export const categoryPatchSchema = z
  .strictObject({
    name: text(TEXT_LIMITS.name).optional(),
    keywords: keywords.optional(),
    assignments: assignments.optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '请至少修改一项')
  .meta({ minProperties: 1 });
export type CategoryPatchInput = z.output<typeof categoryPatchSchema>;

export const categoryListQuerySchema = z.strictObject({ active: queryBooleanSchema.optional() });

/** POST /api/admin/v1/catalog/suggest — which unit should lead this matter? */
export const dispatchSuggestSchema = z.strictObject({
  text: text(CONTENT_LIMITS.max, 1),
  sceneId: sceneSchema.optional(),
  region: idSchema.optional(),
  category: categoryCodeSchema.optional(),
});
export type DispatchSuggestInput = z.output<typeof dispatchSuggestSchema>;

/** GET /api/admin/v1/catalog/accuracy?from=&to= */
export const dispatchAccuracyQuerySchema = z.strictObject({
  from: isoDateOrDateTimeSchema.optional(),
  to: isoDateOrDateTimeSchema.optional(),
});

export interface DispatchSuggestion {
  leadUnit: string | null;
  coUnits: string[];
  category: string | null;
  /** 0…1: how much the signals agree; below 0.5 the dispatcher should look closely. */
  confidence: number;
  reasons: string[];
}
