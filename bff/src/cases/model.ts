import { Schema, type Connection, type Model } from 'mongoose';
import type { CaseStatus, TicketType } from '@mashang/shared';
import type { RedactionKind } from './redact';

export interface CaseActor {
  id: string;
  name?: string;
}

/**
 * A representative case (004 §15): the redacted story of one closed ticket. One case per ticket
 * (unique `ticketNo`). `tokens` index title, summary and texts for the public search.
 */
export interface CaseDoc {
  _id: string;
  ticketNo: string;
  title: string;
  summary: string | null;
  content: string;
  result: string;
  type: TicketType;
  category: string | null;
  unitName: string | null;
  /** When the ticket was filed and closed (the case's own dates). */
  filedAt: Date;
  closedAt: Date | null;
  /** What the automatic redaction removed from the ticket's texts (for the reviewer). */
  redacted: Partial<Record<RedactionKind, number>>;
  status: CaseStatus;
  tokens: string[];
  createdBy: CaseActor;
  publishedBy: CaseActor | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const actorSchema = new Schema<CaseActor>({ id: String, name: String }, { _id: false });

const caseSchema = new Schema<CaseDoc>(
  {
    _id: String,
    ticketNo: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    summary: { type: String, default: null },
    content: { type: String, required: true },
    result: { type: String, default: '' },
    type: { type: String, required: true },
    category: { type: String, default: null },
    unitName: { type: String, default: null },
    filedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    redacted: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, required: true },
    tokens: { type: [String], default: [] },
    createdBy: { type: actorSchema, required: true },
    publishedBy: { type: actorSchema, default: null },
    publishedAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'public_cases', minimize: false },
);
caseSchema.index({ status: 1, _id: -1 });
caseSchema.index({ tokens: 1 });

export function caseModel(db: Connection): Model<CaseDoc> {
  return (db.models.PublicCase as Model<CaseDoc>) ?? db.model<CaseDoc>('PublicCase', caseSchema);
}
