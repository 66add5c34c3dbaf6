import { z } from 'zod';
import { SATISFACTION_LEVELS, TICKET_CLASSES, type TicketAction } from './enums';
import { MAX_ATTACHMENTS, CONTENT_LIMITS, TEXT_LIMITS } from './limits';
import { CONSULTATION_KINDS, EVALUATION_FINDINGS, REFERRAL_BODIES } from './escalations';
import { EMERGENCY_LINES, REJECT_REASON_CODES, RETURN_GROUNDS, SUPERVISION_MEANS, SUPERVISION_TRIGGERS, TERMINATION_REASON_CODES, type RejectReasonCode, type TerminationReasonCode } from './reasons';
import { idSchema, isoDateTimeSchema, optionalText, storageKeySchema, text, ticketNoSchema, VISIBLE_TEXT_PATTERN } from './validation';
import { createTicketSchema } from './ticket-schemas';
import { categoryCodeSchema } from './scene-schemas';

/** Bodies of the ticket actions (POST …/tickets/{no}/{action}). All strict: unknown keys → 400. */

const note = optionalText(TEXT_LIMITS.note);
const attachments = z.array(storageKeySchema).max(MAX_ATTACHMENTS);
const dateTime = isoDateTimeSchema;

export const acceptInputSchema = z.strictObject({ class: z.enum(TICKET_CLASSES).optional(), note });
export const rejectInputSchema = z.strictObject({ reasonCode: z.enum(REJECT_REASON_CODES), note: text(TEXT_LIMITS.note) });
export const requestSupplementInputSchema = z.strictObject({
  note: text(TEXT_LIMITS.note),
  /** Working days the citizen has; the profile's default when absent (002 §18 「规定期限」). */
  workingDays: z.number().int().min(1).max(30).optional(),
});
export const supplementInputSchema = z
  .strictObject({ content: optionalText(CONTENT_LIMITS.max), attachments: attachments.optional() })
  .refine((v) => Boolean(v.content) || Boolean(v.attachments?.length), { message: '请填写补充内容或上传材料', path: ['content'] })
  .meta({ anyOf: [{ required: ['content'], properties: { content: { pattern: VISIBLE_TEXT_PATTERN } } }, { required: ['attachments'], properties: { attachments: { minItems: 1 } } }] });
export const answerInputSchema = z.strictObject({ answer: text(TEXT_LIMITS.result), knowledgeId: idSchema.optional() });
export const dispatchInputSchema = z
  /** `category`: the dispatch-catalogue leaf the dispatcher confirms (002 §20); kept on the ticket. */
  .strictObject({ leadUnit: idSchema, coUnits: z.array(idSchema).max(20).meta({ uniqueItems: true }).optional(), category: categoryCodeSchema.optional(), note })
  .refine((v) => !v.coUnits?.includes(v.leadUnit), { message: '牵头单位不能同时是协办单位', path: ['coUnits'] })
  .refine((v) => new Set(v.coUnits ?? []).size === (v.coUnits ?? []).length, { message: '协办单位重复', path: ['coUnits'] });
export const signInputSchema = z.strictObject({ note });
/**
 * `transferTo`: the unit the ticket should go to instead (002 §21 「申请转其他责任单位」);
 * `approvedBy`: the unit's 分管领导 who approved the return, where the profile requires it (003 §11).
 */
export const requestReturnInputSchema = z.strictObject({
  reason: text(TEXT_LIMITS.reason),
  transferTo: idSchema.optional(),
  approvedBy: optionalText(TEXT_LIMITS.name),
  /** 004 §9: outside the unit's authority (事权), or it must recuse itself (回避). */
  grounds: z.enum(RETURN_GROUNDS).optional(),
  /** 004 §8 不予受理申请: the request is outside the platform's scope for this reason (the profile's reject reasons). */
  outOfScope: z.enum(REJECT_REASON_CODES).optional(),
});
/**
 * `transferTo`: on approval, dispatch at once to this unit (else the unit the request named, else back to the pool).
 * Where a unit above reviews (004 §7-9): `transferTo` is itself (本级受理承办) or a unit under it; without it an
 * approval passes the application up (转请, `note` says why); `rejectReason` confirms a 不予受理申请 (004 §8).
 * `coUnits` with `transferTo` names the co-units (004 §9 指定主办、协办单位), within the reviewer's jurisdiction too.
 */
export const decideReturnInputSchema = z.strictObject({
  approve: z.boolean(),
  transferTo: idSchema.optional(),
  /** With `transferTo`: the co-units (协办) that replace the ticket's (004 §9 「可视情况指定主办、协办单位」). */
  coUnits: z.array(idSchema).max(20).meta({ uniqueItems: true }).optional(),
  rejectReason: z.enum(REJECT_REASON_CODES).optional(),
  note,
});
export const replyInputSchema = z.strictObject({ result: text(TEXT_LIMITS.result), attachments: attachments.optional() });
export const reviewInputSchema = z
  .strictObject({ approve: z.boolean(), note })
  .refine((v) => v.approve || Boolean(v.note), { message: '退回重办时请说明理由', path: ['note'] })
  .meta({ anyOf: [{ properties: { approve: { enum: [true] } } }, { required: ['note'], properties: { note: { pattern: '\\S' } } }] });
