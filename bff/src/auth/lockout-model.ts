import { Schema, type Connection, type Model } from 'mongoose';

/** One failed staff login. Insert-only, so concurrent failures are all counted (no lossy `$inc`). */
export interface LoginFailureDoc {
  _id: string;
  username: string;
  at: Date;
}

const failureSchema = new Schema<LoginFailureDoc>(
  { _id: String, username: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'login_failures' },
);
failureSchema.index({ username: 1, at: -1 });

export function loginFailureModel(db: Connection): Model<LoginFailureDoc> {
  return (db.models.LoginFailure as Model<LoginFailureDoc>) ?? db.model<LoginFailureDoc>('LoginFailure', failureSchema);
}
