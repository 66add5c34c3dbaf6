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
  'replied',
  'repliedOnTime',
  'overdue',
  'closed',
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
  /** 响应率 = signed ÷ dispatched. */
  response: number | null;
  /** 解决率 = (satisfied + basic) ÷ closed. */
  resolution: number | null;
  /** 满意率 = (satisfied + basic) ÷ rated; beijing: (satisfied + 0.9 × basic) ÷ rated. */
  satisfaction: number | null;
  /** 按时办结率 = replied on time ÷ replied. */
  onTime: number | null;
  /** 回访率 = visited ÷ replied. */
  followUp: number | null;
  /** 平均办理天数 = Σ working days (dispatch → reply) ÷ replies with that figure. */
  averageDays: number | null;
}

/** The formulas as the OpenAPI description shows them. */
export const RATE_FORMULAS = [
  '响应率 response = signed ÷ dispatched',
  '解决率 resolution = (satisfied + basic) ÷ closed',
  '满意率 satisfaction = (satisfied + basic) ÷ (satisfied + basic + unsatisfied); with weighting=beijing: (satisfied + 0.9 × basic) ÷ (satisfied + basic + unsatisfied)',
  '按时办结率 onTime = repliedOnTime ÷ replied',
  '回访率 followUp = visited ÷ replied',
  '平均办理天数 averageDays = Σ working days from dispatch to reply ÷ replied tickets carrying that figure',
].join('; ');

export const BEIJING_BASIC_WEIGHT = 0.9;

export function emptyFigures(): UnitFigures {
  const counts = Object.fromEntries(UNIT_COUNTS.map((k) => [k, 0])) as Record<UnitCount, number>;
  return { ...counts, workingDays: 0, timedReplies: 0 };
}

/** Four decimals are plenty for a percentage with two. */
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const ratio = (num: number, den: number): number | null => (den > 0 ? round4(num / den) : null);

export function ratesOf(f: UnitFigures, weighting: Weighting): UnitRates {
  const rated = f.satisfied + f.basic + f.unsatisfied;
  const pleased = weighting === 'beijing' ? f.satisfied + BEIJING_BASIC_WEIGHT * f.basic : f.satisfied + f.basic;
  return {
    response: ratio(f.signed, f.dispatched),
    resolution: ratio(f.satisfied + f.basic, f.closed),
    satisfaction: ratio(pleased, rated),
    onTime: ratio(f.repliedOnTime, f.replied),
    followUp: ratio(f.visited, f.replied),
    averageDays: f.timedReplies > 0 ? Math.round((f.workingDays / f.timedReplies) * 100) / 100 : null,
  };
}

export function addFigures(into: UnitFigures, from: UnitFigures): void {
  for (const k of UNIT_COUNTS) into[k] += from[k];
  into.workingDays += from.workingDays;
  into.timedReplies += from.timedReplies;
}
