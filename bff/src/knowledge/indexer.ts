/**
 * Keeps the postings in step with the published entries. `indexEntry` reads the entry as it
 * is now and moves the index from what was indexed for it (`knowledge_indexed`) to that.
 * `rebuildKnowledgeIndex` recomputes everything from the entries: the repair after a crash
 * between the two writes, and the refill of champion lists thinned by retirements.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { cardModel, indexedModel, indexMetaModel, termModel, type Posting, type TermDoc } from './index-model';
import { cardBuckets, cardOf, writeCard } from './cards';
import { knowledgeEntryModel, type KnowledgeEntryDoc } from './model';
import { weightedTerms } from './terms';
import { decodePostings, encodePostings } from './postings';
import { CHAMPIONS, impact } from './bm25';
import { withIndexLease } from './lease';

export interface IndexDeps {
  db: Connection;
  clock: Clock;
}

/**
 * FerretDB serves a single `updateOne({_id})` from its primary key in a few ms but scans the
 * collection for every statement of a `bulkWrite` (500 statements on 500 entries took
 * minutes), and parallel writes contend for SQLite's write lock (1000 parallel updates: 45 s).
 * So writes go one `_id` statement at a time; reads run a batch in parallel.
 */
const READ_BATCH = 32;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += READ_BATCH) await Promise.all(items.slice(i, i + READ_BATCH).map(work));
}

async function oneByOne<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (const item of items) await work(item);
}

/** What indexing reads of an entry. */
const TEXT_FIELDS = { question: 1, answer: 1, tags: 1, unit: 1, status: 1, reviewBy: 1, version: 1 };
type IndexSource = Pick<KnowledgeEntryDoc, '_id' | 'question' | 'answer' | 'tags' | 'unit' | 'status' | 'reviewBy' | 'version'>;

async function readTerms(db: Connection, tokens: string[]): Promise<Map<string, TermDoc>> {
  const out = new Map<string, TermDoc>();
  const terms = termModel(db);
  // `_id` equality per token: the one lookup FerretDB serves without a scan.
  await inBatches(tokens, async (t) => {
    const doc = await terms.findById(t).lean<TermDoc>();
    if (doc) out.set(doc._id, doc);
  });
  return out;
}

/** Champions first: the strongest postings, cut at CHAMPIONS. */
function champions(postings: Posting[], avgLen: number): Posting[] {
  return postings
    .map((p) => ({ p, w: impact(p.tf, p.l, avgLen) }))
    .sort((a, b) => b.w - a.w || (a.p.e < b.p.e ? -1 : 1))
    .slice(0, CHAMPIONS)
    .map((x) => x.p);
}

function postingOf(entry: IndexSource, tf: number, len: number): Posting {
  return { e: entry._id, tf, l: len, u: entry.unit, r: entry.reviewBy.getTime() };
}

interface TermChange {
  entry: IndexSource;
  before: ReadonlySet<string>;
  next: { tf: Map<string, number>; len: number } | null;
  avgLen: number;
}

/**
 * One term's new state: the document frequency moves by what the entry was and is, and the
 * entry's posting is removed and, if it ranks among the champions, put back. A champion
 * removed leaves a gap that the next rebuild refills (the weaker postings are not kept).
 */
function termAfter(token: string, doc: TermDoc | undefined, c: TermChange): { p: string; n: number } {
  const n = (doc?.n ?? 0) - (c.before.has(token) ? 1 : 0) + (c.next?.tf.has(token) ? 1 : 0);
  const kept = decodePostings(doc?.p ?? '').filter((p) => p.e !== c.entry._id);
  const tf = c.next?.tf.get(token);
  const postings = tf ? champions([...kept, postingOf(c.entry, tf, c.next!.len)], c.avgLen) : kept;
  return { p: encodePostings(postings), n: Math.max(n, postings.length) };
}

async function writeTerms(db: Connection, current: Map<string, TermDoc>, touched: string[], change: TermChange): Promise<void> {
  const terms = termModel(db);
  await oneByOne(touched, (token) => {
    const after = termAfter(token, current.get(token), change);
    if (after.n === 0) return terms.deleteOne({ _id: token });
    return terms.updateOne({ _id: token }, { $set: after }, { upsert: true });
  });
}

async function adjustStats(db: Connection, dn: number, dLen: number): Promise<void> {
  if (dn === 0 && dLen === 0) return;
  const meta = indexMetaModel(db);
  const stats = await meta.findById('stats').lean();
  await meta.updateOne({ _id: 'stats' }, { $set: { n: (stats?.n ?? 0) + dn, totalLen: (stats?.totalLen ?? 0) + dLen } }, { upsert: true });
}

