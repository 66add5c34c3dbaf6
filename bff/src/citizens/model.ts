import { Schema, type Connection, type Model } from 'mongoose';

/** A staff note that a citizen abused the channel (000 §29, 002 §38); it never blocks a request by itself. */
export interface CitizenFlag {
  at: Date;
  by: string;
  reason: string;
}

export interface CitizenDoc {
  _id: string;
  openid: string;
  unionid?: string;
  /** AES-256-GCM (crypto/pii), context `citizen.name` / `citizen.phone`. */
  nameEnc?: string;
  phoneEnc?: string;
  /** Keyed hash of the normalised phone, for lookup (crypto/lookup-hash). */
  phoneHash?: string;
  flags: CitizenFlag[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const flagSchema = new Schema<CitizenFlag>({ at: Date, by: String, reason: String }, { _id: false });

const citizenSchema = new Schema<CitizenDoc>(
  {
    _id: String,
    openid: { type: String, required: true },
    unionid: String,
    nameEnc: String,
    phoneEnc: String,
    phoneHash: String,
    flags: { type: [flagSchema], default: [] },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'citizens' },
);
citizenSchema.index({ openid: 1 }, { unique: true });
citizenSchema.index({ phoneHash: 1 });

export function citizenModel(db: Connection): Model<CitizenDoc> {
  return (db.models.Citizen as Model<CitizenDoc>) ?? db.model<CitizenDoc>('Citizen', citizenSchema);
}

export const NAME_CONTEXT = 'citizen.name';
export const PHONE_CONTEXT = 'citizen.phone';