export const rateInputSchema = z.strictObject({ satisfaction: z.enum(SATISFACTION_LEVELS), comment: optionalText(TEXT_LIMITS.comment) });
/** `signedBy`: who signed (or sealed) the claimant's written agreement to close, on a 涉企营商环境 request (002 §26). */
export const visitInputSchema = z
  .strictObject({ answered: z.boolean(), satisfaction: z.enum(SATISFACTION_LEVELS).optional(), note, signedBy: optionalText(TEXT_LIMITS.name) })
  .refine((v) => v.answered || v.satisfaction === undefined, { message: '未接通的回访不能记录满意度', path: ['satisfaction'] })
  .meta({ anyOf: [{ properties: { answered: { enum: [true] } } }, { not: { required: ['satisfaction'] } }] });
export const decideReopenInputSchema = z.strictObject({ reopen: z.boolean(), note: text(TEXT_LIMITS.note) });
/** `uncooperativeSince`: from when the citizen has not cooperated (002 §25(8) 「连续30日」), where the profile counts it. */
export const terminateInputSchema = z.strictObject({ reasonCode: z.enum(TERMINATION_REASON_CODES), note: text(TEXT_LIMITS.note), uncooperativeSince: dateTime.optional() });
export const withdrawInputSchema = z.strictObject({ reason: optionalText(TEXT_LIMITS.reason) });
export const requestExtensionInputSchema = z.strictObject({ workingDays: z.number().int().min(1).max(60), reason: text(TEXT_LIMITS.reason) });
export const decideExtensionInputSchema = z.strictObject({ approve: z.boolean(), note });
export const setDeadlineInputSchema = z.strictObject({ dueAt: dateTime, note });
export const stageReportInputSchema = z.strictObject({ content: text(TEXT_LIMITS.result), nextDate: dateTime.optional() });
export const coResultInputSchema = z.strictObject({ result: text(TEXT_LIMITS.result) });
export const superviseInputSchema = z.strictObject({
  means: z.enum(SUPERVISION_MEANS),
  note: text(TEXT_LIMITS.note),
  dueAt: dateTime.optional(),
  trigger: z.enum(SUPERVISION_TRIGGERS).optional(),
});
export const mergeInputSchema = z.strictObject({ into: ticketNoSchema, note });
/** 003 §16: closing a visit without a rating is a staff decision, always with its reason. */
export const closeVisitInputSchema = z.strictObject({ reason: text(TEXT_LIMITS.reason) });

/** 002 §18: an emergency handed to a special line, with what was done. */
export const transferEmergencyInputSchema = z.strictObject({ line: z.enum(EMERGENCY_LINES), note: text(TEXT_LIMITS.note) });

const unitList = z.array(idSchema).max(20).meta({ uniqueItems: true });
/**
 * 会商 (000 §11(3), 001 §16, 003 §12) or escalation of a hard case (000 §13, `escalatedTo` the
 * government or superior it went to): the units that took part, the conclusion, and — when it
 * settled who handles it — the lead and co-units the ticket goes to.
 */
export const consultInputSchema = z
  .strictObject({
    kind: z.enum(CONSULTATION_KINDS),
    units: unitList.min(1),
    conclusion: text(TEXT_LIMITS.note),
    leadUnit: idSchema.optional(),
    coUnits: unitList.optional(),
    escalatedTo: optionalText(TEXT_LIMITS.title),
  })
  .refine((v) => v.kind !== 'escalation' || Boolean(v.escalatedTo), { message: '请填写提交的本级人民政府或上级单位', path: ['escalatedTo'] })
  .refine((v) => !v.coUnits?.length || Boolean(v.leadUnit), { message: '确定协办单位时请同时确定牵头单位', path: ['leadUnit'] })
  .meta({
    allOf: [
      { anyOf: [{ properties: { kind: { not: { enum: ['escalation'] } } } }, { required: ['escalatedTo'], properties: { escalatedTo: { pattern: '\\S' } } }] },
      { anyOf: [{ not: { required: ['coUnits'] } }, { required: ['leadUnit'] }, { properties: { coUnits: { maxItems: 0 } } }] },
    ],
  });
/** A lead (线索) handed to a discipline or inspection body (001 §23, 002 §7, 003 §25, 004 §17); `unit` whose conduct it concerns. */
export const referLeadInputSchema = z.strictObject({
  body: z.enum(REFERRAL_BODIES),
  unit: idSchema.optional(),
  note: text(TEXT_LIMITS.note),
  approvedBy: optionalText(TEXT_LIMITS.name),
});
/** 003 §18: the outside evaluator and what it found. */
export const thirdPartyEvaluationInputSchema = z.strictObject({
  evaluator: text(TEXT_LIMITS.title),
  finding: z.enum(EVALUATION_FINDINGS),
  note: text(TEXT_LIMITS.note),
});

