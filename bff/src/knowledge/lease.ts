import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { isDuplicateKey } from '../db/atomic';
import { conflict } from '../http/errors';
import { indexMetaModel } from './index-model';

/** A lease older than this belongs to a writer that died; the next writer takes it over. */
const STALE_MS = 60_000;
const ATTEMPTS = 100;
const WAIT_MS = 50;

async function tryAcquire(db: Connection, clock: Clock, owner: string): Promise<boolean> {
  const meta = indexMetaModel(db);
  try {
    await meta.create({ _id: 'lease', owner, at: clock.now() });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const held = await meta.findById('lease').lean();
    if (held?.at && clock.now().getTime() - held.at.getTime() > STALE_MS) await meta.deleteOne({ _id: 'lease', owner: held.owner });
    return false;
  }
}

/**
 * Runs `work` as the only writer of the search index, across all BFF instances (no
 * transactions: the unique `_id` insert is the lock). Index writes are short, so a busy lease
 * is waited for briefly rather than refused.
 */
export async function withIndexLease<R>(db: Connection, clock: Clock, work: () => Promise<R>): Promise<R> {
  const owner = randomUUID();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await tryAcquire(db, clock, owner)) {
      try {
        return await work();
      } finally {
        await indexMetaModel(db).deleteOne({ _id: 'lease', owner });
      }
    }
    await delay(WAIT_MS);
  }
  throw conflict('KNOWLEDGE_INDEX_BUSY', '知识库正在更新，请稍后重试');
}
