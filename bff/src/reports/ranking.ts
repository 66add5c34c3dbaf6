/**
 * The monthly ranking marks of 003 §28(4): in each group of units, those ranked last (the last
 * `lastN`) AND scoring below `ratioOfTop` of the group's best score are marked for an interview
 * (约谈). Thresholds come from the active profile's `ranking`; a profile without one marks
 * nobody, and the report says so.
 */
import type { RegulationProfile, UnitKind, UnitLevel } from '@mashang/shared';

export type RankingRule = NonNullable<RegulationProfile['ranking']>[number];

export interface RankedUnit {
  unit: string;
  level: UnitLevel;
  kind: UnitKind;
  /** 0–100; null when the unit had nothing to score in the period. */
  score: number | null;
}

export interface RankingMark {
  group: string;
  rank: number;
  groupSize: number;
  /** score ÷ the group's best score. */
  ofTop: number | null;
  ratioOfTop: number;
  /** Among the last `lastN` of the group and below `ratioOfTop` of its best. */
  marked: boolean;
  cite: string | undefined;
}

/**
 * 003 §28(4) names the groups: 县（市）组、区组 — district-level governments; 市直单位和驻平单位组、
 * 各区乡镇（街道）组 — city departments, utilities and street offices. A group name this function
 * does not know takes every unit.
 */
export function inGroup(group: string, u: Pick<RankedUnit, 'level' | 'kind'>): boolean {
  if (group === 'county-district') return u.level === 'district' && u.kind === 'government';
  if (group === 'department-street') return u.level === 'street' || (u.level !== 'community' && ['department', 'utility', 'organisation'].includes(u.kind));
  return true;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

function markGroup(rule: RankingRule, members: readonly RankedUnit[], out: Map<string, RankingMark>): void {
  const scored = members.filter((m) => m.score !== null).sort((a, b) => (b.score as number) - (a.score as number) || (a.unit < b.unit ? -1 : 1));
  const top = scored[0]?.score ?? null;
  scored.forEach((m, i) => {
    const ofTop = top && top > 0 ? round4((m.score as number) / top) : null;
    const last = i >= scored.length - rule.lastN && scored.length > rule.lastN;
    out.set(m.unit, { group: rule.group, rank: i + 1, groupSize: scored.length, ofTop, ratioOfTop: rule.ratioOfTop, marked: last && ofTop !== null && ofTop < rule.ratioOfTop, cite: rule.cite });
  });
}

/** Marks per unit id; a unit in no group (or unscored) has none. */
export function rankingMarks(units: readonly RankedUnit[], rules: RegulationProfile['ranking']): Map<string, RankingMark> {
  const out = new Map<string, RankingMark>();
  for (const rule of rules ?? []) markGroup(rule, units.filter((u) => !out.has(u.unit) && inGroup(rule.group, u)), out);
  return out;
}
