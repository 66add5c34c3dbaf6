/**
 * The search index: postings keyed by token. FerretDB v1 answers only `_id` equality without a
 * full scan (a `$in` on an indexed array scans 10k entries in ~1–2 s), so a search reads one
 * document per query token by `_id` and never filters in the database. FerretDB's cost is per
 * BSON element (a term with 10k postings as sub-documents takes ~1 s to read, as one string
 * ~25 ms), so a term's postings are one compact string (see postings.ts). Writes to these
 * collections happen only under the index lease (one writer at a time).
 */
import { Schema, type Connection, type Model } from 'mongoose';

/** One published entry's share of a term. */
export interface Posting {
  /** entry id */
  e: string;
  /** weighted term frequency (question ×3, tags ×2, answer ×1) */
  tf: number;
  /** weighted length of the entry */
  l: number;
  /** owning unit (filters of the operators' search) */
  u: string;
  /** review-by date, epoch ms (the `stale` filter) */
  r: number;
}

export interface TermDoc {
  _id: string;
  /** encoded postings (postings.ts) */
  p: string;
  /** document frequency: how many postings `p` holds */
  n: number;
}

const termSchema = new Schema<TermDoc>({ _id: String, p: { type: String, default: '' }, n: { type: Number, default: 0 } }, { versionKey: false, collection: 'knowledge_terms' });

export function termModel(db: Connection): Model<TermDoc> {
  return (db.models.KnowledgeTerm as Model<TermDoc>) ?? db.model<TermDoc>('KnowledgeTerm', termSchema);
}

/** What is indexed for one entry, so a reindex knows which postings to remove (`terms` space-separated). */
export interface IndexedDoc {
  _id: string;
  terms: string;
  len: number;
  /** the entry version this reflects */
  version: number;
}

const indexedSchema = new Schema<IndexedDoc>({ _id: String, terms: String, len: Number, version: Number }, { versionKey: false, collection: 'knowledge_indexed' });

export function indexedModel(db: Connection): Model<IndexedDoc> {
  return (db.models.KnowledgeIndexed as Model<IndexedDoc>) ?? db.model<IndexedDoc>('KnowledgeIndexed', indexedSchema);
}

/** Collection statistics for BM25 (`_id: 'stats'`) and the writer lease (`_id: 'lease'`). */
export interface IndexMetaDoc {
  _id: string;
  n?: number;
  totalLen?: number;
  owner?: string;
  at?: Date;
}

const metaSchema = new Schema<IndexMetaDoc>({ _id: String, n: Number, totalLen: Number, owner: String, at: Date }, { versionKey: false, collection: 'knowledge_index_meta' });

export function indexMetaModel(db: Connection): Model<IndexMetaDoc> {
  return (db.models.KnowledgeIndexMeta as Model<IndexMetaDoc>) ?? db.model<IndexMetaDoc>('KnowledgeIndexMeta', metaSchema);
}

/**
 * What a result list shows of published entries, in 256 buckets by id hash (`_id` `00`…`ff`),
 * each one JSON string. FerretDB's `_id` lookup scans its table until the first match, so a
 * point read is cheap only in a small collection: fetching ten results from 10k entries took
 * ~150 ms, from these buckets a few ms.
 */
export interface CardBucketDoc {
  _id: string;
  c: string;
}

const cardSchema = new Schema<CardBucketDoc>({ _id: String, c: { type: String, default: '{}' } }, { versionKey: false, collection: 'knowledge_cards' });

export function cardModel(db: Connection): Model<CardBucketDoc> {
  return (db.models.KnowledgeCard as Model<CardBucketDoc>) ?? db.model<CardBucketDoc>('KnowledgeCard', cardSchema);
}
