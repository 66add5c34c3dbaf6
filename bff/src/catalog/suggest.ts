/**
 * The dispatch suggestion (002 §20): from the code point, the region, the category and the
 * text, which unit should lead and which should assist. The dispatcher confirms or changes
 * it; `recordDispatchOutcome` keeps both so accuracy can be reported.
 */
import type { Connection } from 'mongoose';
import type { Assignment, DispatchSuggestInput, DispatchSuggestion } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import { unprocessable } from '../http/errors';
import { findUnit } from '../units/service';
import { findScene, type SceneDoc } from '../scenes/model';
import type { CategoryDoc } from './model';
import { classify } from './classify';
import { findCategory, listCategories } from './service';

export interface SuggestDeps {
  db: Connection;
  clock?: Clock;
}

/** The region and its ancestors, nearest first: a street's row beats its district's. */
async function regionChain(db: Connection, region: string | null): Promise<string[]> {
  if (!region) return [];
  const unit = await findUnit(db, region);
  return unit ? [...unit.ancestors].reverse() : [region];
}

/** The most specific assignment: the category (then its ancestors), each by region nearest first, then its default row. */
export function resolveAssignment(byCode: ReadonlyMap<string, CategoryDoc>, code: string, regions: readonly string[]): { assignment: Assignment; from: CategoryDoc } | null {
  for (let c = byCode.get(code); c; c = c.parent ? byCode.get(c.parent) : undefined) {
    for (const region of [...regions, null]) {
      const assignment = c.assignments.find((a) => a.region === region);
      if (assignment) return { assignment, from: c };
    }
  }
  return null;
}

interface Classified {
  code: string | null;
  confidence: number;
  reasons: string[];
  /** no evidence in the text: the category is only the code point's usual one */
  guessed?: boolean;
}

async function pickCategory(db: Connection, all: CategoryDoc[], input: DispatchSuggestInput, scene: SceneDoc | null): Promise<Classified> {
  if (input.category) {
    const chosen = await findCategory(db, input.category);
    if (!chosen) throw unprocessable('CATEGORY_NOT_FOUND', '分类不存在');
    return { code: chosen._id, confidence: 0.9, reasons: [`已选分类：${chosen.path}`] };
  }
  const ranked = classify(all, input.text, scene?.categories ?? []);
  const [best, second] = ranked;
  if (best) {
    const margin = second ? (best.score - second.score) / best.score : 1;
    const confidence = Math.min(0.85, 0.35 + 0.1 * best.score) * (0.6 + 0.4 * margin);
    return { code: best.category._id, confidence, reasons: [`诉求内容匹配分类「${best.category.path}」（关键词：${best.matched.join('、') || '相近词'}）`] };
  }
  if (scene?.categories[0]) return { code: scene.categories[0], confidence: 0.3, guessed: true, reasons: [`内容未匹配分类，参考点位「${scene.name}」的常见分类`] };
  return { code: null, confidence: 0, reasons: ['内容未匹配任何分类'] };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Suggests the lead unit and co-units. The category's mapping for the region wins; without
 * one (or when the category is only guessed from the place), the code point's default unit;
 * without that, nothing (the dispatcher decides).
 */
export async function suggestDispatch(deps: SuggestDeps, input: DispatchSuggestInput): Promise<DispatchSuggestion> {
  const scene = input.sceneId ? await findScene(deps.db, input.sceneId) : null;
  if (input.sceneId && !scene) throw unprocessable('SCENE_NOT_FOUND', '二维码点位不存在');
  const region = input.region ?? scene?.region ?? null;
  const all = await listCategories(deps.db, { active: true });
  const picked = await pickCategory(deps.db, all, input, scene);
  const reasons = [...picked.reasons];
  if (scene) reasons.push(`来自码上反映点位「${scene.name}」`);
  const regions = await regionChain(deps.db, region);
  // A guessed category says less than the place itself: the point's default unit goes first.
  const hit = picked.code && !(picked.guessed && scene?.defaultUnit) ? resolveAssignment(new Map(all.map((c) => [c._id, c])), picked.code, regions) : null;
  if (hit) {
    const regional = hit.assignment.region ? `在该区域（${(await findUnit(deps.db, hit.assignment.region))?.name ?? hit.assignment.region}）` : '（全市默认）';
    reasons.push(`派单目录：「${hit.from.path}」${regional}由 ${(await findUnit(deps.db, hit.assignment.lead))?.name ?? hit.assignment.lead} 牵头`);
    return { leadUnit: hit.assignment.lead, coUnits: hit.assignment.coUnits, category: picked.code, confidence: round2(picked.confidence), reasons };
  }
  if (scene?.defaultUnit) {
    reasons.push(`派单目录无对应规则，采用点位默认承办单位 ${(await findUnit(deps.db, scene.defaultUnit))?.name ?? scene.defaultUnit}`);
    return { leadUnit: scene.defaultUnit, coUnits: [], category: picked.code, confidence: round2(Math.min(picked.confidence, 0.4)), reasons };
  }
  reasons.push('无可用的派单规则，请派单员人工选择承办单位');
  return { leadUnit: null, coUnits: [], category: picked.code, confidence: 0, reasons };
}

/**
 * The category alone, as `suggestDispatch` would pick it (code point, then text), without the
 * region and unit lookups a full suggestion makes: what `accept` stores. A code point removed
 * since counts as none.
 */
export async function suggestCategory(deps: SuggestDeps, input: Pick<DispatchSuggestInput, 'text' | 'sceneId'>): Promise<string | null> {
  const scene = input.sceneId ? await findScene(deps.db, input.sceneId) : null;
  const all = await listCategories(deps.db, { active: true });
  return (await pickCategory(deps.db, all, { text: input.text }, scene)).code;
}
