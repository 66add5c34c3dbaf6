/**
 * 周分析、月通报、年总结 (003 §19): per-unit figures and rates exactly as the stats endpoint gives
 * them (stats/service unitsReport), a score and ranking with the 003 §28(4) marks (monthly), the
 * top categories and rising matters of the hot spots, each against the previous period.
 */
import type { Connection } from 'mongoose';
import { METRIC_LABELS, REPORT_KIND_LABELS, type Metric, type RegulationProfile, type ReportKind, type UnitKind, type UnitLevel } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import { unprocessable } from '../http/errors';
import { unitsReport, type UnitStats } from '../stats/service';
import type { UnitFigures, UnitRates } from '../stats/rates';
import { unitModel, type UnitDoc } from '../units/model';
import { hotspots, type HotspotWarning } from '../hotspots/service';
import { lastCompletePeriod, parsePeriod, previousPeriod, type Period } from './period';
import { rankingMarks, type RankingMark } from './ranking';
import { scoredMetrics, scoreOf, scoringNote } from './score';

export interface PeriodView {
  key: string;
  label: string;
  from: string;
  to: string;
}

export interface ReportUnit {
  unit: string;
  unitName: string;
  level: UnitLevel;
  kind: UnitKind;
  figures: UnitFigures;
  rates: UnitRates;
  /** 0–100, null when nothing could be scored. */
  score: number | null;
  /** Among all scored units, best first. */
  rank: number | null;
  previousScore: number | null;
  scoreDelta: number | null;
  received: number;
  previousReceived: number;
  /** 003 §28(4) group, rank in group and the interview mark (monthly reports only). */
  mark: RankingMark | null;
}

export interface ReportCategory {
  key: string | null;
  label: string;
  count: number;
  share: number;
  previousCount: number;
  delta: number;
}

export interface Report {
  kind: ReportKind;
  kindLabel: string;
  title: string;
  period: PeriodView;
  previous: PeriodView;
  profile: { name: string; label: string; metrics: Metric[]; scoredMetrics: Metric[]; scoring: string };
  ranking: { applies: boolean; rules: NonNullable<RegulationProfile['ranking']>; note: string };
  totals: { received: number; previousReceived: number; delta: number; rates: UnitRates; previousRates: UnitRates };
  units: ReportUnit[];
  topCategories: ReportCategory[];
  warnings: HotspotWarning[];
  warningRule: string;
  generatedAt: string;
}

export interface ReportDeps {
  db: Connection;
  profile: RegulationProfile;
}

const TOP_CATEGORIES = 10;
const view = (p: Period): PeriodView => ({ key: p.key, label: p.label, from: p.from.toISOString(), to: p.to.toISOString() });
const delta = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.round((a - b) * 100) / 100);

/** The period asked for, or the last complete one; a period that has not started yet is refused. */
export function reportPeriod(kind: ReportKind, key: string | undefined, now: Date): Period {
  const period = key ? parsePeriod(kind, key) : lastCompletePeriod(kind, now);
  if (period.from.getTime() > now.getTime()) throw unprocessable('PERIOD_IN_FUTURE', `${period.label}尚未开始`, { period: period.key });
  return period;
}

function rankingNote(kind: ReportKind, profile: RegulationProfile): string {
  if (!profile.ranking?.length) return `${profile.label}未规定排名约谈标准，不作标记`;
  if (kind !== 'monthly') return '约谈标记按月度排名作出（003 §28(4)），本报告只列排名';
  return profile.ranking.map((r) => r.note ?? `${r.group}: 最后${r.lastN}名且低于最高分${Math.round(r.ratioOfTop * 100)}%`).join('；');
}

async function scoredUnits(deps: ReportDeps, current: UnitStats[], previous: UnitStats[], marksApply: boolean): Promise<ReportUnit[]> {
  const metrics = deps.profile.metrics.value;
  const docs = await unitModel(deps.db).find({ _id: { $in: current.map((u) => u.unit) } }, { kind: 1, level: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'kind' | 'level'>>>();
  const meta = new Map(docs.map((d) => [d._id, d]));
  const before = new Map(previous.map((u) => [u.unit, u]));
  const units = current.map((u) => {
    const m = meta.get(u.unit);
    const prev = before.get(u.unit);
    const score = scoreOf(u.rates, metrics);
    const previousScore = prev ? scoreOf(prev.rates, metrics) : null;
    return { unit: u.unit, unitName: u.unitName, level: m?.level ?? 'city', kind: m?.kind ?? 'government', figures: u.figures, rates: u.rates, score, rank: null, previousScore, scoreDelta: delta(score, previousScore), received: u.figures.received, previousReceived: prev?.figures.received ?? 0, mark: null };
  });
  const marks = marksApply ? rankingMarks(units.map((u) => ({ ...u, name: u.unitName })), deps.profile.ranking) : new Map<string, RankingMark>();
  const order = units.filter((u) => u.score !== null).sort((a, b) => (b.score as number) - (a.score as number) || a.unitName.localeCompare(b.unitName, 'zh'));
  const rankOf = new Map(order.map((u, i) => [u.unit, i + 1]));
  return units
    .map((u): ReportUnit => ({ ...u, rank: rankOf.get(u.unit) ?? null, mark: marks.get(u.unit) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitName.localeCompare(b.unitName, 'zh'));
}

async function categories(db: Connection, period: Period, previous: Period): Promise<{ top: ReportCategory[]; warnings: HotspotWarning[]; rule: string }> {
  const now = await hotspots(db, { window: period, by: 'category' });
  const before = await hotspots(db, { window: previous, by: 'category' });
  const prevCount = new Map(before.buckets.map((b) => [b.key, b.count]));
  const top = now.buckets.slice(0, TOP_CATEGORIES).map((b) => ({ ...b, previousCount: prevCount.get(b.key) ?? 0, delta: b.count - (prevCount.get(b.key) ?? 0) }));
  return { top, warnings: now.warnings, rule: now.rule };
}

export async function buildReport(deps: ReportDeps, kind: ReportKind, key: string | undefined, now: Date, actor: StaffActor): Promise<Report> {
  const period = reportPeriod(kind, key, now);
  const previous = previousPeriod(period);
  const q = { weighting: 'standard' as const, rollup: false };
  const current = await unitsReport(deps.db, period, now, q, actor);
  const before = await unitsReport(deps.db, previous, now, q, actor);
  const marksApply = kind === 'monthly' && Boolean(deps.profile.ranking?.length);
  const hot = await categories(deps.db, period, previous);
  const received = current.platform?.figures.received ?? current.total.figures.received;
  const previousReceived = before.platform?.figures.received ?? before.total.figures.received;
  const metrics = deps.profile.metrics.value;
  return {
    kind,
    kindLabel: REPORT_KIND_LABELS[kind],
    title: `诉求办理${REPORT_KIND_LABELS[kind]}（${period.label}）`,
    period: view(period),
    previous: view(previous),
    profile: { name: deps.profile.name, label: deps.profile.label, metrics, scoredMetrics: scoredMetrics(metrics), scoring: scoringNote(metrics, METRIC_LABELS) },
    ranking: { applies: marksApply, rules: deps.profile.ranking ?? [], note: rankingNote(kind, deps.profile) },
    totals: { received, previousReceived, delta: received - previousReceived, rates: current.total.rates, previousRates: before.total.rates },
    units: await scoredUnits(deps, current.items, before.items, marksApply),
    topCategories: hot.top,
    warnings: hot.warnings,
    warningRule: hot.rule,
    generatedAt: now.toISOString(),
  };
}
