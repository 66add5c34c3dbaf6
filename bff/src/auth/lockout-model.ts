import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One staff login attempt of one client for one username, numbered from 1 since the last
 * success: `_id` = `<username>|<client>|<n>`. The unique `_id` reserves each number once, so
 * however many attempts race, each gets its own number before any password is checked.
 */
export interface LoginAttemptDoc {
  _id: string;
  key: string;
  n: number;
  at: Date;
}

const attemptSchema = new Schema<LoginAttemptDoc>(
  { _id: String, key: { type: String, required: true }, n: { type: Number, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'login_attempts' },
);
attemptSchema.index({ key: 1, n: -1 });

export function loginAttemptModel(db: Connection): Model<LoginAttemptDoc> {
  return (db.models.LoginAttempt as Model<LoginAttemptDoc>) ?? db.model<LoginAttemptDoc>('LoginAttempt', attemptSchema);
}
