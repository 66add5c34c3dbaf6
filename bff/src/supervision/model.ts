import { Schema, type Connection, type Model } from 'mongoose';
import type { SupervisionMeans, SupervisionTrigger } from '@mashang/shared';

/** open → resolved by a supervisor, or → escalated to 政务督查 (000 §24), by a supervisor or the sweeper. */
export const SUPERVISION_STATUSES = ['open', 'resolved', 'escalated'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export interface SupervisionActor {
  kind: 'staff' | 'system';
  id: string;
  name?: string;
}

export interface SupervisionStep {
  note: string;
  by: SupervisionActor;
  at: Date;
}

/**
 * One 督办 record (000 §22-24). `_id` makes it idempotent: automatic records are
 * `${ticketNo}:${trigger}:${round}` (one per ticket, trigger and handling round), records a
 * supervisor opens with the `supervise` action are `${ticketNo}:v${ticketVersion}` (one per
 * action), unit-level records without a ticket (stale knowledge, 001 §22(4)) are
 * `unit:${unitId}:${trigger}:${period}`.
 */
export interface SupervisionDoc {
  _id: string;
  /** ObjectId hex at creation: the list's order and cursor (the `_id`s above do not sort by time). */
  key: string;
  ticketNo: string | null;
  /** The unit supervised: the ticket's lead unit at the time (null before dispatch). */
  unit: string | null;
  /** Lead and co-units: a handler sees the records of tickets its unit works on. */
  units: string[];
  trigger: SupervisionTrigger;
  means: SupervisionMeans;
  note: string;
  by: SupervisionActor;
  at: Date;
  /** Written feedback is due by then (000 §22(2)); unresolved after it → escalated (000 §24). */
  dueAt: Date | null;
  status: SupervisionStatus;
  round: number;
  automatic: boolean;
  /** Other tickets behind the record (the repeats of 000 §23(4)). */
  related: string[];
  resolution: SupervisionStep | null;
  escalation: SupervisionStep | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const actorSchema = new Schema<SupervisionActor>({ kind: String, id: String, name: String }, { _id: false });
const stepSchema = new Schema<SupervisionStep>({ note: String, by: actorSchema, at: Date }, { _id: false });

const supervisionSchema = new Schema<SupervisionDoc>(
  {
    _id: String,
    key: { type: String, required: true, unique: true },
    ticketNo: { type: String, default: null },
    unit: { type: String, default: null },
    units: { type: [String], default: [] },
    trigger: { type: String, required: true },
    means: { type: String, required: true },
    note: { type: String, default: '' },
    by: { type: actorSchema, required: true },
    at: { type: Date, required: true },
    dueAt: { type: Date, default: null },
    status: { type: String, required: true },
    round: { type: Number, default: 1 },
    automatic: { type: Boolean, default: false },
    related: { type: [String], default: [] },
    resolution: { type: stepSchema, default: null },
    escalation: { type: stepSchema, default: null },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'supervisions' },
);
supervisionSchema.index({ ticketNo: 1, at: 1 });
supervisionSchema.index({ status: 1, dueAt: 1 });
supervisionSchema.index({ units: 1, at: -1 });
supervisionSchema.index({ trigger: 1, at: -1 });

export function supervisionModel(db: Connection): Model<SupervisionDoc> {
  return (db.models.Supervision as Model<SupervisionDoc>) ?? db.model<SupervisionDoc>('Supervision', supervisionSchema);
}
