import { Schema, type Connection, type Model } from 'mongoose';
import type { KnowledgeStatus } from '@mashang/shared';

/** A knowledge-base entry (001 §18, 002 §34, 003 §22); one document, versioned. */
export interface KnowledgeEntryDoc {
  _id: string;
  question: string;
  answer: string;
  tags: string[];
  unit: string;
  status: KnowledgeStatus;
  reviewBy: Date;
  /** Approximate: `$inc` may lose a hit under contention on FerretDB; the helpful rows are exact. */
  helpfulCount: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  retiredAt: Date | null;
}

const entrySchema = new Schema<KnowledgeEntryDoc>(
  {
    _id: String,
    question: { type: String, required: true },
    answer: { type: String, required: true },
    tags: { type: [String], default: [] },
    unit: { type: String, required: true },
    status: { type: String, required: true },
    reviewBy: { type: Date, required: true },
    helpfulCount: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    publishedAt: { type: Date, default: null },
    retiredAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'knowledge_entries' },
);
entrySchema.index({ unit: 1, status: 1 });
entrySchema.index({ status: 1, reviewBy: 1 });

/**
 * An entry as other capabilities see it. It carries no token array: the search reads the
 * postings (index-model.ts), and on FerretDB every array element costs on each read and
 * rewrite of the entry (an update of an entry with ~150 tokens took ~16 ms).
 */
export type KnowledgeEntry = KnowledgeEntryDoc;

export function knowledgeEntryModel(db: Connection): Model<KnowledgeEntryDoc> {
  return (db.models.KnowledgeEntry as Model<KnowledgeEntryDoc>) ?? db.model<KnowledgeEntryDoc>('KnowledgeEntry', entrySchema);
}

export type KnowledgeHistoryAction = 'create' | 'edit' | 'publish' | 'retire';

/** Every change of an entry, with the state after it (`_id` = `<entry>:<version>`, insert-only). */
export interface KnowledgeHistoryDoc {
  _id: string;
  entry: string;
  version: number;
  action: KnowledgeHistoryAction;
  at: Date;
  actor: { kind: string; id: string; name?: string };
  snapshot: Pick<KnowledgeEntryDoc, 'question' | 'answer' | 'tags' | 'unit' | 'status' | 'reviewBy'>;
  note?: string;
}

const historySchema = new Schema<KnowledgeHistoryDoc>(
  {
    _id: String,
    entry: { type: String, required: true },
    version: Number,
    action: String,
    at: Date,
    actor: { kind: String, id: String, name: String },
    snapshot: { question: String, answer: String, tags: [String], unit: String, status: String, reviewBy: Date },
    note: String,
  },
  { versionKey: false, collection: 'knowledge_history' },
);
historySchema.index({ entry: 1, version: 1 });

export function knowledgeHistoryModel(db: Connection): Model<KnowledgeHistoryDoc> {
  return (db.models.KnowledgeHistory as Model<KnowledgeHistoryDoc>) ?? db.model<KnowledgeHistoryDoc>('KnowledgeHistory', historySchema);
}

/** One row per (entry, citizen): the unique `_id` makes "helpful" count once per citizen. */
export interface KnowledgeHelpfulDoc {
  _id: string;
  entry: string;
  citizen: string;
  at: Date;
}

const helpfulSchema = new Schema<KnowledgeHelpfulDoc>({ _id: String, entry: { type: String, index: true }, citizen: String, at: Date }, { versionKey: false, collection: 'knowledge_helpful' });

export function knowledgeHelpfulModel(db: Connection): Model<KnowledgeHelpfulDoc> {
  return (db.models.KnowledgeHelpful as Model<KnowledgeHelpfulDoc>) ?? db.model<KnowledgeHelpfulDoc>('KnowledgeHelpful', helpfulSchema);
}
