/**
 * Hot spots and early warnings (000 §21 热点、预警; 001 §27; 002 §36; 004 §16): tickets of a window
 * counted by category, region, code point, type, unit or week, and matters rising in the
 * window's last week against the weeks before (trend.ts).
 */
import type { Connection, QueryFilter } from 'mongoose';
import type { HotspotDimension } from '@mashang/shared';
import { listCategories } from '../catalog/service';
import type { CategoryDoc } from '../catalog/model';
import type { TicketDoc } from '../tickets/model';
import { windowMatch } from '../stats/aggregate';
import type { StatsWindow } from '../stats/window';
import { bucketCounts, countIn, type BucketDimension } from './buckets';
import { bucketLabels, UNSET_LABEL } from './labels';
import { assessTrend, describeRule, DEFAULT_TREND_RULE, type TrendRule } from './trend';
import { weekBuckets } from './weeks';

export interface HotspotBucket {
  key: string | null;
  label: string;
  count: number;
  /** Share of the window's tickets, 0–1. */
  share: number;
}

export interface HotspotWarning {
  dimension: BucketDimension;
  key: string | null;
  label: string;
  current: number;
  baseline: number;
  ratio: number | null;
  zScore: number;
  /** The week compared: [from, to). */
  from: string;
  to: string;
}

export interface HotspotReport {
  by: HotspotDimension;
  from: string;
  to: string;
  total: number;
  buckets: HotspotBucket[];
  /** Rising matters (by category, or by the chosen dimension), most unusual first. */
  warnings: HotspotWarning[];
  rule: string;
  /** Some uncategorised tickets were not classified (very large windows). */
  approximate: boolean;
}

const WEEK_MS = 7 * 86_400_000;
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

async function labelled(db: Connection, by: BucketDimension, counts: Map<string | null, number>, categories: readonly CategoryDoc[]): Promise<Map<string | null, string>> {
  const keys = [...counts.keys()].filter((k): k is string => k !== null);
  const names = await bucketLabels(db, by, keys, categories);
  return new Map([...counts.keys()].map((k) => [k, k === null ? UNSET_LABEL[by] : (names.get(k) ?? k)]));
}

/** The window's last 7 days against the `baselinePeriods` weeks before them, per bucket. */
async function risingWarnings(db: Connection, w: StatsWindow, by: BucketDimension, scope: string | undefined, categories: readonly CategoryDoc[], rule: TrendRule): Promise<HotspotWarning[]> {
  const weeks: StatsWindow[] = [];
  for (let i = rule.baselinePeriods; i >= 0; i--) weeks.push({ from: new Date(w.to.getTime() - (i + 1) * WEEK_MS), to: new Date(w.to.getTime() - i * WEEK_MS) });
  const counts = [];
  for (const week of weeks) counts.push((await bucketCounts(db, windowMatch(week, scope), by, categories)).counts);
  const current = counts[counts.length - 1];
  const labels = await labelled(db, by, current, categories);
  const last = weeks[weeks.length - 1];
  const out: HotspotWarning[] = [];
  for (const [key, n] of current) {
    const verdict = assessTrend(n, counts.slice(0, -1).map((c) => c.get(key) ?? 0), rule);
    if (verdict.rising) out.push({ dimension: by, key, label: labels.get(key) ?? String(key), current: n, baseline: verdict.baseline, ratio: verdict.ratio, zScore: verdict.zScore, from: last.from.toISOString(), to: last.to.toISOString() });
  }
  return out.sort((a, b) => b.zScore - a.zScore || b.current - a.current);
}

async function dimensionBuckets(db: Connection, match: QueryFilter<TicketDoc>, by: BucketDimension, categories: readonly CategoryDoc[], total: number): Promise<{ buckets: HotspotBucket[]; approximate: boolean }> {
  const { counts, truncated } = await bucketCounts(db, match, by, categories);
  const labels = await labelled(db, by, counts, categories);
  const buckets = [...counts].map(([key, count]) => ({ key, label: labels.get(key) ?? String(key), count, share: total ? round4(count / total) : 0 }));
  return { buckets: buckets.sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key))), approximate: truncated };
}

export interface HotspotInput {
  window: StatsWindow;
  by: HotspotDimension;
  /** Only tickets in this unit's subtree (lead or co-unit). */
  scope?: string;
  top?: number;
  rule?: TrendRule;
}

export async function hotspots(db: Connection, input: HotspotInput): Promise<HotspotReport> {
  const { window: w, by, scope } = input;
  const rule = input.rule ?? DEFAULT_TREND_RULE;
  const match = windowMatch(w, scope);
  const categories = await listCategories(db, { active: true });
  const total = await countIn(db, match);
  const result = by === 'week' ? { buckets: await weekBuckets(db, w, scope, total), approximate: false } : await dimensionBuckets(db, match, by, categories, total);
  const warnBy: BucketDimension = by === 'week' ? 'category' : by;
  return {
    by,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    total,
    buckets: input.top ? result.buckets.slice(0, input.top) : result.buckets,
    warnings: await risingWarnings(db, w, warnBy, scope, categories, rule),
    rule: describeRule(rule, '周'),
    approximate: result.approximate,
  };
}
