import { applySpan } from '../deadlines';
import type { TransitionContext } from '../transition-types';

/**
 * Bottom-up handling by level (004 §7-9, the profile's `bottomUp`): who reviews a unit's
 * applications. Pure: the BFF puts the units an action touches into `ctx.units`.
 */

/**
 * The unit that reviews applications from `unit`: its parent when the parent's level reviews
 * (村（社区）→ 乡镇（街道）→ 区县指挥中心), else null — the platform (市指挥中心) decides.
 */
export function reviewerAbove(unit: string | null | undefined, ctx: TransitionContext): string | null {
  const rule = ctx.profile.bottomUp?.value;
  if (!rule || !unit) return null;
  const parent = ctx.units?.[unit]?.parent;
  const level = parent ? ctx.units?.[parent]?.level : undefined;
  return parent && level && rule.reviewLevels.includes(level) ? parent : null;
}

/** 004 §8 ¶2: a unit at a closure-review level (村（社区）) applies for closure; the unit above reviews its reply. */
export function closureReviewer(unit: string | null | undefined, ctx: TransitionContext): string | null {
  const rule = ctx.profile.bottomUp?.value;
  const level = unit ? ctx.units?.[unit]?.level : undefined;
  return rule && level && rule.closureReviewLevels.includes(level) ? reviewerAbove(unit, ctx) : null;
}

/** Whether `unit` is `reviewer` itself or under it (its 本辖区, 004 §9 分办). */
export function withinJurisdiction(unit: string, reviewer: string, ctx: TransitionContext): boolean {
  return unit === reviewer || Boolean(ctx.units?.[unit]?.ancestors.includes(reviewer));
}

/** The review fields of an application to `reviewUnit` filed now: who decides, and by when (null: the platform, as everywhere). */
export function reviewBy(reviewUnit: string | null, ctx: TransitionContext): { reviewUnit: string | null; reviewDueAt: Date | null } {
  const within = ctx.profile.bottomUp?.value.reviewWithin;
  return { reviewUnit, reviewDueAt: reviewUnit && within ? (applySpan(ctx.calendar, ctx.now, within)?.at ?? null) : null };
}

/** A decided application: nobody reviews any more. */
export const REVIEW_DONE = { reviewUnit: null, reviewDueAt: null } as const;
