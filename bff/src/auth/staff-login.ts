/** Staff sign-in: uniform answers, lockout per username, tokens that carry the account's stamp. */
import type { Connection } from 'mongoose';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import { forbidden, unauthorized } from '../http/errors';
import type { TokenService } from './tokens';
import { verifyPassword } from './password';
import { assertNotLocked, clearFailures, recordFailure } from './lockout';
import { findStaffByUsername, normalizeUsername } from '../staff/service';
import type { StaffDoc } from '../staff/model';

export interface StaffLoginDeps {
  db: Connection;
  clock: Clock;
  config: Pick<Config, 'NODE_ENV'>;
}

export function issueStaffToken(tokens: TokenService, staff: StaffDoc): string {
  return tokens.signStaff({ sub: staff._id, roles: staff.roles, ...(staff.unit ? { unit: staff.unit } : {}), name: staff.name, sv: staff.stamp });
}

/**
 * Unknown user and wrong password give the same 401 after the same bcrypt work, so neither
 * the answer nor its timing tells which usernames exist.
 */
export async function loginStaff(deps: StaffLoginDeps, tokens: TokenService, username: string, password: string): Promise<{ token: string; staff: StaffDoc }> {
  const name = normalizeUsername(username);
  await assertNotLocked(deps.db, name, deps.clock.now());
  const staff = await findStaffByUsername(deps.db, name);
  const ok = await verifyPassword(deps.config, password, staff?.passwordHash);
  if (!staff || !ok) {
    await recordFailure(deps.db, name, deps.clock.now());
    throw unauthorized('用户名或密码错误', 'INVALID_CREDENTIALS');
  }
  if (!staff.active) throw forbidden('账号已停用，请联系管理员', 'ACCOUNT_DISABLED');
  await clearFailures(deps.db, name);
  return { token: issueStaffToken(tokens, staff), staff };
}
