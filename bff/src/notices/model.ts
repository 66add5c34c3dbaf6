import { Schema, type Connection, type Model } from 'mongoose';
import type { StaffNoticeKind, StaffNoticeLevel, StaffRole, TicketType } from '@mashang/shared';

/** Who a staff notice is addressed to: one staff member, every staff member of a unit, or a platform role. */
export type NoticeRecipient = { staff: string } | { unit: string } | { role: StaffRole };

/** `staff:<id>` · `unit:<id>` · `role:<role>`: one indexed string, so an inbox is one `$in`. */
export function recipientKey(r: NoticeRecipient): string {
  if ('staff' in r) return `staff:${r.staff}`;
  if ('unit' in r) return `unit:${r.unit}`;
  return `role:${r.role}`;
}

/**
 * One notice in the staff inbox (issue 12 item 6). `_id` = `<source>:<recipient key>`, the source
 * being the ticket event (`<no>:<version>:<kind>`) or the sweeper's finding
 * (`<kind>:<no>:<round>[:<key>]`), so performing an effect or a sweep step again adds nothing.
 * A notice to a unit or a role is read per staff member: `readBy` (ids) filters, `reads` says when.
 */
export interface StaffNoticeDoc {
  _id: string;
  to: string;
  kind: StaffNoticeKind;
  level: StaffNoticeLevel;
  title: string;
  note?: string;
  ticketNo: string;
  ticketType: TicketType;
  /** The deadline the notice is about (due soon, overdue, a missed step). */
  deadline?: Date | null;
  /** The article the notice rests on. */
  cite?: string;
  readBy: string[];
  reads: Array<{ by: string; at: Date }>;
  createdAt: Date;
}

const staffNoticeSchema = new Schema<StaffNoticeDoc>(
  {
    _id: String,
    to: { type: String, required: true },
    kind: { type: String, required: true },
    level: { type: String, required: true },
    title: { type: String, required: true },
    note: String,
    ticketNo: { type: String, required: true },
    ticketType: { type: String, required: true },
    deadline: { type: Date, default: null },
    cite: String,
    readBy: { type: [String], default: [] },
    reads: { type: [{ _id: false, by: String, at: Date }], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'staff_notices' },
);
staffNoticeSchema.index({ to: 1, createdAt: -1, _id: -1 });
staffNoticeSchema.index({ ticketNo: 1 });

export function staffNoticeModel(db: Connection): Model<StaffNoticeDoc> {
  return (db.models.StaffNotice as Model<StaffNoticeDoc>) ?? db.model<StaffNoticeDoc>('StaffNotice', staffNoticeSchema);
}
