import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One citizen refresh token, stored only as its SHA-256. Tokens of one login form a family,
 * numbered from 0: `_id` = `<family>:<n>`. Rotating token n inserts token n + 1 under that
 * unique `_id`, so of two uses of the same token exactly one can succeed (a unique index is
 * atomic on FerretDB and MongoDB alike, a guarded update is not); the other is a reuse.
 */
export interface RefreshTokenDoc {
  _id: string;
  hash: string;
  family: string;
  n: number;
  citizen: string;
  createdAt: Date;
  expiresAt: Date;
  /** Set on every token of the family by logout or by a detected reuse. */
  revokedAt?: Date;
}

const refreshTokenSchema = new Schema<RefreshTokenDoc>(
  {
    _id: String,
    hash: { type: String, required: true, unique: true },
    family: { type: String, required: true, index: true },
    n: { type: Number, required: true },
    citizen: { type: String, required: true, index: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: Date,
  },
  { versionKey: false, collection: 'citizen_refresh_tokens' },
);

export function refreshTokenModel(db: Connection): Model<RefreshTokenDoc> {
  return (db.models.CitizenRefreshToken as Model<RefreshTokenDoc>) ?? db.model<RefreshTokenDoc>('CitizenRefreshToken', refreshTokenSchema);
}
