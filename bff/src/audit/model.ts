import { Schema, type Connection, type Model } from 'mongoose';

export interface AuditActor {
  kind: 'citizen' | 'staff' | 'system';
  id: string;
  name?: string;
}

export interface AuditTarget {
  type: string;
  id: string;
}

export interface AuditDoc {
  _id: string;
  at: Date;
  actor: AuditActor;
  action: string;
  target: AuditTarget;
  details?: Record<string, unknown>;
}

const auditSchema = new Schema<AuditDoc>(
  {
    _id: String,
    at: { type: Date, required: true },
    actor: { kind: { type: String, required: true }, id: { type: String, required: true }, name: String },
    action: { type: String, required: true },
    target: { type: { type: String, required: true }, id: { type: String, required: true } },
    details: Schema.Types.Mixed,
  },
  { versionKey: false, collection: 'audit', minimize: true },
);
auditSchema.index({ 'actor.id': 1, _id: -1 });
auditSchema.index({ 'target.type': 1, 'target.id': 1, _id: -1 });
auditSchema.index({ action: 1, _id: -1 });
auditSchema.index({ at: -1 });

export function auditModel(db: Connection): Model<AuditDoc> {
  return (db.models.Audit as Model<AuditDoc>) ?? db.model<AuditDoc>('Audit', auditSchema);
}
