import { z } from 'zod';
import { CHANNELS, CLAIMANT_KINDS, TICKET_CLASSES, TICKET_STATUSES, TICKET_TYPES } from './enums';
import { CONTENT_LIMITS, MAX_ATTACHMENTS, PAGE_LIMITS, TEXT_LIMITS } from './limits';
import { categoryCodeSchema } from './scene-schemas';
import { CONFIDENTIAL_DESCRIPTION, DISCLOSE_IDENTITY_DESCRIPTION } from './confidentiality';
import {
  VISIBLE_TEXT_PATTERN,
  cursorSchema,
  idSchema,
  idempotencyKeySchema,
  isoDateOrDateTimeSchema,
  optionalText,
  phoneSchema,
  queryBooleanSchema,
  queryIntSchema,
  sceneSchema,
  storageKeySchema,
  text,
  ticketNoSchema,
} from './validation';

/** Where the matter is: a map point and/or a written address. */
export const locationSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    address: optionalText(TEXT_LIMITS.address),
    name: optionalText(TEXT_LIMITS.address),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), { message: '经纬度需同时提供', path: ['lng'] })
  .refine((l) => l.lat !== undefined || Boolean(l.address) || Boolean(l.name), { message: '请提供位置或地址', path: ['address'] })
  // The two refinements, as JSON Schema says them (the OpenAPI document is generated from this schema).
  .meta({
    anyOf: [
      { required: ['lat', 'lng'] },
      { required: ['address'], properties: { address: { pattern: VISIBLE_TEXT_PATTERN } }, not: { anyOf: [{ required: ['lat'] }, { required: ['lng'] }] } },
      { required: ['name'], properties: { name: { pattern: VISIBLE_TEXT_PATTERN } }, not: { anyOf: [{ required: ['lat'] }, { required: ['lng'] }] } },
    ],
  });

export const contactSchema = z.strictObject({ name: text(TEXT_LIMITS.name), phone: phoneSchema });

const content = text(CONTENT_LIMITS.max, CONTENT_LIMITS.min);
const attachments = z.array(storageKeySchema).max(MAX_ATTACHMENTS);

const claimant = z
  .enum(CLAIMANT_KINDS)
  .optional()
  .describe('who files it (002 §3): `person` (default) or `organisation` — a legal person or other organisation (法人和非法人组织); where the profile has a `businessTrack` (Liaoning 002 §19, §26, §30) an organisation’s request other than a consultation runs on the 涉企营商环境 track: its own limit (15 working days), the result reviewed by the 营商环境建设主管部门, closure only after a visit with the claimant’s signed agreement');

/** POST /api/v1/tickets — the citizen's submit form. */
export const createTicketSchema = z.strictObject({
  type: z.enum(TICKET_TYPES),
  content,
  attachments: attachments.default([]),
  location: locationSchema.optional(),
  scene: sceneSchema.optional(),
  contact: contactSchema.optional(),
  confidential: z.boolean().optional().describe(CONFIDENTIAL_DESCRIPTION),
  discloseIdentity: z.boolean().optional().describe(DISCLOSE_IDENTITY_DESCRIPTION),
  claimant,
  idempotencyKey: idempotencyKeySchema,
});
export type CreateTicketInput = z.output<typeof createTicketSchema>;

/** POST /api/admin/v1/tickets — an operator keys in a call, letter or board message. */
export const operatorCreateTicketSchema = z.strictObject({
  type: z.enum(TICKET_TYPES),
  content,
  channel: z.enum(CHANNELS).default('hotline'),
  callerPhone: phoneSchema,
  callerName: optionalText(TEXT_LIMITS.name),
  attachments: attachments.default([]),
  location: locationSchema.optional(),
  confidential: z.boolean().optional().describe(CONFIDENTIAL_DESCRIPTION),
  /** The caller agreed on the phone that the units may see who they are (004 §14). */
  discloseIdentity: z.boolean().optional().describe(DISCLOSE_IDENTITY_DESCRIPTION),
  class: z.enum(TICKET_CLASSES).optional(),
  claimant,
  /** Dispatch-catalogue code (002 §20) when the operator knows it; inferred at accept/dispatch otherwise. */
  category: categoryCodeSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type OperatorCreateTicketInput = z.output<typeof operatorCreateTicketSchema>;

const limit = queryIntSchema(1, PAGE_LIMITS.max).optional();

/** GET /api/v1/tickets */
export const citizenTicketListQuerySchema = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  cursor: cursorSchema.optional(),
  limit,
});
export type CitizenTicketListQuery = z.output<typeof citizenTicketListQuerySchema>;

/** Filters of the staff list that also narrow its queue counts (GET /api/admin/v1/tickets/counts). */
const staffTicketFilters = {
  unit: idSchema.optional(),
  type: z.enum(TICKET_TYPES).optional(),
  channel: z.enum(CHANNELS).optional(),
  class: z.enum(TICKET_CLASSES).optional(),
  q: optionalText(TEXT_LIMITS.query),
  from: isoDateOrDateTimeSchema.optional(),
  to: isoDateOrDateTimeSchema.optional(),
};

/** A queue flag: only `true` selects (the queue); the opposite of a queue is not a queue. */
const queueFlag = z.union([z.literal(true), z.literal('true').transform((): true => true)]);

/** GET /api/admin/v1/tickets/counts */
export const adminTicketCountsQuerySchema = z.strictObject(staffTicketFilters);
export type AdminTicketCountsQuery = z.output<typeof adminTicketCountsQuerySchema>;

/** GET /api/admin/v1/tickets */
export const adminTicketListQuerySchema = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  ...staffTicketFilters,
  overdue: queryBooleanSchema.optional(),
  /** 003 §16: the visitors' queue of visits past their window. */
  visitOverdue: queryBooleanSchema.optional(),
  /** 即将超期: still owed, due within the profile's warning window (`warningBefore`). */
  dueSoon: queueFlag.optional().describe('`true`: tickets the unit still owes whose due date falls within the active profile’s warning window (`warningBefore`) from now, not yet overdue (即将超期)'),
  /** 督办: an open supervision record (000 §22). */
  supervised: queueFlag.optional().describe('`true`: tickets with an open 督办 record (000 §22-24)'),
  /** 延期申请: an extension request waits for the supervisor's decision. */
  extensionPending: queueFlag.optional().describe('`true`: tickets whose extension request (申请延期) waits for a decision'),
  /** 退回申请: the lead unit asked to return the ticket (status `returning`). */
  returnPending: queueFlag.optional().describe('`true`: tickets whose return request (申请退回) waits for the dispatcher (status `returning`)'),
  /** 下级申请待审核: applications of the units below waiting for the unit above (004 §8-9). */
  reviewPending: queueFlag.optional().describe('`true`: where the profile handles bottom-up (004 §7-9), the applications of the units below — 转请处理, 不予受理 and 办结申请 — waiting for this staff member’s unit to decide (`reviewUnit`); for platform staff, those waiting for any unit'),
  cursor: cursorSchema.optional(),
  limit,
});
export type AdminTicketListQuery = z.output<typeof adminTicketListQuerySchema>;

export const ticketNoParamsSchema = z.strictObject({ no: ticketNoSchema });

/** POST /api/admin/v1/tickets/{no}/notes — an internal note: staff only, never in the citizen view. */
export const internalNoteSchema = z.strictObject({ note: text(TEXT_LIMITS.note) });
export type InternalNoteInput = z.output<typeof internalNoteSchema>;
