/**
 * Lockout after repeated wrong passwords, per username (known or not, so the lock does not
 * reveal which accounts exist): five failures within fifteen minutes lock the name for
 * fifteen minutes from the fifth. Attempts while locked are refused before the password is
 * checked and are not counted, so the lock ends on time.
 */
import type { Connection } from 'mongoose';
import { AppError } from '../http/errors';
import { newId } from '../audit/paging';
import { loginFailureModel } from './lockout-model';

export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

/** When the lock on `username` ends, or undefined when it may try now. */
export async function lockedUntil(db: Connection, username: string, now: Date): Promise<Date | undefined> {
  const recent = await loginFailureModel(db).find({ username }).sort({ at: -1 }).limit(LOCKOUT.maxFailures).lean();
  if (recent.length < LOCKOUT.maxFailures) return undefined;
  const newest = recent[0].at.getTime();
  const oldest = recent[recent.length - 1].at.getTime();
  if (newest - oldest > LOCKOUT.windowMs) return undefined;
  const until = newest + LOCKOUT.lockMs;
  return now.getTime() < until ? new Date(until) : undefined;
}

export async function assertNotLocked(db: Connection, username: string, now: Date): Promise<void> {
  const until = await lockedUntil(db, username, now);
  if (!until) return;
  const retryAfterSeconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  throw new AppError(429, 'ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, { retryAfterSeconds, until: until.toISOString() });
}

/** Counts a failure and forgets failures too old to matter, keeping the collection small. */
export async function recordFailure(db: Connection, username: string, now: Date): Promise<void> {
  const failures = loginFailureModel(db);
  await failures.create({ _id: newId(), username, at: now });
  await failures.deleteMany({ username, at: { $lt: new Date(now.getTime() - LOCKOUT.windowMs - LOCKOUT.lockMs) } });
}

export async function clearFailures(db: Connection, username: string): Promise<void> {
  await loginFailureModel(db).deleteMany({ username });
}
