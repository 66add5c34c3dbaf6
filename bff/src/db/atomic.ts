/**
 * Portable atomicity. FerretDB v1 executes findAndModify/update as "query, then write" with no
 * lock, so two guarded updates of one document can both succeed (tests/bff/db-compat.test.ts
 * proves it). Unique indexes, however, are enforced by the storage engine on both FerretDB and
 * MongoDB. Every state change therefore first claims its version by inserting a row with a
 * unique `_id` (`<doc>:<version>`), and only the claimant writes the document.
 */
import { Schema, type Connection, type Model, type UpdateQuery } from 'mongoose';

export interface VersionClaim {
  _id: string;
  doc: string;
  version: number;
  at: Date;
  update: string;
}

const claimSchema = new Schema<VersionClaim>(
  { _id: String, doc: { type: String, index: true }, version: Number, at: Date, update: String },
  { versionKey: false, collection: 'version_claims' },
);

export function claimModel(db: Connection): Model<VersionClaim> {
  return (db.models.VersionClaim as Model<VersionClaim>) ?? db.model<VersionClaim>('VersionClaim', claimSchema);
}

export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;

export type ClaimResult = 'applied' | 'lost';

/**
 * Moves document `id` from `fromVersion` to `fromVersion + 1` with `update` (which must not
 * touch `version`), unless another writer claimed that version first. A claim left by a
 * writer that crashed before its write is rolled forward by the next writer, so a document
 * is never stuck.
 */
export async function applyVersioned<T>(
  model: Model<T>,
  id: string,
  fromVersion: number,
  update: UpdateQuery<T>,
  now: Date,
): Promise<ClaimResult> {
  const claims = claimModel(model.db);
  const claimId = `${model.collection.name}:${id}:${fromVersion + 1}`;
  const serialized = JSON.stringify(update);
  try {
    await claims.create({ _id: claimId, doc: `${model.collection.name}:${id}`, version: fromVersion + 1, at: now, update: serialized });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await rollForward(model, id, fromVersion, claimId);
    return 'lost';
  }
  await writeClaimed(model, id, fromVersion, update);
  return 'applied';
}

async function writeClaimed<T>(model: Model<T>, id: string, fromVersion: number, update: UpdateQuery<T>): Promise<void> {
  const withVersion = { ...update, $inc: { ...(update.$inc ?? {}), version: 1 } } as UpdateQuery<T>;
  await model.updateOne({ _id: id, version: fromVersion } as never, withVersion);
}

/** A claim exists but the document is still at `fromVersion`: its writer died; finish its write. */
async function rollForward<T>(model: Model<T>, id: string, fromVersion: number, claimId: string): Promise<void> {
  const current = await model.findOne({ _id: id } as never, { version: 1 }).lean<{ version?: number }>();
  if (!current || current.version !== fromVersion) return;
  const claim = await claimModel(model.db).findById(claimId).lean();
  if (!claim) return;
  await writeClaimed(model, id, fromVersion, reviveDates(JSON.parse(claim.update)) as UpdateQuery<T>);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function reviveDates(value: unknown): unknown {
  if (typeof value === 'string' && ISO.test(value)) return new Date(value);
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v)]));
  return value;
}

interface CounterDoc {
  _id: string;
  seq: number;
}
const counterSchema = new Schema<CounterDoc>({ _id: String, seq: Number }, { versionKey: false, collection: 'counters' });

export function counterModel(db: Connection): Model<CounterDoc> {
  return (db.models.Counter as Model<CounterDoc>) ?? db.model<CounterDoc>('Counter', counterSchema);
}

/**
 * Hands out a unique value: `$inc` gives a candidate (it may repeat on FerretDB under
 * contention), and `tryUse` inserting under a unique index is the guarantee; on a duplicate
 * the next candidate is tried.
 */
export async function allocateUnique<R>(db: Connection, counter: string, tryUse: (seq: number) => Promise<R>): Promise<R> {
  const counters = counterModel(db);
  for (let attempt = 0; attempt < 1000; attempt++) {
    let doc: CounterDoc | null;
    try {
      doc = await counters.findOneAndUpdate({ _id: counter }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    } catch (err) {
      if (isDuplicateKey(err)) continue;
      throw err;
    }
    try {
      return await tryUse(doc!.seq);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new Error(`could not allocate a unique value for ${counter}`);
}
