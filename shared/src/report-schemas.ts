import { z } from 'zod';
import { idSchema, isoDateOrDateTimeSchema, queryIntSchema } from './validation';

/** Hot spots (000 §21, 001 §27, 002 §36, 004 §16): counts per bucket and rising-trend warnings. */
export const HOTSPOT_DIMENSIONS = ['category', 'region', 'scene', 'week', 'type', 'unit'] as const;
export type HotspotDimension = (typeof HOTSPOT_DIMENSIONS)[number];

export const HOTSPOT_DIMENSION_LABELS: Record<HotspotDimension, string> = {
  category: '诉求分类',
  region: '区域',
  scene: '码上反映点位',
  week: '周',
  type: '诉求类型',
  unit: '承办单位',
};

/** GET /api/admin/v1/stats/hotspots */
export const hotspotsQuerySchema = z.strictObject({
  from: isoDateOrDateTimeSchema.optional(),
  to: isoDateOrDateTimeSchema.optional(),
  by: z.enum(HOTSPOT_DIMENSIONS).default('category'),
  unit: idSchema.optional(),
  top: queryIntSchema(1, 100).optional(),
});
export type HotspotsQuery = z.output<typeof hotspotsQuerySchema>;

/** 周分析、月通报、年总结 (003 §19). */
export const REPORT_KINDS = ['weekly', 'monthly', 'yearly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { weekly: '周分析', monthly: '月通报', yearly: '年总结' };

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `2026-W48` (ISO week), `2026-11`, `2026`. */
export const PERIOD_PATTERNS: Record<ReportKind, RegExp> = {
  weekly: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
  yearly: /^\d{4}$/,
};

export const reportParamsSchema = z.strictObject({ kind: z.enum(REPORT_KINDS) });

/** GET /api/admin/v1/reports/{kind}?period=&format= — period defaults to the last complete one. */
export const reportQuerySchema = z.strictObject({
  period: z.string().trim().max(8).regex(/^\d{4}(-W\d{2}|-\d{2})?$/, '期间格式应为 2026、2026-11 或 2026-W48').optional(),
  format: z.enum(REPORT_FORMATS).default('json'),
});
export type ReportQuery = z.output<typeof reportQuerySchema>;
