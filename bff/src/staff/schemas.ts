import { z } from 'zod';
import { STAFF_ROLES, idSchema, newPasswordSchema, optionalText, queryBooleanSchema, staffCreateSchema, text } from '@mashang/shared';
import { pageQuery } from '../audit/paging';

export const staffIdParams = z.strictObject({ id: idSchema });

const rolesSchema = z
  .array(z.enum(STAFF_ROLES))
  .min(1)
  .max(STAFF_ROLES.length)
  .refine((r) => new Set(r).size === r.length, '角色重复')
  .meta({ uniqueItems: true });

/** The shared create schema plus the rule a form can check without the database. */
export const staffCreateBody = staffCreateSchema.refine((b) => !b.roles.includes('handler') || Boolean(b.unit), { path: ['unit'], message: '承办人员须指定所属单位' });

/** PATCH /api/admin/v1/staff/{id}: `password` resets it; `unit: null` detaches the account from its unit. */
export const staffPatchSchema = z
  .strictObject({
    name: text(50).optional(),
    roles: rolesSchema.optional(),
    unit: idSchema.nullable().optional(),
    active: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '至少修改一项')
  .meta({ minProperties: 1 });

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
