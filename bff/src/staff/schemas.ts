import { z } from 'zod';
import { STAFF_ROLES, idSchema, optionalText, queryBooleanSchema, staffCreateSchema } from '@mashang/shared';
import { pageQuery } from '../audit/paging';

export const staffIdParams = z.strictObject({ id: idSchema });

/** The shared create schema plus the rule a form can check without the database. */
export const staffCreateBody = staffCreateSchema.refine((b) => !b.roles.includes('handler') || Boolean(b.unit), { path: ['unit'], message: '承办人员须指定所属单位' });

export const staffListQuery = z.strictObject({
  role: z.enum(STAFF_ROLES).optional(),
  unit: idSchema.optional(),
  active: queryBooleanSchema.optional(),
  q: optionalText(50),
  ...pageQuery,
});

export const staffSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  unit: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
