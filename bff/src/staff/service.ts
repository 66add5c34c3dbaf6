/** Staff accounts: created and changed by administrators only; never deleted, deactivated instead. */
import type { Connection, QueryFilter } from 'mongoose';
import type { Actor, StaffCreateInput, StaffRole } from '@mashang/shared';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import { isDuplicateKey } from '../db/atomic';
import { conflict, notFound, preconditionFailed, unprocessable } from '../http/errors';
import { hashPassword } from '../auth/password';
import { assertPasswordPolicy } from '../auth/password-policy';
import { recordAudit } from '../audit/service';
import { newId, pageById, type Page } from '../audit/paging';
import { findUnit } from '../units/service';
import { writeVersion } from '../units/versioned';
import { staffModel, type StaffDoc } from './model';
import { forgetStaffStatus } from './status-cache';

export interface StaffDeps {
  db: Connection;
  clock: Clock;
  config: Pick<Config, 'NODE_ENV'>;
}

export interface StaffView {
  id: string;
  username: string;
  name: string;
  roles: StaffRole[];
  unit: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The public shape of an account: never the password hash or the stamp. */
export function staffView(s: StaffDoc): StaffView {
  return {
    id: s._id,
    username: s.username,
    name: s.name,
    roles: s.roles,
    unit: s.unit ?? null,
    active: s.active,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

export async function findStaffByUsername(db: Connection, username: string): Promise<StaffDoc | null> {
  return staffModel(db).findOne({ username: normalizeUsername(username) }).lean<StaffDoc>();
}

export async function getStaff(db: Connection, id: string): Promise<StaffDoc> {
  const staff = await staffModel(db).findById(id).lean<StaffDoc>();
  if (!staff) throw notFound('工作人员', 'STAFF_NOT_FOUND');
  return staff;
}

/** A handler acts for a unit, so it needs one (ARCHITECTURE.md: "A handler acts only on tickets of its unit"). */
async function checkAssignment(db: Connection, roles: readonly StaffRole[], unitId: string | undefined): Promise<void> {
  if (roles.includes('handler') && !unitId) throw unprocessable('HANDLER_NEEDS_UNIT', '承办人员须指定所属单位');
  if (!unitId) return;
  const unit = await findUnit(db, unitId);
  if (!unit) throw unprocessable('UNIT_NOT_FOUND', '所属单位不存在');
  if (!unit.active) throw unprocessable('UNIT_INACTIVE', '所属单位已停用');
}

/** Inserts an account; the unique username index decides races. Used by the API, bootstrap and seed. */
export async function insertStaff(deps: StaffDeps, input: StaffCreateInput): Promise<StaffDoc> {
  const now = deps.clock.now();
  const doc: StaffDoc = {
    _id: newId(),
    username: normalizeUsername(input.username),
    passwordHash: await hashPassword(deps.config, input.password),
    name: input.name,
    roles: [...input.roles],
    ...(input.unit ? { unit: input.unit } : {}),
    active: true,
    stamp: 0,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    const staff = staffModel(deps.db);
    await staff.init(); // the unique username index must exist before the first racing insert
    await staff.create(doc);
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('USERNAME_TAKEN', '用户名已被使用');
    throw err;
  }
  return doc;
}

export async function createStaff(deps: StaffDeps, input: StaffCreateInput, actor: Actor): Promise<StaffDoc> {
  assertPasswordPolicy(input.password, input.username);
  await checkAssignment(deps.db, input.roles, input.unit);
  const staff = await insertStaff(deps, input);
  await recordAudit(deps.db, { actor, action: 'staff.create', target: { type: 'staff', id: staff._id }, details: { username: staff.username, roles: staff.roles, unit: staff.unit ?? null }, at: deps.clock.now() });
  return staff;
}

export interface StaffPatch {
  name?: string;
  roles?: StaffRole[];
  unit?: string | null;
  active?: boolean;
  password?: string;
}

/** Changes that alter what a token may do: they bump the stamp and so revoke existing tokens. */
const SECURITY_FIELDS: ReadonlyArray<keyof StaffPatch> = ['roles', 'unit', 'active', 'password'];

function changedFields(staff: StaffDoc, patch: StaffPatch): Array<keyof StaffPatch> {
  const same = (k: keyof StaffPatch): boolean => {
    if (k === 'password') return false;
    if (k === 'roles') return JSON.stringify([...(patch.roles ?? [])].sort()) === JSON.stringify([...staff.roles].sort());
    if (k === 'unit') return (patch.unit ?? null) === (staff.unit ?? null);
    return patch[k] === staff[k];
  };
  return (Object.keys(patch) as Array<keyof StaffPatch>).filter((k) => patch[k] !== undefined && !same(k));
}

/** An administrator cannot lock themselves out by deactivating or un-admining their own account. */
function checkSelfChange(staffId: string, patch: StaffPatch, actor: Actor): void {
  if (actor.id !== staffId) return;
  if (patch.active === false) throw unprocessable('CANNOT_CHANGE_SELF', '不能停用自己的账号');
  if (patch.roles && !patch.roles.includes('admin')) throw unprocessable('CANNOT_CHANGE_SELF', '不能取消自己的管理员角色');
}

async function updateSet(deps: StaffDeps, patch: StaffPatch, changed: Array<keyof StaffPatch>, now: Date) {
  const $set: Record<string, unknown> = { updatedAt: now };
  const $unset: Record<string, 1> = {};
  for (const k of changed) {
    if (k === 'password') $set.passwordHash = await hashPassword(deps.config, patch.password!);
    else if (k === 'unit' && patch.unit === null) $unset.unit = 1;
    else $set[k] = patch[k];
  }
  const bump = changed.some((k) => SECURITY_FIELDS.includes(k));
  return { $set, ...(Object.keys($unset).length ? { $unset } : {}), ...(bump ? { $inc: { stamp: 1 } } : {}) };
}

/** Edits an account; `ifMatch` (its version) guards against overwriting another admin's edit. */
export async function updateStaff(deps: StaffDeps, id: string, patch: StaffPatch, actor: Actor, ifMatch?: number): Promise<StaffDoc> {
  const staff = await getStaff(deps.db, id);
  if (ifMatch !== undefined && ifMatch !== staff.version) throw preconditionFailed(undefined, { version: staff.version });
  checkSelfChange(id, patch, actor);
  const changed = changedFields(staff, patch);
  if (!changed.length) return staff;
  if (changed.includes('password')) assertPasswordPolicy(patch.password!, staff.username);
  if (changed.includes('roles') || changed.includes('unit')) {
    await checkAssignment(deps.db, patch.roles ?? staff.roles, patch.unit === undefined ? staff.unit : (patch.unit ?? undefined));
  }
  const now = deps.clock.now();
  const update = await updateSet(deps, patch, changed, now);
  const result = await writeVersion(staffModel(deps.db), id, staff.version, update, now, { code: 'USERNAME_TAKEN', message: '用户名已被使用' });
  if (result === 'lost') throw ifMatch !== undefined ? preconditionFailed() : conflict('CONCURRENT_UPDATE', '数据正被同时修改，请刷新后重试');
  forgetStaffStatus(deps.db, id);
  await recordAudit(deps.db, { actor, action: 'staff.update', target: { type: 'staff', id }, details: { changed }, at: now });
  return getStaff(deps.db, id);
}

export interface StaffFilter {
  role?: StaffRole;
  unit?: string;
  active?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function staffQuery(f: StaffFilter): QueryFilter<StaffDoc> {
  const q: QueryFilter<StaffDoc> = {};
  if (f.role) q.roles = f.role;
  if (f.unit) q.unit = f.unit;
  if (f.active !== undefined) q.active = f.active;
  if (f.q) {
    const re = { $regex: escapeRegex(f.q), $options: 'i' };
    q.$or = [{ username: re }, { name: re }];
  }
  return q;
}

export async function listStaff(db: Connection, f: StaffFilter): Promise<Page<StaffView>> {
  const base = staffQuery(f);
  const model = staffModel(db);
  const page = await pageById<StaffDoc>((bound, limit) => model.find({ ...base, ...bound }).sort({ _id: -1 }).limit(limit).lean<StaffDoc[]>(), f.cursor, f.limit);
  return { items: page.items.map(staffView), nextCursor: page.nextCursor };
}
