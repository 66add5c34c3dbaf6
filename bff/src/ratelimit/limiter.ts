/**
 * Fixed-window rate limits shared by every BFF instance (000 §29, 002 §38: stop channel abuse
 * without losing legitimate requests). `$inc` counters lose increments on FerretDB, so a hit
 * is accepted only by inserting a numbered slot under a unique `_id`: a window can never hold
 * more than `limit` accepted hits, however many instances race. Two round trips per hit
 * (count, insert); a hit over the limit costs one.
 */
import type { Context } from 'koa';
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { AppError } from '../http/errors';
import { isDuplicateKey } from '../db/atomic';
import { rateSlotModel } from './model';

export interface RatePolicy {
  /** Names the counter family, e.g. `staff-login-ip`; part of every key. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one hit for `subject` (a citizen id, an IP…); throws 429 RATE_LIMITED over the limit. */
  consume(subject: string, ctx?: Context): Promise<void>;
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试', { retryAfterSeconds });
}

async function claimSlot(db: Connection, key: string, window: number, policy: RatePolicy, expiresAt: Date, now: Date): Promise<boolean> {
  const slots = rateSlotModel(db);
  await slots.init();
  for (let attempt = 0; attempt < policy.limit; attempt++) {
    const used = await slots.countDocuments({ key, window });
    if (used >= policy.limit) return false;
    try {
      await slots.create({ _id: `${key}|${window}|${used + 1}`, key, window, expiresAt });
      // The first hit of a window sweeps expired slots: no TTL index on FerretDB, and this
      // keeps the collection bounded without a background job.
      if (used === 0) await slots.deleteMany({ expiresAt: { $lt: now } });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return false;
}

export function createRateLimiter(deps: { db: Connection; clock: Clock }, policy: RatePolicy): RateLimiter {
  return {
    async consume(subject, ctx) {
      const now = deps.clock.now();
      const window = Math.floor(now.getTime() / policy.windowMs);
      const windowEnd = (window + 1) * policy.windowMs;
      const key = `${policy.name}:${subject}`;
      const accepted = await claimSlot(deps.db, key, window, policy, new Date(windowEnd), now);
      if (accepted) return;
      const retryAfter = Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
      ctx?.set('Retry-After', String(retryAfter));
      throw rateLimited(retryAfter);
    },
  };
}

/** The caller's address; `app.proxy` is on, so behind a load balancer this is X-Forwarded-For's client. */
export const clientIp = (ctx: Context): string => ctx.ip || 'unknown';
