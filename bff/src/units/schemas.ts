import { z } from 'zod';
import { UNIT_KINDS, UNIT_LEVELS, idSchema, optionalText, queryBooleanSchema, text } from '@mashang/shared';
import { pageQuery } from '../audit/paging';

export const unitIdParams = z.strictObject({ id: idSchema });

/** PATCH /api/admin/v1/units/{id}: `parent: null` moves the unit to the top of the tree. */
export const unitPatchSchema = z
  .strictObject({
    name: text(100).optional(),
    parent: idSchema.nullable().optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    is24h: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '至少修改一项')
  .meta({ minProperties: 1 });

export const unitListQuery = z.strictObject({
  parent: z.union([z.literal('root'), idSchema]).optional(),
  subtreeOf: idSchema.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  active: queryBooleanSchema.optional(),
  q: optionalText(50),
  cursor: pageQuery.cursor,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  level: z.enum(UNIT_LEVELS),
  kind: z.enum(UNIT_KINDS),
  is24h: z.boolean(),
  path: z.string().describe('materialized path `,rootId,…,id,`'),
  depth: z.number(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
