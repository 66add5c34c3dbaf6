import { z } from 'zod';
import { idSchema, phoneSchema, text } from '@mashang/shared';

export const citizenSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  phone: z.string().optional(),
  createdAt: z.string(),
});

export const citizenStaffSchema = citizenSchema.extend({
  flags: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
});

/** PATCH /api/v1/me: `null` clears a field. */
export const profilePatchSchema = z
  .strictObject({ name: text(32).nullable().optional(), phone: phoneSchema.nullable().optional() })
  .refine((p) => p.name !== undefined || p.phone !== undefined, '至少修改一项')
  .meta({ anyOf: [{ required: ['name'] }, { required: ['phone'] }] });

export const citizenIdParams = z.strictObject({ id: idSchema });

export const flagBodySchema = z.strictObject({ reason: text(200) });
