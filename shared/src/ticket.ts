import type { Channel, ClaimantKind, Satisfaction, TicketClass, TicketStatus, TicketType } from './enums';
import type { EmergencyLine, RejectReasonCode, ReturnGrounds, SupervisionMeans, TerminationReasonCode } from './reasons';

/**
 * The plain data the BFF stores on the ticket document and the state machine reads. Dates are
 * `Date` objects. In `TransitionResult.next.set` a `null` value means "clear this field"
 * (`$set: {field: null}` is fine; the document keeps the key).
 */

/** Every stage deadline of the current round (deadlines.ts). */
export interface TicketDeadlines {
  acceptanceNotice: Date | null;
  dispatch: Date | null;
  /** The lead unit signs for the ticket (profile `signFor`, from dispatch); absent on tickets stored before it. */
  sign?: Date | null;
  plan: Date | null;
  stageReply: Date | null;
  coResult: Date | null;
  /** Final reply deadline before extensions (or the one the centre set, 003 §8 C). */
  final: Date | null;
  /** `final` moved by every approved extension: the deadline the unit is held to. */
  dueAt: Date | null;
  followUp: Date | null;
  /** Some year involved had no holiday data: Monday–Friday was assumed. */
  calendarIncomplete: boolean;
}

export interface ExtensionRecord {
  workingDays: number;
  reason: string;
  requestedAt: Date;
  unit: string | null;
  round: number;
  decided?: Date;
  approved?: boolean;
  note?: string;
}

export interface CoResult {
  unit: string;
  result: string;
  at: Date;
  round: number;
}

export interface RatingRecord {
  satisfaction: Satisfaction;
  comment?: string;
  at: Date;
  round: number;
  by: 'citizen' | 'visitor';
  /** 003 §17: two unanswered calls counted as satisfied. */
  deemed?: boolean;
}

export interface VisitAttempt {
  at: Date;
  answered: boolean;
  round: number;
  note?: string;
}

export interface PendingReturn {
  reason: string;
  requestedAt: Date;
  unit: string;
  /** Where a refused return goes back to. */
  from: 'dispatched' | 'handling';
  /** The unit the applicant says should handle it instead (002 §21). */
  transferTo?: string;
  /** The unit's 分管领导 who approved the return (003 §11). */
  approvedBy?: string;
  /** Why the unit cannot handle it (004 §9): outside its authority (事权), or it should recuse itself (回避). */
  grounds?: ReturnGrounds;
  /** A 不予受理申请 (004 §8): the applicant finds the request outside the platform's scope, for this reason. */
  outOfScope?: RejectReasonCode;
  /** Units that reviewed the application and passed it further up (004 §7 转请), lowest first. */
  passedUpBy?: string[];
}

/** A unit's application to end handling (001 §15(5)(6)): the platform reviews it. */
export interface PendingTermination {
  reasonCode: TerminationReasonCode;
  reason: string;
  /** The material the unit provides (what the citizen refused, the explanation given…). */
  material: string;
  unit: string;
  requestedAt: Date;
}

/** The claimant's written (signed or sealed) agreement to close a 涉企营商环境 request (002 §26). */
export interface ClosureConsent {
  signedBy: string;
  at: Date;
  round: number;
}

export interface SupervisionFlags {
  /** Supervision records opened on this ticket (manual and automatic). */
  count: number;
  lastAt: Date | null;
  lastMeans: SupervisionMeans | null;
  /** Handed to 政务督查 (000 §24). */
  escalated: boolean;
}

export interface TicketState {
  no: string;
  type: TicketType;
  status: TicketStatus;
  version: number;
  channel: Channel;
  /** Pingdingshan class (003 §8); set at acceptance in profiles with classes. */
  class?: TicketClass | null;
  citizenId: string;
  /** 002 §3, §19: a legal person or other organisation (涉企营商环境 track where the profile has one); absent: a person. */
  claimant?: ClaimantKind;
  createdAt: Date;
  acceptedAt?: Date | null;
  dispatchedAt?: Date | null;
  signedAt?: Date | null;
  repliedAt?: Date | null;
  visitStartedAt?: Date | null;
  closedAt?: Date | null;
  /** Start of the current handling round (dispatch, or the reopen that began it). */
  roundStartedAt?: Date | null;
  leadUnit?: string | null;
  coUnits: string[];
  coResults: CoResult[];
  dueAt?: Date | null;
  /** A deadline the centre set by hand (003 §8 C 类). */
  fixedDueAt?: Date | null;
  deadlines?: TicketDeadlines | null;
  extensions: ExtensionRecord[];
  pendingReturn?: PendingReturn | null;
  /**
   * The unit above that decides a pending application of the lead unit (004 §7-9 bottom-up): its
   * 转请处理 / 不予受理 application (status `returning`) or a community's 办结申请 (status `replied`).
   * Null or absent: the platform decides, as everywhere else.
   */
  reviewUnit?: string | null;
  /** When the `reviewUnit` should have decided (the profile's `bottomUp.reviewWithin` from the application). */
  reviewDueAt?: Date | null;
  pendingTermination?: PendingTermination | null;
  closureConsent?: ClosureConsent | null;
  /** 002 §19 ¶1, §26: the 营商环境建设主管部门 approved the unit's result. */
  businessReviewedAt?: Date | null;
  returnCount: number;
  reopenCount: number;
  /** Handling round, 1 at first; each reopen (重办) adds one. One rating per round (002 §28). */
  round: number;
  rating?: RatingRecord | null;
  /** An unsatisfied rating waits for the reopen-or-close decision. */
  pendingDecision?: boolean;
  visitAttempts: VisitAttempt[];
  supplementDueAt?: Date | null;
  /** The unit's reply (or the operator's instant answer). */
  result?: string | null;
  rejectReason?: { code: RejectReasonCode; note: string } | null;
  termination?: { code: TerminationReasonCode; note: string } | null;
  /** 002 §18: the special line an emergency was handed to. */
  emergencyTransfer?: { line: EmergencyLine; at: Date } | null;
  /** Set by `merge`: the ticket the same matter is handled under (002 §17(7)). */
  mergedInto?: string | null;
  /** Tickets merged into this one (the BFF records them on the target). */
  mergedFrom?: string[];
  supervision: SupervisionFlags;
  /** 1 when the reply came by dueAt, 0 when late; ready for `$sum` in stats. */
  onTime?: 0 | 1 | null;
  lastStageReportAt?: Date | null;
}

/** The fields every new ticket starts with, before the first transition. */
export function emptyTicketFields(): Pick<
  TicketState,
  'coUnits' | 'coResults' | 'extensions' | 'returnCount' | 'reopenCount' | 'round' | 'visitAttempts' | 'supervision' | 'version'
> {
  return {
    version: 0,
    coUnits: [],
    coResults: [],
    extensions: [],
    returnCount: 0,
    reopenCount: 0,
    round: 1,
    visitAttempts: [],
    supervision: { count: 0, lastAt: null, lastMeans: null, escalated: false },
  };
}
