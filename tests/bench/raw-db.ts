/**
 * The database without us: the mongodb driver (mongoose's own) doing `insertOne` and
 * `findOne` by an indexed key at the BFF scenarios' concurrency, on the same server.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { closedLoop, type Figures } from './measure';

/** About the size of a fresh ticket document, so the bytes per write are comparable. */
function rawDoc(key: string, i: number): Record<string, unknown> {
  return {
    key,
    citizenId: `c${i % 500}`,
    type: 'complaint',
    status: 'submitted',
    version: 1,
    content: '小区门口路灯已经坏了两个星期，晚上出行很不安全，请尽快安排维修。'.repeat(2),
    attachments: [],
    timeline: [{ at: new Date(), action: 'submit', actor: { kind: 'citizen', id: `c${i % 500}` }, from: null, to: 'submitted', note: null }],
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

export interface RawFigures {
  insert: Figures;
  find: Figures;
  findById: Figures;
  /** Documents in the collection during the reads. */
  docs: number;
}

/**
 * FerretDB v1 (SQLite) answers `_id` equality with an SQL filter but every other filter by
 * reading the whole collection (its explain says `filterPushdown: false`), indexes or not;
 * so both reads are measured, over the same documents.
 */
export async function rawBaselines(serverUri: string, dbName: string, concurrency: number, seconds: number, findDocs: number): Promise<RawFigures> {
  const client = await MongoClient.connect(serverUri, { maxPoolSize: concurrency + 2 });
  try {
    const coll = client.db(dbName).collection<{ _id: string; key: string }>('raw_bench');
    await coll.createIndex({ key: 1 }, { unique: true });
    const prefix = randomBytes(4).toString('hex');
    const insert = await closedLoop('raw driver insertOne', concurrency, seconds, async (w, i) => {
      const key = `${prefix}-${w}-${i}`;
      await coll.insertOne({ ...rawDoc(key, i), _id: key, key });
    });
    // The reads run over as many documents as the BFF's tickets collection held during its reads:
    // on FerretDB a read's cost grows with the collection, so only equal sizes compare.
    const reads = client.db(dbName).collection<{ _id: string; key: string }>('raw_bench_reads');
    await reads.createIndex({ key: 1 }, { unique: true });
    const readKeys = Array.from({ length: findDocs }, (_, i) => `${prefix}-r-${i}`);
    for (let i = 0; i < findDocs; i += 1000) await reads.insertMany(readKeys.slice(i, i + 1000).map((key, k) => ({ ...rawDoc(key, i + k), _id: key, key })));
    const find = await closedLoop('raw driver findOne by indexed key', concurrency, seconds, async (w, i) => {
      const doc = await reads.findOne({ key: readKeys[(i * 7919 + w * 104729) % readKeys.length] });
      if (!doc) throw new Error('missing');
    });
    const findById = await closedLoop('raw driver findOne by _id', concurrency, seconds, async (w, i) => {
      const doc = await reads.findOne({ _id: readKeys[(i * 7919 + w * 104729) % readKeys.length] });
      if (!doc) throw new Error('missing');
    });
    return { insert, find, findById, docs: findDocs };
  } finally {
    await client.close();
  }
}
