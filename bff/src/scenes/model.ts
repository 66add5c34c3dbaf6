import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A QR code point 码上反映: a printed code at a place. `_id` is the scene code itself (what
 * WeChat hands the mini-program), so the public lookup after a scan is one `_id` read, and a
 * printed code can never be re-pointed to another place.
 */
export interface SceneDoc {
  _id: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  /** The street or community unit whose territory the point is in. */
  region: string | null;
  defaultUnit: string | null;
  /** Dispatch-catalogue codes the form proposes first. */
  categories: string[];
  active: boolean;
  /** Approximate: `$inc` can lose increments under contention on FerretDB; fine for a usage figure. */
  scans: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const sceneSchema = new Schema<SceneDoc>(
  {
    _id: String,
    name: { type: String, required: true },
    address: { type: String, required: true },
    location: { lat: Number, lng: Number },
    region: { type: String, default: null },
    defaultUnit: { type: String, default: null },
    categories: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    scans: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'scenes' },
);
sceneSchema.index({ region: 1, active: 1 });

export function sceneModel(db: Connection): Model<SceneDoc> {
  return (db.models.Scene as Model<SceneDoc>) ?? db.model<SceneDoc>('Scene', sceneSchema);
}

export async function findScene(db: Connection, scene: string): Promise<SceneDoc | null> {
  return sceneModel(db).findById(scene).lean<SceneDoc>();
}
