import type { Model, UpdateQuery } from 'mongoose';
import { applyVersioned, claimModel, isDuplicateKey, type ClaimResult } from '../db/atomic';
import { conflict } from '../http/errors';

/**
 * MongoDB reports a unique-index violation on update as 11000; FerretDB v1 reports it as
 * InternalError (code 1) with the storage's own text: SQLite's `UNIQUE constraint failed`,
 * PostgreSQL's `duplicate key value violates unique constraint` (SQLSTATE 23505).
 */
export function violatesUnique(err: unknown): boolean {
  if (isDuplicateKey(err)) return true;
  const message = (err as { message?: unknown })?.message;
  return typeof message === 'string' && /UNIQUE constraint failed|duplicate key value violates unique constraint|SQLSTATE 23505|E11000 duplicate key/.test(message);
}

/**
 * `applyVersioned` for documents with unique fields other than `_id`. If the claimed write
 * breaks a unique index (a sibling took the name in the meantime), the claim is removed:
 * otherwise every later writer would try to roll that impossible update forward and the
 * document would be stuck at its version.
 */
export async function writeVersion<T>(model: Model<T>, id: string, fromVersion: number, update: UpdateQuery<T>, now: Date, taken: { code: string; message: string }): Promise<ClaimResult> {
  try {
    return await applyVersioned(model, id, fromVersion, update, now);
  } catch (err) {
    if (!violatesUnique(err)) throw err;
    await claimModel(model.db).deleteOne({ _id: `${model.collection.name}:${id}:${fromVersion + 1}` });
    throw conflict(taken.code, taken.message);
  }
}
