/** QR code points (码上反映): admin CRUD, the public lookup after a scan, scan counting. */
import { randomInt } from 'node:crypto';
import type { Connection } from 'mongoose';
import { SCENE_CODE_LENGTH, type Actor, type SceneCreateInput, type ScenePatchInput, type ScenePublicView } from '@mashang/shared';
import type { Clock } from '../lib/clock';
import { applyVersioned, isDuplicateKey } from '../db/atomic';
import { conflict, notFound, preconditionFailed, unprocessable } from '../http/errors';
import { recordAudit } from '../audit/service';
import { findUnit } from '../units/service';
import { findCategory } from '../catalog/service';
import { findScene, sceneModel, type SceneDoc } from './model';

export interface SceneDeps {
  db: Connection;
  clock: Clock;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random code of [A-Za-z0-9] without look-alikes (0/O, 1/l/I), in case someone types it. */
export function randomSceneCode(length = SCENE_CODE_LENGTH): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export async function getScene(db: Connection, scene: string): Promise<SceneDoc> {
  const doc = await findScene(db, scene);
  if (!doc) throw notFound('二维码点位', 'SCENE_NOT_FOUND');
  return doc;
}

async function checkRefs(db: Connection, refs: { region?: string | null; defaultUnit?: string | null; categories?: string[] }): Promise<void> {
  for (const id of [refs.region, refs.defaultUnit]) {
    if (!id) continue;
    const unit = await findUnit(db, id);
    if (!unit || !unit.active) throw unprocessable('UNIT_NOT_FOUND', '所属区域或默认承办单位不存在或已停用', { unit: id });
  }
  for (const code of refs.categories ?? []) {
    const category = await findCategory(db, code);
    if (!category || !category.active) throw unprocessable('CATEGORY_NOT_FOUND', '建议分类不存在或已停用', { category: code });
  }
}

async function insertScene(db: Connection, doc: Omit<SceneDoc, '_id'>, given: string | undefined): Promise<SceneDoc> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = given ?? randomSceneCode();
    try {
      await sceneModel(db).create({ ...doc, _id: code });
      return { ...doc, _id: code };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (given) throw conflict('SCENE_TAKEN', '该场景值已被其他点位使用');
    }
  }
  throw conflict('SCENE_TAKEN', '未能生成唯一的场景值，请重试');
}

export async function createScene(deps: SceneDeps, input: SceneCreateInput, actor: Actor): Promise<SceneDoc> {
  await checkRefs(deps.db, input);
  const now = deps.clock.now();
  const doc = { name: input.name, address: input.address, location: input.location, region: input.region ?? null, defaultUnit: input.defaultUnit ?? null, categories: input.categories, active: input.active, scans: 0, version: 0, createdAt: now, updatedAt: now };
  const created = await insertScene(deps.db, doc, input.scene);
  await recordAudit(deps.db, { actor, action: 'scene.create', target: { type: 'scene', id: created._id }, at: now });
  return created;
}

export async function updateScene(deps: SceneDeps, scene: string, patch: ScenePatchInput, actor: Actor, ifMatch?: number): Promise<SceneDoc> {
  const current = await getScene(deps.db, scene);
  if (ifMatch !== undefined && current.version !== ifMatch) throw preconditionFailed(undefined, { version: current.version });
  await checkRefs(deps.db, patch);
  const now = deps.clock.now();
  if ((await applyVersioned(sceneModel(deps.db), scene, current.version, { $set: { ...patch, updatedAt: now } }, now)) === 'lost') {
    throw ifMatch === undefined ? conflict('CONCURRENT_UPDATE', '数据正被同时修改，请稍后重试') : preconditionFailed();
  }
  await recordAudit(deps.db, { actor, action: 'scene.update', target: { type: 'scene', id: scene }, details: { fields: Object.keys(patch) }, at: now });
  return getScene(deps.db, scene);
}

/** Erases a point that was never scanned (a mistake); a used point is deactivated instead, so its tickets keep their place. */
export async function deleteScene(deps: SceneDeps, scene: string, actor: Actor): Promise<void> {
  const current = await getScene(deps.db, scene);
  if (current.scans > 0) throw conflict('SCENE_IN_USE', '该点位已被扫码使用，请改为停用');
  await sceneModel(deps.db).deleteOne({ _id: scene, scans: 0 });
  await recordAudit(deps.db, { actor, action: 'scene.delete', target: { type: 'scene', id: scene }, at: deps.clock.now() });
}

export async function listScenes(db: Connection, filter: { active?: boolean; region?: string; q?: string }): Promise<SceneDoc[]> {
  const query = { ...(filter.active === undefined ? {} : { active: filter.active }), ...(filter.region ? { region: filter.region } : {}) };
  const rows = await sceneModel(db).find(query).lean<SceneDoc[]>();
  const q = filter.q?.toLowerCase();
  return rows.filter((s) => !q || s.name.toLowerCase().includes(q) || s.address.toLowerCase().includes(q)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/**
 * GET /api/v1/scenes/{scene}: what the mini-program shows after a scan. Unknown and inactive
 * points look the same (404). The scan is counted with `$inc`, an approximate figure on
 * FerretDB under contention, which is all a usage counter needs.
 */
export async function scanScene(deps: SceneDeps, scene: string): Promise<ScenePublicView> {
  const doc = await findScene(deps.db, scene);
  if (!doc || !doc.active) throw notFound('二维码点位', 'SCENE_NOT_FOUND');
  await sceneModel(deps.db).updateOne({ _id: scene }, { $inc: { scans: 1 } });
  const unitId = doc.defaultUnit ?? doc.region;
  const unit = unitId ? await findUnit(deps.db, unitId) : null;
  const categories = (await Promise.all(doc.categories.map((c) => findCategory(deps.db, c)))).filter((c) => c?.active);
  return {
    scene: doc._id,
    name: doc.name,
    address: doc.address,
    location: doc.location,
    suggestedUnit: unit ? { id: unit._id, name: unit.name } : null,
    categories: categories.map((c) => ({ code: c!._id, name: c!.name, path: c!.path })),
  };
}

export interface SceneView {
  id: string;
  scene: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  region: string | null;
  defaultUnit: string | null;
  categories: string[];
  active: boolean;
  scans: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const sceneView = (s: SceneDoc): SceneView => ({
  id: s._id,
  scene: s._id,
  name: s.name,
  address: s.address,
  location: { lat: s.location.lat, lng: s.location.lng },
  region: s.region,
  defaultUnit: s.defaultUnit,
  categories: s.categories,
  active: s.active,
  scans: s.scans,
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
