import { Schema, type Connection, type Model } from 'mongoose';

/** One accepted request: `_id` = `<key>|<window>|<slot>`, so each window holds at most `limit` slots. */
export interface RateSlotDoc {
  _id: string;
  key: string;
  window: number;
  expiresAt: Date;
}

const slotSchema = new Schema<RateSlotDoc>(
  { _id: String, key: { type: String, required: true }, window: { type: Number, required: true }, expiresAt: { type: Date, required: true } },
  { versionKey: false, collection: 'rate_slots' },
);
slotSchema.index({ key: 1, window: 1 });
slotSchema.index({ expiresAt: 1 });

export function rateSlotModel(db: Connection): Model<RateSlotDoc> {
  return (db.models.RateSlot as Model<RateSlotDoc>) ?? db.model<RateSlotDoc>('RateSlot', slotSchema);
}
