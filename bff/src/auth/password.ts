/** Staff passwords: bcrypt (cost 10; 4 under NODE_ENV=test so the suite stays fast). */
import bcrypt from 'bcryptjs';
import type { Config } from '../config/config';

export const passwordCost = (config: Pick<Config, 'NODE_ENV'>): number => (config.NODE_ENV === 'test' ? 4 : 10);

export function hashPassword(config: Pick<Config, 'NODE_ENV'>, password: string): Promise<string> {
  return bcrypt.hash(password, passwordCost(config));
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Compares against the stored hash, or against a dummy hash of the same cost when the account
 * does not exist, so "unknown user" and "wrong password" take the same time.
 */
export async function verifyPassword(config: Pick<Config, 'NODE_ENV'>, password: string, hash: string | undefined): Promise<boolean> {
  const cost = passwordCost(config);
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, bcrypt.hash('not-a-real-password', cost));
  const against = hash ?? (await dummyHashes.get(cost)!);
  const ok = await bcrypt.compare(password, against);
  return ok && hash !== undefined;
}
