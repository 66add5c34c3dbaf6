/**
 * The search index: postings keyed by token. FerretDB v1 answers only `_id` equality without a
 * full scan (a `$in` on an indexed array scans 10k entries in ~1–2 s), so a search reads one
 * small document per query token by `_id` and never filters in the database. Writes to these
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
  p: Posting[];
}

const postingSchema = new Schema<Posting>({ e: String, tf: Number, l: Number, u: String, r: Number }, { _id: false });
const termSchema = new Schema<TermDoc>({ _id: String, p: { type: [postingSchema], default: [] } }, { versionKey: false, collection: 'knowledge_terms' });

export function termModel(db: Connection): Model<TermDoc> {
  return (db.models.KnowledgeTerm as Model<TermDoc>) ?? db.model<TermDoc>('KnowledgeTerm', termSchema);
}

/** What is indexed for one entry, so a reindex knows which postings to remove. */
export interface IndexedDoc {
  _id: string;
  terms: string[];
  len: number;
}

const indexedSchema = new Schema<IndexedDoc>({ _id: String, terms: [String], len: Number }, { versionKey: false, collection: 'knowledge_indexed' });

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
