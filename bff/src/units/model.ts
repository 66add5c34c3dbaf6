import { Schema, type Connection, type Model } from 'mongoose';
import type { UnitKind, UnitLevel } from '@mashang/shared';

/**
 * A handling unit in the organisation tree (003 §5, 004 §4). The materialized path makes a
 * subtree one indexed query: `ancestors` lists the ids from the root down to and including
 * the unit itself, `path` is the same as `,root,child,self,` for display and prefix checks.
 */
export interface UnitDoc {
  _id: string;
  name: string;
  parent: string | null;
  /** `parent ?? ''`: keeps sibling names unique with one plain compound index. */
  parentKey: string;
  level: UnitLevel;
  kind: UnitKind;
  /** Public utilities answer around the clock (000 §16, 001 §20). */
  is24h: boolean;
  ancestors: string[];
  path: string;
  depth: number;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const unitSchema = new Schema<UnitDoc>(
  {
    _id: String,
    name: { type: String, required: true },
    parent: { type: String, default: null },
    parentKey: { type: String, default: '' },
    level: { type: String, required: true },
    kind: { type: String, required: true },
    is24h: { type: Boolean, default: false },
    ancestors: { type: [String], default: [] },
    path: { type: String, required: true },
    depth: { type: Number, required: true },
    active: { type: Boolean, default: true },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'units' },
);
unitSchema.index({ parentKey: 1, name: 1 }, { unique: true });
unitSchema.index({ ancestors: 1 });
unitSchema.index({ kind: 1, level: 1 });

export function unitModel(db: Connection): Model<UnitDoc> {
  return (db.models.Unit as Model<UnitDoc>) ?? db.model<UnitDoc>('Unit', unitSchema);
}

/** A short lease that serialises subtree moves across BFF instances (unique `_id`). */
export interface TreeLockDoc {
  _id: string;
  owner: string;
  at: Date;
}

const lockSchema = new Schema<TreeLockDoc>({ _id: String, owner: String, at: Date }, { versionKey: false, collection: 'unit_tree_locks' });

export function treeLockModel(db: Connection): Model<TreeLockDoc> {
  return (db.models.UnitTreeLock as Model<TreeLockDoc>) ?? db.model<TreeLockDoc>('UnitTreeLock', lockSchema);
}
