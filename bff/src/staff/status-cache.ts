/**
 * Is a staff token still good? Every staff request asks, so the answer is cached per BFF
 * instance for a few seconds: a deactivation or role change made on this instance applies
 * at once (the entry is dropped), one made on another instance within TTL_MS.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { unauthorized } from '../http/errors';
import type { StaffCheck } from '../auth/tokens';
import { staffModel } from './model';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Status {
  active: boolean;
  stamp: number;
  loadedAt: number;
}

const caches = new WeakMap<Connection, Map<string, Status>>();

function cacheFor(db: Connection): Map<string, Status> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

export function forgetStaffStatus(db: Connection, id: string): void {
  cacheFor(db).delete(id);
}

async function load(db: Connection, id: string, now: number): Promise<Status | undefined> {
  const doc = await staffModel(db).findById(id, { active: 1, stamp: 1 }).lean<{ active?: boolean; stamp?: number }>();
  if (!doc) return undefined;
  const status = { active: doc.active !== false, stamp: doc.stamp ?? 0, loadedAt: now };
  const cache = cacheFor(db);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(id, status);
  return status;
}

/** The check TokenService runs after verifying a staff token's signature. */
export function staffStatusCheck(deps: { db: Connection; clock: Clock }): StaffCheck {
  return async (claims) => {
    const now = deps.clock.now().getTime();
    const cached = cacheFor(deps.db).get(claims.sub);
    const status = cached && now - cached.loadedAt < TTL_MS && now >= cached.loadedAt ? cached : await load(deps.db, claims.sub, now);
    if (!status || !status.active) throw unauthorized('账号已停用', 'ACCOUNT_DISABLED');
    if ((claims.sv ?? 0) !== status.stamp) throw unauthorized('账号权限已变更，请重新登录', 'TOKEN_REVOKED');
  };
}
