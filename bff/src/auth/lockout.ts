/**
 * Throttling of staff password guessing, per (username, client address) — known usernames or
 * not, so it reveals no accounts. Each attempt first reserves its number (a unique insert), then
 * the password is checked: however many attempts race, only FREE_ATTEMPTS are checked before
 * the delays start. After that an attempt is checked only once a delay has passed since the
 * previous checked one, doubling from 30 s to 15 minutes; one that comes too early is refused
 * (429 ACCOUNT_LOCKED, Retry-After) and gives its number back. A success forgets the client's
 * attempts. Because the count is per client, someone guessing from elsewhere cannot keep the
 * account's owner out; the per-address rate limit bounds how fast one address tries at all.
 */
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../db/atomic';
import { AppError } from '../http/errors';
import { loginAttemptModel } from './lockout-model';

export const LOCKOUT = { freeAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 } as const;

export interface Attempt {
  key: string;
  /** This attempt's number since the client's last success. */
  n: number;
}

/** The wait before attempt `n` (1-based) after attempt n − 1: none for the free attempts. */
export function delayBefore(n: number): number {
  if (n <= LOCKOUT.freeAttempts) return 0;
  return Math.min(LOCKOUT.firstDelayMs * 2 ** (n - LOCKOUT.freeAttempts - 1), LOCKOUT.maxDelayMs);
}

/** A failed attempt that used up the free ones: the client is now held back (audit and alert, once per run of failures). */
export const locksOut = (attempt: Attempt): boolean => attempt.n === LOCKOUT.freeAttempts;

const attemptKey = (username: string, client: string): string => `${username}|${client}`;

async function latest(db: Connection, key: string): Promise<{ n: number; at: Date } | null> {
  return loginAttemptModel(db).findOne({ key }, { n: 1, at: 1 }).sort({ n: -1 }).lean<{ n: number; at: Date }>();
}

/** Inserts the number after the newest for `key`; a number taken by a racing attempt moves on to the next. */
async function claimNumber(db: Connection, key: string, now: Date): Promise<{ n: number; previousAt: Date | null }> {
  const attempts = loginAttemptModel(db);
  await attempts.init();
  for (;;) {
    const last = await latest(db, key);
    if (last && now.getTime() - last.at.getTime() > LOCKOUT.forgetAfterMs) {
      await attempts.deleteMany({ key, n: { $lte: last.n } });
      continue;
    }
    const n = (last?.n ?? 0) + 1;
    try {
      await attempts.create({ _id: `${key}|${n}`, key, n, at: now });
      return { n, previousAt: last?.at ?? null };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}

/** Reserves an attempt for `username` from `client` before its password is checked; 429 ACCOUNT_LOCKED while the client must wait. */
export async function reserveAttempt(db: Connection, username: string, client: string, now: Date): Promise<Attempt> {
  const key = attemptKey(username, client);
  const { n, previousAt } = await claimNumber(db, key, now);
  const allowedAt = (previousAt?.getTime() ?? 0) + delayBefore(n);
  if (now.getTime() < allowedAt) {
    await loginAttemptModel(db).deleteOne({ _id: `${key}|${n}` });
    const retryAfterSeconds = Math.ceil((allowedAt - now.getTime()) / 1000);
    throw new AppError(429, 'ACCOUNT_LOCKED', `密码错误次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, { retryAfterSeconds });
  }
  return { key, n };
}

/** A success: the client starts from zero again. */
export async function forgetAttempts(db: Connection, attempt: Attempt): Promise<void> {
  await loginAttemptModel(db).deleteMany({ key: attempt.key });
}
