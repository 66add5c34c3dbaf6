import { Schema, type Connection, type Model } from 'mongoose';
import type { StaffRole } from '@mashang/shared';

export interface StaffDoc {
  _id: string;
  /** Lower-cased; unique. */
  username: string;
  passwordHash: string;
  name: string;
  roles: StaffRole[];
  unit?: string;
  active: boolean;
  /**
   * Security stamp: bumped when the password, roles, unit or active flag change. Tokens carry
   * it (`sv`), so every token issued before such a change stops working.
   */
  stamp: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const staffSchema = new Schema<StaffDoc>(
  {
    _id: String,
    username: { type: String, required: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true },
    roles: { type: [String], required: true },
    unit: String,
    active: { type: Boolean, default: true },
    stamp: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'staff' },
);
staffSchema.index({ username: 1 }, { unique: true });
staffSchema.index({ unit: 1, _id: -1 });
staffSchema.index({ roles: 1, _id: -1 });

export function staffModel(db: Connection): Model<StaffDoc> {
  return (db.models.Staff as Model<StaffDoc>) ?? db.model<StaffDoc>('Staff', staffSchema);
}
