import { z } from 'zod';
import { CONTENT_LIMITS, PAGE_LIMITS, TEXT_LIMITS } from './limits';
import { cursorSchema, idSchema, optionalText, queryIntSchema, text, ticketNoSchema, VISIBLE_TEXT_PATTERN } from './validation';

/**
 * Representative cases published with personal data removed (004 §15). Staff draft a case from
 * a closed ticket (the text is redacted automatically as a proposal), review and edit it, then
 * publish. Photos and other attachments are never published with it: faces and plates in
 * pictures are the publisher's responsibility, so they stay out.
 */
export const CASE_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { draft: '草稿', published: '已公开', unpublished: '已撤回公开' };

/** Said in the admin UI next to the publish button. */
export const CASE_PUBLISHER_NOTICE =
  '公开前请逐字核对：系统已自动隐去姓名、电话、身份证号、车牌和门牌号等信息，但不能保证完全识别；图片、视频中的人脸和车牌由发布人负责，附件默认不公开。';

export const caseCreateSchema = z.strictObject({
  ticketNo: ticketNoSchema,
  title: text(TEXT_LIMITS.title),
  summary: optionalText(500),
  /** The publisher's own text; absent → the ticket's content, redacted. */
  content: optionalText(CONTENT_LIMITS.max),
  /** Absent → the ticket's result, redacted. */
  result: optionalText(TEXT_LIMITS.result),
});
export type CaseCreateInput = z.output<typeof caseCreateSchema>;

export const caseUpdateSchema = z
  .strictObject({
    title: text(TEXT_LIMITS.title).optional(),
    summary: optionalText(500),
    content: text(CONTENT_LIMITS.max).optional(),
    result: text(TEXT_LIMITS.result).optional(),
    version: z.number().int().min(0),
  })
  .refine((v) => v.title !== undefined || v.summary !== undefined || v.content !== undefined || v.result !== undefined, { message: '请至少修改一项', path: ['title'] })
  .meta({ anyOf: (['title', 'summary', 'content', 'result'] as const).map((k) => ({ required: [k], properties: { [k]: { pattern: VISIBLE_TEXT_PATTERN } } })) });
export type CaseUpdateInput = z.output<typeof caseUpdateSchema>;

export const caseIdParamsSchema = z.strictObject({ id: idSchema });

export const caseListQuerySchema = z.strictObject({
  q: optionalText(TEXT_LIMITS.query),
  cursor: cursorSchema.optional(),
  limit: queryIntSchema(1, PAGE_LIMITS.max).optional(),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export const adminCaseListQuerySchema = caseListQuerySchema.extend({ status: z.enum(CASE_STATUSES).optional() });
