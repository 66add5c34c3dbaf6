/** Response shapes of the ticket routes, for the OpenAPI document (the views in view.ts produce them). */
import { z } from 'zod';
import { CHANNELS, CLAIMANT_KINDS, REJECT_REASON_CODES, RETURN_GROUNDS, TERMINATION_REASON_CODES, TICKET_ACTIONS, TICKET_STATUSES, TICKET_TYPES } from '@mashang/shared';
import { SWEEP_EVENT_KINDS } from '../sweeper/events';

const timelineEntry = z.object({
  at: z.string(),
  action: z.enum(TICKET_ACTIONS),
  label: z.string().optional().describe('plain Chinese for the action (citizen views always carry it; 000 §11)'),
  from: z.enum(TICKET_STATUSES).nullable(),
  to: z.enum(TICKET_STATUSES),
  actor: z.object({ kind: z.enum(['citizen', 'staff', 'system']) }).loose(),
  note: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const ticketSummarySchema = z.object({
  no: z.string().meta({ example: '20261124-000123' }),
  type: z.enum(TICKET_TYPES),
  status: z.enum(TICKET_STATUSES),
  statusLabel: z.string(),
  version: z.number().int(),
  channel: z.enum(CHANNELS),
  class: z.string().nullable(),
  category: z.string().nullable().describe('dispatch-catalogue code (002 §20): the operator’s, else suggested at accept, confirmed at dispatch'),
  content: z.string().describe('the citizen’s text; redacted (phones, ID numbers, the contact’s name…) for unit staff on a confidential ticket'),
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  dueAt: z.string().nullable(),
  overdue: z.boolean().describe('derived at read time: the due date passed while the unit still owes the reply'),
  visitDueAt: z.string().nullable().describe('while visiting: the platform visits the citizen by then (003 §16, from the approval of the reply)'),
  visitOverdue: z.boolean().describe('derived at read time: the visit is due and not done (003 §16) — the visitors’ overdue work; the ticket is never closed for it'),
  confidential: z.boolean(),
  attachmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ticketDetailSchema = ticketSummarySchema
  .extend({
    attachments: z.array(z.object({ key: z.string(), kind: z.string(), mime: z.string(), size: z.number() }).loose()),
    location: z.object({}).loose().nullable(),
    contact: z
      .object({ name: z.string().optional(), phone: z.string().optional() })
      .nullable()
      .describe('the citizen’s contact; null when none was given, and always for unit staff on a confidential ticket (000 §14, 004 §14: they also get no `citizenId`, no citizen ids on the timeline, no merge or follower data, and the citizen’s texts redacted)'),
    claimant: z.enum(CLAIMANT_KINDS).describe('`organisation`: a legal person or other organisation (002 §3); on the profile’s 涉企营商环境 track (002 §19) unless a consultation'),
    deadlines: z.object({}).loose().nullable(),
    timeline: z.array(timelineEntry),
    result: z.string().nullable(),
    rating: z.object({}).loose().nullable(),
    allowedActions: z.array(z.enum(TICKET_ACTIONS)).describe('actions this viewer may offer now (state-machine table checks)'),
  })
  .loose();

export const oneTicket = z.object({ ticket: ticketDetailSchema });

/** The staff detail (GET /api/admin/v1/tickets/{no}) adds the platform's records about the ticket. */
export const oneStaffTicket = z.object({
  ticket: ticketDetailSchema.extend({
    reviewUnit: z
      .string()
      .nullable()
      .describe('the unit above that decides the lead unit’s pending application (004 §7-9 bottom-up): its 转请处理 or 不予受理 application (`returning`) or a community’s 办结申请 (`replied`); null: the platform decides'),
    reviewDueAt: z.string().nullable().describe('when the `reviewUnit` should have decided (the profile’s `bottomUp.reviewWithin`, 004 §8-9 「及时」); past it the sweeper warns that unit'),
    pendingReturn: z
      .object({
        reason: z.string(),
        unit: z.string(),
        requestedAt: z.string(),
        transferTo: z.string().optional(),
        approvedBy: z.string().optional(),
        grounds: z.enum(RETURN_GROUNDS).optional().describe('004 §9: outside the unit’s authority, or recusal (回避)'),
        outOfScope: z.enum(REJECT_REASON_CODES).optional().describe('a 不予受理申请 (004 §8): the reason the applicant gives'),
        passedUpBy: z.array(z.string()).optional().describe('units that reviewed the application and passed it up (004 §7 转请), lowest first'),
      })
      .loose()
      .nullable()
      .describe('the lead unit’s application to return or pass on the request, while `returning`'),
    pendingTermination: z
      .object({ reasonCode: z.enum(TERMINATION_REASON_CODES), reason: z.string(), material: z.string(), unit: z.string(), requestedAt: z.string() })
      .nullable()
      .describe('the lead unit’s application to end handling, waiting for the platform’s decision (001 §15(5)(6))'),
    closureConsent: z.object({ signedBy: z.string(), at: z.string(), round: z.number().int() }).nullable().describe('the claimant’s signed (sealed) agreement to close a 涉企 request, recorded at the visit (002 §26)'),
    businessReviewedAt: z.string().nullable().describe('when the 营商环境建设主管部门 approved the result of a 涉企 request (002 §19 ¶1, §26)'),
    supervisions: z.array(z.object({ id: z.string(), trigger: z.string(), means: z.string(), status: z.string(), at: z.string() }).loose()).describe('督办 records (000 §22-24), oldest first'),
    sweepEvents: z.array(z.object({ kind: z.enum(SWEEP_EVENT_KINDS), round: z.number().int(), deadline: z.string().nullable(), at: z.string() })),
    notices: z.array(z.object({ template: z.string(), ticketVersion: z.number().int(), status: z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']), attempts: z.number().int(), createdAt: z.string() }).loose()).describe('subscribe messages to the citizen (and followers)'),
  }),
});
export const ticketPage = z.object({ items: z.array(ticketSummarySchema), nextCursor: z.string().nullable() });

/** Errors every action may answer, from the state machine and the versioned write. */
export const ACTION_ERRORS = {
  400: { description: 'VALIDATION_FAILED, MALFORMED_JSON, INVALID_IF_MATCH, MEDIA_KEY_INVALID (an attachment key that is not an upload key)' },
  403: { description: 'ROLE_NOT_ALLOWED, NOT_YOUR_UNIT, MEDIA_NOT_OWNED (an attachment uploaded by someone else)' },
  404: { description: 'TICKET_NOT_FOUND (also when the ticket is not yours / not your unit\'s)' },
  409: { description: 'INVALID_TRANSITION (not allowed in the current status), CONFLICT (another action won the race; reload and retry), MEDIA_ALREADY_USED (an attachment already used elsewhere)' },
  412: { description: 'VERSION_MISMATCH: If-Match names an older version' },
  422: { description: 'RULE_VIOLATION (a regulation rule; the message names the article), UNIT_NOT_FOUND, UNIT_INACTIVE, CATEGORY_NOT_FOUND, CATEGORY_NOT_LEAF, KNOWLEDGE_ENTRY_NOT_FOUND (answer cites a missing or unpublished entry), MERGE_TARGET_NOT_FOUND, MEDIA_*' },
} as const;

export const IF_MATCH = { 'If-Match': 'the ticket `version` last read (also sent as ETag); 412 VERSION_MISMATCH when the ticket changed since' };
