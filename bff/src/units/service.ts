/** The organisation tree: create, read, rename, (de)activate and move units; every write audited. */
import type { Connection, QueryFilter } from 'mongoose';
import type { Actor, UnitCreateInput, UnitKind, UnitLevel } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import { isDuplicateKey } from '../db/atomic';
import { conflict, notFound, preconditionFailed, unprocessable } from '../http/errors';
import { recordAudit } from '../audit/service';
import { newId, pageById, type Page } from '../audit/paging';
import { unitModel, type UnitDoc } from './model';
import { defaultKind, pathOf, placementProblem } from './rules';
import { writeVersion } from './versioned';
import { withTreeLock } from './tree-lock';

export interface UnitDeps {
  db: Connection;
  clock: Clock;
}

export interface UnitView {
  id: string;
  name: string;
  parent: string | null;
  level: UnitLevel;
  kind: UnitKind;
  is24h: boolean;
  path: string;
  depth: number;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function unitView(u: UnitDoc): UnitView {
  return {
    id: u._id,
    name: u.name,
    parent: u.parent ?? null,
    level: u.level,
    kind: u.kind,
    is24h: u.is24h,
    path: u.path,
    depth: u.depth,
    active: u.active,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

const NAME_TAKEN = { code: 'UNIT_NAME_TAKEN', message: '同一上级单位下已有同名单位' };

export async function findUnit(db: Connection, id: string): Promise<UnitDoc | null> {
  return unitModel(db).findById(id).lean<UnitDoc>();
}

export async function getUnit(db: Connection, id: string): Promise<UnitDoc> {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound('单位', 'UNIT_NOT_FOUND');
  return unit;
}

/** Ids of the unit and everything below it (for "tickets of my unit and its sub-units" filters). */
export async function unitSubtreeIds(db: Connection, unitId: string): Promise<string[]> {
  const rows = await unitModel(db).find({ ancestors: unitId }, { _id: 1 }).lean<Array<{ _id: string }>>();
  return rows.map((r) => r._id);
}

/** A parent must exist, be active and be a legal place for the child. */
async function checkedParent(db: Connection, parentId: string, child: { level: UnitLevel; kind: UnitKind }): Promise<UnitDoc> {
  const parent = await findUnit(db, parentId);
  if (!parent) throw unprocessable('PARENT_NOT_FOUND', '上级单位不存在');
  if (!parent.active) throw unprocessable('PARENT_INACTIVE', '上级单位已停用');
  const problem = placementProblem(child, parent);
  if (problem) throw unprocessable('UNIT_PLACEMENT_INVALID', problem, { parentLevel: parent.level, level: child.level, kind: child.kind });
  return parent;
}

export async function createUnit(deps: UnitDeps, input: UnitCreateInput, actor: Actor): Promise<UnitDoc> {
  const kind = input.kind ?? defaultKind(input.level);
  const parent = input.parent ? await checkedParent(deps.db, input.parent, { level: input.level, kind }) : null;
  const id = newId();
  const ancestors = [...(parent?.ancestors ?? []), id];
  const now = deps.clock.now();
  const doc: UnitDoc = {
    _id: id,
    name: input.name,
    parent: parent?._id ?? null,
    parentKey: parent?._id ?? '',
    level: input.level,
    kind,
    is24h: input.is24h ?? kind === 'utility',
    ancestors,
    path: pathOf(ancestors),
    depth: ancestors.length - 1,
    active: true,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    const units = unitModel(deps.db);
    await units.init(); // the unique sibling-name index must exist before the first racing insert
    await units.create(doc);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict(NAME_TAKEN.code, NAME_TAKEN.message);
    throw err;
  }
  const settled = parent ? await followParentMove(deps, doc, parent) : doc;
  await recordAudit(deps.db, { actor, action: 'unit.create', target: { type: 'unit', id }, details: { parent: doc.parent, level: doc.level, kind: doc.kind }, at: now });
  return settled;
}

/**
 * A move of the parent's subtree may have run between reading the parent and inserting the
 * child; if the parent's path changed, the child takes the new one.
 */
async function followParentMove(deps: UnitDeps, child: UnitDoc, parentThen: UnitDoc): Promise<UnitDoc> {
  const parentNow = await getUnit(deps.db, parentThen._id);
  if (parentNow.path === parentThen.path) return child;
  await rewriteAncestors(deps, child._id, [...parentNow.ancestors, child._id]);
  return getUnit(deps.db, child._id);
}

/** Sets a unit's ancestors (and path, depth, parent), retrying when a concurrent write wins the version. */
async function rewriteAncestors(deps: UnitDeps, id: string, ancestors: string[]): Promise<void> {
  const model = unitModel(deps.db);
  for (let attempt = 0; attempt < 10; attempt++) {
    const unit = await getUnit(deps.db, id);
    const parent = ancestors.length > 1 ? ancestors[ancestors.length - 2] : null;
    const $set = { ancestors, path: pathOf(ancestors), depth: ancestors.length - 1, parent, parentKey: parent ?? '', updatedAt: deps.clock.now() };
    if ((await writeVersion(model, id, unit.version, { $set }, deps.clock.now(), NAME_TAKEN)) === 'applied') return;
  }
  throw conflict('CONCURRENT_UPDATE', '数据正被同时修改，请稍后重试');
}

export interface UnitPatch {
  name?: string;
  parent?: string | null;
  kind?: UnitKind;
  is24h?: boolean;
  active?: boolean;
}

const changedFields = (unit: UnitDoc, patch: UnitPatch): Array<keyof UnitPatch> =>
  (Object.keys(patch) as Array<keyof UnitPatch>).filter((k) => patch[k] !== undefined && patch[k] !== unit[k]);

async function checkDeactivation(db: Connection, unit: UnitDoc): Promise<void> {
  const child = await unitModel(db).findOne({ parent: unit._id, active: true }, { _id: 1 }).lean();
  if (child) throw unprocessable('UNIT_HAS_ACTIVE_CHILDREN', '请先停用该单位的下级单位');
}

/** Sibling names are unique (the index is the guarantee; this gives the clear answer first). */
async function checkNameFree(db: Connection, id: string, name: string, parent: string | null): Promise<void> {
  const twin = await unitModel(db).findOne({ parentKey: parent ?? '', name, _id: { $ne: id } }, { _id: 1 }).lean();
  if (twin) throw conflict(NAME_TAKEN.code, NAME_TAKEN.message);
}

/** Validates the patch against the tree and returns the new ancestors when the unit moves. */
async function plan(db: Connection, unit: UnitDoc, patch: UnitPatch, changed: Array<keyof UnitPatch>): Promise<string[] | undefined> {
  if (changed.includes('active') && patch.active === false) await checkDeactivation(db, unit);
  const kind = patch.kind ?? unit.kind;
  if (!changed.includes('parent')) {
    if (changed.includes('kind') && unit.parent) await checkedParent(db, unit.parent, { level: unit.level, kind });
    return undefined;
  }
  if (!patch.parent) return [unit._id];
  const parent = await checkedParent(db, patch.parent, { level: unit.level, kind });
  if (parent.ancestors.includes(unit._id)) throw unprocessable('UNIT_MOVE_CYCLE', '不能把单位移到它自己或它的下级单位之下');
  return [...parent.ancestors, unit._id];
}

function patchSet(patch: UnitPatch, changed: Array<keyof UnitPatch>, ancestors: string[] | undefined, now: Date): Record<string, unknown> {
  const $set: Record<string, unknown> = { updatedAt: now };
  for (const key of changed) if (key !== 'parent') $set[key] = patch[key];
  if (ancestors) {
    const parent = ancestors.length > 1 ? ancestors[ancestors.length - 2] : null;
    Object.assign($set, { ancestors, path: pathOf(ancestors), depth: ancestors.length - 1, parent, parentKey: parent ?? '' });
  }
  return $set;
}

/** Moves every descendant under the unit's new path (top-down order keeps parents ahead of children). */
async function moveDescendants(deps: UnitDeps, unitId: string, oldAncestors: string[], newAncestors: string[]): Promise<number> {
  const rows = await unitModel(deps.db).find({ ancestors: unitId, _id: { $ne: unitId } }, { _id: 1, ancestors: 1 }).sort({ depth: 1 }).lean<Array<Pick<UnitDoc, '_id' | 'ancestors'>>>();
  for (const row of rows) await rewriteAncestors(deps, row._id, [...newAncestors, ...row.ancestors.slice(oldAncestors.length)]);
  return rows.length;
}

/**
 * Renames, re-flags or moves a unit. A move rewrites the path of the whole subtree under the
 * tree lease; `ifMatch` (the unit's version) guards against overwriting someone else's edit.
 */
export async function updateUnit(deps: UnitDeps, id: string, patch: UnitPatch, actor: Actor, ifMatch?: number): Promise<UnitDoc> {
  const unit = await getUnit(deps.db, id);
  if (ifMatch !== undefined && ifMatch !== unit.version) throw preconditionFailed(undefined, { version: unit.version });
  const changed = changedFields(unit, patch);
  if (!changed.length) return unit;
  const ancestors = await plan(deps.db, unit, patch, changed);
  await checkNameFree(deps.db, id, patch.name ?? unit.name, ancestors ? ancestors[ancestors.length - 2] ?? null : unit.parent);
  const apply = async () => {
    const now = deps.clock.now();
    const result = await writeVersion(unitModel(deps.db), id, unit.version, { $set: patchSet(patch, changed, ancestors, now) }, now, NAME_TAKEN);
    if (result === 'lost') throw ifMatch !== undefined ? preconditionFailed() : conflict('CONCURRENT_UPDATE', '数据正被同时修改，请刷新后重试');
    return ancestors ? moveDescendants(deps, id, unit.ancestors, ancestors) : 0;
  };
  const moved = ancestors ? await withTreeLock(deps.db, deps.clock, apply) : await apply();
  const details = { changed, ...(ancestors ? { from: unit.parent, to: patch.parent ?? null, descendantsMoved: moved } : {}) };
  await recordAudit(deps.db, { actor, action: ancestors ? 'unit.move' : 'unit.update', target: { type: 'unit', id }, details, at: deps.clock.now() });
  return getUnit(deps.db, id);
}

export interface UnitFilter {
  parent?: string;
  subtreeOf?: string;
  kind?: UnitKind;
  level?: UnitLevel;
  active?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function unitQuery(f: UnitFilter): QueryFilter<UnitDoc> {
  const q: QueryFilter<UnitDoc> = {};
  if (f.parent !== undefined) q.parentKey = f.parent === 'root' ? '' : f.parent;
  if (f.subtreeOf) q.ancestors = f.subtreeOf;
  if (f.kind) q.kind = f.kind;
  if (f.level) q.level = f.level;
  if (f.active !== undefined) q.active = f.active;
  if (f.q) q.name = { $regex: escapeRegex(f.q) };
  return q;
}

/** Units in creation order (the seed creates parents first), keyset-paginated. */
export async function listUnits(db: Connection, f: UnitFilter): Promise<Page<UnitView>> {
  const base = unitQuery(f);
  const model = unitModel(db);
  const page = await pageById<UnitDoc>((bound, limit) => model.find({ ...base, ...bound }).sort({ _id: 1 }).limit(limit).lean<UnitDoc[]>(), f.cursor, f.limit, 'asc');
  return { items: page.items.map(unitView), nextCursor: page.nextCursor };
}
