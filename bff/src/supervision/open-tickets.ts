import type { Connection } from 'mongoose';
import { supervisionModel } from './model';

/**
 * Ticket numbers with an open 督办 record: the 督办 queue of the staff list and its count.
 * One read on the `(status, dueAt)` index, only the ticket numbers.
 */
export async function openSupervisionTicketNos(db: Connection): Promise<string[]> {
  const rows = await supervisionModel(db).find({ status: 'open' }, { ticketNo: 1, _id: 0 }).lean<Array<{ ticketNo: string | null }>>();
  return [...new Set(rows.map((r) => r.ticketNo).filter((no): no is string => Boolean(no)))];
}
