/**
 * What the sweeper noticed, recorded once: `_id` = `${kind}:${ticketNo}:${round}` under the
 * unique `_id` index, so a second pass (or a second instance) finds the event already there and
 * does nothing more. Staff read them with the ticket (`listSweepEvents`).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { MISSED_STEP_KINDS } from '@mashang/shared';
import { isDuplicateKey } from '../db/atomic';

/** `<step>-missed`: an intermediate deadline passed while the step is still owed (watched-steps.ts). */
export const SWEEP_EVENT_KINDS = ['due-soon', 'overdue', 'visit-window-passed', ...MISSED_STEP_KINDS] as const;
export type SweepEventKind = (typeof SWEEP_EVENT_KINDS)[number];

export interface SweepEventDoc {
  _id: string;
  kind: SweepEventKind;
  ticketNo: string;
  round: number;
  /** Several events of one kind in a round: the co-unit, the week (else absent). */
  key?: string;
  unit: string | null;
  /** The deadline the event is about (dueAt, or the follow-up deadline). */
  deadline: Date | null;
  at: Date;
}

const sweepEventSchema = new Schema<SweepEventDoc>(
  { _id: String, kind: String, ticketNo: String, round: Number, key: String, unit: { type: String, default: null }, deadline: { type: Date, default: null }, at: Date },
  { versionKey: false, collection: 'sweep_events' },
);
sweepEventSchema.index({ ticketNo: 1, at: 1 });

export function sweepEventModel(db: Connection): Model<SweepEventDoc> {
  return (db.models.SweepEvent as Model<SweepEventDoc>) ?? db.model<SweepEventDoc>('SweepEvent', sweepEventSchema);
}

export const sweepEventId = (kind: SweepEventKind, ticketNo: string, round: number, key?: string): string => `${kind}:${ticketNo}:${round}${key ? `:${key}` : ''}`;

/** Records the event; false when it had been recorded before. */
export async function recordSweepEvent(db: Connection, event: Omit<SweepEventDoc, '_id'>): Promise<boolean> {
  try {
    await sweepEventModel(db).create({ _id: sweepEventId(event.kind, event.ticketNo, event.round, event.key), ...event });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function hasSweepEvent(db: Connection, kind: SweepEventKind, ticketNo: string, round: number): Promise<boolean> {
  return (await sweepEventModel(db).countDocuments({ _id: sweepEventId(kind, ticketNo, round) })) > 0;
}

/** A ticket's sweeper events, oldest first (due-soon warnings, overdue, follow-up window passed). */
export async function listSweepEvents(db: Connection, ticketNo: string): Promise<Array<{ kind: SweepEventKind; round: number; deadline: string | null; at: string }>> {
  const rows = await sweepEventModel(db).find({ ticketNo }).sort({ at: 1 }).lean<SweepEventDoc[]>();
  return rows.map((r) => ({ kind: r.kind, round: r.round, deadline: r.deadline ? r.deadline.toISOString() : null, at: r.at.toISOString() }));
}
