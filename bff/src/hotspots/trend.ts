/**
 * Early warning of a rising matter (000 §21 预警, 001 §27, 002 §36, 004 §16). The rule is
 * deliberately simple so a supervisor can check it by hand:
 *
 *   baseline = average count of the previous `baselinePeriods` periods (missing periods count 0);
 *   rising   = current ≥ `minCount`  and  current ≥ `ratio` × max(baseline, 1).
 *
 * `minCount` keeps a jump from 1 to 3 quiet; `max(baseline, 1)` keeps a brand-new matter from
 * dividing by zero. The Poisson z-score (current − baseline) / √max(baseline, 1) is reported to
 * order the warnings (how unusual the count is for a matter of that size).
 */
export interface TrendRule {
  minCount: number;
  ratio: number;
  baselinePeriods: number;
}

export const DEFAULT_TREND_RULE: TrendRule = { minCount: 5, ratio: 2, baselinePeriods: 4 };

export interface TrendVerdict {
  current: number;
  baseline: number;
  ratio: number | null;
  zScore: number;
  rising: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** `previous`: counts of the periods before the current one, oldest first (only the last `baselinePeriods` count). */
export function assessTrend(current: number, previous: readonly number[], rule: TrendRule = DEFAULT_TREND_RULE): TrendVerdict {
  const window = previous.slice(-rule.baselinePeriods);
  const padded = [...Array<number>(Math.max(0, rule.baselinePeriods - window.length)).fill(0), ...window];
  const baseline = padded.reduce((s, n) => s + n, 0) / rule.baselinePeriods;
  const floor = Math.max(baseline, 1);
  return {
    current,
    baseline: round2(baseline),
    ratio: baseline > 0 ? round2(current / baseline) : null,
    zScore: round2((current - baseline) / Math.sqrt(floor)),
    rising: current >= rule.minCount && current >= rule.ratio * floor,
  };
}

/** Explains the rule in the words the API returns with the warnings. */
export function describeRule(rule: TrendRule, periodLabel: string): string {
  return `本${periodLabel}数量不少于${rule.minCount}件，且不低于前${rule.baselinePeriods}个${periodLabel}平均数的${rule.ratio}倍（平均数不足1按1计）`;
}
