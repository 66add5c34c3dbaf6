import { Schema, type Connection, type Model } from 'mongoose';
import type { MediaKind } from '@mashang/shared';

/** One issued upload policy: who may attach the object, what was declared, and (once attached) where. */
export interface UploadDoc {
  _id: string;
  /** The uploader: a citizen id, or `staff:<staffId>` for a staff upload (service `staffUploader`). */
  citizenId: string;
  kind: MediaKind;
  mime: string;
  maxSize: number;
  duration?: number;
  issuedAt: Date;
  expiresAt: Date;
  /** Ticket number the object was attached to (informational; `media_uses` is the guarantee). */
  usedBy?: string;
}

/** The single-use guarantee: a unique `_id` per key, inserted when a ticket claims it. */
export interface MediaUseDoc {
  _id: string;
  ticketNo: string;
  citizenId: string;
  at: Date;
}

const uploadSchema = new Schema<UploadDoc>(
  {
    _id: String,
    citizenId: { type: String, required: true },
    kind: { type: String, required: true },
    mime: { type: String, required: true },
    maxSize: { type: Number, required: true },
    duration: Number,
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedBy: String,
  },
  { versionKey: false, collection: 'uploads' },
);
uploadSchema.index({ citizenId: 1, issuedAt: -1 });

const mediaUseSchema = new Schema<MediaUseDoc>(
  { _id: String, ticketNo: { type: String, required: true, index: true }, citizenId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'media_uses' },
);

export function uploadModel(db: Connection): Model<UploadDoc> {
  return (db.models.Upload as Model<UploadDoc>) ?? db.model<UploadDoc>('Upload', uploadSchema);
}

export function mediaUseModel(db: Connection): Model<MediaUseDoc> {
  return (db.models.MediaUse as Model<MediaUseDoc>) ?? db.model<MediaUseDoc>('MediaUse', mediaUseSchema);
}
