/** The first administrator, from ADMIN_USERNAME / ADMIN_PASSWORD: created if absent, never overwritten. */
import type { Connection } from 'mongoose';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { AppError } from '../http/errors';
import { findStaffByUsername, insertStaff } from '../staff/service';

export interface BootstrapDeps {
  db: Connection;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'NODE_ENV' | 'ADMIN_USERNAME' | 'ADMIN_PASSWORD'>;
}

export type BootstrapResult = 'created' | 'exists' | 'not-configured';

export async function bootstrapAdmin(deps: BootstrapDeps): Promise<BootstrapResult> {
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = deps.config;
  if (!username || !password) return 'not-configured';
  if (await findStaffByUsername(deps.db, username)) return 'exists';
  try {
    await insertStaff(deps, { username, password, name: '系统管理员', roles: ['admin'] });
  } catch (err) {
    // Another instance created it first: exactly the outcome we wanted.
    if (err instanceof AppError && err.code === 'USERNAME_TAKEN') return 'exists';
    throw err;
  }
  deps.logger.info({ username: username.toLowerCase() }, 'bootstrap administrator created from ADMIN_USERNAME');
  return 'created';
}
