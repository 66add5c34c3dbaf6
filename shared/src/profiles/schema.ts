import { z } from 'zod';
import { CHANNELS, TICKET_CLASSES, TICKET_TYPES, UNIT_KINDS, UNIT_LEVELS } from '../enums';
import { METRICS, REJECT_REASON_CODES, TERMINATION_REASON_CODES } from '../reasons';
import { WATCHED_STEPS } from '../watched-steps';
import { CONSULTATION_KINDS, INTERVIEW_GROUNDS, REFERRAL_BODIES } from '../escalations';

/**
 * The shape of a regulation profile. Every value carries where it comes from: `cite` (the
 * article, e.g. `003 §9`) or `platformDefault: true` where the regulation leaves it to the
 * platform (「平台规定的期限」). `overridden: true` marks values changed by an overrides file.
 */

export const PROFILE_NAMES = ['baiyin', 'heze', 'liaoning', 'pingdingshan', 'chongqing'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const CITE = /^00[0-4] §\d+(\(\d+\))?(, (00[0-4] )?§\d+(\(\d+\))?)*$/;

const source = {
  cite: z.string().regex(CITE, 'cite like "003 §9"').optional(),
  platformDefault: z.literal(true).optional(),
  overridden: z.literal(true).optional(),
  note: z.string().max(300).optional(),
};

function hasSource(v: { cite?: string; platformDefault?: true; overridden?: true }): boolean {
  return Boolean(v.cite) || v.platformDefault === true || v.overridden === true;
}
const SOURCE_MESSAGE = { message: 'cite an article or mark platformDefault' };

/** A span of time: N working days (end of that day) or N clock hours. */
export const spanSchema = z
  .strictObject({ unit: z.enum(['workingDays', 'clockHours']), value: z.number().min(0).max(3660), ...source })
  .refine(hasSource, SOURCE_MESSAGE);
export type Span = z.output<typeof spanSchema>;

/** Any other value with its source. */
export const cited = <T extends z.ZodType>(value: T) => z.strictObject({ value, ...source }).refine(hasSource, SOURCE_MESSAGE);

/** Deadlines of one kind of request, counted from the profile's clock start. */
export const deadlineRuleSchema = z.strictObject({
  /** The final reply; null when the centre sets it case by case (003 §8 C 类). */
  final: spanSchema.nullable(),
  /** A stage (interim) reply, e.g. 002 §19(2). */
  stageReply: spanSchema.nullable().default(null),
  /** Report of a handling plan, e.g. 003 §8 C 类. */
  plan: spanSchema.nullable().default(null),
});
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

const byType = z.strictObject(Object.fromEntries(TICKET_TYPES.map((t) => [t, deadlineRuleSchema])) as Record<(typeof TICKET_TYPES)[number], typeof deadlineRuleSchema>);
const byClass = z.strictObject(Object.fromEntries(TICKET_CLASSES.map((c) => [c, deadlineRuleSchema])) as Record<(typeof TICKET_CLASSES)[number], typeof deadlineRuleSchema>);
const byChannel = z.strictObject(
  Object.fromEntries(CHANNELS.map((c) => [c, deadlineRuleSchema.optional()])) as Record<(typeof CHANNELS)[number], z.ZodOptional<typeof deadlineRuleSchema>>,
);

export const extensionRulesSchema = z.strictObject({
  /** How many extension requests one ticket may have (null: no limit). */
  maxRequests: cited(z.number().int().min(0).nullable()),
  /** Whether refused requests count towards maxRequests (002 §19(4) counts 申请). */
  countsRejected: cited(z.boolean()),
  maxWorkingDaysPerRequest: cited(z.number().int().min(1).nullable()),
  /** Sum of all extensions in working days (004 §11: 10). */
  maxTotalWorkingDays: cited(z.number().int().min(1).nullable()),
  /** The extended due date may be at most this many months after the original one (002 §19(4)). */
  maxTotalMonths: cited(z.number().int().min(1).nullable()),
  /** Working days between the request and the due day (004 §11: 1). */
  minLeadWorkingDays: cited(z.number().int().min(0)),
  /** Classes that may be extended (003 §9: B, C); null: every ticket. */
  allowedClasses: cited(z.array(z.enum(TICKET_CLASSES)).nullable()),
  refusedAfterDeadline: cited(z.boolean()),
  requiresApproval: cited(z.boolean()),
  notifyCitizen: cited(z.boolean()),
  /** Calendar days between progress reports while extended (002 §19(4) 每周). */
  progressReportEveryDays: cited(z.number().int().min(1).nullable()),
});
export type ExtensionRules = z.output<typeof extensionRulesSchema>;

export const deemedSatisfiedSchema = z
  .strictObject({ unansweredAttempts: z.number().int().min(1), minGapHours: z.number().min(0), ...source })
  .refine(hasSource, SOURCE_MESSAGE);

/**
 * Which units a ranking group holds: their level, optionally their kind and the ending of their
 * name (县（市） and 区 governments are both district-level: 003 §28(4) ranks them apart).
 * A unit belongs to the first group it matches.
 */
export const rankingMembersSchema = z.strictObject({
  levels: z.array(z.enum(UNIT_LEVELS)).min(1),
  kinds: z.array(z.enum(UNIT_KINDS)).min(1).optional(),
  nameSuffixes: z.array(z.string().min(1)).min(1).optional(),
});
export type RankingMembers = z.output<typeof rankingMembersSchema>;

export const rankingGroupSchema = z
  .strictObject({
    group: z.string().min(1),
    /** The group's name in the published ranking (县（市）组…). */
    label: z.string().min(1).optional(),
    /** Absent: every unit not taken by an earlier group. */
    members: rankingMembersSchema.optional(),
    lastN: z.number().int().min(1),
    ratioOfTop: z.number().min(0).max(1),
    ...source,
  })
  .refine(hasSource, SOURCE_MESSAGE);

/**
 * An escalation computed from the recorded interviews (约谈) of one unit (003 §28(5), §29(2)):
 * `consecutive` interviews in consecutive months, or `cumulative` ones, within `withinMonths`.
 */
export const interviewEscalationSchema = z
  .strictObject({
    step: z.string().regex(/^[a-z][a-z-]{0,40}$/),
    label: z.string().min(1),
    consecutive: z.number().int().min(1),
    cumulative: z.number().int().min(1),
    withinMonths: z.number().int().min(1).max(60),
    ...source,
  })
  .refine(hasSource, SOURCE_MESSAGE);

export const regulationProfileSchema = z.strictObject({
  name: z.enum(PROFILE_NAMES),
  label: z.string().min(1),
  /** Seed file and title of the regulation. */
  regulation: z.string().min(1),
  /** When the unit's clock starts for stage/final deadlines. */
  clockStart: cited(z.enum(['submission', 'acceptance', 'dispatch'])),
  /** Telling the citizen whether the request is accepted, from submission. */
  acceptanceNotice: spanSchema.nullable(),
  /** Dispatch to a unit, from acceptance. */
  dispatch: spanSchema.nullable(),
  /** The lead unit signs for (签收/查收) a dispatched ticket, from dispatch: 响应 (000 §28) is signing within it. */
  signFor: spanSchema,
  byType,
  /** Class rules win over type rules when the ticket has a class (003 §8). */
  byClass: byClass.nullable(),
  /** Channel rules win over both (003 §14). */
  byChannel,
  /** Default time the citizen has to supplement material (002 §18 「规定期限」). */
  supplement: spanSchema,
  /** How long after dispatch the lead unit may apply to return the ticket. */
  returnWindow: spanSchema,
  /** When the return window starts: at dispatch, or at signing for it (003 §11 查收后24小时内); unsigned tickets count from dispatch. */
  returnWindowFrom: cited(z.enum(['dispatch', 'sign'])).default({ value: 'dispatch', platformDefault: true }),
  /** Co-units report to the lead this long before the final deadline (004 §11). */
  coResultLead: spanSchema,
  extension: extensionRulesSchema,
  /** Follow-up visit after the unit's reply (003 §16). */
  followUp: spanSchema,
  /** Unanswered follow-up calls that count as satisfied (003 §17); null: just recorded. */
  deemedSatisfied: deemedSatisfiedSchema.nullable(),
  /** Calendar days of non-cooperation before 'no-cooperation' may end a ticket (002 §25(8) 连续30日); null: no minimum. */
  noCooperationDays: cited(z.number().int().min(1)).nullable().default(null),
  /** Emergencies are handed to the special lines and recorded as a transfer (002 §18), not rejected. */
  emergencyTransfer: cited(z.boolean()),
  /** Classes whose deadline wins over the channel's (003 §8: urgency outranks the 003 §14 mailbox limit); null: channel first. */
  classOverChannel: cited(z.array(z.enum(TICKET_CLASSES))).nullable().default(null),
  /** Consultations answered at once from the knowledge base (000 §10, 002 §18). */
  instantAnswer: cited(z.boolean()),
  rejectReasons: cited(z.array(z.enum(REJECT_REASON_CODES)).min(1)),
  terminationReasons: cited(z.array(z.enum(TERMINATION_REASON_CODES)).min(1)),
  metrics: cited(z.array(z.enum(METRICS)).min(1)),
  /** Monthly ranking thresholds for interviews (003 §28(4)); null: none named. */
  ranking: z.array(rankingGroupSchema).nullable(),
  /** Interviews (约谈) recorded per unit and the escalations they trigger (003 §28(5), §29(2)); null: not recorded. */
  interviewEscalations: z.array(interviewEscalationSchema).min(1).nullable().default(null),
  /** Grounds on which interviews (约谈) of units are recorded (003 §28, 000 §26); null: interviews are not recorded. */
  interviewGrounds: cited(z.array(z.enum(INTERVIEW_GROUNDS)).min(1)).nullable().default(null),
  /**
   * The assigning level may give the ticket its own deadline when it assigns it (004 §11 交办时另有时限要求的按要求时限办理;
   * requests from other channels keep their source channel's limit), not only where the rule leaves it open (003 §8 C 类).
   */
  assignedDeadline: cited(z.boolean()).default({ value: false, platformDefault: true }),
  /** Warn the unit this long before a deadline. */
  warningBefore: spanSchema,
  /**
   * Intermediate deadlines (watched-steps.ts) whose miss also opens 督办; every miss warns whoever
   * owes the step in the staff inbox. Default: warn only.
   */
  superviseMissedSteps: cited(z.array(z.enum(WATCHED_STEPS))).default({ value: [], platformDefault: true }),
  /** A return must name the unit's 分管领导 who approved it (003 §11). */
  returnLeaderApproval: cited(z.boolean()).default({ value: false, platformDefault: true }),
  /** A unit applying for a return may name the unit it should go to instead (002 §21 申请转其他责任单位). */
  returnTransfer: cited(z.boolean()).default({ value: true, platformDefault: true }),
  /** Kinds of 会商 / escalation the platform records (000 §11(3), §13, 001 §16, 003 §12); default: a joint meeting. */
  consultationKinds: cited(z.array(z.enum(CONSULTATION_KINDS)).min(1)).default({ value: ['joint-meeting'], platformDefault: true }),
  /** Bodies leads are referred to, and whether a leader's approval is required (001 §23, 002 §7, 003 §25, 004 §17). */
  leadReferral: cited(z.strictObject({ bodies: z.array(z.enum(REFERRAL_BODIES)).min(1), approvalRequired: z.boolean() })).default({
    value: { bodies: ['discipline-inspection'], approvalRequired: false },
    platformDefault: true,
  }),
  /**
   * The 涉企营商环境 track for requests from legal persons and other organisations (002 §19 ¶1, §19(3), §26, §30):
   * their final limit, review of the unit's result by the 营商环境建设主管部门 (the supervisor role) instead of the
   * operator, the claimant's signed agreement before closure, a visit to every one; null: no such track.
   */
  businessTrack: cited(
    z.strictObject({ final: spanSchema, authorityReview: z.boolean(), signedClosure: z.boolean(), visitEvery: z.boolean() }),
  ).nullable().default(null),
  /** A unit may apply to end handling, with material; the platform reviews and decides (001 §15(5)(6)). */
  unitTerminationRequest: cited(z.boolean()).default({ value: false, platformDefault: true }),
  /**
   * Bottom-up handling by level (004 §7-9, 属地优先): a unit's 转请处理 or 不予受理 application goes to
   * the unit above it when that unit's level is in `reviewLevels` (the 乡镇（街道）, the 区县指挥中心),
   * else to the platform (the 市指挥中心). The reviewer takes it on itself, assigns it within its own
   * jurisdiction, refuses it, confirms it is out of scope, or passes it up. A unit at one of
   * `closureReviewLevels` (村（社区）) applies for closure: the unit above approves its reply or takes
   * the request on itself (004 §8 ¶2). null: applications go to the platform's dispatchers.
   */
  bottomUp: cited(
    z.strictObject({
      reviewLevels: z.array(z.enum(UNIT_LEVELS)).min(1),
      closureReviewLevels: z.array(z.enum(UNIT_LEVELS)),
      /** The unit above decides within this span of the application (004 §8 「及时予以审核」, §9 「及时分办」); the sweeper warns it after. */
      reviewWithin: spanSchema,
    }),
  ).nullable().default(null),
  /**
   * Channels whose requests are rated the way their source channel's managing unit requires (004 §12
   * 「按照事项来源渠道管理单位要求开展满意度评价」): the citizen is not invited to rate on this platform;
   * the visitor records the rating the source channel returns. Default: none.
   */
  sourceRatedChannels: cited(z.array(z.enum(CHANNELS))).default({ value: [], platformDefault: true }),
  /** Third-party evaluation of a result the citizen and the unit still dispute (003 §18). */
  thirdPartyEvaluation: cited(z.boolean()).default({ value: false, platformDefault: true }),
});

export type RegulationProfile = z.output<typeof regulationProfileSchema>;
export type RegulationProfileInput = z.input<typeof regulationProfileSchema>;
