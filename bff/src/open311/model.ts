import { Schema, type Connection, type Model } from 'mongoose';

/**
 * An Open311 client (a civic app such as FixMyStreet) registered by an administrator. Only a
 * SHA-256 of its api_key is kept: the key is shown once, at creation, and cannot be read back.
 */
export interface Open311ClientDoc {
  _id: string;
  name: string;
  /** SHA-256 (hex) of the api_key; unique. */
  keyHash: string;
  /** The key's first characters, so an administrator can tell keys apart. */
  keyHint: string;
  /** Requests it may file per hour (rate limit per api_key). */
  requestsPerHour: number;
  active: boolean;
  createdAt: Date;
  createdBy: { id: string; name?: string };
  revokedAt: Date | null;
  revokedBy: { id: string; name?: string } | null;
}

const actorSchema = new Schema({ id: String, name: String }, { _id: false });
const clientSchema = new Schema<Open311ClientDoc>(
  {
    _id: String,
    name: { type: String, required: true },
    keyHash: { type: String, required: true },
    keyHint: { type: String, required: true },
    requestsPerHour: { type: Number, required: true },
    active: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    createdBy: actorSchema,
    revokedAt: { type: Date, default: null },
    revokedBy: { type: actorSchema, default: null },
  },
  { versionKey: false, collection: 'open311_clients' },
);
clientSchema.index({ keyHash: 1 }, { unique: true });

export async function readyClientModel(db: Connection): Promise<Model<Open311ClientDoc>> {
  const model = (db.models.Open311Client as Model<Open311ClientDoc>) ?? db.model<Open311ClientDoc>('Open311Client', clientSchema);
  await model.init();
  return model;
}

/**
 * What Open311 adds to a ticket it filed (`_id` = the ticket number): the client, the token of
 * the spec's token resource and the reporter's e-mail (AES-GCM, context below), which the
 * ticket's contact has no field for.
 */
export interface Open311RequestDoc {
  _id: string;
  token: string;
  clientId: string;
  emailEnc?: string;
  createdAt: Date;
}

export const EMAIL_CONTEXT = 'open311.request.email';

const requestSchema = new Schema<Open311RequestDoc>(
  { _id: String, token: { type: String, required: true }, clientId: { type: String, required: true }, emailEnc: String, createdAt: { type: Date, required: true } },
  { versionKey: false, collection: 'open311_requests' },
);
requestSchema.index({ token: 1 }, { unique: true });

export async function readyRequestModel(db: Connection): Promise<Model<Open311RequestDoc>> {
  const model = (db.models.Open311Request as Model<Open311RequestDoc>) ?? db.model<Open311RequestDoc>('Open311Request', requestSchema);
  await model.init();
  return model;
}
