/**
 * The dispatch catalogue hand-over (002 §20). A ticket's `category` (a catalogue code) comes from
 * the operator at key-in, else from the catalogue's suggestion at accept or dispatch, and the
 * dispatcher confirms or changes it at dispatch. Each dispatch records what the catalogue
 * suggested against the dispatcher's choice, so the accuracy report counts real dispatches.
 */
import type { ActionInput, DispatchSuggestInput, DispatchSuggestion, TicketAction } from '@mashang/shared';
import { findCategory, recordDispatchOutcome, suggestCategory, suggestDispatch } from '../catalog';
import { categoryModel } from '../catalog/model';
import { unprocessable } from '../http/errors';
import { findScene } from '../scenes/model';
import type { TicketDeps } from './deps';
import type { TicketDoc } from './model';

/** 422 unless `code` is an active leaf (小类, or a category without active children) of the catalogue. */
export async function checkCategory(deps: Pick<TicketDeps, 'db'>, code: string): Promise<void> {
  const category = await findCategory(deps.db, code);
  if (!category || !category.active) throw unprocessable('CATEGORY_NOT_FOUND', '诉求分类不存在或已停用', { category: code });
  if (await categoryModel(deps.db).exists({ parent: code, active: true })) throw unprocessable('CATEGORY_NOT_LEAF', '请选择最细一级的诉求分类', { category: code });
}

/** The catalogue's input from the stored ticket; a code point or category removed since is left out rather than failing. */
async function suggestionInput(deps: Pick<TicketDeps, 'db'>, t: TicketDoc): Promise<DispatchSuggestInput> {
  const scene = t.scene && (await findScene(deps.db, t.scene)) ? t.scene : undefined;
  const category = t.category && (await findCategory(deps.db, t.category)) ? t.category : undefined;
  return { text: t.content, ...(scene ? { sceneId: scene } : {}), ...(t.location?.region ? { region: t.location.region } : {}), ...(category ? { category } : {}) };
}

/** GET /api/admin/v1/tickets/{no}/dispatch-suggestion: lead unit, co-units and category for the ticket as stored. */
export async function ticketDispatchSuggestion(deps: TicketDeps, t: TicketDoc): Promise<DispatchSuggestion> {
  return suggestDispatch(deps, await suggestionInput(deps, t));
}

/** The suggestion, or null when the catalogue cannot give one: a suggestion never blocks an action. */
async function suggestionOrNull(deps: TicketDeps, t: TicketDoc): Promise<DispatchSuggestion | null> {
  try {
    return await ticketDispatchSuggestion(deps, t);
  } catch (err) {
    deps.logger.warn({ err, no: t.no }, 'dispatch suggestion unavailable');
    return null;
  }
}

/** At accept only the category is kept: the catalogue's pick without the unit lookups; never blocks the accept. */
async function categoryOrNull(deps: TicketDeps, t: TicketDoc): Promise<string | null> {
  try {
    return await suggestCategory(deps, { text: t.content, ...(t.scene ? { sceneId: t.scene } : {}) });
  } catch (err) {
    deps.logger.warn({ err, no: t.no }, 'category suggestion unavailable');
    return null;
  }
}

export interface CategoryStep {
  /** `{category}` to store with the action's update, when it changes. */
  $set: { category?: string };
  /** At dispatch: what the catalogue suggested before the dispatcher chose. */
  suggestion: DispatchSuggestion | null;
}

/** Before accept or dispatch: the category to keep (the dispatcher's, the stored one, else the suggested one). */
export async function categoryStep(deps: TicketDeps, t: TicketDoc, action: TicketAction, input: unknown): Promise<CategoryStep> {
  if (action === 'accept') {
    const category = t.category ? null : await categoryOrNull(deps, t);
    return { $set: category ? { category } : {}, suggestion: null };
  }
  if (action !== 'dispatch') return { $set: {}, suggestion: null };
  const suggestion = await suggestionOrNull(deps, t);
  const chosen = (input as ActionInput<'dispatch'>).category;
  const category = chosen ?? t.category ?? suggestion?.category ?? null;
  return { $set: category && category !== t.category ? { category } : {}, suggestion };
}

/** After a dispatch is stored: suggestion vs choice, once per dispatch round (1, then 2 after a return…). */
export async function recordDispatchChoice(deps: TicketDeps, before: TicketDoc, input: ActionInput<'dispatch'>, suggestion: DispatchSuggestion | null): Promise<void> {
  if (!suggestion) return;
  const round = before.timeline.filter((e) => e.action === 'dispatch').length + 1;
  try {
    await recordDispatchOutcome(deps.db, { ticketNo: before.no, round, suggested: suggestion, chosen: { leadUnit: input.leadUnit, coUnits: input.coUnits ?? [] }, at: deps.clock.now() });
  } catch (err) {
    deps.logger.error({ err, no: before.no }, 'dispatch outcome not recorded; the dispatch stands');
  }
}
