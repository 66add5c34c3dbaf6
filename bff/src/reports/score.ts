/**
 * The ranking score of a unit (003 §26-28). 003 §26 asks for quantified assessment but names no
 * weights, so the platform's documented choice is: the plain average of the active profile's
 * rate metrics that the stats module computes, × 100. A rate without data (null) is left out
 * of the average; a unit with no rate at all has no score and is not ranked.
 */
import type { Metric } from '@mashang/shared';
import type { UnitRates } from '../stats/rates';

type RateKey = Exclude<keyof UnitRates, 'averageDays'>;

/** Profile metrics → the stats rate that measures it; the others are not scored (no data source yet). */
const RATE_OF: Partial<Record<Metric, RateKey>> = {
  response: 'response',
  resolution: 'resolution',
  satisfaction: 'satisfaction',
  'on-time': 'onTime',
  'follow-up': 'followUp',
  closure: 'closure',
  'instant-transfer': 'instantTransfer',
};

export function scoredMetrics(metrics: readonly Metric[]): Metric[] {
  return metrics.filter((m) => RATE_OF[m] !== undefined);
}

export function scoreOf(rates: UnitRates, metrics: readonly Metric[]): number | null {
  const values = scoredMetrics(metrics)
    .map((m) => rates[RATE_OF[m] as RateKey])
    .filter((v): v is number => v !== null);
  if (!values.length) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10_000) / 100;
}

export function scoringNote(metrics: readonly Metric[], labels: Record<Metric, string>): string {
  const used = scoredMetrics(metrics).map((m) => labels[m]);
  const unused = metrics.filter((m) => RATE_OF[m] === undefined).map((m) => labels[m]);
  const base = `综合得分 = ${used.join('、')}的算术平均 × 100（003 §26 未规定权重，平台约定等权；无数据的指标不计入）`;
  return unused.length ? `${base}；${unused.join('、')}暂无数据来源，未计入` : base;
}
