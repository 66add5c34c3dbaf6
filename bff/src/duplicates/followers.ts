/**
 * Citizens who follow another citizen's request (「关注此诉求」) or whose own request was merged
 * into it: they count as supporters (000 §23(5) 多人反映) and receive its notices. One row per
 * (ticket, citizen), keyed by `_id`, so following twice is one row (unique insert, atomic on
 * FerretDB too).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../db/atomic';

export type FollowVia = 'follow' | 'merged';

export interface FollowerDoc {
  _id: string;
  ticketNo: string;
  citizenId: string;
  via: FollowVia;
  /** For `merged`: the citizen's own ticket that was merged into this one. */
  fromTicket: string | null;
  at: Date;
}

const followerSchema = new Schema<FollowerDoc>(
  {
    _id: String,
    ticketNo: { type: String, required: true },
    citizenId: { type: String, required: true },
    via: { type: String, required: true },
    fromTicket: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'ticket_followers' },
);
followerSchema.index({ ticketNo: 1, at: 1 });
followerSchema.index({ citizenId: 1, at: -1 });

export function followerModel(db: Connection): Model<FollowerDoc> {
  return (db.models.TicketFollower as Model<FollowerDoc>) ?? db.model<FollowerDoc>('TicketFollower', followerSchema);
}

export const followerId = (ticketNo: string, citizenId: string): string => `${ticketNo}:${citizenId}`;

/** Adds the row unless it exists; returns whether this call created it. */
export async function addFollower(db: Connection, row: Omit<FollowerDoc, '_id'>): Promise<boolean> {
  try {
    await followerModel(db).create({ _id: followerId(row.ticketNo, row.citizenId), ...row });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function findFollower(db: Connection, ticketNo: string, citizenId: string): Promise<FollowerDoc | null> {
  return followerModel(db).findById(followerId(ticketNo, citizenId)).lean<FollowerDoc>();
}

export async function removeFollower(db: Connection, ticketNo: string, citizenId: string): Promise<boolean> {
  const r = await followerModel(db).deleteOne({ _id: followerId(ticketNo, citizenId) });
  return r.deletedCount === 1;
}

/** Everyone to notify besides the ticket's own citizen (the outbox sends them the same notices). */
export async function ticketFollowers(db: Connection, ticketNo: string): Promise<FollowerDoc[]> {
  return followerModel(db).find({ ticketNo }).sort({ at: 1 }).limit(1000).lean<FollowerDoc[]>();
}

export async function followerCount(db: Connection, ticketNo: string): Promise<number> {
  return followerModel(db).countDocuments({ ticketNo });
}

/** Which of `ticketNos` the citizen follows. */
export async function followedAmong(db: Connection, citizenId: string, ticketNos: readonly string[]): Promise<Set<string>> {
  const rows = await followerModel(db)
    .find({ _id: { $in: ticketNos.map((no) => followerId(no, citizenId)) } }, { ticketNo: 1 })
    .lean<Array<Pick<FollowerDoc, 'ticketNo'>>>();
  return new Set(rows.map((r) => r.ticketNo));
}
