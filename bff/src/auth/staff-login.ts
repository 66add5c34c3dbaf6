/**
 * Staff sign-in: uniform answers, throttling per (username, client), every outcome audited,
 * tokens that carry the account's stamp.
 */
import type { Connection } from 'mongoose';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { unauthorized } from '../http/errors';
import { recordAudit } from '../audit/service';
import type { TokenService } from './tokens';
import { verifyPassword } from './password';
import { forgetAttempts, LOCKOUT, locksOut, reserveAttempt } from './lockout';
import { findStaffByUsername, normalizeUsername } from '../staff/service';
import { staffModel, type StaffDoc } from '../staff/model';
import { forgetStaffStatus } from '../staff/status-cache';

export interface StaffLoginDeps {
  db: Connection;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'NODE_ENV'>;
}

export function issueStaffToken(tokens: TokenService, staff: StaffDoc): string {
  return tokens.signStaff({ sub: staff._id, roles: staff.roles, ...(staff.unit ? { unit: staff.unit } : {}), name: staff.name, sv: staff.stamp });
}

/** Failed logins have no actor yet: the account tried (or the name, when there is none). */
const ANONYMOUS = { kind: 'system', id: 'anonymous' } as const;
const targetOf = (name: string, staff: StaffDoc | null) => ({ type: 'staff', id: staff?._id ?? `username:${name}` });

async function recordFailure(deps: StaffLoginDeps, name: string, staff: StaffDoc | null, client: string, lockedOut: boolean): Promise<void> {
  const at = deps.clock.now();
  await recordAudit(deps.db, { actor: ANONYMOUS, action: 'staff.login.failed', target: targetOf(name, staff), details: { client }, at });
  if (!lockedOut) return;
  await recordAudit(deps.db, { actor: ANONYMOUS, action: 'staff.login.locked', target: targetOf(name, staff), details: { client, failures: LOCKOUT.freeAttempts }, at });
  deps.logger.warn({ alert: 'staff-login-lockout', username: name, client, account: staff?._id ?? null }, 'staff login: repeated wrong passwords, this client is now held back');
}

/**
 * Unknown user, wrong password and disabled account give the same 401 after the same bcrypt
 * work, so neither the answer nor its timing tells which usernames exist or are in use.
 */
export async function loginStaff(deps: StaffLoginDeps, tokens: TokenService, username: string, password: string, client: string): Promise<{ token: string; staff: StaffDoc }> {
  const name = normalizeUsername(username);
  const attempt = await reserveAttempt(deps.db, name, client, deps.clock.now());
  const staff = await findStaffByUsername(deps.db, name);
  const ok = await verifyPassword(deps.config, password, staff?.passwordHash);
  if (!staff || !ok || !staff.active) {
    await recordFailure(deps, name, staff, client, locksOut(attempt));
    throw unauthorized('用户名或密码错误', 'INVALID_CREDENTIALS');
  }
  await forgetAttempts(deps.db, attempt);
  await recordAudit(deps.db, { actor: { kind: 'staff', id: staff._id, name: staff.name }, action: 'staff.login', target: { type: 'staff', id: staff._id }, details: { client }, at: deps.clock.now() });
  return { token: issueStaffToken(tokens, staff), staff };
}

/**
 * Logout: the account's stamp moves on, so this token — and the account's other tokens, which
 * carry the same stamp — stop working at once on this instance and within seconds on the others
 * (staff/status-cache.ts). Audited.
 */
export async function logoutStaff(deps: StaffLoginDeps, staffId: string, name?: string): Promise<void> {
  await staffModel(deps.db).updateOne({ _id: staffId }, { $inc: { stamp: 1 } });
  forgetStaffStatus(deps.db, staffId);
  await recordAudit(deps.db, { actor: { kind: 'staff', id: staffId, ...(name ? { name } : {}) }, action: 'staff.logout', target: { type: 'staff', id: staffId }, at: deps.clock.now() });
}