async function indexUnderLease(db: Connection, id: string): Promise<void> {
  const entry = await knowledgeEntryModel(db).findById(id, TEXT_FIELDS).lean<IndexSource>();
  const before = await indexedModel(db).findById(id).lean();
  const next = entry?.status === 'published' ? weightedTerms(entry) : null;
  const beforeTerms = new Set(before?.terms.split(' ').filter(Boolean) ?? []);
  const touched = [...new Set([...beforeTerms, ...(next ? next.tf.keys() : [])])];
  const stats = await indexMetaModel(db).findById('stats').lean();
  const avgLen = Math.max(1, (stats?.totalLen ?? 0) / Math.max(1, stats?.n ?? 0));
  if (entry && touched.length) await writeTerms(db, await readTerms(db, touched), touched, { entry, before: beforeTerms, next, avgLen });
  await adjustStats(db, (next ? 1 : 0) - (before ? 1 : 0), (next?.len ?? 0) - (before?.len ?? 0));
  if (entry) await writeCard(db, id, next ? cardOf(entry) : null);
  if (next && entry) await indexedModel(db).updateOne({ _id: id }, { $set: { terms: [...next.tf.keys()].join(' '), len: next.len, version: entry.version } }, { upsert: true });
  else if (before) await indexedModel(db).deleteOne({ _id: id });
}

/** Makes the index reflect entry `id` as stored now (published → indexed, otherwise removed). */
export async function indexEntry(deps: IndexDeps, id: string): Promise<void> {
  await withIndexLease(deps.db, deps.clock, () => indexUnderLease(deps.db, id));
}

/** Reindexes every entry the index does not reflect at its current version (repair after a crash). */
export async function reindexKnowledge(deps: IndexDeps): Promise<number> {
  const rows = await knowledgeEntryModel(deps.db).find({}, { _id: 1, version: 1, status: 1 }).lean<Array<Pick<KnowledgeEntryDoc, '_id' | 'version' | 'status'>>>();
  const indexed = new Map((await indexedModel(deps.db).find({}, { _id: 1, version: 1 }).lean<Array<{ _id: string; version: number }>>()).map((r) => [r._id, r.version]));
  const lagging = rows.filter((r) => (r.status === 'published' ? indexed.get(r._id) !== r.version : indexed.has(r._id)));
  for (const row of lagging) await indexEntry(deps, row._id);
  return lagging.length;
}

/** Builds the whole index from the entries in one pass (bulk loads, benchmarks, disaster repair). */
export async function rebuildKnowledgeIndex(deps: IndexDeps): Promise<void> {
  await withIndexLease(deps.db, deps.clock, async () => {
    const entries = await knowledgeEntryModel(deps.db).find({ status: 'published' }, TEXT_FIELDS).lean<IndexSource[]>();
    const postings = new Map<string, Posting[]>();
    const indexed: Array<{ _id: string; terms: string; len: number; version: number }> = [];
    let totalLen = 0;
    for (const entry of entries) {
      const { tf, len } = weightedTerms(entry);
      totalLen += len;
      indexed.push({ _id: entry._id, terms: [...tf.keys()].join(' '), len, version: entry.version });
      for (const [token, n] of tf) {
        const list = postings.get(token) ?? [];
        list.push(postingOf(entry, n, len));
        postings.set(token, list);
      }
    }
    await Promise.all([termModel(deps.db).deleteMany({}), indexedModel(deps.db).deleteMany({}), cardModel(deps.db).deleteMany({})]);
    await cardModel(deps.db).insertMany(cardBuckets(entries), { ordered: false });
    const avgLen = Math.max(1, totalLen / Math.max(1, entries.length));
    const termDocs = [...postings].map(([token, p]) => ({ _id: token, p: encodePostings(champions(p, avgLen)), n: p.length }));
    for (let i = 0; i < termDocs.length; i += 500) await termModel(deps.db).insertMany(termDocs.slice(i, i + 500), { ordered: false });
    for (let i = 0; i < indexed.length; i += 500) await indexedModel(deps.db).insertMany(indexed.slice(i, i + 500), { ordered: false });
    await indexMetaModel(deps.db).updateOne({ _id: 'stats' }, { $set: { n: entries.length, totalLen } }, { upsert: true });
  });
}
