import { z } from 'zod';
import { UNIT_KINDS, UNIT_LEVELS, idSchema, optionalText, queryBooleanSchema } from '@mashang/shared';
import { pageQuery } from '../audit/paging';

export const unitIdParams = z.strictObject({ id: idSchema });

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
