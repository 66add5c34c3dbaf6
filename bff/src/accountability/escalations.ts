/**
 * Escalations computed from the interviews of one unit (003 §28(5), §29(2)): a rule is reached
 * when, within its window of months ending with the month looked at, the unit was interviewed
 * in `consecutive` consecutive months or `cumulative` times in all. Pure: the service passes
 * the months of the recorded interviews.
 */
import type { RegulationProfile } from '@mashang/shared';

export type EscalationRule = NonNullable<RegulationProfile['interviewEscalations']>[number];

export interface EscalationState {
  step: string;
  label: string;
  cite: string | null;
  /** Interviews within the rule's window. */
  cumulative: number;
  /** Longest run of consecutive months with an interview within the window. */
  consecutive: number;
  reached: boolean;
}

/** `2026-11` → months since year 0. */
export const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

function longestRun(months: number[]): number {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  sorted.forEach((m, i) => {
    run = i > 0 && m === sorted[i - 1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

export function escalationsAt(interviewPeriods: readonly string[], at: string, rules: readonly EscalationRule[]): EscalationState[] {
  const end = monthIndex(at);
  return rules.map((r) => {
    const months = interviewPeriods.map(monthIndex).filter((m) => m <= end && m > end - r.withinMonths);
    const consecutive = longestRun(months);
    return { step: r.step, label: r.label, cite: r.cite ?? null, cumulative: months.length, consecutive, reached: consecutive >= r.consecutive || months.length >= r.cumulative };
  });
}
