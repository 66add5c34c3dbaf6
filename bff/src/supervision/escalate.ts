/**
 * 000 §24: a 督办 still unresolved goes to 政务督查. The record is closed as escalated first (one
 * versioned write: exactly one escalation even with several sweepers or supervisors), then the
 * ticket, if still open, gets the state machine's `supervise` with the means `inspection` — so
 * its timeline shows the hand-over and its supervision flags read `escalated`.
 */
import type { Actor } from '@mashang/shared';
import { AppError } from '../http/errors';
import { performAction } from '../tickets/actions';
import type { TicketDeps } from '../tickets/deps';
import type { StaffActor } from '../http/route';
import type { SupervisionDoc } from './model';
import { escalateSupervision } from './service';

type Escalator = StaffActor | Extract<Actor, { kind: 'system' }>;

export async function escalateWithTicket(deps: TicketDeps, record: SupervisionDoc, note: string, actor: Escalator): Promise<SupervisionDoc> {
  const escalated = await escalateSupervision(deps, record, note, actor);
  if (!record.ticketNo) return escalated;
  try {
    await performAction(deps, actor, { no: record.ticketNo, action: 'supervise', input: { means: 'inspection', trigger: record.trigger, note } });
  } catch (err) {
    // A finished ticket (409 INVALID_TRANSITION), a lost race (409) or a ticket gone (404): the record alone carries the escalation.
    if (!(err instanceof AppError && (err.status === 409 || err.status === 404))) throw err;
    deps.logger.info({ no: record.ticketNo, id: record._id, code: err.code }, 'escalated without a ticket action');
  }
  return escalated;
}
