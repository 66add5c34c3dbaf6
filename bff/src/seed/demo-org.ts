/**
 * Seeds the demo organisation, idempotently: units and accounts that already exist are
 * reused as they are (an existing account's password is never touched), missing ones are
 * created. Safe to run again, and on several instances at once (unique indexes decide).
 */
import { randomInt } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Actor } from '@mashang/shared';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import { AppError } from '../http/errors';
import { createUnit } from '../units/service';
import { unitModel } from '../units/model';
import { findStaffByUsername, insertStaff } from '../staff/service';
import { DEMO_STAFF, DEMO_UNITS, type DemoUnit } from './demo-org-data';

export interface SeedDeps {
  db: Connection;
  clock: Clock;
  config: Pick<Config, 'NODE_ENV'>;
}

export interface DemoCredential {
  username: string;
  password: string;
  name: string;
  roles: string[];
  unitName?: string;
}

export interface DemoOrg {
  /** Unit ids by DEMO_UNITS key, e.g. `units.chengguan`. */
  units: Record<string, string>;
  /** Staff ids by DEMO_STAFF key, e.g. `staff.operator`. */
  staff: Record<string, string>;
  /** Accounts created by this run, with their generated passwords. */
  created: DemoCredential[];
}

const SYSTEM: Actor = { kind: 'system', id: 'system' };
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Readable random passwords (no 0/O, 1/l/I), always with letters and digits: `k7Hq-p3Xw-9tRm`. */
export function generatePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    if (/\d/.test(password) && /[A-Za-z]/.test(password)) return password;
  }
}

async function ensureUnit(deps: SeedDeps, unit: DemoUnit, parentId: string | undefined): Promise<string> {
  const find = () => unitModel(deps.db).findOne({ parentKey: parentId ?? '', name: unit.name }, { _id: 1 }).lean<{ _id: string }>();
  const existing = await find();
  if (existing) return existing._id;
  try {
    return (await createUnit(deps, { name: unit.name, level: unit.level, kind: unit.kind, ...(parentId ? { parent: parentId } : {}) }, SYSTEM))._id;
  } catch (err) {
    const winner = err instanceof AppError && err.code === 'UNIT_NAME_TAKEN' ? await find() : null;
    if (!winner) throw err;
    return winner._id;
  }
}

async function ensureStaff(deps: SeedDeps, spec: (typeof DEMO_STAFF)[number], unitId: string | undefined, created: DemoCredential[]): Promise<string> {
  const existing = await findStaffByUsername(deps.db, spec.username);
  if (existing) return existing._id;
  const password = generatePassword();
  try {
    const doc = await insertStaff(deps, { username: spec.username, password, name: spec.name, roles: [...spec.roles], ...(unitId ? { unit: unitId } : {}) });
    const unitName = spec.unit ? DEMO_UNITS.find((u) => u.key === spec.unit)?.name : undefined;
    created.push({ username: doc.username, password, name: spec.name, roles: [...spec.roles], ...(unitName ? { unitName } : {}) });
    return doc._id;
  } catch (err) {
    const winner = err instanceof AppError && err.code === 'USERNAME_TAKEN' ? await findStaffByUsername(deps.db, spec.username) : null;
    if (!winner) throw err;
    return winner._id;
  }
}

export async function seedDemoOrg(deps: SeedDeps): Promise<DemoOrg> {
  const units: Record<string, string> = {};
  for (const unit of DEMO_UNITS) units[unit.key] = await ensureUnit(deps, unit, unit.parent ? units[unit.parent] : undefined);
  const staff: Record<string, string> = {};
  const created: DemoCredential[] = [];
  for (const spec of DEMO_STAFF) staff[spec.key] = await ensureStaff(deps, spec, spec.unit ? units[spec.unit] : undefined, created);
  return { units, staff, created };
}
