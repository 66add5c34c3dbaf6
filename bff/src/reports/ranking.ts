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
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  /** 0–100; null when the unit had nothing to score in the period. */
  score: number | null;
}

export interface RankingMark {
  group: string;
  groupLabel: string;
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
 * 003 §28(4) names four groups: 县（市）组、区组 (district-level governments, told apart by the
 * ending of their name), 市直单位和驻平单位组 (city departments, utilities, organisations),
 * 各区乡镇（街道）组 (street offices and towns). The profile's `members` say which units a
 * group holds; a group without `members` takes every unit left.
 */
export function inGroup(rule: Pick<RankingRule, 'members'>, u: Pick<RankedUnit, 'level' | 'kind' | 'name'>): boolean {
  const m = rule.members;
  if (!m) return true;
  if (!m.levels.includes(u.level)) return false;
  if (m.kinds && !m.kinds.includes(u.kind)) return false;
  return !m.nameSuffixes || m.nameSuffixes.some((s) => u.name.endsWith(s));
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

function markGroup(rule: RankingRule, members: readonly RankedUnit[], out: Map<string, RankingMark>): void {
  const scored = members.filter((m) => m.score !== null).sort((a, b) => (b.score as number) - (a.score as number) || (a.unit < b.unit ? -1 : 1));
  const top = scored[0]?.score ?? null;
  scored.forEach((m, i) => {
    const ofTop = top && top > 0 ? round4((m.score as number) / top) : null;
    const last = i >= scored.length - rule.lastN && scored.length > rule.lastN;
    out.set(m.unit, { group: rule.group, groupLabel: rule.label ?? rule.group, rank: i + 1, groupSize: scored.length, ofTop, ratioOfTop: rule.ratioOfTop, marked: last && ofTop !== null && ofTop < rule.ratioOfTop, cite: rule.cite });
  });
}

/** Marks per unit id; a unit in no group (or unscored) has none. */
export function rankingMarks(units: readonly RankedUnit[], rules: RegulationProfile['ranking']): Map<string, RankingMark> {
  const out = new Map<string, RankingMark>();
  for (const rule of rules ?? []) markGroup(rule, units.filter((u) => !out.has(u.unit) && inGroup(rule, u)), out);
  return out;
}
