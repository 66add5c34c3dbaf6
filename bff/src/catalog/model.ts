import { Schema, type Connection, type Model } from 'mongoose';
import type { Assignment } from '@mashang/shared';

/**
 * A category of the dispatch catalogue 派发工单目录 (002 §20). `_id` is its code: two digits
 * per level (01 大类, 0101 中类, 010101 小类), so the tree order is the code order.
 */
export interface CategoryDoc {
  _id: string;
  name: string;
  parent: string | null;
  level: number;
  /** Names from the top, e.g. 城乡建设/市容环境/路灯照明. */
  path: string;
  keywords: string[];
  /** Tokens of name and keywords, for matching a citizen's text. */
  tokens: string[];
  /** Responsible unit per region; `region: null` applies where no region-specific row does. */
  assignments: Assignment[];
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const assignmentSchema = new Schema<Assignment>({ region: { type: String, default: null }, lead: String, coUnits: { type: [String], default: [] } }, { _id: false });

const categorySchema = new Schema<CategoryDoc>(
  {
    _id: String,
    name: { type: String, required: true },
    parent: { type: String, default: null },
    level: { type: Number, required: true },
    path: { type: String, required: true },
    keywords: { type: [String], default: [] },
    tokens: { type: [String], default: [] },
    assignments: { type: [assignmentSchema], default: [] },
    active: { type: Boolean, default: true },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'catalog_categories' },
);
categorySchema.index({ parent: 1 });

export function categoryModel(db: Connection): Model<CategoryDoc> {
  return (db.models.CatalogCategory as Model<CategoryDoc>) ?? db.model<CategoryDoc>('CatalogCategory', categorySchema);
}

/** A suggestion and what the dispatcher finally chose (`correct` 0/1 so stats can `$sum` it). */
export interface DispatchOutcomeDoc {
  _id: string;
  ticketNo: string;
  round: number;
  suggested: { leadUnit: string | null; coUnits: string[]; category: string | null; confidence: number };
  chosen: { leadUnit: string; coUnits: string[] };
  correct: number;
  at: Date;
}

const outcomeSchema = new Schema<DispatchOutcomeDoc>(
  {
    _id: String,
    ticketNo: { type: String, required: true },
    round: Number,
    suggested: { leadUnit: { type: String, default: null }, coUnits: [String], category: { type: String, default: null }, confidence: Number },
    chosen: { leadUnit: String, coUnits: [String] },
    correct: Number,
    at: Date,
  },
  { versionKey: false, collection: 'dispatch_suggestions' },
);
outcomeSchema.index({ at: 1 });

export function dispatchOutcomeModel(db: Connection): Model<DispatchOutcomeDoc> {
  return (db.models.DispatchOutcome as Model<DispatchOutcomeDoc>) ?? db.model<DispatchOutcomeDoc>('DispatchOutcome', outcomeSchema);
}
