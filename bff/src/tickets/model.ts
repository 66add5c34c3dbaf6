import { Schema, type Connection, type Model } from 'mongoose';
import type { StaffRole, TicketState, TimelineEntryDraft } from '@mashang/shared';
import type { AttachmentDescriptor } from '../uploads/service';

/**
 * One ticket is one document (ARCHITECTURE.md "Data store"): the state machine's `TicketState`
 * plus what the BFF keeps beside it. Every change after the insert is one `applyVersioned`
 * update carrying `$set` (state, deadlines, metricKeys, unitScope) and `$push` (timeline).
 */

export interface TimelineActor {
  kind: 'citizen' | 'staff' | 'system';
  id: string;
  name?: string;
  unit?: string;
  roles?: StaffRole[];
}

/** One step of the traceable process (004 §4 「办理过程全程可溯」). */
export interface TimelineEntry extends TimelineEntryDraft {
  at: Date;
  actor: TimelineActor;
}

export interface TicketLocation {
  address?: string;
  name?: string;
  lat?: number;
  lng?: number;
  /** Unit id of the area, when the QR scene or the operator names one. */
  region?: string;
}

/** The citizen's contact for the units: AES-256-GCM (crypto/pii, contexts below) + keyed phone hash. */
export interface TicketContact {
  nameEnc?: string;
  phoneEnc?: string;
  phoneHash?: string;
}

export const CONTACT_NAME_CONTEXT = 'ticket.contact.name';
export const CONTACT_PHONE_CONTEXT = 'ticket.contact.phone';

export interface InternalNote {
  at: Date;
  by: TimelineActor;
  text: string;
}

export interface TicketDoc extends TicketState {
  _id: string;
  content: string;
  /** Words of content and address (Intl.Segmenter 'zh'), lower-cased, for `q` with `$all`. */
  tokens: string[];
  attachments: AttachmentDescriptor[];
  location: TicketLocation | null;
  scene: string | null;
  contact: TicketContact | null;
  /** 000 §14, 004 §14: units see the contact masked. */
  confidential: boolean;
  /** Confidential only for want of the citizen's consent (shared `isConfidentialByDefault`): still offered to neighbours as a similar request. */
  confidentialByDefault?: boolean;
  /**
   * The client's retry key; always present (operators without one get a generated key), because
   * FerretDB v1 has no partial indexes and the `(citizenId, idempotencyKey)` index is unique.
   */
  idempotencyKey: string;
  /** Dispatch-catalogue code (002 §20): the operator's at key-in, else suggested at accept, confirmed at dispatch. Absent on tickets before the catalogue. */
  category?: string | null;
  /**
   * The citizen's mini-program openid, kept for their notices so a state change needs no account
   * lookup; null for a hotline caller (no account). Absent on tickets stored before: looked up.
   */
  openid?: string | null;
  /** msg_sec_check asked for review or could not be reached: accepted, flagged for a person. */
  needsReview: boolean;
  timeline: TimelineEntry[];
  /** Lead and co-units and all their ancestors: `unit=` subtree filters are one indexed match. */
  unitScope: string[];
  /** `"<unitId>|<count>"` (count names of bff/src/stats/rates.ts UNIT_COUNTS); see metric-keys.ts. */
  metricKeys: string[];
  /** Working days from dispatch (or acceptance) to the unit's reply; summed by stats. */
  handlingWorkingDays: number | null;
  internalNotes: InternalNote[];
  updatedAt: Date;
}

const ticketSchema = new Schema<TicketDoc>(
  {
    _id: String,
    no: { type: String, required: true },
    citizenId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    type: { type: String, required: true },
    channel: { type: String, required: true },
    leadUnit: { type: String, default: null },
    coUnits: { type: [String], default: [] },
    dueAt: { type: Date, default: null },
    tokens: { type: [String], default: [] },
    unitScope: { type: [String], default: [] },
    metricKeys: { type: [String], default: [] },
    timeline: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // The state machine owns the rest of the fields (TicketState grows with it): strict off so a
  // new field in `next.set` is stored instead of silently dropped; inputs are zod-validated.
  { versionKey: false, collection: 'tickets', strict: false, minimize: false },
);
ticketSchema.index({ no: 1 }, { unique: true });
ticketSchema.index({ citizenId: 1, idempotencyKey: 1 }, { unique: true });
ticketSchema.index({ citizenId: 1, createdAt: -1 });
ticketSchema.index({ status: 1, dueAt: 1 });
/** Staff lists by status, newest first: the index is walked in order and stops at the page. */
ticketSchema.index({ status: 1, createdAt: -1 });
ticketSchema.index({ unitScope: 1 });
ticketSchema.index({ tokens: 1 });
ticketSchema.index({ createdAt: -1 });
ticketSchema.index({ leadUnit: 1, createdAt: -1 });
ticketSchema.index({ coUnits: 1 });
/** Applications a unit above must review (004 §8-9): in the unit staff's scope. */
ticketSchema.index({ reviewUnit: 1 });

export function ticketModel(db: Connection): Model<TicketDoc> {
  return (db.models.Ticket as Model<TicketDoc>) ?? db.model<TicketDoc>('Ticket', ticketSchema);
}

/** The model with its indexes built: unique inserts decide races only once the index exists. */
export async function readyTicketModel(db: Connection): Promise<Model<TicketDoc>> {
  const model = ticketModel(db);
  await model.init();
  return model;
}

/** Reserves a ticket number for one intake (`<citizenId>:<idempotencyKey>`): retries get the same number. */
export interface IntakeDoc {
  _id: string;
  no: string;
  at: Date;
}

const intakeSchema = new Schema<IntakeDoc>({ _id: String, no: { type: String, required: true }, at: Date }, { versionKey: false, collection: 'ticket_intake' });
intakeSchema.index({ no: 1 }, { unique: true });

export async function readyIntakeModel(db: Connection): Promise<Model<IntakeDoc>> {
  const model = (db.models.TicketIntake as Model<IntakeDoc>) ?? db.model<IntakeDoc>('TicketIntake', intakeSchema);
  await model.init();
  return model;
}
