/**
 * The assessment figures of one unit and the rates derived from them (000 §28, 002 §27). Pure:
 * the counts come from the database, the division happens here. A rate whose denominator is 0
 * is null ("no data"), never 0 or 100 %.
 */

export const UNIT_COUNTS = [
  'received',
  'accepted',
  'dispatched',
  'signed',
  'signedOnTime',
  'dispatchedOnTime',
  'replied',
  'repliedOnTime',
  'overdue',
  'overdueOpen',
  'closed',
  'visitDue',
  'visited',
  'satisfied',
  'basic',
  'unsatisfied',
  'returns',
  'reopens',
  'extensions',
  'supervised',
] as const;
export type UnitCount = (typeof UNIT_COUNTS)[number];

export type UnitFigures = Record<UnitCount, number> & {
  /** Sum of the replied tickets' handling times in working days (dispatch → reply). */
  workingDays: number;
  /** Replied tickets that carry a handling time (the denominator of the average). */
  timedReplies: number;
};

export type Weighting = 'standard' | 'beijing';

export interface UnitRates {
  /** 响应率 (000 §28) = signedOnTime ÷ dispatched. */
  response: number | null;
  /** 解决率 (000 §28) = (satisfied + basic) ÷ closed. */
  resolution: number | null;
  /** 满意率 (000 §28, 002 §27) = (satisfied + basic) ÷ rated; beijing: (satisfied + 0.9 × basic) ÷ rated. */
  satisfaction: number | null;
  /** 按时反馈率/按时办结率 (002 §27, 004 §18) = repliedOnTime ÷ (replied + overdueOpen). */
  onTime: number | null;
  /** 回访率 (002 §27) = visited ÷ visitDue. */
  followUp: number | null;
  /** 办结率 (002 §27) = closed ÷ received. */
  closure: number | null;
  /** 即时转办率 (002 §27) = dispatchedOnTime ÷ dispatched (the platform's row). */
  instantTransfer: number | null;
  /** 平均办理天数 (002 §27) = Σ working days (dispatch → reply) ÷ replies with that figure. */
  averageDays: number | null;
}

/** The formulas, each with its article, as the OpenAPI description shows them. */
export const RATE_FORMULAS = [
  '响应率 response (000 §28) = signedOnTime ÷ dispatched, signedOnTime = signed (签收) within the profile\'s `signFor` span after dispatch',
  '解决率 resolution (000 §28) = (satisfied + basic) ÷ closed: closed tickets whose citizen (or the visit, incl. 003 §17 deemed) confirmed the result; closed after an unsatisfied rating or unrated by a staff decision count as not resolved',
  '满意率 satisfaction (000 §28, 002 §27) = (satisfied + basic) ÷ (satisfied + basic + unsatisfied); with weighting=beijing: (satisfied + 0.9 × basic) ÷ (satisfied + basic + unsatisfied)',
  '按时反馈率/按时办结率 onTime (002 §27, 004 §18) = repliedOnTime ÷ (replied + overdueOpen), overdueOpen = tickets past their deadline that the unit has still not answered (they count against it)',
  '回访率 followUp (002 §27, 003 §16) = visited ÷ visitDue: visitDue = replies the platform approved (it owes a visit), visited = the platform called (a recorded visit, answered or not) or took the rating on a visit; the citizen rating in the app alone is not a visit',
  '办结率 closure (002 §27) = closed ÷ received: rejected, withdrawn, merged and terminated tickets (incl. the 002 §25 视为办结 cases) are not closed',
  '即时转办率 instantTransfer (002 §27) = dispatchedOnTime ÷ dispatched on the platform row (null on unit rows), dispatchedOnTime = dispatched within the profile\'s `dispatch` span after acceptance (000 §10 same day, 002 §19 one working day)',
  '平均办理天数 averageDays (002 §27) = Σ working days from dispatch to reply ÷ replied tickets carrying that figure',
  '接通率 (002 §27) is not computed: calls are answered outside this platform, which has no call records',
].join('; ');

export const BEIJING_BASIC_WEIGHT = 0.9;

export function emptyFigures(): UnitFigures {
  const counts = Object.fromEntries(UNIT_COUNTS.map((k) => [k, 0])) as Record<UnitCount, number>;
  return { ...counts, workingDays: 0, timedReplies: 0 };
}

/** Four decimals are plenty for a percentage with two. */
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const ratio = (num: number, den: number): number | null => (den > 0 ? round4(num / den) : null);

/** `platformRow`: the platform's own row, the only one that dispatches (即时转办率; null elsewhere). */
export function ratesOf(f: UnitFigures, weighting: Weighting, platformRow = false): UnitRates {
  const rated = f.satisfied + f.basic + f.unsatisfied;
  const pleased = weighting === 'beijing' ? f.satisfied + BEIJING_BASIC_WEIGHT * f.basic : f.satisfied + f.basic;
  return {
    response: ratio(f.signedOnTime, f.dispatched),
    resolution: ratio(f.satisfied + f.basic, f.closed),
    satisfaction: ratio(pleased, rated),
    onTime: ratio(f.repliedOnTime, f.replied + f.overdueOpen),
    followUp: ratio(f.visited, f.visitDue),
    closure: ratio(f.closed, f.received),
    instantTransfer: platformRow ? ratio(f.dispatchedOnTime, f.dispatched) : null,
    averageDays: f.timedReplies > 0 ? Math.round((f.workingDays / f.timedReplies) * 100) / 100 : null,
  };
}

export function addFigures(into: UnitFigures, from: UnitFigures): void {
  for (const k of UNIT_COUNTS) into[k] += from[k];
  into.workingDays += from.workingDays;
  into.timedReplies += from.timedReplies;
}
