import { z } from 'zod';
import { STAFF_ROLES } from './actor';
import { CHANNELS, TICKET_CLASSES, TICKET_TYPES, UNIT_KINDS, UNIT_LEVELS } from './enums';
import { MEDIA_KINDS, MEDIA_LIMITS, TEXT_LIMITS } from './limits';
import { cursorSchema, idSchema, isoDateOrDateTimeSchema, optionalText, text } from './validation';

/**
 * zod schemas of the HTTP contract (ARCHITECTURE.md). The BFF validates requests with them and
 * the mini-program validates its forms with the same objects. Ticket payloads live in
 * ticket-schemas.ts, action bodies in action-schemas.ts; both are re-exported here.
 */
export * from './ticket-schemas';
export * from './action-schemas';

/** POST /api/v1/auth/wechat — the code from wx.login(). */
export const wechatLoginSchema = z.strictObject({ code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,128}$/, '登录凭证格式不正确') });

/** POST /api/v1/auth/refresh and /api/v1/auth/logout — the citizen's refresh token (43 base64url characters). */
export const refreshTokenSchema = z.strictObject({ refreshToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, '刷新凭证格式不正确') });

/** POST /api/v1/uploads — ask for an upload slot; checked against MEDIA_LIMITS. */
export const uploadRequestSchema = z
  .strictObject({
    kind: z.enum(MEDIA_KINDS),
    mime: z.string().trim().toLowerCase().max(100),
    size: z.number().int().min(1).max(1024 * 1024 * 1024),
    duration: z.number().positive().max(3600).optional(),
  })
  .superRefine((u, ctx) => {
    const limit = MEDIA_LIMITS[u.kind];
    if (!limit.mimes.includes(u.mime)) {
      ctx.addIssue({ code: 'custom', path: ['mime'], message: `不支持的文件格式，请上传 ${limit.extensions.join('、')} 文件` });
    }
    if (u.size > limit.maxBytes) {
      ctx.addIssue({ code: 'custom', path: ['size'], message: `文件不能超过 ${Math.round(limit.maxBytes / 1024 / 1024)} MB` });
    }
    if (limit.maxDurationSec !== undefined && u.duration === undefined) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: '请提供录制时长' });
    }
    if (limit.maxDurationSec !== undefined && u.duration !== undefined && u.duration > limit.maxDurationSec) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: `时长不能超过 ${limit.maxDurationSec} 秒` });
    }
  });
export type UploadRequest = z.output<typeof uploadRequestSchema>;

export const usernameSchema = z.string().trim().regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字、点、下划线或连字符');

/** POST /api/admin/v1/auth/login */
export const staffLoginSchema = z.strictObject({ username: usernameSchema, password: z.string().min(1).max(128) });

/** POST /api/admin/v1/units */
export const unitCreateSchema = z.strictObject({
  name: text(TEXT_LIMITS.title),
  parent: idSchema.optional(),
  level: z.enum(UNIT_LEVELS),
  kind: z.enum(UNIT_KINDS).optional(),
  is24h: z.boolean().optional(),
});
export type UnitCreateInput = z.output<typeof unitCreateSchema>;

/** PATCH /api/admin/v1/units/{id}: `parent: null` moves the unit to the top of the tree. */
export const unitPatchSchema = z
  .strictObject({
    name: text(100).optional(),
    parent: idSchema.nullable().optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    is24h: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: '请至少修改一项', path: ['name'] })
  .meta({ minProperties: 1 });
export type UnitPatchInput = z.output<typeof unitPatchSchema>;

/** Passwords of new staff: 8–128 characters with letters and digits. */
export const newPasswordSchema = z
  .string()
  .min(10, '密码至少 10 位')
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字')
  .meta({ pattern: '^(?:[^\\n]*[A-Za-z][^\\n]*[0-9]|[^\\n]*[0-9][^\\n]*[A-Za-z])[^\\n]*$' });

const staffRolesSchema = z
  .array(z.enum(STAFF_ROLES))
  .min(1)
  .max(STAFF_ROLES.length)
  .refine((r) => new Set(r).size === r.length, '角色重复')
  .meta({ uniqueItems: true });

/** POST /api/admin/v1/staff */
export const staffCreateSchema = z.strictObject({
  username: usernameSchema,
  password: newPasswordSchema,
  name: text(TEXT_LIMITS.name),
  roles: staffRolesSchema,
  unit: idSchema.optional(),
});
export type StaffCreateInput = z.output<typeof staffCreateSchema>;

/** PATCH /api/admin/v1/staff/{id}: `password` resets it; `unit: null` detaches the account from its unit. */
export const staffPatchSchema = z
  .strictObject({
    name: text(TEXT_LIMITS.name).optional(),
    roles: staffRolesSchema.optional(),
    unit: idSchema.nullable().optional(),
    active: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: '请至少修改一项', path: ['name'] })
  .meta({ minProperties: 1 });
export type StaffPatchInput = z.output<typeof staffPatchSchema>;

/** GET /api/admin/v1/sla/preview */
export const slaPreviewQuerySchema = z.strictObject({
  type: z.enum(TICKET_TYPES),
  start: isoDateOrDateTimeSchema,
  class: z.enum(TICKET_CLASSES).optional(),
  channel: z.enum(CHANNELS).optional(),
});
export type SlaPreviewQuery = z.output<typeof slaPreviewQuerySchema>;

/** GET /api/admin/v1/stats/units */
export const statsQuerySchema = z.strictObject({
  from: isoDateOrDateTimeSchema.optional(),
  to: isoDateOrDateTimeSchema.optional(),
  unit: idSchema.optional(),
});

/** GET /api/v1/knowledge */
export const knowledgeQuerySchema = z.strictObject({ q: optionalText(TEXT_LIMITS.query), cursor: cursorSchema.optional() });
