import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { isDuplicateKey } from '../db/atomic';
import { conflict } from '../http/errors';
import { treeLockModel } from './model';

/** A lease older than this belongs to a writer that died; the next mover takes it over. */
const STALE_MS = 60_000;

async function acquire(db: Connection, clock: Clock, owner: string): Promise<boolean> {
  const locks = treeLockModel(db);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await locks.create({ _id: 'tree', owner, at: clock.now() });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const held = await locks.findById('tree').lean();
      if (held && clock.now().getTime() - held.at.getTime() < STALE_MS) return false;
      if (held) await locks.deleteOne({ _id: 'tree', owner: held.owner });
    }
  }
  return false;
}

/**
 * Runs `work` holding the tree lease, so two moves never rewrite overlapping subtrees at the
 * same time (no transactions: the unique `_id` insert is the lock).
 */
export async function withTreeLock<R>(db: Connection, clock: Clock, work: () => Promise<R>): Promise<R> {
  const owner = randomUUID();
  if (!(await acquire(db, clock, owner))) throw conflict('UNIT_TREE_BUSY', '其他管理员正在调整组织架构，请稍后重试');
  try {
    return await work();
  } finally {
    await treeLockModel(db).deleteOne({ _id: 'tree', owner });
  }
}
