/**
 * The sweeper's lease: one document per job with `holder` and `expiresAt`, so that of several
 * BFF instances only one runs a pass. Taking a free lease is a unique insert (atomic on FerretDB
 * and MongoDB); renewing it or taking over an expired one is a versioned write (applyVersioned),
 * so two instances can never both win. A holder that crashes simply stops renewing and its
 * lease expires.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { applyVersioned, claimModel, isDuplicateKey } from '../db/atomic';

export interface LeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
  acquiredAt: Date;
  /** When the holder last took or renewed it: the start of its last pass (the sweeper's lag). */
  renewedAt?: Date;
  version: number;
}

const leaseSchema = new Schema<LeaseDoc>({ _id: String, holder: String, expiresAt: Date, acquiredAt: Date, renewedAt: Date, version: Number }, { versionKey: false, collection: 'sweeper_leases' });

export function leaseModel(db: Connection): Model<LeaseDoc> {
  return (db.models.SweeperLease as Model<LeaseDoc>) ?? db.model<LeaseDoc>('SweeperLease', leaseSchema);
}

/** Claims of old renewals serve no one; keep the last few for diagnosis. */
const KEEP_CLAIMS = 10;

async function pruneClaims(db: Connection, name: string, version: number): Promise<void> {
  if (version % KEEP_CLAIMS !== 0) return;
  await claimModel(db).deleteMany({ doc: `sweeper_leases:${name}`, version: { $lt: version - KEEP_CLAIMS } });
}

/**
 * Takes or renews lease `name` for `holder` until `now + ttlMs`. True when `holder` now holds it:
 * the lease was free, expired, or already its own.
 */
export async function acquireLease(db: Connection, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const model = leaseModel(db);
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    await model.create({ _id: name, holder, expiresAt, acquiredAt: now, renewedAt: now, version: 0 });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const current = await model.findById(name).lean<LeaseDoc>();
  if (!current) return false;
  const mine = current.holder === holder;
  if (!mine && current.expiresAt.getTime() > now.getTime()) return false;
  const set = mine ? { expiresAt, renewedAt: now } : { holder, expiresAt, acquiredAt: now, renewedAt: now };
  if ((await applyVersioned(model, name, current.version, { $set: set }, now)) === 'lost') return false;
  await pruneClaims(db, name, current.version + 1);
  return true;
}

/** Gives the lease up early (on shutdown) so another instance need not wait for it to expire. */
export async function releaseLease(db: Connection, name: string, holder: string, now: Date): Promise<void> {
  const model = leaseModel(db);
  const current = await model.findById(name).lean<LeaseDoc>();
  if (!current || current.holder !== holder) return;
  await applyVersioned(model, name, current.version, { $set: { expiresAt: now } }, now);
}

export interface LeaseState {
  /** `self`: `holder` holds it now; `other`: another holder does; `free`: nobody (never taken, expired or released). */
  held: 'self' | 'other' | 'free';
  expiresAt?: Date;
  renewedAt?: Date;
}

/** Who holds lease `name` at `now`, as `holder` sees it (readiness and metrics). */
export async function leaseState(db: Connection, name: string, holder: string, now: Date): Promise<LeaseState> {
  const current = await leaseModel(db).findById(name).lean<LeaseDoc>();
  if (!current) return { held: 'free' };
  const live = current.expiresAt.getTime() > now.getTime();
  const held = !live ? 'free' : current.holder === holder ? 'self' : 'other';
  return { held, expiresAt: current.expiresAt, ...(current.renewedAt ? { renewedAt: current.renewedAt } : {}) };
}