/** 001 §15(5)(6): the unit asks to end handling, with the material that shows why; the platform decides. */
export const requestTerminationInputSchema = z.strictObject({
  reasonCode: z.enum(TERMINATION_REASON_CODES),
  reason: text(TEXT_LIMITS.reason),
  material: text(TEXT_LIMITS.result),
});
export const decideTerminationInputSchema = z
  .strictObject({ approve: z.boolean(), note })
  .refine((v) => v.approve || Boolean(v.note), { message: '不同意终止办理时请说明理由', path: ['note'] })
  .meta({ anyOf: [{ properties: { approve: { enum: [true] } } }, { required: ['note'], properties: { note: { pattern: '\\S' } } }] });
/** 002 §19 ¶1, §26: the 营商环境建设主管部门 approves the unit's result on a 涉企 request, or sends it back. */
export const businessReviewInputSchema = z
  .strictObject({ approve: z.boolean(), note })
  .refine((v) => v.approve || Boolean(v.note), { message: '退回重办时请说明理由', path: ['note'] })
  .meta({ anyOf: [{ properties: { approve: { enum: [true] } } }, { required: ['note'], properties: { note: { pattern: '\\S' } } }] });

/** The body schema of every action, keyed by action (submit: the citizen's create payload). */
export const ACTION_INPUT_SCHEMAS = {
  submit: createTicketSchema,
  accept: acceptInputSchema,
  reject: rejectInputSchema,
  'request-supplement': requestSupplementInputSchema,
  supplement: supplementInputSchema,
  answer: answerInputSchema,
  dispatch: dispatchInputSchema,
  sign: signInputSchema,
  'request-return': requestReturnInputSchema,
  'decide-return': decideReturnInputSchema,
  reply: replyInputSchema,
  review: reviewInputSchema,
  rate: rateInputSchema,
  visit: visitInputSchema,
  'decide-reopen': decideReopenInputSchema,
  terminate: terminateInputSchema,
  withdraw: withdrawInputSchema,
  'request-extension': requestExtensionInputSchema,
  'decide-extension': decideExtensionInputSchema,
  'set-deadline': setDeadlineInputSchema,
  'stage-report': stageReportInputSchema,
  'co-result': coResultInputSchema,
  supervise: superviseInputSchema,
  merge: mergeInputSchema,
  'close-visit': closeVisitInputSchema,
  'transfer-emergency': transferEmergencyInputSchema,
  consult: consultInputSchema,
  'refer-lead': referLeadInputSchema,
  'third-party-evaluation': thirdPartyEvaluationInputSchema,
  'request-termination': requestTerminationInputSchema,
  'decide-termination': decideTerminationInputSchema,
  'business-review': businessReviewInputSchema,
} as const satisfies Record<TicketAction, z.ZodType>;

export type ActionInputs = { [A in TicketAction]: z.output<(typeof ACTION_INPUT_SCHEMAS)[A]> };
export type ActionInput<A extends TicketAction> = ActionInputs[A];

/** The reason-code lists a regulation profile allows (RegulationProfile.rejectReasons/terminationReasons). */
export interface ReasonCodeLists {
  rejectReasons: { value: readonly RejectReasonCode[] };
  terminationReasons: { value: readonly TerminationReasonCode[] };
}

const profileEnum = <T extends string>(codes: readonly T[]) => z.enum(codes as unknown as [T, ...T[]]);

/**
 * The body schema of an action under the active profile: the reason codes of `reject` and
 * `terminate` narrowed to the codes that profile allows (002 §17, 003 §4, 004 §6, 000 §10,
 * 001 §13; 000 §19, 002 §25). The same schema validates the request and documents it.
 */
export function actionInputSchemaFor<A extends TicketAction>(action: A, profile: ReasonCodeLists): z.ZodType<ActionInput<A>> {
  if (action === 'reject') return rejectInputSchema.extend({ reasonCode: profileEnum(profile.rejectReasons.value) }) as unknown as z.ZodType<ActionInput<A>>;
  if (action === 'terminate') return terminateInputSchema.extend({ reasonCode: profileEnum(profile.terminationReasons.value) }) as unknown as z.ZodType<ActionInput<A>>;
  if (action === 'request-return') return requestReturnInputSchema.extend({ outOfScope: profileEnum(profile.rejectReasons.value).optional() }) as unknown as z.ZodType<ActionInput<A>>;
  if (action === 'decide-return') return decideReturnInputSchema.extend({ rejectReason: profileEnum(profile.rejectReasons.value).optional() }) as unknown as z.ZodType<ActionInput<A>>;
  if (action === 'request-termination') return requestTerminationInputSchema.extend({ reasonCode: profileEnum(profile.terminationReasons.value) }) as unknown as z.ZodType<ActionInput<A>>;
  return ACTION_INPUT_SCHEMAS[action] as unknown as z.ZodType<ActionInput<A>>;
}
