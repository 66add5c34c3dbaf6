/**
 * Fixed-window rate limits shared by every BFF instance (000 §29, 002 §38: stop channel abuse
 * without losing legitimate requests). `$inc` counters lose increments on FerretDB, so a hit
 * is accepted only by inserting a numbered slot under a unique `_id`: a window can never hold
 * more than `limit` accepted hits, however many instances race. A hit costs one insert (the
 * slot after the last one this process took); a slot taken elsewhere costs a count more.
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

/**
 * The last slot this process took per key and window: the next hit tries the slot after it
 * straight away, so a hit costs one insert; only a taken slot (another instance, a restart)
 * costs a count. Only a hint: the unique `_id` is the guarantee. Bounded by clearing.
 */
const lastSlots = new Map<string, number>();
const MAX_HINTS = 10_000;
/** The window each policy last swept expired slots in, per database: one sweep per window and process. */
const sweptWindows = new Map<string, number>();

function rememberSlot(hint: string, slot: number): void {
  if (lastSlots.size >= MAX_HINTS) lastSlots.clear();
  lastSlots.set(hint, slot);
}

/** No TTL index on FerretDB: expired slots are deleted by the first hit of a window, once per process and policy. */
async function sweepExpired(db: Connection, policy: RatePolicy, window: number, now: Date): Promise<void> {
  const id = `${db.name}|${policy.name}`;
  if ((sweptWindows.get(id) ?? -1) >= window) return;
  sweptWindows.set(id, window);
  await rateSlotModel(db).deleteMany({ expiresAt: { $lt: now } });
}

async function claimSlot(db: Connection, key: string, window: number, policy: RatePolicy, expiresAt: Date, now: Date): Promise<boolean> {
  const slots = rateSlotModel(db);
  await slots.init();
  const hint = `${db.name}|${key}|${window}`;
  let slot = (lastSlots.get(hint) ?? 0) + 1;
  for (let attempt = 0; attempt < policy.limit && slot <= policy.limit; attempt++) {
    try {
      await slots.create({ _id: `${key}|${window}|${slot}`, key, window, expiresAt });
      rememberSlot(hint, slot);
      await sweepExpired(db, policy, window, now);
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      slot = Math.max(slot, await slots.countDocuments({ key, window })) + 1;
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

/**
 * The caller's address: the socket's peer, or with TRUSTED_PROXY_HOPS = n the address the
 * outermost trusted proxy saw (the n-th X-Forwarded-For entry from the right), never an entry
 * the client wrote itself.
 */
export const clientIp = (ctx: Context): string => ctx.ip || 'unknown';
