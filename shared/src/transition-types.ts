import type { WorkCalendar } from './calendar';
import type { TicketAction, TicketStatus, UnitLevel } from './enums';
import type { RegulationProfile } from './profiles/schema';
import type { SupervisionMeans, SupervisionTrigger } from './reasons';
import type { TicketState } from './ticket';

/** What transition() needs besides the ticket: the clock, the active profile and the calendar. */
export interface TransitionContext {
  now: Date;
  profile: RegulationProfile;
  calendar: WorkCalendar;
  /**
   * The units an action touches and everything above them (the lead unit, the reviewing unit, a
   * unit named in the input), where the profile handles bottom-up (004 §7-9): the pure rules
   * cannot look the tree up. Absent: no unit reviews anything; the platform does.
   */
  units?: UnitDirectory;
}

/** A unit's place in the tree: its parent, its level and its ancestors (root first, itself last). */
export interface UnitPlace {
  parent: string | null;
  level: UnitLevel;
  ancestors: readonly string[];
}
export type UnitDirectory = Readonly<Record<string, UnitPlace>>;

/** Message templates the BFF renders (WeChat subscribe message, in-app notice, platform queue). */
export const NOTIFY_TEMPLATES = [
  'received',
  'accepted',
  'rejected',
  'supplement-requested',
  'supplemented',
  'answered',
  'dispatched',
  'return-requested',
  'return-approved',
  'return-refused',
  'returned',
  'replied',
  'review-rejected',
  'rate-invited',
  'rated',
  'rated-unsatisfied',
  'closed',
  'reopened',
  'terminated',
  'withdrawn',
  'extension-requested',
  'extension-decided',
  'deadline-set',
  'stage-report',
  'co-result',
  'supervised',
  'termination-requested',
  'termination-refused',
  'business-replied',
  'business-ended',
] as const;
export type NotifyTemplate = (typeof NOTIFY_TEMPLATES)[number];

export type NotifyAudience = 'citizen' | 'unit' | 'platform';

export const COUNTED_METRICS = ['return', 'reopen', 'extension', 'supervision'] as const;
export type CountedMetric = (typeof COUNTED_METRICS)[number];

/** Side effects as data; the BFF performs them after the state change is stored. */
export type Effect =
  | { kind: 'notify'; audience: NotifyAudience; template: NotifyTemplate; /** For audience 'unit'. */ units?: string[] }
  | { kind: 'open-supervision'; trigger: SupervisionTrigger; means?: SupervisionMeans; dueAt?: Date; note?: string }
  | { kind: 'count'; metric: CountedMetric }
  /** 000 §20: emergencies (003 class D) raise a risk warning to the units concerned. */
  | { kind: 'risk-warning'; reason: string };

/** The timeline entry to push; the BFF adds `at` (ctx.now) and `actor`. */
export interface TimelineEntryDraft {
  action: TicketAction;
  from: TicketStatus | null;
  to: TicketStatus;
  note?: string;
  data?: Record<string, unknown>;
}

export type TransitionErrorCode = 'INVALID_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'NOT_YOUR_UNIT' | 'INVALID_INPUT' | 'RULE_VIOLATION';

export interface TransitionError {
  code: TransitionErrorCode;
  status: 409 | 403 | 400 | 422;
  /** Chinese, shown to the user. */
  message: string;
  details?: unknown;
}

export type TransitionResult =
  | {
      ok: true;
      next: { status: TicketStatus; set: Partial<TicketState> };
      entry: TimelineEntryDraft;
      effects: Effect[];
    }
  | { ok: false; error: TransitionError };

/** What an action's rule decides once the table checks have passed. */
export interface Outcome {
  to: TicketStatus;
  set: Partial<TicketState>;
  note?: string;
  data?: Record<string, unknown>;
  effects: Effect[];
}

export const fail = {
  invalidTransition: (message: string, details?: unknown): TransitionError => ({ code: 'INVALID_TRANSITION', status: 409, message, details }),
  roleNotAllowed: (message: string, details?: unknown): TransitionError => ({ code: 'ROLE_NOT_ALLOWED', status: 403, message, details }),
  notYourUnit: (message: string): TransitionError => ({ code: 'NOT_YOUR_UNIT', status: 403, message }),
  invalidInput: (message: string, details?: unknown): TransitionError => ({ code: 'INVALID_INPUT', status: 400, message, details }),
  rule: (message: string, details?: unknown): TransitionError => ({ code: 'RULE_VIOLATION', status: 422, message, details }),
};

export function isTransitionError(v: Outcome | TransitionError): v is TransitionError {
  return 'code' in v && 'status' in v;
}
