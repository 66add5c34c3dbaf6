import { Schema, type Connection, type Model } from 'mongoose';

import { INTERVIEW_GROUND_LABELS, INTERVIEW_GROUNDS, type InterviewGround } from '@mashang/shared';

export { INTERVIEW_GROUND_LABELS, INTERVIEW_GROUNDS, type InterviewGround };

export interface StaffRef {
  id: string;
  name?: string;
}

export interface PublishedUnit {
  unit: string;
  unitName: string;
  score: number;
  rank: number;
  ofTop: number | null;
  marked: boolean;
}

export interface PublishedGroup {
  group: string;
  label: string;
  cite: string | null;
  lastN: number;
  ratioOfTop: number;
  units: PublishedUnit[];
}

/** A published monthly ranking (月通报, 003 §26): `_id` is the month (`2026-11`), published once. */
export interface RankingPublicationDoc {
  _id: string;
  label: string;
  from: Date;
  to: Date;
  scoring: string;
  groups: PublishedGroup[];
  note: string;
  publishedAt: Date;
  publishedBy: StaffRef;
}

/**
 * One interview (约谈) of a unit (003 §27-28). `period` is the month it counts for: the ranking's
 * month for 003 §28(4), the month it was held otherwise. `_id` of a ranking interview is
 * `<unit>:<period>:ranking` (one per unit and ranking), of the others an ObjectId hex.
 */
export interface InterviewDoc {
  _id: string;
  unit: string;
  unitName: string;
  ground: InterviewGround;
  period: string;
  heldOn: string;
  interviewer: string;
  interviewee: string;
  note: string;
  recordedAt: Date;
  recordedBy: StaffRef;
}

const staffRef = new Schema<StaffRef>({ id: String, name: String }, { _id: false });

const publicationSchema = new Schema<RankingPublicationDoc>(
  { _id: String, label: String, from: Date, to: Date, scoring: String, groups: { type: Schema.Types.Mixed, default: [] }, note: String, publishedAt: Date, publishedBy: staffRef },
  { versionKey: false, collection: 'ranking_publications' },
);

const interviewSchema = new Schema<InterviewDoc>(
  { _id: String, unit: String, unitName: String, ground: String, period: String, heldOn: String, interviewer: String, interviewee: String, note: String, recordedAt: Date, recordedBy: staffRef },
  { versionKey: false, collection: 'interviews' },
);
interviewSchema.index({ unit: 1, period: 1 });
interviewSchema.index({ period: 1 });

export function rankingPublicationModel(db: Connection): Model<RankingPublicationDoc> {
  return (db.models.RankingPublication as Model<RankingPublicationDoc>) ?? db.model<RankingPublicationDoc>('RankingPublication', publicationSchema);
}

export function interviewModel(db: Connection): Model<InterviewDoc> {
  return (db.models.Interview as Model<InterviewDoc>) ?? db.model<InterviewDoc>('Interview', interviewSchema);
}
