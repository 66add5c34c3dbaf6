/**
 * Internal notes on a ticket (staff only, never in the citizen view). A note is not a step of
 * the process: it is kept in its own collection so it neither moves the ticket's version (no
 * stale If-Match, no lost race for whoever acts meanwhile) nor adds a timeline entry, and an
 * insert is atomic on FerretDB too. Every note is audited (004 §4 traceable).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../audit/paging';
import { recordAudit } from '../audit/service';
import type { StaffActor } from '../http/route';
import { loadTicketFor } from './access';
import { timelineActor, type TicketDeps } from './deps';
import type { InternalNote } from './model';

interface TicketNoteDoc extends InternalNote {
  _id: string;
  ticketNo: string;
}

const noteSchema = new Schema<TicketNoteDoc>(
  { _id: String, ticketNo: { type: String, required: true }, at: { type: Date, required: true }, by: { type: Schema.Types.Mixed, required: true }, text: { type: String, required: true } },
  { versionKey: false, collection: 'ticket_notes' },
);
noteSchema.index({ ticketNo: 1, at: 1 });

function noteModel(db: Connection): Model<TicketNoteDoc> {
  return (db.models.TicketNote as Model<TicketNoteDoc>) ?? db.model<TicketNoteDoc>('TicketNote', noteSchema);
}

/** POST /api/admin/v1/tickets/{no}/notes: whoever may see the ticket may note on it. */
export async function addInternalNote(deps: TicketDeps, actor: StaffActor, no: string, text: string): Promise<InternalNote> {
  const ticket = await loadTicketFor(deps, actor, no);
  const note: InternalNote = { at: deps.clock.now(), by: timelineActor(actor), text };
  await noteModel(deps.db).create({ _id: newId(), ticketNo: ticket.no, ...note });
  await recordAudit(deps.db, { actor, action: 'ticket.note.add', target: { type: 'ticket', id: ticket.no }, at: note.at });
  return note;
}

/** A ticket's notes, oldest first. */
export async function listInternalNotes(db: Connection, no: string): Promise<InternalNote[]> {
  const rows = await noteModel(db).find({ ticketNo: no }).sort({ at: 1, _id: 1 }).lean<TicketNoteDoc[]>();
  return rows.map((r) => ({ at: r.at, by: r.by, text: r.text }));
}
