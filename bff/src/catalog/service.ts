/** The dispatch catalogue (002 §20): create, edit and retire categories and their unit mappings. */
import type { Connection } from 'mongoose';
import type { Actor, Assignment, CategoryCreateInput, CategoryPatchInput } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { conflict, notFound, preconditionFailed, unprocessable } from '../http/errors';
import { recordAudit } from '../audit/service';
import { findUnit } from '../units/service';
import { tokenize, uniqueTokens } from '../text';
import { categoryModel, type CategoryDoc } from './model';

export interface CatalogDeps {
  db: Connection;
  clock: Clock;
}

const MAX_LEVEL = 3;

export const categoryTokens = (name: string, keywords: readonly string[]): string[] => uniqueTokens([name, ...keywords].flatMap((t) => tokenize(t, { bigrams: true })));

export async function findCategory(db: Connection, code: string): Promise<CategoryDoc | null> {
  return categoryModel(db).findById(code).lean<CategoryDoc>();
}

export async function getCategory(db: Connection, code: string): Promise<CategoryDoc> {
  const category = await findCategory(db, code);
  if (!category) throw notFound('分类', 'CATEGORY_NOT_FOUND');
  return category;
}

/** Every category, in tree (code) order; the catalogue is small, so one read serves it all. */
export async function listCategories(db: Connection, filter: { active?: boolean } = {}): Promise<CategoryDoc[]> {
  const rows = await categoryModel(db).find(filter.active === undefined ? {} : { active: filter.active }).lean<CategoryDoc[]>();
  return rows.sort((a, b) => (a._id < b._id ? -1 : 1));
}

/** Every unit an assignment names must exist and be active. */
export async function checkAssignments(db: Connection, assignments: readonly Assignment[]): Promise<void> {
  const ids = new Set(assignments.flatMap((a) => [a.lead, ...a.coUnits, ...(a.region ? [a.region] : [])]));
  for (const id of ids) {
    const unit = await findUnit(db, id);
    if (!unit || !unit.active) throw unprocessable('UNIT_NOT_FOUND', '派单规则中的单位不存在或已停用', { unit: id });
  }
}

async function checkedParent(db: Connection, code: string): Promise<CategoryDoc> {
  const parent = await findCategory(db, code);
  if (!parent || !parent.active) throw unprocessable('CATEGORY_PARENT_NOT_FOUND', '上级分类不存在或已停用');
  if (parent.level >= MAX_LEVEL) throw unprocessable('CATEGORY_TOO_DEEP', '分类最多三级（大类-中类-小类）');
  return parent;
}

/** Tries the next free two-digit code under the parent (insert under the unique `_id` decides). */
async function insertWithCode(db: Connection, doc: Omit<CategoryDoc, '_id'>, given: string | undefined): Promise<CategoryDoc> {
  const prefix = doc.parent ?? '';
  const candidates = given ? [given] : Array.from({ length: 99 }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
  for (const code of candidates) {
    try {
      await categoryModel(db).create({ ...doc, _id: code });
      return { ...doc, _id: code };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw conflict(given ? 'CATEGORY_CODE_TAKEN' : 'CATEGORY_FULL', given ? '分类编码已存在' : '该分类下已无可用编码');
}

export async function createCategory(deps: CatalogDeps, input: CategoryCreateInput, actor: Actor): Promise<CategoryDoc> {
  const parent = input.parent ? await checkedParent(deps.db, input.parent) : null;
  if (input.code && (input.code.length !== (parent ? parent._id.length + 2 : 2) || !input.code.startsWith(parent?._id ?? ''))) {
    throw unprocessable('CATEGORY_CODE_INVALID', '分类编码应为上级编码加两位数字');
  }
  await checkAssignments(deps.db, input.assignments);
  const now = deps.clock.now();
  const doc = { name: input.name, parent: parent?._id ?? null, level: (parent?.level ?? 0) + 1, path: parent ? `${parent.path}/${input.name}` : input.name, keywords: input.keywords, tokens: categoryTokens(input.name, input.keywords), assignments: input.assignments, active: true, version: 0, createdAt: now, updatedAt: now };
  const created = await insertWithCode(deps.db, doc, input.code);
  await recordAudit(deps.db, { actor, action: 'catalog.create', target: { type: 'category', id: created._id }, details: { parent: created.parent }, at: now });
  return created;
}

async function checkDeactivation(db: Connection, code: string): Promise<void> {
  const child = await categoryModel(db).findOne({ parent: code, active: true }, { _id: 1 }).lean();
  if (child) throw unprocessable('CATEGORY_HAS_ACTIVE_CHILDREN', '请先停用下级分类');
}

/**
 * Renames, re-keys, re-maps or (de)activates a category. A rename changes the category's
 * own `path`; descendants keep theirs until edited (names of 大类 rarely change, and the path
 * is display text only).
 */
export async function updateCategory(deps: CatalogDeps, code: string, patch: CategoryPatchInput, actor: Actor, ifMatch?: number): Promise<CategoryDoc> {
  const current = await getCategory(deps.db, code);
  if (ifMatch !== undefined && current.version !== ifMatch) throw preconditionFailed(undefined, { version: current.version });
  if (patch.assignments) await checkAssignments(deps.db, patch.assignments);
  if (patch.active === false && current.active) await checkDeactivation(deps.db, code);
  if (patch.active === true && current.parent) await checkedParent(deps.db, current.parent);
  const name = patch.name ?? current.name;
  const keywords = patch.keywords ?? current.keywords;
  const path = current.path.split('/').slice(0, -1).concat(name).join('/');
  const now = deps.clock.now();
  const $set = { ...patch, name, keywords, path, tokens: categoryTokens(name, keywords), updatedAt: now };
  if ((await applyVersioned(categoryModel(deps.db), code, current.version, { $set }, now)) === 'lost') {
    throw ifMatch === undefined ? conflict('CONCURRENT_UPDATE', '数据正被同时修改，请稍后重试') : preconditionFailed();
  }
  await recordAudit(deps.db, { actor, action: 'catalog.update', target: { type: 'category', id: code }, details: { fields: Object.keys(patch) }, at: now });
  return getCategory(deps.db, code);
}

export interface CategoryView {
  code: string;
  name: string;
  parent: string | null;
  level: number;
  path: string;
  keywords: string[];
  assignments: Assignment[];
  active: boolean;
  version: number;
}

export const categoryView = (c: CategoryDoc): CategoryView => ({ code: c._id, name: c.name, parent: c.parent, level: c.level, path: c.path, keywords: c.keywords, assignments: c.assignments, active: c.active, version: c.version });
