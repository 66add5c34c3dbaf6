/**
 * The database contract: every feature our code relies on, proven through mongoose against
 * every engine the product supports: the run's server (the embedded default, FerretDB with the
 * project's patch on PostgreSQL, or MongoDB when MONGODB_URI is set) and the other embedded
 * engine, started here when the run uses an embedded one. If this passes on a server, the
 * product can move onto it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { connectTestDb, dropTestDb } from '../support/db';
import { connectDb, describeDb } from '../../bff/src/db/connection';
import { embeddedEngine, findPostgres, startEmbeddedServer, type EmbeddedEngine, type EmbeddedServer } from '../../bff/src/db/embedded-server';
import { allocateUnique, applyVersioned, claimModel } from '../../bff/src/db/atomic';
import { violatesUnique } from '../../bff/src/units/versioned';

interface Doc {
  no: string;
  status: string;
  version: number;
  unit: string;
  month: string;
  onTime: number;
  tokens: string[];
  timeline: Array<{ at: Date; action: string }>;
  followers: string[];
  note?: string;
}

const schema = new Schema<Doc>({
  no: { type: String, required: true, unique: true },
  status: String,
  version: { type: Number, default: 0 },
  unit: String,
  month: String,
  onTime: Number,
  tokens: { type: [String], index: true },
  timeline: [{ _id: false, at: Date, action: String }],
  followers: [String],
  note: String,
});
schema.index({ unit: 1, status: 1, month: 1 });

interface Engine {
  name: string;
  connect(): Promise<Connection>;
  stop(conn: Connection): Promise<void>;
}

/** The run's server, then the other embedded engine where it can start on this machine. */
function engines(): Engine[] {
  const list: Engine[] = [{ name: process.env.MONGODB_URI ? 'the run\'s MongoDB server' : `embedded ${embeddedEngine()} (the run's server)`, connect: () => connectTestDb('compat'), stop: dropTestDb }];
  if (process.env.MONGODB_URI) return list;
  const other: EmbeddedEngine = embeddedEngine() === 'postgresql' ? 'sqlite' : 'postgresql';
  if (other === 'postgresql' && !findPostgres()) return list;
  let server: EmbeddedServer | undefined;
  let dir = '';
  list.push({
    name: `embedded ${other}`,
    async connect() {
      dir = mkdtempSync(path.join(os.tmpdir(), `mashang-compat-${other}-`));
      server = await startEmbeddedServer(dir, () => undefined, { engine: other, durable: false });
      return connectDb(`${server.uri}compat`);
    },
    async stop(conn) {
      await dropTestDb(conn);
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return list;
}

describe.each(engines())('database compatibility contract: $name', (engine) => {
  let conn: Connection;
  let T: Model<Doc>;

  beforeAll(async () => {
    conn = await engine.connect();
    T = conn.model<Doc>('Compat', schema);
    await T.init();
  }, 120_000);
  afterAll(() => engine.stop(conn));

  it('when asked, then the server says what it is (kind and version)', async () => {
    const info = await describeDb(conn);
    expect(['ferretdb', 'mongodb']).toContain(info.kind);
  });

  it('when a unique key is inserted twice, then the second insert is a duplicate-key error (11000)', async () => {
    await T.create({ no: 'U-1', status: 'submitted', unit: 'a', month: '2026-11', onTime: 1 });
    await expect(T.create({ no: 'U-1', status: 'submitted' })).rejects.toMatchObject({ code: 11000 });
  });

  it('when an update breaks a unique index, then the error is recognised as a unique violation (each engine words it its own way)', async () => {
    await T.create({ no: 'UV-1' });
    const other = await T.create({ no: 'UV-2' });
    const err = await T.updateOne({ _id: other._id }, { $set: { no: 'UV-1' } }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeDefined();
    expect(violatesUnique(err)).toBe(true);
    expect((await T.findById(other._id).lean())!.no).toBe('UV-2');
  });

  it('when an array of subdocuments is queried with $elemMatch, then one element must match every condition, as on MongoDB (upstream FerretDB v1 silently matched nothing: our patch 0005)', async () => {
    await T.create({ no: 'EM-1', timeline: [{ at: new Date('2026-11-24T01:00:00Z'), action: 'accept' }, { at: new Date('2026-11-25T01:00:00Z'), action: 'dispatch' }] });
    await T.create({ no: 'EM-2', timeline: [{ at: new Date('2026-11-24T01:00:00Z'), action: 'reject' }] });
    const find = async (filter: object) => (await T.find({ no: /^EM-/, ...filter }, { no: 1 }).sort({ no: 1 }).lean()).map((d) => d.no);
    expect(await find({ timeline: { $elemMatch: { action: 'dispatch' } } })).toEqual(['EM-1']);
    // several fields: the same element (accept was on the 24th, dispatch on the 25th)
    expect(await find({ timeline: { $elemMatch: { action: 'dispatch', at: { $gte: new Date('2026-11-25T00:00:00Z') } } } })).toEqual(['EM-1']);
    expect(await find({ timeline: { $elemMatch: { action: 'accept', at: { $gte: new Date('2026-11-25T00:00:00Z') } } } })).toEqual([]);
    expect(await find({ timeline: { $elemMatch: { $or: [{ action: 'reject' }, { action: 'dispatch' }] } } })).toEqual(['EM-1', 'EM-2']);
    // dotted paths match any element per condition, not the same one
    expect(await find({ 'timeline.action': 'accept', 'timeline.at': { $gte: new Date('2026-11-25T00:00:00Z') } })).toEqual(['EM-1']);
  });

  it('when an array of values is queried with $elemMatch operators, then one value must satisfy them all', async () => {
    await T.collection.insertMany([
      { no: 'EV-1', scores: [70, 90] },
      { no: 'EV-2', scores: [82] },
    ]);
    const found = await T.collection.find({ no: /^EV-/, scores: { $elemMatch: { $gte: 80, $lt: 85 } } }).toArray();
    expect(found.map((d) => d.no)).toEqual(['EV-2']);
    const anyPer = await T.collection.find({ no: /^EV-/, scores: { $gte: 80, $lt: 85 } }).sort({ no: 1 }).toArray();
    expect(anyPer.map((d) => d.no)).toEqual(['EV-1', 'EV-2']);
  });

  it('when findOneAndUpdate is guarded by {status, version}, then only the matching version wins', async () => {
    const t = await T.create({ no: 'G-1', status: 'submitted', version: 0 });
    const win = await T.findOneAndUpdate(
      { _id: t._id, status: 'submitted', version: 0 },
      { $set: { status: 'accepted' }, $inc: { version: 1 }, $push: { timeline: { at: new Date(), action: 'accept' } } },
      { returnDocument: 'after' },
    ).lean();
    expect(win).toMatchObject({ status: 'accepted', version: 1 });
    expect(win!.timeline).toHaveLength(1);
    const lose = await T.findOneAndUpdate({ _id: t._id, status: 'submitted', version: 0 }, { $set: { status: 'rejected' } }, { returnDocument: 'after' }).lean();
    expect(lose).toBeNull();
  });

  it('when twenty plain guarded updates race, then MongoDB lets exactly one win (FerretDB v1 may let several: it queries, then writes)', async () => {
    const info = await describeDb(conn);
    const t = await T.create({ no: 'R-1', status: 'submitted', version: 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        T.findOneAndUpdate({ _id: t._id, status: 'submitted', version: 0 }, { $set: { status: 'accepted', note: `w${i}` }, $inc: { version: 1 } }, { returnDocument: 'after' }).lean(),
      ),
    );
    const winners = results.filter(Boolean).length;
    if (info.kind === 'mongodb') expect(winners).toBe(1);
    else expect(winners).toBeGreaterThanOrEqual(1);
  });

  it('when twenty writers race through the version claim, then exactly one wins and the timeline has one entry', async () => {
    const t = await T.create({ no: 'R-2', status: 'submitted', version: 0 });
    const now = new Date('2026-11-24T01:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        applyVersioned(T, String(t._id), 0, { $set: { status: 'accepted', note: `w${i}` }, $push: { timeline: { at: now, action: `a${i}` } } }, now),
      ),
    );
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    const final = await T.findById(t._id).lean();
    expect(final!.version).toBe(1);
    expect(final!.timeline).toHaveLength(1);
    expect(final!.note).toBe(`w${outcomes.indexOf('applied')}`);
  });

  it('when a writer died after claiming its version, then the next writer rolls its update forward', async () => {
    const t = await T.create({ no: 'R-3', status: 'submitted', version: 0 });
    const at = new Date('2026-11-24T02:00:00Z');
    await claimModel(conn).create({ _id: `${T.collection.name}:${t._id}:1`, doc: 'x', version: 1, at, update: JSON.stringify({ $set: { status: 'accepted' }, $push: { timeline: { at, action: 'accept' } } }) });
    expect(await applyVersioned(T, String(t._id), 0, { $set: { status: 'rejected' } }, at)).toBe('lost');
    const final = await T.findById(t._id).lean();
    expect(final).toMatchObject({ status: 'accepted', version: 1 });
    expect(final!.timeline[0].at).toEqual(at);
  });

  it('when thirty numbers are allocated concurrently, then each is unique (a unique index guards the $inc counter)', async () => {
    const nos = await Promise.all(
      Array.from({ length: 30 }, () =>
        allocateUnique(conn, 'compat-day', async (seq) => {
          const no = `N-${String(seq).padStart(6, '0')}`;
          await T.create({ no });
          return no;
        }),
      ),
    );
    expect(new Set(nos).size).toBe(30);
  });

  it('when $addToSet and $setOnInsert are used, then sets stay unique and inserts get defaults once', async () => {
    await T.updateOne({ no: 'S-1' }, { $setOnInsert: { status: 'submitted', version: 0 }, $addToSet: { followers: 'c1' } }, { upsert: true });
    await T.updateOne({ no: 'S-1' }, { $setOnInsert: { status: 'other' }, $addToSet: { followers: 'c1' } }, { upsert: true });
    await T.updateOne({ no: 'S-1' }, { $addToSet: { followers: 'c2' } });
    const s = await T.findOne({ no: 'S-1' }).lean();
    expect(s).toMatchObject({ status: 'submitted', followers: ['c1', 'c2'] });
  });

  it('when token arrays are queried with $all and $in, then Chinese tokens match', async () => {
    await T.create({ no: 'K-1', tokens: ['路灯', '坏', '小区'] });
    await T.create({ no: 'K-2', tokens: ['噪音', '小区'] });
    expect((await T.find({ tokens: { $all: ['路灯', '小区'] } }).lean()).map((d) => d.no)).toEqual(['K-1']);
    expect((await T.find({ tokens: { $in: ['噪音', '路灯'] } }).sort({ no: 1 }).lean()).map((d) => d.no)).toEqual(['K-1', 'K-2']);
  });

  it('when a compound index exists, then queries on its prefix with sort and cursor paging work', async () => {
    const idx = await T.collection.indexes();
    expect(idx.some((i) => JSON.stringify(i.key) === JSON.stringify({ unit: 1, status: 1, month: 1 }))).toBe(true);
    const page = await T.find({ unit: 'a', _id: { $gt: new mongoose.Types.ObjectId('000000000000000000000000') } }).sort({ _id: 1 }).limit(1).lean();
    expect(page).toHaveLength(1);
  });

  it('when stats aggregate with $match $group $sum $sort $project $skip $limit $unset, then figures add up (one accumulator per $group)', async () => {
    await T.deleteMany({ month: 'agg' });
    await T.insertMany([
      { no: 'A-1', unit: 'u1', month: 'agg', status: 'closed', onTime: 1, tokens: ['u1|received', 'u1|closed', 'u1|onTime'] },
      { no: 'A-2', unit: 'u1', month: 'agg', status: 'closed', onTime: 0, tokens: ['u1|received', 'u1|closed'] },
      { no: 'A-3', unit: 'u2', month: 'agg', status: 'handling', onTime: 1, tokens: ['u2|received', 'u2|onTime'] },
    ]);
    const onTime = await T.aggregate([
      { $match: { month: 'agg' } },
      { $group: { _id: '$unit', onTime: { $sum: '$onTime' } } },
      { $sort: { _id: 1 } },
      { $project: { onTime: 1 } },
      { $skip: 0 },
      { $limit: 10 },
    ]);
    expect(onTime).toEqual([
      { _id: 'u1', onTime: 1 },
      { _id: 'u2', onTime: 1 },
    ]);
    // All per-unit counts in one pass: each ticket carries "unit|metric" keys; unwind and count them.
    // ($unwind on FerretDB v1 keeps only _id and the unwound field, hence keys, not {unit, metric}.)
    const flags = await T.aggregate([
      { $match: { month: 'agg' } },
      { $unwind: '$tokens' },
      { $group: { _id: '$tokens', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
      { $unset: ['__none'] },
    ]);
    expect(flags).toEqual([
      { _id: 'u1|closed', n: 2 },
      { _id: 'u1|onTime', n: 1 },
      { _id: 'u1|received', n: 2 },
      { _id: 'u2|onTime', n: 1 },
      { _id: 'u2|received', n: 1 },
    ]);
    const [counted] = await T.aggregate([{ $match: { month: 'agg', status: 'closed' } }, { $count: 'closed' }]);
    expect(counted).toEqual({ closed: 2 });
    const [viaCount] = await T.aggregate([{ $match: { month: 'agg' } }, { $group: { _id: null, n: { $count: {} } } }]);
    expect(viaCount.n).toBe(3);
  });

  it('when equality matches scalars and array elements alike, then both are found (and only those)', async () => {
    await T.insertMany([
      { no: 'E-1', unit: 'eq-a', status: 'open', followers: ['eq-c1', 'eq-c2'] },
      { no: 'E-2', unit: 'eq-b', status: 'open', followers: ['eq-c2'] },
      { no: 'E-3', unit: 'eq-a', status: 'closed', followers: [] },
    ]);
    expect((await T.find({ followers: 'eq-c2' }).sort({ no: 1 }).lean()).map((d) => d.no)).toEqual(['E-1', 'E-2']);
    expect((await T.find({ followers: 'eq-c1', unit: 'eq-a' }).lean()).map((d) => d.no)).toEqual(['E-1']);
    expect((await T.find({ unit: { $in: ['eq-a', 'eq-b'] }, status: 'open' }).sort({ no: -1 }).lean()).map((d) => d.no)).toEqual(['E-2', 'E-1']);
    expect(await T.countDocuments({ unit: 'eq-a', status: { $ne: 'open' } })).toBe(1);
    // a string never equals a number or a date, even where their stored forms look alike
    expect(await T.countDocuments({ no: 1 as unknown as string })).toBe(0);
  });

  it('when a string field is matched by the range $gt "" (any id), then strings are found, never null or a missing field (下级申请待审核)', async () => {
    // through the driver: the contract schema has no reviewer
    await T.collection.insertMany([
      { no: 'GT-1', unit: 'gt-empty', status: 'returning', reviewer: 'u-street' },
      { no: 'GT-2', unit: 'gt-empty', status: 'returning', reviewer: null },
      { no: 'GT-3', unit: 'gt-empty', status: 'returning' },
      { no: 'GT-4', unit: 'gt-empty', status: 'closed', reviewer: 'u-street' },
    ]);
    const found = await T.collection.find({ $and: [{ unit: 'gt-empty' }, { status: { $in: ['returning', 'replied'] } }, { reviewer: { $gt: '' } }] }).toArray();
    expect(found.map((d) => d.no)).toEqual(['GT-1']);
  });

  it('when a date range is sorted newest first with a limit, then the newest matching come back in order, missing dates last', async () => {
    const base = Date.UTC(2026, 10, 1);
    // through the driver: the contract schema has no dueAt
    await T.collection.insertMany(
      Array.from({ length: 30 }, (_, i) => ({
        no: `D-${String(i).padStart(2, '0')}`,
        unit: 'range',
        status: i % 3 ? 'open' : 'closed',
        ...(i % 10 === 9 ? {} : { dueAt: new Date(base + i * 3_600_000) }),
      })),
    );
    const lt = new Date(base + 20 * 3_600_000);
    const coll = T.collection;
    const newest = await coll.find({ unit: 'range', status: 'open', dueAt: { $lt: lt } }).sort({ dueAt: -1, no: -1 }).limit(3).toArray();
    expect(newest.map((d) => d.no)).toEqual(['D-17', 'D-16', 'D-14']);
    const oldestFirst = await coll.find({ unit: 'range' }).sort({ dueAt: 1, no: 1 }).limit(4).toArray();
    // missing (null) sorts first ascending, as on MongoDB
    expect(oldestFirst.map((d) => d.no)).toEqual(['D-09', 'D-19', 'D-29', 'D-00']);
    const lastDesc = await coll.find({ unit: 'range' }).sort({ dueAt: -1, no: 1 }).skip(27).limit(5).toArray();
    expect(lastDesc.map((d) => d.no)).toEqual(['D-09', 'D-19', 'D-29']);
    expect(await coll.countDocuments({ unit: 'range', dueAt: { $gte: new Date(base), $lt: lt } })).toBe(18);
  });

  it('when a multi-document transaction is attempted, then we learn whether the server refuses it (our design never needs one)', async () => {
    const info = await describeDb(conn);
    const session = await conn.startSession();
    let refused = false;
    try {
      await session.withTransaction(async () => {
        await T.create([{ no: 'TX-1' }], { session });
      });
    } catch {
      refused = true;
    } finally {
      await session.endSession();
    }
    // FerretDB v1.24 refuses transactions; a standalone MongoDB refuses them too, a replica set accepts.
    if (info.kind === 'ferretdb') expect(refused).toBe(true);
  });
});
