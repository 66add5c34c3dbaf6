import { z } from 'zod';
import { TEXT_LIMITS } from './limits';
import { idSchema, optionalText, queryBooleanSchema, sceneSchema, text } from './validation';

/**
 * QR code points (码上反映): a printed code at a place. The `scene` string is what WeChat
 * passes to the mini-program (≤ 32 characters); generated codes use [A-Za-z0-9] only.
 */
export const SCENE_CODE_LENGTH = 10;

export const coordinatesSchema = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

/** Dispatch-catalogue category codes: two digits per level (大类 01, 中类 0101, 小类 010101). */
export const categoryCodeSchema = z.string().trim().regex(/^(\d{2}){1,3}$/, '分类编码格式不正确');

const categories = z
  .array(categoryCodeSchema)
  .max(10)
  .refine((c) => new Set(c).size === c.length, '分类重复');

/** POST /api/admin/v1/scenes — `scene` may be given (printed codes that must stay stable), else generated. */
export const sceneCreateSchema = z.strictObject({
  scene: sceneSchema.optional(),
  name: text(TEXT_LIMITS.title),
  address: text(TEXT_LIMITS.address),
  location: coordinatesSchema,
  region: idSchema.optional(),
  defaultUnit: idSchema.optional(),
  categories: categories.default([]),
  active: z.boolean().default(true),
});
export type SceneCreateInput = z.output<typeof sceneCreateSchema>;

/** PATCH /api/admin/v1/scenes/{id} — the scene code itself never changes (it is printed). */
export const scenePatchSchema = z
  .strictObject({
    name: text(TEXT_LIMITS.title).optional(),
    address: text(TEXT_LIMITS.address).optional(),
    location: coordinatesSchema.optional(),
    region: idSchema.nullable().optional(),
    defaultUnit: idSchema.nullable().optional(),
    categories: categories.optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '请至少修改一项')
  .meta({ minProperties: 1 });
export type ScenePatchInput = z.output<typeof scenePatchSchema>;

/** GET /api/admin/v1/scenes */
export const sceneListQuerySchema = z.strictObject({
  active: queryBooleanSchema.optional(),
  region: idSchema.optional(),
  q: optionalText(TEXT_LIMITS.query),
});

export const sceneParamsSchema = z.strictObject({ scene: sceneSchema });

/** GET /api/v1/scenes/{scene} — what the mini-program shows after a scan. */
export interface ScenePublicView {
  scene: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  suggestedUnit: { id: string; name: string } | null;
  categories: Array<{ code: string; name: string; path: string }>;
}
