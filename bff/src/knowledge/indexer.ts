/**
 * Keeps the postings in step with the published entries. `indexEntry` is idempotent: it reads
 * the entry as it is now and makes the index say exactly that, so running it again (after a
 * crash, or from `reindexKnowledge`) repairs rather than duplicates.
 */
import type { AnyBulkWriteOperation, Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { indexedModel, indexMetaModel, termModel, type Posting, type TermDoc } from './index-model';
import { knowledgeEntryModel, type KnowledgeEntryDoc } from './model';
import { weightedTerms } from './terms';
import { withIndexLease } from './lease';

export interface IndexDeps {
  db: Connection;
  clock: Clock;
}

const READ_BATCH = 32;

async function readTerms(db: Connection, tokens: string[]): Promise<Map<string, TermDoc>> {
  const out = new Map<string, TermDoc>();
  const terms = termModel(db);
  for (let i = 0; i < tokens.length; i += READ_BATCH) {
    // `_id` equality per token: the one lookup FerretDB serves without a scan.
    const docs = await Promise.all(tokens.slice(i, i + READ_BATCH).map((t) => terms.findById(t).lean<TermDoc>()));
    for (const d of docs) if (d) out.set(d._id, d);
  }
  return out;
}

function postingOf(entry: KnowledgeEntryDoc, tf: number, len: number): Posting {
  return { e: entry._id, tf, l: len, u: entry.unit, r: entry.reviewBy.getTime() };
}

function termWrites(entry: KnowledgeEntryDoc, current: Map<string, TermDoc>, touched: string[], next: { tf: Map<string, number>; len: number } | null): AnyBulkWriteOperation<TermDoc>[] {
  return touched.map((token) => {
    const kept = (current.get(token)?.p ?? []).filter((p) => p.e !== entry._id);
    const tf = next?.tf.get(token);
    const postings = tf ? [...kept, postingOf(entry, tf, next!.len)] : kept;
    if (postings.length === 0) return { deleteOne: { filter: { _id: token } } };
    return { updateOne: { filter: { _id: token }, update: { $set: { p: postings } }, upsert: true } };
  });
}

async function adjustStats(db: Connection, dn: number, dLen: number): Promise<void> {
  if (dn === 0 && dLen === 0) return;
  const meta = indexMetaModel(db);
  const stats = await meta.findById('stats').lean();
  await meta.updateOne({ _id: 'stats' }, { $set: { n: (stats?.n ?? 0) + dn, totalLen: (stats?.totalLen ?? 0) + dLen } }, { upsert: true });
}

async function indexUnderLease(db: Connection, id: string): Promise<void> {
  const entry = await knowledgeEntryModel(db).findById(id).lean<KnowledgeEntryDoc>();
  const before = await indexedModel(db).findById(id).lean();
  const next = entry?.status === 'published' ? weightedTerms(entry) : null;
  const touched = [...new Set([...(before?.terms ?? []), ...(next ? next.tf.keys() : [])])];
  if (entry && touched.length) await termModel(db).bulkWrite(termWrites(entry, await readTerms(db, touched), touched, next), { ordered: false });
  await adjustStats(db, (next ? 1 : 0) - (before ? 1 : 0), (next?.len ?? 0) - (before?.len ?? 0));
  if (next) await indexedModel(db).updateOne({ _id: id }, { $set: { terms: [...next.tf.keys()], len: next.len } }, { upsert: true });
  else if (before) await indexedModel(db).deleteOne({ _id: id });
  if (entry) await knowledgeEntryModel(db).updateOne({ _id: id }, { $set: { indexedVersion: entry.version } });
}

/** Makes the index reflect entry `id` as stored now (published → indexed, otherwise removed). */
export async function indexEntry(deps: IndexDeps, id: string): Promise<void> {
  await withIndexLease(deps.db, deps.clock, () => indexUnderLease(deps.db, id));
}

/** Reindexes every entry whose index lags behind its version (repair after a crash). */
export async function reindexKnowledge(deps: IndexDeps): Promise<number> {
  const rows = await knowledgeEntryModel(deps.db).find({}, { _id: 1, version: 1, indexedVersion: 1 }).lean<Array<Pick<KnowledgeEntryDoc, '_id' | 'version' | 'indexedVersion'>>>();
  const lagging = rows.filter((r) => r.indexedVersion !== r.version);
  for (const row of lagging) await indexEntry(deps, row._id);
  return lagging.length;
}

/** Builds the whole index from the entries in one pass (bulk loads, benchmarks, disaster repair). */
export async function rebuildKnowledgeIndex(deps: IndexDeps): Promise<void> {
  await withIndexLease(deps.db, deps.clock, async () => {
    const entries = await knowledgeEntryModel(deps.db).find({ status: 'published' }).lean<KnowledgeEntryDoc[]>();
    const postings = new Map<string, Posting[]>();
    const indexed: Array<{ _id: string; terms: string[]; len: number }> = [];
    let totalLen = 0;
    for (const entry of entries) {
      const { tf, len } = weightedTerms(entry);
      totalLen += len;
      indexed.push({ _id: entry._id, terms: [...tf.keys()], len });
      for (const [token, n] of tf) {
        const list = postings.get(token) ?? [];
        list.push(postingOf(entry, n, len));
        postings.set(token, list);
      }
    }
    await Promise.all([termModel(deps.db).deleteMany({}), indexedModel(deps.db).deleteMany({})]);
    if (postings.size) await termModel(deps.db).insertMany([...postings].map(([token, p]) => ({ _id: token, p })), { ordered: false });
    if (indexed.length) await indexedModel(deps.db).insertMany(indexed, { ordered: false });
    await indexMetaModel(deps.db).updateOne({ _id: 'stats' }, { $set: { n: entries.length, totalLen } }, { upsert: true });
    const marks = entries.map((e) => ({ updateOne: { filter: { _id: e._id }, update: { $set: { indexedVersion: e.version } } } }));
    if (marks.length) await knowledgeEntryModel(deps.db).bulkWrite(marks, { ordered: false });
  });
}
